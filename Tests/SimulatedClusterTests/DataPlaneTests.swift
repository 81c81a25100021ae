import SimulatedCluster
import Testing
import TokenCore

@Suite("Data plane, sync delay and determinism")
struct DataPlaneTests {
    @Test func refusesWith401UntilSynchronizedThenAccepts() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: 11))
        cluster.createDatabases("mydb")
        let token = try cluster.issueToken([read("mydb"), write("mydb")])
        let sync = try #require(cluster.syncInstant(of: token.id))
        #expect(sync > cluster.now)

        let refused = cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1")
        #expect(refused.status == 401)
        #expect(refused.body == "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}")
        #expect(refused.message == "unauthorized access")
        cluster.advance(by: sync - cluster.now - .nanoseconds(1))
        #expect(cluster.query(token: token.secret, database: "mydb", query: "SELECT 1").status == 401)
        cluster.advance(by: .nanoseconds(1))
        #expect(cluster.now == sync)
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1") == DataResponse(status: 204, body: ""))
        #expect(cluster.query(token: token.secret, database: "mydb", query: "SELECT 1") == DataResponse(status: 200, body: "[]"))
    }

    @Test func syncDelaysAreDrawnWithinTheConfiguredRange() throws {
        for seed in UInt64(0)..<20 {
            var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: seed))
            var delays = Set<Duration>()
            for _ in 0..<10 {
                let token = try cluster.issueToken([])
                let delay = try #require(cluster.syncInstant(of: token.id)) - cluster.now
                #expect(delay >= .seconds(2) && delay <= .seconds(180))
                delays.insert(delay)
            }
            #expect(delays.count > 1)
        }
        var fixed = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .seconds(5) ... .seconds(5)))
        let token = try fixed.issueToken([])
        #expect(fixed.syncInstant(of: token.id) == fixed.now + .seconds(5))
        var immediate = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .zero ... .zero))
        immediate.createDatabases("mydb")
        let instant = try immediate.issueToken([write("mydb")])
        #expect(immediate.write(token: instant.secret, database: "mydb", lineProtocol: "m f=1").status == 204)
    }

    @Test func anIsolatedClusterAnswersForItsTokenAsTheWholeClusterDoes() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb", "otherdb")
        let probed = try cluster.issueToken([read("mydb"), write("otherdb")])
        let other = try cluster.issueToken([read("*")])
        try cluster.waitForSync(probed)
        try cluster.waitForSync(other)
        var isolated = cluster.isolating(databaseToken: probed.id)
        for database in ["mydb", "otherdb", "missingdb"] {
            #expect(isolated.query(token: probed.secret, database: database, query: "SELECT 1")
                == cluster.query(token: probed.secret, database: database, query: "SELECT 1"))
            #expect(isolated.write(token: probed.secret, database: database, lineProtocol: "m f=1")
                == cluster.write(token: probed.secret, database: database, lineProtocol: "m f=1"))
        }
        #expect(isolated.query(token: other.secret, database: "mydb", query: "SELECT 1").status == 401)
        #expect(isolated.tokenRecords.map(\.id) == [probed.id])
        #expect(isolated.handle(.listDatabases).body == cluster.handle(.listDatabases).body)
    }

    @Test func forbidsValidTokensWithoutThePermission() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb", "other")
        let token = try cluster.issueToken([write("mydb")])
        try cluster.waitForSync(token)
        let read = cluster.query(token: token.secret, database: "mydb", query: "SELECT 1")
        #expect(read.status == 403)
        #expect(read.body == "{\"code\":\"forbidden\",\"message\":\"token does not have read permission for database \\\"mydb\\\"\"}")
        #expect(cluster.write(token: token.secret, database: "other", lineProtocol: "m f=1").status == 403)
        let refused = cluster.query(token: token.secret, database: "mydb", query: "SELECT 1")
        #expect(refused == DataResponse.failure(
            status: 403, code: "forbidden", message: "token does not have read permission for database \"mydb\""
        ))
        #expect(refused.message == "token does not have read permission for database \"mydb\"")
    }

    @Test func aPresentedSecretIsAnsweredAsItsString() throws {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb")
        let token = try cluster.issueToken([write("mydb")])
        try cluster.waitForSync(token)
        for secret in [nil, "", "apiv1_stranger", token.secret] {
            for database in ["mydb", "other"] {
                #expect(cluster.write(token: PresentedSecret(secret), database: database, lineProtocol: "m f=1")
                    == cluster.write(token: secret, database: database, lineProtocol: "m f=1"))
                #expect(cluster.query(token: PresentedSecret(secret), database: database, query: "SELECT 1")
                    == cluster.query(token: secret, database: database, query: "SELECT 1"))
            }
        }
    }

    @Test func missingDatabaseIs404OnlyForAuthorizedTokens() throws {
        var cluster = SimulatedCluster()
        let wildcard = try cluster.issueToken([write("*"), read("*")])
        let narrow = try cluster.issueToken([write("mydb")])
        try cluster.waitForSync(wildcard)
        try cluster.waitForSync(narrow)
        let missing = cluster.write(token: wildcard.secret, database: "air_sensor", lineProtocol: "m f=1")
        #expect(missing.status == 404)
        #expect(missing.body == "{\"code\":\"not found\",\"message\":\"database \\\"air_sensor\\\" not found\"}")
        #expect(cluster.query(token: wildcard.secret, database: "air_sensor", query: "SELECT 1").status == 404)
        #expect(cluster.write(token: narrow.secret, database: "air_sensor", lineProtocol: "m f=1").status == 403)
        #expect(cluster.write(token: nil, database: "air_sensor", lineProtocol: "m f=1").status == 401)
    }

    @Test func expiredTokensAreRefusedFromTheExpiryInstant() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .seconds(2) ... .seconds(2)))
        cluster.createDatabases("mydb")
        let expiry = cluster.now + .seconds(60)
        let token = try cluster.issueToken([write("mydb")], expiresAt: expiry)
        try cluster.waitForSync(token)
        cluster.advance(by: expiry - cluster.now - .nanoseconds(1))
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 204)
        cluster.advance(by: .nanoseconds(1))
        #expect(cluster.write(token: token.secret, database: "mydb", lineProtocol: "m f=1").status == 401)
    }

    @Test func clockNeverRunsBackwards() {
        var cluster = SimulatedCluster()
        let start = cluster.now
        #expect(start == Instant(rfc3339: "2026-01-01T00:00:00Z"))
        cluster.advance(by: .seconds(-10))
        #expect(cluster.now == start)
        cluster.advance(by: .seconds(10))
        #expect(cluster.now == start + .seconds(10))
    }

    @Test(arguments: [
        "m f=1", "m,tag=a f=1i", "m f=1u", "m f=-1.5e3", "m f=.5", "m f=t", "m f=FALSE", "m f=\"a string, with space\"",
        "m f=\"esc \\\" quote\"", "m f=1 1700000000000000000", "m f=1 -5", "my\\ measurement,t\\,k=v\\ x f=1,g=2",
        "home,room=Kitchen temp=21.0,hum=35.9,co=0i 1641024000\nhome,room=Living temp=22 1641024000",
        "# comment\n\nm f=1\n", "m  f=1",
    ])
    func acceptsLineProtocol(lines: String) throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .zero ... .zero))
        cluster.createDatabases("db")
        let token = try cluster.issueToken([write("db")])
        let response = cluster.write(token: token.secret, database: "db", lineProtocol: lines)
        #expect(response.status == 204, "\(response.body)")
    }

    @Test(arguments: [
        "", "# only a comment", "m", "m ", ",t=v f=1", "m,t f=1", "m,t= f=1", "m f", "m f=", "m =1", "m f=abc",
        "m f=1x", "m f=\"unterminated", "m f=\"s\"x", "m f=1 12abc", "m f=1 1 2", "m f=1i2", "m f=1e", "m f=1.2.3",
    ])
    func rejectsMalformedLineProtocolWith400(lines: String) throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .zero ... .zero))
        cluster.createDatabases("db")
        let token = try cluster.issueToken([write("db")])
        let response = cluster.write(token: token.secret, database: "db", lineProtocol: lines)
        #expect(response.status == 400)
        #expect(response.body.hasPrefix("{\"code\":\"invalid\",\"message\":"))
    }

    @Test func blankQueriesAnswer400() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .zero ... .zero))
        cluster.createDatabases("db")
        let token = try cluster.issueToken([read("db")])
        #expect(cluster.query(token: token.secret, database: "db", query: "  ").status == 400)
    }

    /// Runs one fixed scenario and collects every byte the cluster and the renderer produce.
    private static func transcript(seed: UInt64) -> [String] {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: seed))
        var lines: [String] = []
        let renderers = [TokenCreateOutputStyle.idAndString, .warningsAndString, .detailsTableWarningsAndString]
            .map(InfluxctlRenderer.init)
        var requests: [ManagementRequest] = [
            .createDatabase(DatabaseSettings(name: "mydb")),
            .createDatabaseToken(description: "one", permissions: [read("mydb")], expiresAt: nil),
            .createDatabaseToken(description: "two", permissions: [write("*")], expiresAt: cluster.now + .seconds(3600)),
            .createManagementToken(description: "admin", expiresAt: nil),
            .listDatabaseTokens(includeRevoked: true),
            .listManagementTokens,
            .listDatabases,
        ]
        var index = 0
        while index < requests.count {
            let request = requests[index]
            let response = cluster.handle(request)
            lines.append("\(response.status) \(response.json())")
            for renderer in renderers {
                for format in [CLIOutputFormat.table, .json] {
                    let output = renderer.render(request, response, format: format)
                    lines += [output.stdout, output.stderr, String(output.exitCode)]
                }
            }
            if case .databaseToken(let view, let secret?) = response.body {
                requests.append(.deleteDatabaseToken(id: view.id.rawValue))
                cluster.advance(by: .seconds(90))
                lines.append(cluster.write(token: secret, database: "mydb", lineProtocol: "m f=1").body)
            }
            index += 1
        }
        return lines
    }

    @Test func sameSeedGivesByteForByteIdenticalOutput() {
        let first = Self.transcript(seed: 1234)
        let second = Self.transcript(seed: 1234)
        #expect(first == second)
        #expect(first.count > 50)
        #expect(Self.transcript(seed: 1235) != first)
    }
}
