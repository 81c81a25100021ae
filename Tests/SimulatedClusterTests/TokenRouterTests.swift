import SimulatedCluster
import Testing
import TokenCore

@Suite("Management router: database tokens")
struct TokenRouterTests {
    private static let unknownID = "00000000-0000-4000-8000-000000000099"

    @Test func createAnswers200WithTheStringOnce() throws {
        var cluster = SimulatedCluster()
        let response = cluster.handle(.createDatabaseToken(description: "d", permissions: [read("mydb")], expiresAt: nil))
        #expect(response.status == 200)
        guard case .databaseToken(let view, let accessToken?) = response.body else {
            Issue.record("no access token in \(response.body)")
            return
        }
        #expect(TokenSecret.isWellFormed(accessToken))
        #expect(view.createdAt == cluster.now)
        #expect(view.permissions == [read("mydb")])
        #expect(view.accountID == ClusterConfiguration.defaultAccountID)
        #expect(response.json().contains("\"accessToken\":\"\(accessToken)\""))
        let get = cluster.handle(.getDatabaseToken(id: view.id.rawValue, includeRevoked: false))
        #expect(get.status == 200)
        #expect(get.body == .databaseToken(view, accessToken: nil))
        #expect(!get.json().contains(accessToken))
        #expect(!get.json().contains("accessToken"))
    }

    @Test(arguments: ["", String(repeating: "d", count: 65)])
    func createRejectsInvalidResources(name: String) {
        var cluster = SimulatedCluster()
        let response = cluster.handle(.createDatabaseToken(description: "d", permissions: [read("ok"), write(name)], expiresAt: nil))
        #expect(response.status == 400)
        #expect(cluster.tokenRecords.isEmpty)
    }

