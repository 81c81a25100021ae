import SimulatedCluster
import Testing
import TokenCore

@Suite("Management router: databases and management tokens")
struct DatabaseRouterTests {
    private func databaseNames(_ cluster: inout SimulatedCluster) -> [String] {
        guard case .databases(let views) = cluster.handle(.listDatabases).body else { return [] }
        return views.map(\.name)
    }

    @Test func createListAndConflict() {
        var cluster = SimulatedCluster()
        let created = cluster.handle(.createDatabase(DatabaseSettings(name: "mydb")))
        #expect(created.status == 200)
        guard case .database(let view) = created.body else {
            Issue.record("no database in \(created.body)")
            return
        }
        #expect(view.maxTables == 500)
        #expect(view.maxColumnsPerTable == 250)
        #expect(view.retentionPeriod == 0)
        #expect(created.json() == "{\"accountId\":\"00000000-0000-4000-8000-00000000000a\","
            + "\"clusterId\":\"00000000-0000-4000-8000-00000000000c\",\"name\":\"mydb\",\"maxTables\":500,"
            + "\"maxColumnsPerTable\":250,\"retentionPeriod\":0}")
        let duplicate = cluster.handle(.createDatabase(DatabaseSettings(name: "mydb")))
        #expect(duplicate.status == 409)
        #expect(cluster.handle(.createDatabase(DatabaseSettings(name: "MYDB"))).status == 200)
        #expect(databaseNames(&cluster) == ["mydb", "MYDB"])
        #expect(cluster.handle(.listDatabases).status == 200)
    }

    @Test(arguments: [
        "", "my db", "my.db", "db;drop", "_internal", "-dash", "/slash", "émoji", String(repeating: "x", count: 65),
    ])
    func invalidNamesAnswer400(name: String) {
        var cluster = SimulatedCluster()
        let response = cluster.handle(.createDatabase(DatabaseSettings(name: name)))
        #expect(response.status == 400)
        #expect(DatabaseName.problem(with: name) != nil)
        #expect(databaseNames(&cluster).isEmpty)
    }

    @Test(arguments: ["mydb", "db/rp", "a-b_c", "9lives", "X", String(repeating: "x", count: 64)])
    func validNamesAreAccepted(name: String) {
        var cluster = SimulatedCluster()
        #expect(cluster.handle(.createDatabase(DatabaseSettings(name: name))).status == 200)
        #expect(DatabaseName.problem(with: name) == nil)
    }

    @Test(arguments: [
        DatabaseSettings(name: "db", maxTables: 0),
        DatabaseSettings(name: "db", maxColumnsPerTable: 0),
        DatabaseSettings(name: "db", maxColumnsPerTable: 1001),
        DatabaseSettings(name: "db", retentionPeriod: -1),
    ])
    func invalidLimitsAnswer400(settings: DatabaseSettings) {
        var cluster = SimulatedCluster()
        #expect(cluster.handle(.createDatabase(settings)).status == 400)
    }

    @Test func updateChangesOnlyWhatIsGiven() {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        let response = cluster.handle(.updateDatabase(name: "mydb", maxTables: nil, maxColumnsPerTable: nil, retentionPeriod: 3_600_000_000_000))
        #expect(response.status == 200)
        guard case .database(let view) = response.body else {
            Issue.record("no database in \(response.body)")
            return
        }
        #expect(view.retentionPeriod == 3_600_000_000_000)
        #expect(view.maxTables == 500)
        #expect(cluster.handle(.updateDatabase(name: "mydb", maxTables: nil, maxColumnsPerTable: nil, retentionPeriod: nil)).status == 400)
        #expect(cluster.handle(.updateDatabase(name: "mydb", maxTables: 0, maxColumnsPerTable: nil, retentionPeriod: nil)).status == 400)
        #expect(cluster.handle(.updateDatabase(name: "other", maxTables: 10, maxColumnsPerTable: nil, retentionPeriod: nil)).status == 404)
    }

    @Test func deleteThenUndelete() {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        #expect(cluster.handle(.deleteDatabase(name: "mydb")).status == 204)
        #expect(databaseNames(&cluster).isEmpty)
        #expect(cluster.handle(.deleteDatabase(name: "mydb")).status == 404)
        #expect(cluster.handle(.undeleteDatabase(name: "mydb")).status == 200)
        #expect(databaseNames(&cluster) == ["mydb"])
        #expect(cluster.handle(.undeleteDatabase(name: "mydb")).status == 409)
        #expect(cluster.handle(.undeleteDatabase(name: "never")).status == 404)
    }

    @Test func undeleteConflictsWithANewDatabaseOfTheSameName() {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        _ = cluster.handle(.deleteDatabase(name: "mydb"))
        #expect(cluster.handle(.createDatabase(DatabaseSettings(name: "mydb"))).status == 200)
        #expect(cluster.handle(.undeleteDatabase(name: "mydb")).status == 409)
    }

    @Test func tokensFollowNamesAcrossDeleteAndRecreate() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        let token = try cluster.issueToken([write("mydb")])
        try cluster.waitForSync(token)
        _ = cluster.handle(.deleteDatabase(name: "mydb"))
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 404)
        cluster.createDatabases("mydb")
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 204)
    }

    @Test func renameMovesTheNameAndOldTokensStopWorking() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("old", "taken")
        let token = try cluster.issueToken([write("old")])
        try cluster.waitForSync(token)
        #expect(cluster.handle(.renameDatabase(from: "old", to: "taken")).status == 409)
        #expect(cluster.handle(.renameDatabase(from: "old", to: "bad name")).status == 400)
        #expect(cluster.handle(.renameDatabase(from: "missing", to: "new")).status == 404)
        let renamed = cluster.handle(.renameDatabase(from: "old", to: "new"))
        #expect(renamed.status == 200)
        #expect(databaseNames(&cluster) == ["new", "taken"])
        #expect(cluster.write(token: token.secret, database: "new", lineProtocol: "m f=1").status == 403)
        #expect(cluster.write(token: token.secret, database: "old", lineProtocol: "m f=1").status == 404)
    }

    @Test func managementTokensCreateListRevoke() throws {
        var cluster = SimulatedCluster()
        let created = cluster.handle(.createManagementToken(description: "Client1 token", expiresAt: nil))
        #expect(created.status == 200)
        guard case .managementToken(let view, let secret?) = created.body else {
            Issue.record("no management token in \(created.body)")
            return
        }
        #expect(secret.hasPrefix("M.V1."))
        #expect(view.tokenPrefix == String(secret.prefix(9)))
        #expect(cluster.handle(.createManagementToken(description: "  ", expiresAt: nil)).status == 400)
        cluster.advance(by: .seconds(3))
        #expect(cluster.handle(.revokeManagementToken(id: view.id.rawValue)).status == 204)
        #expect(cluster.handle(.revokeManagementToken(id: view.id.rawValue)).status == 404)
        let list = cluster.handle(.listManagementTokens)
        #expect(list.status == 200)
        guard case .managementTokens(let views) = list.body else {
            Issue.record("no management tokens in \(list.body)")
            return
        }
        #expect(views.map(\.id) == [view.id])
        #expect(views.first?.revokedAt == cluster.now)
        #expect(!list.json().contains(secret))
    }

    @Test(arguments: [
        ManagementRequest.createManagementToken(description: "x", expiresAt: nil),
        .listManagementTokens,
        .revokeManagementToken(id: "00000000-0000-4000-8000-000000000001"),
    ])
    func managementTokensAnswer404BeforeTheyExisted(request: ManagementRequest) {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(managementTokensSupported: false))
        #expect(cluster.handle(request).status == 404)
    }
}
