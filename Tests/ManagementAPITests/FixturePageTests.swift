import Diagnostics
import ManagementAPI
import ShellSyntax
import Testing

/// What one curl command of a fixture page must give: the line its `curl` word stands on, the
/// typed request (spelt by `spelled(_:)`) and the exact findings.
struct PageExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var request: String
    var findings: [String]
    var isAPICall = true

    var testDescription: String { "\(file):\(line)" }
}

private let expectations: [PageExpectation] = [
    // create-token.md
    PageExpectation(file: "create-token.md", line: 30, request: "createDatabaseToken(Read-only access to DATABASE_NAME, [read:DATABASE_NAME], -)", findings: []),
    PageExpectation(file: "create-token.md", line: 54,
                    request: "createDatabaseToken(Write access for one week, [write:DATABASE_NAME], $(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)?)", findings: []),
    // The docs-v2 bug: `\"expiresAt:\" \"...\"`: the `"` standing where `:` belongs.
    PageExpectation(file: "create-token.md", line: 69, request: "nil", findings: ["api.invalid-json@73:65-73:66"]),
    PageExpectation(file: "create-token.md", line: 79, request: "nil", findings: ["api.schema@82:44-82:60"]),
    PageExpectation(file: "create-token.md", line: 90, request: "nil", findings: ["api.schema@94:63-94:70", "api.schema@94:84-94:97"]),
    PageExpectation(file: "create-token.md", line: 100, request: "createDatabaseToken(Reads everything, [read:*], -)", findings: []),
    PageExpectation(file: "create-token.md", line: 110, request: "createDatabaseToken(Loader, [write:DATABASE_NAME], -)", findings: []),
    PageExpectation(file: "create-token.md", line: 116, request: "nil", findings: ["api.schema@120:1-120:2"]),
    PageExpectation(file: "create-token.md", line: 131, request: "createDatabaseToken(Nobody signed this, [], -)", findings: ["api.missing-header@131:1-131:5"]),
    PageExpectation(file: "create-token.md", line: 139, request: "nil", findings: [], isAPICall: false),
    // update-token.md
    PageExpectation(file: "update-token.md", line: 10, request: "listDatabaseTokens", findings: []),
    PageExpectation(file: "update-token.md", line: 17, request: "getDatabaseToken(TOKEN_ID)", findings: []),
    PageExpectation(file: "update-token.md", line: 39, request: "updateDatabaseToken(TOKEN_ID, Dashboards (read-only), -)", findings: []),
    // The docs-v2 bug: a trailing comma after the last permission, reported at the comma.
    PageExpectation(file: "update-token.md", line: 53, request: "nil", findings: ["api.invalid-json@61:57-61:58"]),
    PageExpectation(file: "update-token.md", line: 71, request: "nil", findings: ["api.unknown-endpoint@71:9-71:12"]),
    PageExpectation(file: "update-token.md", line: 80, request: "nil", findings: ["api.schema@81:87-81:88"]),
    PageExpectation(file: "update-token.md", line: 82, request: "nil", findings: ["api.schema@84:38-84:49"]),
    PageExpectation(file: "update-token.md", line: 85, request: "nil", findings: ["api.schema@86:89-86:104"]),
    PageExpectation(file: "update-token.md", line: 92, request: "nil", findings: ["api.unknown-endpoint@92:6-92:101"]),
    PageExpectation(file: "update-token.md", line: 101, request: "deleteDatabaseToken(0f3c9a52-7d41-4e8b-9b6a-2c5d8e1f4a70)", findings: []),
    // databases.md
    PageExpectation(file: "databases.md", line: 12, request: "createDatabase(DATABASE_NAME, 300, 150, 2592000000000000)", findings: []),
    PageExpectation(file: "databases.md", line: 31, request: "createDatabase($DB_NAME?, -, -, -)", findings: []),
    PageExpectation(file: "databases.md", line: 41, request: "nil", findings: ["api.schema@45:13-45:26", "api.schema@46:18-46:19", "api.schema@47:24-47:29"]),
    PageExpectation(file: "databases.md", line: 52, request: "nil", findings: ["api.invalid-json@55:12-55:13"]),
    PageExpectation(file: "databases.md", line: 61, request: "createDatabase(sensors, -, -, -)", findings: ["api.missing-header@63:3-63:9"]),
    PageExpectation(file: "databases.md", line: 69, request: "nil", findings: ["api.schema@73:31-73:37"]),
    PageExpectation(file: "databases.md", line: 79, request: "renameDatabase(DATABASE_NAME, sensors-archive)", findings: []),
    PageExpectation(file: "databases.md", line: 84, request: "deleteDatabase(DATABASE_NAME)", findings: []),
    PageExpectation(file: "databases.md", line: 92, request: "nil", findings: ["api.unknown-endpoint@92:6-92:93"]),
    // write-and-query.md
    PageExpectation(file: "write-and-query.md", line: 10, request: "write(DATABASE_NAME, DATABASE_TOKEN, home,room=kitchen temp=21.5,hum=40.1 1700000000)", findings: []),
    PageExpectation(file: "write-and-query.md", line: 20,
                    request: "write(DATABASE_NAME, DATABASE_TOKEN, home,room=hall temp=19.0 1700000000\nhome,room=loft temp=23.4 1700000000\n)", findings: []),
    PageExpectation(file: "write-and-query.md", line: 31, request: "query(DATABASE_NAME, DATABASE_TOKEN, SELECT temp FROM home WHERE time > now() - 1h)", findings: []),
    PageExpectation(file: "write-and-query.md", line: 40, request: "nil", findings: ["api.schema@40:21-40:80"]),
    PageExpectation(file: "write-and-query.md", line: 43, request: "write(sensors, -, home,room=kitchen temp=22.0)", findings: ["api.missing-header@43:1-43:5"]),
    PageExpectation(file: "write-and-query.md", line: 45, request: "nil", findings: ["api.unknown-endpoint@45:9-45:12"]),
    PageExpectation(file: "write-and-query.md", line: 52, request: "nil", findings: [], isAPICall: false),
]