    @Test func createAcceptsEmptyDescriptionsEmptyPermissionsAndUnknownDatabases() {
        var cluster = SimulatedCluster()
        #expect(cluster.handle(.createDatabaseToken(description: "", permissions: [], expiresAt: nil)).status == 200)
        #expect(cluster.handle(.createDatabaseToken(
            description: "future db", permissions: [read(String(repeating: "d", count: 64))], expiresAt: nil)).status == 200)
        #expect(cluster.tokenRecords.count == 2)
    }

    @Test func listAndGetHideRevokedTokensUnlessAsked() throws {
        var cluster = SimulatedCluster()
        let kept = try cluster.issueToken([read("a")], description: "kept")
        let revoked = try cluster.issueToken([read("b")], description: "revoked")
        cluster.advance(by: .seconds(10))
        #expect(cluster.handle(.deleteDatabaseToken(id: revoked.id.rawValue)) == ManagementResponse(status: 204, body: .empty))

        #expect(cluster.handle(.listDatabaseTokens(includeRevoked: false)).status == 200)
        guard case .databaseTokens(let active) = cluster.handle(.listDatabaseTokens(includeRevoked: false)).body,
              case .databaseTokens(let all) = cluster.handle(.listDatabaseTokens(includeRevoked: true)).body
        else {
            Issue.record("list did not answer with tokens")
            return
        }
        #expect(active.map(\.id) == [kept.id])
        #expect(all.map(\.id) == [kept.id, revoked.id])
        #expect(all[1].revokedAt == cluster.now)
        #expect(cluster.handle(.getDatabaseToken(id: revoked.id.rawValue, includeRevoked: false)).status == 404)
        #expect(cluster.handle(.getDatabaseToken(id: revoked.id.rawValue, includeRevoked: true)).status == 200)
    }

    @Test func listJSONSeparatesTokensWhoseLastMemberIsATimestamp() throws {
        var cluster = SimulatedCluster()
        let first = try cluster.issueToken([read("a")], description: "first")
        let second = try cluster.issueToken([], description: "second", expiresAt: cluster.now + .seconds(60))
        let json = cluster.handle(.listDatabaseTokens(includeRevoked: true)).json()
        #expect(json.hasPrefix("[{\"accountId\""))
        #expect(json.contains("\"createdAt\":\"2026-01-01T00:00:00Z\"},{\"accountId\""))
        #expect(json.contains("\"id\":\"\(first.id)\""))
        #expect(json.contains("\"id\":\"\(second.id)\""))
        #expect(json.hasSuffix("\"expiresAt\":\"2026-01-01T00:01:00Z\"}]"))
    }

    @Test(arguments: [
        ManagementRequest.getDatabaseToken(id: "TOKEN_ID", includeRevoked: false),
        .updateDatabaseToken(id: "not-a-uuid", description: "x", permissions: nil),
        .deleteDatabaseToken(id: ""),
        .revokeManagementToken(id: "M.V1.abc"),
    ])
    func malformedIDsAnswer400(request: ManagementRequest) {
        var cluster = SimulatedCluster()
        let response = cluster.handle(request)
        #expect(response.status == 400)
        #expect(response.errorMessage?.contains("expected a UUID") == true)
    }

    @Test(arguments: [
        ManagementRequest.getDatabaseToken(id: unknownID, includeRevoked: true),
        .updateDatabaseToken(id: unknownID, description: "x", permissions: nil),
        .deleteDatabaseToken(id: unknownID),
        .revokeManagementToken(id: unknownID),
    ])
    func unknownIDsAnswer404(request: ManagementRequest) {
        var cluster = SimulatedCluster()
        let response = cluster.handle(request)
        #expect(response.status == 404)
        #expect(response.json().hasPrefix("{\"code\":404,\"message\":"))
    }

    @Test func deleteRevokesOnceAndTheTokenStopsWorking() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        let token = try cluster.issueToken([write("mydb")])
        try cluster.waitForSync(token)
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 204)
        #expect(cluster.handle(.deleteDatabaseToken(id: token.id.rawValue)).status == 204)
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 401)
        #expect(cluster.handle(.deleteDatabaseToken(id: token.id.rawValue)).status == 404)
        #expect(cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: "x", permissions: nil)).status == 404)
    }

    @Test func updateReplacesDescriptionAndPermissions() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("a", "b")
        let token = try cluster.issueToken([read("a")], description: "before")
        try cluster.waitForSync(token)
        let renamed = cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: "after", permissions: nil))
        #expect(renamed.status == 200)
        guard case .databaseToken(let view, nil) = renamed.body else {
            Issue.record("update must not return an access token: \(renamed.body)")
            return
        }
        #expect(view.description == "after")
        #expect(view.permissions == [read("a")])
        let replaced = cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: nil, permissions: [write("b")]))
        #expect(replaced.status == 200)
        #expect(cluster.query(token: token.secret, database: "a", query: "SELECT 1").status == 403)
        #expect(cluster.write(token: token.secret, database: "b", lineProtocol: "m f=1").status == 204)
        #expect(cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: nil, permissions: nil)).status == 400)
        #expect(cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: nil, permissions: [read("")])).status == 400)
    }

    @Test func updateIsRefusedWhenTheEraHasNoUpdate() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(tokenUpdate: .none))
        let token = try cluster.issueToken([read("a")], description: "fixed")
        for request in [
            ManagementRequest.updateDatabaseToken(id: token.id.rawValue, description: "changed", permissions: nil),
            .updateDatabaseToken(id: token.id.rawValue, description: nil, permissions: [write("a")]),
            .updateDatabaseToken(id: token.id.rawValue, description: "changed", permissions: [write("a")]),
        ] {
            let response = cluster.handle(request)
            #expect(response.status == 405)
            #expect(response.status == SimulatedCluster.tokenUpdateUnsupportedStatus)
        }
        #expect(cluster.tokenRecords.first?.description == "fixed")
        #expect(cluster.tokenRecords.first?.permissions == [read("a")])
    }

    @Test func descriptionOnlyEraRefusesPermissionChangesWhole() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(tokenUpdate: .descriptionOnly))
        let token = try cluster.issueToken([read("a")], description: "before")
        let mixed = cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: "changed", permissions: [write("a")]))
        #expect(mixed.status == 400)
        #expect(mixed.errorMessage == "token permissions cannot be updated; only the description can change")
        #expect(cluster.tokenRecords.first?.description == "before")
        #expect(cluster.tokenRecords.first?.permissions == [read("a")])
        let describe = cluster.handle(.updateDatabaseToken(id: token.id.rawValue, description: "after", permissions: nil))
        #expect(describe.status == 200)
        #expect(cluster.tokenRecords.first?.description == "after")
    }

    @Test func errorBodiesAreTheAPIErrorObject() {
        var cluster = SimulatedCluster()
        let response = cluster.handle(.getDatabaseToken(id: Self.unknownID, includeRevoked: false))
        #expect(response.json() == "{\"code\":404,\"message\":\"database token \\\"\(Self.unknownID)\\\" not found\"}")
        #expect(ManagementResponse(status: 204, body: .empty).json() == "")
    }
}
