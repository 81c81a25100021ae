import SimulatedCluster
import Testing
import TokenCore

/// A created token as the tests need it.
struct IssuedToken {
    var id: TokenID
    var secret: String
}

extension SimulatedCluster {
    /// Creates a token through the router and returns its ID and string.
    mutating func issueToken(
        _ permissions: [Permission], description: String = "test token", expiresAt: Instant? = nil
    ) throws -> IssuedToken {
        let response = handle(.createDatabaseToken(description: description, permissions: permissions, expiresAt: expiresAt))
        guard case .databaseToken(let view, let accessToken?) = response.body else {
            throw UnexpectedResponse(response: response)
        }
        return IssuedToken(id: view.id, secret: accessToken)
    }

    /// Moves the clock to the token's synchronization instant.
    mutating func waitForSync(_ token: IssuedToken) throws {
        let sync = try #require(syncInstant(of: token.id))
        if sync > now { advance(by: sync - now) }
    }

    @discardableResult
    mutating func createDatabases(_ names: String...) -> [Int] {
        names.map { handle(.createDatabase(DatabaseSettings(name: $0))).status }
    }
}

struct UnexpectedResponse: Error {
    var response: ManagementResponse
}

func read(_ database: String) -> Permission { Permission(action: .read, resource: Resource(database)) }
func write(_ database: String) -> Permission { Permission(action: .write, resource: Resource(database)) }
