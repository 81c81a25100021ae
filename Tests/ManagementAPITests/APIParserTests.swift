import Diagnostics
import ManagementAPI
import ShellSyntax
import Testing

/// One curl line and what the API parser must give for it: whether it is an API call, the
/// typed request (spelt by `spelled(_:)`), the exact findings, and the first suggestion.
struct APICase: CustomTestStringConvertible, Sendable {
    var shell: String
    var isAPICall: Bool
    var request: String
    var findings: [String]
    var suggestion: String?

    init(_ shell: String, isAPICall: Bool = true, request: String, findings: [String], suggestion: String? = nil) {
        self.shell = shell
        self.isAPICall = isAPICall
        self.request = request
        self.findings = findings
        self.suggestion = suggestion
    }

    var testDescription: String { shell }
}

private let cases: [APICase] = [
    // Endpoints and path parameters (Clustered short form, Dedicated prefix, shell values in the path)
    APICase("curl https://h/api/v0/tokens -H 'Authorization: Bearer T'", request: "listDatabaseTokens", findings: []),
    APICase("curl -X GET https://h/api/v0/databases -H 'Authorization: Bearer T'", request: "listDatabases", findings: []),
    APICase("curl -X DELETE https://h/api/v0/databases/db1 -H 'Authorization: Bearer T'", request: "deleteDatabase(db1)", findings: []),
    APICase("curl -X PUT https://h/api/v0/databases/42/undelete -H 'Authorization: Bearer T'", request: "undeleteDatabase(42)", findings: []),
    APICase("curl -X PUT https://h/api/v0/databases/notanid/undelete -H 'Authorization: Bearer T'", request: "nil", findings: ["api.schema@1:40-1:47"]),
    APICase(#"curl -X PATCH https://h/api/v0/databases/db1 -d '{"retentionPeriod": 0}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "updateDatabase(db1, -, -, 0)", findings: []),
    APICase(#"curl -X PATCH https://h/api/v0/databases/db1 -d '{"partitionTemplate": []}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:51-1:70"]),
    APICase(#"curl -X POST https://h/api/v0/databases/db1/tables -d '{"name": "t1"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: []),
    APICase("curl -X DELETE https://h/api/v0/databases/db1/tables/t1 -H 'Authorization: Bearer T'", request: "nil", findings: []),
    APICase("curl -X GET https://h/api/v0/databases/db1 -H 'Authorization: Bearer T'", request: "nil", findings: ["api.unknown-endpoint@1:9-1:12"]),
    APICase(#"curl -X patch https://h/api/v0/tokens/TOKEN_ID -d '{"description": "x"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.unknown-endpoint@1:9-1:14"], suggestion: "PATCH"),
    APICase(#"curl -X "$M" https://h/api/v0/tokens -H 'Authorization: Bearer T'"#, request: "nil", findings: []),
    APICase("curl https://h/api/v0/tokens/$ID -H 'Authorization: Bearer T'", request: "getDatabaseToken($ID?)", findings: []),
    APICase("curl https://h/api/v0/accounts/not-a-uuid/clusters/CLUSTER_ID/tokens -H 'Authorization: Bearer T'", request: "nil", findings: ["api.schema@1:32-1:42"]),
    APICase("curl https://h/api/v0/accounts/ACCOUNT_ID/tokens -H 'Authorization: Bearer T'", request: "nil", findings: ["api.unknown-endpoint@1:6-1:49"]),
    APICase("curl https://h/api/v0/accounts/ACCOUNT_ID/clusters/CLUSTER_ID -H 'Authorization: Bearer T'", request: "nil", findings: ["api.unknown-endpoint@1:6-1:62"]),
    APICase(#"curl "$MANAGEMENT_URL/tokens" -H 'Authorization: Bearer T'"#, request: "listDatabaseTokens", findings: []),
    APICase("curl https://h/api/v0/tokens/ -H 'Authorization: Bearer T'", request: "listDatabaseTokens", findings: []),
    // Bodies: missing, several, from a file, empty, not JSON, and one mistake one finding
    APICase("curl -X POST https://h/api/v0/tokens -H 'Authorization: Bearer T'", request: "nil", findings: ["api.schema@1:9-1:13"]),
    APICase("curl https://h/api/v0/tokens -d 'a' -d 'b' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'", request: "nil", findings: ["api.invalid-json@1:37-1:39"]),
    APICase("curl https://h/api/v0/tokens -d @token.json -H 'Authorization: Bearer T' -H 'Content-Type: application/json'", request: "nil", findings: []),
    APICase("curl https://h/api/v0/tokens -d '' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'", request: "nil", findings: ["api.invalid-json@1:33-1:35"]),
    // Token bodies against the schema
    APICase("curl https://h/api/v0/tokens -d '[]' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'", request: "nil", findings: ["api.schema@1:34-1:36"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": 5}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:50-1:51"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "permissions": {}}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:70-1:72"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "permissions": [{"action": "read"}]}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:71-1:72"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "permissions": [{"action": "Read", "resource": "db"}]}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:82-1:88"], suggestion: #""read""#),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "expiresAt": "2030-01-01 00:00:00"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:68-1:89"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "expiresAt": "2030-01-01T00:00:00+0000"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:68-1:94"]),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "expiresAt": "2030-01-01T00:00:00.5+02:00"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "createDatabaseToken(x, [], 2030-01-01T00:00:00.5+02:00)", findings: []),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "permisions": []}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:55-1:67"], suggestion: #""permissions""#),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x", "permissions": '"$PERMS"'}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: []),
    // Database bodies against the schema
    APICase(#"curl https://h/api/v0/databases -d '{"name": "a/b_c-1", "maxTables": 2147483648}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:70-1:80"]),
    APICase(#"curl https://h/api/v0/databases -d '{"name": "<DATABASE_NAME>", "maxColumnsPerTable": 1.5}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:87-1:90"]),
    APICase(#"curl https://h/api/v0/databases -d '{"name": "x", "partitionTemplate": [{"type": "hash", "value": "x"}]}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:82-1:88"]),
    APICase(#"curl https://h/api/v0/databases -d '{"name": "x", "partitionTemplate": [{"type": "bucket", "value": {"tagName": "t", "numberOfBuckets": 0}}]}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:137-1:138"]),
    APICase(#"curl https://h/api/v0/databases -d '{"name": "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#, request: "nil", findings: ["api.schema@1:46-1:113"]),
    APICase("curl -X PUT https://h/api/v0/databases/db1/rename -d '{}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'", request: "nil", findings: ["api.schema@1:55-1:56"]),
    // Headers
    APICase("curl https://h/api/v0/tokens -H 'Authorization: Token T'", request: "listDatabaseTokens", findings: ["api.missing-header@1:33-1:57"], suggestion: "Authorization: Bearer MANAGEMENT_TOKEN"),
    APICase("curl https://h/api/v0/tokens -H 'Authorization: Bearer'", request: "listDatabaseTokens", findings: ["api.missing-header@1:33-1:56"], suggestion: "Authorization: Bearer MANAGEMENT_TOKEN"),
    APICase(#"curl https://h/api/v0/tokens -H "Authorization: $AUTH""#, request: "listDatabaseTokens", findings: []),
    APICase(#"curl https://h/api/v0/tokens -H "$HEADER""#, request: "listDatabaseTokens", findings: []),
    APICase("curl https://h/api/v0/tokens -H @headers.txt", request: "listDatabaseTokens", findings: []),
    APICase("curl https://h/api/v0/tokens --oauth2-bearer T", request: "listDatabaseTokens", findings: []),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x"}' -H 'Authorization: Bearer T' -H 'Content-Type: text/plain'"#, request: "createDatabaseToken(x, [], -)", findings: ["api.missing-header@1:88-1:114"], suggestion: "Content-Type: application/json"),
    APICase(#"curl https://h/api/v0/tokens -d '{"description": "x"}' -H 'Authorization: Bearer T' -H 'content-type: application/vnd.api+json; charset=utf-8'"#, request: "createDatabaseToken(x, [], -)", findings: []),
    APICase("curl -G https://h/api/v0/tokens -d 'limit=1' -H 'Authorization: Bearer T'", request: "listDatabaseTokens", findings: []),
    // Data API
    APICase("curl -X POST 'https://h/api/v3/write_lp?db=sensors' -H 'Authorization: Bearer T' --data-binary 'm f=1'", request: "write(sensors, T, m f=1)", findings: []),
    APICase(#"curl https://h/api/v3/query_sql -H 'Authorization: Bearer T' --json '{"db": "sensors", "q": "SELECT 1"}'"#, request: "query(sensors, T, SELECT 1)", findings: []),
    APICase("curl -G https://h/query -u user:TOKEN --data-urlencode 'db=my db' --data-urlencode 'q=SHOW MEASUREMENTS'", request: "nil", findings: ["api.schema@1:60-1:65"]),
    APICase(#"curl -G https://h/query --data-urlencode 'db=x' --data-urlencode 'q=SELECT 1' --data-urlencode "p=$TOKEN""#, request: "query(x, $TOKEN?, SELECT 1)", findings: []),
    APICase("curl -X POST 'https://h/api/v2/write?bucket=x' -d @data.lp -H 'Authorization: Token T'", request: "write(x, T, @data.lp?)", findings: []),
    APICase("curl -X POST https://h/query -H 'Authorization: Token T' --data-urlencode 'db=x' --data-urlencode 'q=SELECT 1'", request: "query(x, T, SELECT 1)", findings: []),
    APICase(#"curl https://h/api/v3/query_sql -H 'Authorization: Bearer T' --json '{"db": "x", "q": }'"#, request: "nil", findings: ["api.invalid-json@1:87-1:88"]),
    // Not our API
    APICase("curl https://example.com/api/v2/buckets", isAPICall: false, request: "nil", findings: []),
    APICase("curl https://h/writes", isAPICall: false, request: "nil", findings: []),
    APICase("influxctl token list", isAPICall: false, request: "nil", findings: []),
    APICase("curl -s", isAPICall: false, request: "nil", findings: []),
    // Two independent mistakes; invalid JSON gets no schema check
    APICase(#"curl -X POST https://h/api/v0/tokens -d '{"description": 5,}' -H 'Authorization: Bearer T'"#, request: "nil", findings: ["api.missing-header@1:38-1:40", "api.invalid-json@1:59-1:60"], suggestion: #"--header "Content-Type: application/json""#),
    // The data API write takes POST
    APICase("curl 'https://h/api/v2/write?bucket=x' -H 'Authorization: Token T'", request: "nil", findings: ["api.unknown-endpoint@1:6-1:39"]),
]

@Suite("API parser")
struct APIParserTests {
    @Test("recognises the call, types the request and reports exactly its findings", arguments: cases)
    func parses(_ example: APICase) {
        let parse = APIParser.parse(command(example.shell))
        #expect(parse.isAPICall == example.isAPICall)
        #expect(spelled(parse.request) == example.request)
        #expect(parse.diagnostics.map(spelled) == example.findings)
        #expect(parse.diagnostics.compactMap(\.suggestion).first == example.suggestion)
    }

    @Test("findings carry their rule's meaning in the message")
    func messages() throws {
        let wrongMethod = try #require(APIParser.parse(command("curl -X GET https://h/api/v0/databases/db1 -H 'Authorization: Bearer T'")).diagnostics.first)
        #expect(wrongMethod.message.contains("405"))
        #expect(wrongMethod.message.contains("PATCH and DELETE"))
        let badName = try #require(APIParser.parse(command(#"curl https://h/api/v0/databases -d '{"name": "a b"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#)).diagnostics.first)
        #expect(badName.message.contains("contains a space"))
        let path = try #require(APIParser.parse(command("curl https://h/api/v0/tokens/nope -H 'Authorization: Bearer T'")).diagnostics.first)
        #expect(path.message.contains("tokenId `nope` must be a UUID"))
    }

    @Test("typed values keep their positions and unknown marks")
    func valuePositions() throws {
        let shell = #"curl https://h/api/v0/tokens -d '{"description": "d", "permissions": [{"action": "write", "resource": "db"}], "expiresAt": "'"$(date)"'"}' -H 'Authorization: Bearer T' -H 'Content-Type: application/json'"#
        let request = try #require(APIParser.parse(command(shell)).request)
        guard case .createDatabaseToken(let description, let permissions, let expiresAt) = request else {
            Issue.record("not a token create: \(spelled(request))")
            return
        }
        #expect(description == APIValue(text: "d", range: SourceRange(start: SourcePosition(line: 1, column: 50), length: 3), isUnknown: false))
        #expect(permissions.first?.action.range.description == "1:82-1:89")
        #expect(permissions.first?.resource.text == "db")
        #expect(expiresAt?.isUnknown == true)
        #expect(expiresAt?.text == "$(date)")
    }

    @Test("the same input gives the same output")
    func deterministic() {
        for example in cases {
            #expect(APIParser.parse(command(example.shell)) == APIParser.parse(command(example.shell)))
        }
    }
}

/// The data-API rules speak for InfluxDB 3 only: another server's port, or InfluxDB 1.x
/// server administration on /query, is not held to them; an InfluxDB 3 URL still is.
@Suite struct DataAPIScopeTests {
    @Test(arguments: [
        "curl -G http://localhost:8086/query --data-urlencode 'q=CREATE DATABASE sensors'",
        "curl -i -XPOST 'http://localhost:8086/write?db=sensors' --data-binary 'm v=1'",
        "curl -i -XPOST 'http://localhost:8186/write' --data-binary 'm v=1'",
        "curl -G https://example.net/query -u ann:secret --data-urlencode 'q=SHOW DATABASES'",
        "curl -XPOST 'https://example.net/query?u=ann&p=secret' --data-urlencode 'q=GRANT READ ON sensors TO ann'",
    ])
    func notInfluxDB3IsNoAPICall(line: String) {
        let parse = APIParser.parse(command(line))
        #expect(parse.diagnostics.isEmpty, "\(parse.diagnostics.map(spelled))")
        #expect(!parse.isAPICall)
    }

    @Test(arguments: [
        ("curl -G https://example.net/query -H 'Authorization: Bearer T' --data-urlencode 'q=SELECT 1'", "api.schema"),
        ("curl -XPOST 'http://localhost:8181/api/v3/write_lp?db=sensors' --data-binary 'm v=1'", "api.missing-header"),
        ("curl -XPOST 'https://example.net/write' -H 'Authorization: Bearer T' --data-binary 'm v=1'", "api.schema"),
    ])
    func influxDB3IsStillChecked(line: String, rule: String) {
        let parse = APIParser.parse(command(line))
        #expect(parse.diagnostics.contains { $0.rule.id == rule }, "\(parse.diagnostics.map(spelled))")
    }
}