private let fixtureFiles = ["create-token.md", "update-token.md", "databases.md", "write-and-query.md"]

@Suite("Fixture pages")
struct FixturePageTests {
    @Test("each curl of the fixture pages gives its request and exactly its findings", arguments: expectations)
    func curlCommand(_ expectation: PageExpectation) throws {
        let command = try #require(try FixtureBlock.curlCommands(in: expectation.file).first { $0.range.start.line == expectation.line })
        let parse = APIParser.parse(command)
        #expect(parse.isAPICall == expectation.isAPICall)
        #expect(spelled(parse.request) == expectation.request)
        #expect(parse.diagnostics.map(spelled) == expectation.findings)
    }

    @Test("every curl of the fixture pages has an expectation", arguments: fixtureFiles)
    func everyCurlIsExpected(_ file: String) throws {
        let lines = try FixtureBlock.curlCommands(in: file).map(\.range.start.line)
        let expected = expectations.filter { $0.file == file }.map(\.line)
        #expect(lines == expected)
    }

    @Test("blocks cut short after any line still parse without crashing", arguments: fixtureFiles)
    func truncatedBlocks(_ file: String) throws {
        var parsed = 0
        for block in try FixtureBlock.blocks(in: file) {
            for count in 1...max(1, block.lines.count) {
                let script = ShellLexer.lex(Array(block.lines.prefix(count)), dialect: .script)
                for command in script.commands where command.program == "curl" {
                    let parse = APIParser.parse(command)
                    #expect(parse == APIParser.parse(command))
                    parsed += 1
                }
            }
        }
        #expect(parsed > 0)
    }

    @Test("findings explain the mistake and suggest the fix")
    func messages() throws {
        func findings(_ file: String, _ line: Int) throws -> [Diagnostic] {
            let command = try #require(try FixtureBlock.curlCommands(in: file).first { $0.range.start.line == line })
            return APIParser.parse(command).diagnostics
        }
        let colon = try #require(try findings("create-token.md", 69).first)
        #expect(colon.message.contains("expected `:` after the field name \"expiresAt:\""))
        #expect(colon.message.contains("the colon is inside the quotes"))

        let comma = try #require(try findings("update-token.md", 53).first)
        #expect(comma.message.contains("trailing comma"))

        let put = try #require(try findings("update-token.md", 71).first)
        #expect(put.message.contains("405"))
        #expect(put.message.contains("GET, PATCH and DELETE"))
        #expect(put.suggestion == "PATCH")

        let misspelt = try #require(try findings("databases.md", 92).first)
        #expect(misspelt.message.contains("404"))
        #expect(misspelt.suggestion == "https://console.influxdata.com/api/v0/accounts/ACCOUNT_ID/clusters/CLUSTER_ID/databases")

        let noToken = try #require(try findings("create-token.md", 131).first)
        #expect(noToken.suggestion == "--header \"Authorization: Bearer MANAGEMENT_TOKEN\"")

        let noContentType = try #require(try findings("databases.md", 61).first)
        #expect(noContentType.suggestion == "--header \"Content-Type: application/json\"")

        let expirationType = try #require(try findings("create-token.md", 79).first)
        #expect(expirationType.message.contains("unknown field \"expirationType\""))
    }
}
