import SimulatedCluster
import Testing
import TokenCore

@Suite("influxctl renderer")
struct RendererTests {
    /// With seed 42 the first token created has this ID and this string.
    private static let tokenID = "7e3a116d-86d9-4461-a199-e439325317ae"
    private static let secret = "apiv1_oWCzA0etuOxkXuzif9zm_ThSeQExpQ3Fst1lWoVUIbiHAObrQyea2X5kl25ybunCPbxfd19hVpVxORAMNDu1rg"
    private static let warnings = "warn\tplease copy the token and store in a safe place\n"
        + "warn\tthis is the *only time* you will see the token\n"

    private static let createRequest = ManagementRequest.createDatabaseToken(
        description: "Example Token",
        permissions: [read("mydb"), write("*")],
        expiresAt: Instant(rfc3339: "2026-01-08T00:00:00Z")
    )

    private static func created() -> (SimulatedCluster, ManagementResponse) {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: 42))
        let response = cluster.handle(createRequest)
        return (cluster, response)
    }

    @Test func apiCreateResponseJSON() {
        let (_, response) = Self.created()
        #expect(response.json() == "{\"accountId\":\"00000000-0000-4000-8000-00000000000a\","
            + "\"clusterId\":\"00000000-0000-4000-8000-00000000000c\",\"id\":\"\(Self.tokenID)\","
            + "\"description\":\"Example Token\",\"permissions\":[{\"action\":\"read\",\"resource\":\"mydb\"},"
            + "{\"action\":\"write\",\"resource\":\"*\"}],\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"expiresAt\":\"2026-01-08T00:00:00Z\",\"accessToken\":\"\(Self.secret)\"}")
    }

    @Test(arguments: [
        ("plain text", "\"plain text\""),
        ("a<b>&c", "\"a\\u003cb\\u003e\\u0026c\""),
        ("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\""),
        ("line\nbreak\ttab\u{1}", "\"line\\nbreak\\ttab\\u0001\""),
        ("\u{2028}\u{2029} and é – ünïcode", "\"\\u2028\\u2029 and é – ünïcode\""),
    ])
    func descriptionsAreEscapedAsGoEscapesThem(description: String, expected: String) {
        var cluster = SimulatedCluster()
        let response = cluster.handle(.createDatabaseToken(description: description, permissions: [], expiresAt: nil))
        #expect(response.json().contains("\"description\":\(expected),"))
    }

    @Test func createInTheOneDotZeroStyle() {
        let (_, response) = Self.created()
        let output = InfluxctlRenderer(tokenCreateStyle: .idAndString).render(Self.createRequest, response, format: .table)
        #expect(output == CommandOutput(stdout: "Token ID: \(Self.tokenID)\nToken: \(Self.secret)\n", stderr: "", exitCode: 0))
    }

    @Test func createInTheTwoDotXStyle() {
        let (_, response) = Self.created()
        let output = InfluxctlRenderer(tokenCreateStyle: .warningsAndString).render(Self.createRequest, response, format: .table)
        #expect(output == CommandOutput(stdout: Self.secret + "\n", stderr: Self.warnings, exitCode: 0))
    }

    @Test func createInTheTwoDotElevenStyle() {
        let (_, response) = Self.created()
        let output = InfluxctlRenderer(tokenCreateStyle: .detailsTableWarningsAndString)
            .render(Self.createRequest, response, format: .table)
        let table = """
            +-------------+--------------------------------------+
            |          id | 7e3a116d-86d9-4461-a199-e439325317ae |
            | description | Example Token                        |
            |  expires at | 2026-01-08T00:00:00Z                 |
            |  revoked at |                                      |
            +-------------+--------------------------------------+

            """
        #expect(output == CommandOutput(stdout: table + Self.secret + "\n", stderr: Self.warnings, exitCode: 0))
    }

    @Test(arguments: [TokenCreateOutputStyle.idAndString, .warningsAndString, .detailsTableWarningsAndString])
    func createAsJSON(style: TokenCreateOutputStyle) {
        let (_, response) = Self.created()
        let output = InfluxctlRenderer(tokenCreateStyle: style).render(Self.createRequest, response, format: .json)
        let json = """
            {
              "account_id": "00000000-0000-4000-8000-00000000000a",
              "cluster_id": "00000000-0000-4000-8000-00000000000c",
              "id": "7e3a116d-86d9-4461-a199-e439325317ae",
              "description": "Example Token",
              "permissions": [
                {
                  "id": "00000000-0000-0000-0000-000000000000",
                  "action": "read",
                  "resource": "mydb"
                },
                {
                  "id": "00000000-0000-0000-0000-000000000000",
                  "action": "write",
                  "resource": "*"
                }
              ],
              "expires_at": {
                "seconds": 1767830400
              },
              "access_token": "\(Self.secret)"
            }

            """
        #expect(output.stdout == json)
        #expect(output.stderr == (style == .idAndString ? "" : Self.warnings))
        #expect(output.exitCode == 0)
    }

    @Test func tokenListTableAndJSON() {
        var (cluster, _) = Self.created()
        _ = cluster.handle(.createDatabaseToken(description: "read-only for mydb2", permissions: [read("mydb2")], expiresAt: nil))
        let request = ManagementRequest.listDatabaseTokens(includeRevoked: false)
        let response = cluster.handle(request)
        let renderer = InfluxctlRenderer(tokenCreateStyle: .warningsAndString)
        let table = renderer.render(request, response, format: .table)
        #expect(table.stdout == """
            +--------------------------------------+---------------------+
            | ID                                   | DESCRIPTION         |
            +--------------------------------------+---------------------+
            | 7e3a116d-86d9-4461-a199-e439325317ae | Example Token       |
            | b6c60630-a9ed-4fcd-8227-b4a465084852 | read-only for mydb2 |
            +--------------------------------------+---------------------+

            """)
        #expect(table.stderr.isEmpty)
        let json = renderer.render(request, response, format: .json)
        #expect(json.stdout.hasPrefix("[\n  {\n    \"account_id\": \"00000000-0000-4000-8000-00000000000a\",\n"))
        #expect(json.stdout.hasSuffix("""
                "description": "read-only for mydb2",
                "permissions": [
                  {
                    "id": "00000000-0000-0000-0000-000000000000",
                    "action": "read",
                    "resource": "mydb2"
                  }
                ]
              }
            ]

            """))
    }

    @Test func emptyTokenListIsHeaderOnlyAndEmptyArray() {
        var cluster = SimulatedCluster()
        let request = ManagementRequest.listDatabaseTokens(includeRevoked: false)
        let response = cluster.handle(request)
        let renderer = InfluxctlRenderer(tokenCreateStyle: .warningsAndString)
        #expect(renderer.render(request, response, format: .table).stdout == """
            +----+-------------+
            | ID | DESCRIPTION |
            +----+-------------+
            +----+-------------+

            """)
        #expect(renderer.render(request, response, format: .json).stdout == "[]\n")
    }

    @Test func multiLineDescriptionsSpanSeveralTableLines() {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: 42))
        _ = cluster.handle(.createDatabaseToken(description: "first\nsecond line", permissions: [], expiresAt: nil))
        let request = ManagementRequest.listDatabaseTokens(includeRevoked: false)
        let output = InfluxctlRenderer(tokenCreateStyle: .warningsAndString)
            .render(request, cluster.handle(request), format: .table)
        #expect(output.stdout.contains("| \(Self.tokenID) | first       |\n|                                      | second line |\n"))
    }

    @Test func databaseListTableAndJSON() {
        var cluster = SimulatedCluster()
        cluster.createDatabases("mydb1")
        _ = cluster.handle(.createDatabase(DatabaseSettings(
            name: "mydb3", maxTables: 100, maxColumnsPerTable: 200, retentionPeriod: 86_400_000_000_000
        )))
        _ = cluster.handle(.createDatabase(DatabaseSettings(name: "mixed", retentionPeriod: 5_430_000_000_000)))
        let response = cluster.handle(.listDatabases)
        let renderer = InfluxctlRenderer(tokenCreateStyle: .detailsTableWarningsAndString)
        #expect(renderer.render(.listDatabases, response, format: .table).stdout == """
            +---------------+------------------+------------+-----------------------+
            | DATABASE NAME | RETENTION PERIOD | MAX TABLES | MAX COLUMNS PER TABLE |
            +---------------+------------------+------------+-----------------------+
            | mydb1         | infinite         |        500 |                   250 |
            | mydb3         | 1d               |        100 |                   200 |
            | mixed         | 1h30m30s         |        500 |                   250 |
            +---------------+------------------+------------+-----------------------+

            """)
        let json = renderer.render(.listDatabases, response, format: .json).stdout
        #expect(json.contains("""
              {
                "account_id": "00000000-0000-4000-8000-00000000000a",
                "cluster_id": "00000000-0000-4000-8000-00000000000c",
                "database_name": "mydb3",
                "retention_period_ns": 86400000000000,
                "max_tables": 100,
                "max_columns_per_table": 200
              },
            """))
    }

    @Test func managementCreateAndList() {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: 42))
        let create = ManagementRequest.createManagementToken(description: "Client1 token", expiresAt: nil)
        let created = cluster.handle(create)
        guard case .managementToken(let view, let secret?) = created.body else {
            Issue.record("no management token in \(created.body)")
            return
        }
        let renderer = InfluxctlRenderer(tokenCreateStyle: .detailsTableWarningsAndString)
        #expect(renderer.render(create, created, format: .table) == CommandOutput(stdout: """
            +-------------+--------------------------------------+
            |          id | \(view.id) |
            | description | Client1 token                        |
            |  expires at |                                      |
            |  revoked at |                                      |
            +-------------+--------------------------------------+
            \(secret)

            """, stderr: Self.warnings, exitCode: 0))
        cluster.advance(by: .milliseconds(1500))
        _ = cluster.handle(.revokeManagementToken(id: view.id.rawValue))
        let list = cluster.handle(.listManagementTokens)
        #expect(renderer.render(.listManagementTokens, list, format: .table).stdout == """
            +--------------------------------------+---------------+-----------+----------------------+----------------------+----------------------+
            | ID                                   | DESCRIPTION   | PREFIX    | CREATED AT           | EXPIRES AT           | REVOKED AT           |
            +--------------------------------------+---------------+-----------+----------------------+----------------------+----------------------+
            | \(view.id) | Client1 token | \(view.tokenPrefix) | 2026-01-01T00:00:00Z | 1970-01-01T00:00:00Z | 2026-01-01T00:00:01Z |
            +--------------------------------------+---------------+-----------+----------------------+----------------------+----------------------+

            """)
        #expect(renderer.render(.listManagementTokens, list, format: .json).stdout == """
            [
              {
                "id": "\(view.id)",
                "account_id": "00000000-0000-4000-8000-00000000000a",
                "token_prefix": "\(view.tokenPrefix)",
                "revoked_at": {
                  "seconds": 1767225601,
                  "nanos": 500000000
                },
                "created_at": {
                  "seconds": 1767225600
                },
                "description": "Client1 token",
                "created_by": "00000000-0000-4000-8000-00000000000e"
              }
            ]

            """)
    }

    @Test func errorsGoToStderrWithExitCode1() {
        var cluster = SimulatedCluster()
        let request = ManagementRequest.createDatabase(DatabaseSettings(name: "bad name"))
        let output = InfluxctlRenderer(tokenCreateStyle: .warningsAndString).render(request, cluster.handle(request), format: .table)
        #expect(output == CommandOutput(
            stdout: "",
            stderr: "Error: database name \"bad name\" contains \" \"; only letters, digits, _, - and / are allowed\n",
            exitCode: 1
        ))
    }

    @Test func commandsWithoutDocumentedOutputPrintNothing() {
        var cluster = SimulatedCluster()
        let renderer = InfluxctlRenderer(tokenCreateStyle: .warningsAndString)
        for request in [
            ManagementRequest.createDatabase(DatabaseSettings(name: "db")),
            .updateDatabase(name: "db", maxTables: 10, maxColumnsPerTable: nil, retentionPeriod: nil),
            .renameDatabase(from: "db", to: "db2"),
            .deleteDatabase(name: "db2"),
            .undeleteDatabase(name: "db2"),
        ] {
            let response = cluster.handle(request)
            #expect(response.isSuccess)
            #expect(renderer.render(request, response, format: .table) == CommandOutput(stdout: "", stderr: "", exitCode: 0))
        }
    }

    @Test func dataOutputs() throws {
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(syncDelay: .zero ... .zero))
        cluster.createDatabases("db")
        let token = try cluster.issueToken([read("db"), write("db")])
        let renderer = InfluxctlRenderer(tokenCreateStyle: .warningsAndString)
        let written = cluster.write(token: token.secret, database: "db", lineProtocol: "m f=1")
        #expect(renderer.renderData(written) == CommandOutput(stdout: ""))
        let queried = cluster.query(token: token.secret, database: "db", query: "SELECT 1")
        #expect(renderer.renderData(queried, format: .json) == CommandOutput(stdout: "[]\n"))
        #expect(renderer.renderData(queried, format: .table) == CommandOutput(stdout: ""))
        let refused = cluster.query(token: "apiv1_wrong", database: "db", query: "SELECT 1")
        #expect(renderer.renderData(refused) == CommandOutput(stdout: "", stderr: "Error: unauthorized access\n", exitCode: 1))
    }
}
