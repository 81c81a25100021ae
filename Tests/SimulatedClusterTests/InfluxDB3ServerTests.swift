import SimulatedCluster
import Testing
import TokenCore

@Suite("The simulated InfluxDB 3 server's tokens")
struct InfluxDB3ServerTests {
    private func server() -> InfluxDB3Server { InfluxDB3Server(seed: 7, now: Instant(secondsSinceEpoch: 1_800_000_000)) }

    @Test("one operator token; regenerating it refuses the old string")
    func operatorToken() throws {
        var server = server()
        let first = try server.createAdminToken(name: nil, expiresAt: nil).get()
        #expect(first.secret.hasPrefix("apiv3_"))
        #expect(first.token.kind == .operator)
        #expect(throws: InfluxDB3Server.Refusal.operatorExists) { try server.createAdminToken(name: nil, expiresAt: nil).get() }
        let second = try server.regenerateOperatorToken().get()
        #expect(server.authorize(first.secret, .write, database: "any") == 401)
        #expect(server.authorize(second.secret, .write, database: "any") == 200)
        #expect(throws: InfluxDB3Server.Refusal.operatorCannotBeDeleted) { try server.deleteToken(named: "_admin").get() }
    }

    @Test("a resource token works for what it grants, until it expires or is deleted, and is never listed with its string")
    func resourceToken() throws {
        var server = server()
        let expiry = server.now + .seconds(3_600)
        let created = try server.createResourceToken(name: "reader", permissions: [Permission(action: .read, resource: .database("sensors"))],
                                                     systemResources: [], expiresAt: expiry).get()
        #expect(server.authorize(created.secret, .read, database: "sensors") == 200)
        #expect(server.authorize(created.secret, .write, database: "sensors") == 403)
        #expect(server.authorize(created.secret, .read, database: "logs") == 403)
        #expect(!server.renderTokenList().contains(created.secret))
        #expect(server.renderTokenList().contains("reader"))
        #expect(throws: InfluxDB3Server.Refusal.nameTaken("reader")) {
            try server.createResourceToken(name: "reader", permissions: [], systemResources: [], expiresAt: nil).get()
        }
        var later = server
        later.advance(by: .seconds(3_600))
        #expect(later.authorize(created.secret, .read, database: "sensors") == 401)
        try server.deleteToken(named: "reader").get()
        #expect(server.authorize(created.secret, .read, database: "sensors") == 401)
    }

    @Test("the same seed gives the same token strings")
    func deterministic() throws {
        var one = server()
        var two = server()
        #expect(try one.createAdminToken(name: "ops", expiresAt: nil).get().secret == two.createAdminToken(name: "ops", expiresAt: nil).get().secret)
    }
}
