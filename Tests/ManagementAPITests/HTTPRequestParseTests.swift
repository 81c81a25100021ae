import Diagnostics
import ManagementAPI
import Testing

private let json = [(name: "Content-Type", value: "application/json")]

/// The request as `spelled(_:)` writes it, and its findings as `status rule@line:column-line:column`.
private func spelledFindings(_ parse: HTTPRequestParse) -> [String] {
    parse.findings.map { "\($0.status) \($0.diagnostic.rule.id)@\($0.diagnostic.range)" }
}

@Test func readsAValidTokenCreate() {
    let body = #"{"description": "reader", "permissions": [{"action": "read", "resource": "db1"}], "expiresAt": "2030-01-01T00:00:00Z"}"#
    let parse = APIParser.parse(method: "POST", target: "/api/v0/tokens", headers: json, body: body)
    #expect(parse.kind == .management)
    #expect(spelled(parse.request) == "createDatabaseToken(reader, [read:db1], 2030-01-01T00:00:00Z)")
    #expect(parse.findings.isEmpty)
    #expect(parse.refusal == nil)
}

@Test func readsTheCloudDedicatedPrefixAndBodilessCalls() {
    let prefix = "/api/v0/accounts/00000000-0000-4000-8000-00000000000a/clusters/00000000-0000-4000-8000-00000000000c"
    let list = APIParser.parse(method: "GET", target: prefix + "/tokens", headers: [], body: "")
    #expect(spelled(list.request) == "listDatabaseTokens")
    let delete = APIParser.parse(method: "DELETE", target: prefix + "/databases/db1", headers: [], body: "")
    #expect(spelled(delete.request) == "deleteDatabase(db1)")
    #expect(delete.findings.isEmpty)
}

@Test func pointsJSONErrorsIntoTheBody() throws {
    let body = "{\n  \"description\": \"x\",\n}"
    let parse = APIParser.parse(method: "POST", target: "/api/v0/tokens", headers: json, body: body)
    #expect(parse.request == nil)
    let refusal = try #require(parse.refusal)
    #expect(refusal.status == 400)
    #expect(refusal.diagnostic.rule == .apiInvalidJSON)
    // Line 1 is the request line, line 2 the header, line 3 blank: the body starts on line 4.
    #expect(refusal.diagnostic.range.start == SourcePosition(line: 5, column: 21))
    #expect(refusal.bodyPosition == SourcePosition(line: 2, column: 21))
    #expect(refusal.message.hasSuffix("(body line 2, column 21)"))
}

@Test(arguments: [
    (#"{"description": 5}"#, "400 api.schema@4:17-4:18"),
    (#"{"description": "x", "permisions": []}"#, "400 api.schema@4:22-4:34"),
    (#"{"description": "x", "expiresAt": "soon"}"#, "400 api.schema@4:35-4:41"),
    ("", "400 api.schema@1:1-1:5"),
])
func checksTheSchema(body: String, finding: String) {
    let parse = APIParser.parse(method: "POST", target: "/api/v0/tokens", headers: json, body: body)
    #expect(parse.request == nil)
    #expect(spelledFindings(parse) == [finding])
}

@Test func answersRoutesWith404And405() {
    let unknownManagement = APIParser.parse(method: "GET", target: "/api/v0/tokenz", headers: [], body: "")
    #expect(spelledFindings(unknownManagement) == ["404 api.unknown-endpoint@1:5-1:19"])
    let elsewhere = APIParser.parse(method: "GET", target: "/health?verbose=1", headers: [], body: "")
    #expect(elsewhere.kind == nil)
    #expect(elsewhere.refusal?.status == 404)
    #expect(elsewhere.refusal?.message.hasPrefix("no API endpoint at /health:") == true)
    let wrongMethod = APIParser.parse(method: "PUT", target: "/api/v0/tokens", headers: json, body: "{}")
    #expect(spelledFindings(wrongMethod) == ["405 api.unknown-endpoint@1:1-1:4"])
    let dataMethod = APIParser.parse(method: "GET", target: "/api/v2/write?bucket=db", headers: [], body: "")
    #expect(dataMethod.refusal?.status == 405)
}

@Test func wantsJSONBodiesLabelledAsJSON() {
    let plain = APIParser.parse(method: "POST", target: "/api/v0/databases", headers: [("Content-Type", "text/plain")], body: "{")
    // Both findings are kept; the media type is answered first.
    #expect(spelledFindings(plain) == ["415 api.missing-header@2:1-2:25", "400 api.invalid-json@4:1-4:2"])
    #expect(plain.refusal?.status == 415)
    let unlabelled = APIParser.parse(method: "POST", target: "/api/v0/databases", headers: [], body: #"{"name": "db"}"#)
    #expect(unlabelled.refusal?.status == 415)
    let vendor = APIParser.parse(method: "POST", target: "/api/v0/databases", headers: [("content-type", "application/vnd.x+json; charset=utf-8")], body: #"{"name": "db"}"#)
    #expect(spelled(vendor.request) == "createDatabase(db, -, -, -)")
    let bodiless = APIParser.parse(method: "GET", target: "/api/v0/databases", headers: [("Content-Type", "text/plain")], body: "ignored")
    #expect(bodiless.findings.isEmpty)
}

@Test func leavesTheManagementTokenToTheServer() {
    let parse = APIParser.parse(method: "GET", target: "/api/v0/tokens", headers: [], body: "")
    #expect(parse.findings.isEmpty)
    #expect(spelled(parse.request) == "listDatabaseTokens")
}

@Test func readsDataCallsWithDecodedURLValues() {
    let write = APIParser.parse(method: "POST", target: "/api/v2/write?bucket=my%2Fdb", headers: [("Authorization", "Token apiv1_a+b")], body: "m f=1")
    #expect(write.kind == .data)
    #expect(spelled(write.request) == "write(my/db, apiv1_a+b, m f=1)")
    let query = APIParser.parse(method: "GET", target: "/query?db=db1&p=a%2Bb&q=SELECT+*+FROM+%22m%22", headers: [], body: "")
    #expect(spelled(query.request) == "query(db1, a+b, SELECT * FROM \"m\")")
    let form = APIParser.parse(method: "POST", target: "/query", headers: [("Authorization", "Bearer t")], body: "db=db1&q=SELECT%201+1")
    #expect(spelled(form.request) == "query(db1, t, SELECT 1 1)")
    let jsonQuery = APIParser.parse(method: "POST", target: "/api/v3/query_sql", headers: [("Authorization", "Bearer t")], body: #"{"db": "db1", "q": "SELECT 1+1"}"#)
    #expect(spelled(jsonQuery.request) == "query(db1, t, SELECT 1+1)")
    let path = APIParser.parse(method: "DELETE", target: "/api/v0/databases/a%2Fb", headers: [], body: "")
    #expect(spelled(path.request) == "deleteDatabase(a/b)")
}

@Test func reportsMissingDataCredentialsAndDatabase() {
    let anonymous = APIParser.parse(method: "POST", target: "/write?db=db1", headers: [], body: "m f=1")
    #expect(anonymous.refusal?.status == 401)
    #expect(spelled(anonymous.request) == "write(db1, -, m f=1)")
    let noDatabase = APIParser.parse(method: "POST", target: "/api/v2/write", headers: [("Authorization", "Token t")], body: "m f=1")
    #expect(spelledFindings(noDatabase) == ["400 api.schema@1:6-1:19"])
    #expect(noDatabase.request == nil)
}

@Test(arguments: [
    ("/api/v0/tokens", APIKind.management),
    ("/api/v0/accounts/a/clusters/c/databases?x=1", .management),
    ("/api/v2/write?bucket=db", .data),
    ("/query", .data),
    ("/api/v3/query_sql?db=x", .data),
])
func tellsTheAPIOfATarget(target: String, kind: APIKind) {
    #expect(APIParser.kind(ofTarget: target) == kind)
}

@Test func tellsNoAPIForOtherTargets() {
    #expect(APIParser.kind(ofTarget: "/") == nil)
    #expect(APIParser.kind(ofTarget: "/api/v1/tokens") == nil)
}
