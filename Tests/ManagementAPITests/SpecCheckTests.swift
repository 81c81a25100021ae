import Diagnostics
import ManagementAPI
import Testing

/// A product API of three paths, as the OpenAPI reader would give it.
private let productAPI = APISpec(
    file: "api-docs/widget/core/widget-openapi.yaml",
    bodies: [
        "POST /api/v3/configure/table": .object(fields: [
            .init(name: "db", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: true),
            .init(name: "table", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: true),
            .init(name: "settings", schema: .object(fields: [], minFields: 0, otherFields: .allowed), isRequired: false),
            .init(name: "mode", schema: .string(choices: ["log", "retry"], minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
        ], minFields: 0, otherFields: .unlisted),
        "DELETE /api/v3/configure/table": .object(fields: [
            .init(name: "db", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: true),
        ], minFields: 0, otherFields: .unlisted),
    ],
    methods: ["/api/v3/configure/table": ["DELETE", "POST"], "/api/v3/configure/database/{db}": ["PUT"], "/health": ["GET"]],
    requiredBodies: ["POST /api/v3/configure/table", "DELETE /api/v3/configure/table"]
)

private func check(_ shell: String) -> APIParse {
    APIParser.parse(CurlParser.parse(command(shell)), productAPI: productAPI)
}

/// A finding as `rule severity`.
private func spelled(_ parse: APIParse) -> [String] { parse.diagnostics.map { "\($0.rule.id) \($0.severity.rawValue)" } }

@Suite("Calls to a product's server checked against its OpenAPI spec")
struct SpecCheckTests {
    @Test("a call the spec accepts has no finding; a bare capitalised value is a placeholder, a map takes any key")
    func accepted() {
        let parse = check(#"curl -X POST "http://localhost:8181/api/v3/configure/table" -H "Content-Type: application/json" -d '{"db": "DB_NAME", "table": "home", "settings": {"anything": 1}, "mode": MODE}'"#)
        #expect(parse.isAPICall)
        #expect(parse.diagnostics.isEmpty, "\(parse.diagnostics.map(\.message))")
        #expect(check(#"curl -X PUT "http://{{< influxdb/host >}}/api/v3/configure/database/sensors""#).diagnostics.isEmpty)
        #expect(check("curl http://localhost:8181/health").diagnostics.isEmpty)
    }

    @Test("paths: a misspelt segment is an error with the path meant; another path a warning, as the spec may lag", arguments: [
        (#"curl -X POST "http://localhost:8181/api/v3/configure/tabel" -d '{}'"#, ["api.unknown-endpoint error"]),
        ("curl http://localhost:8181/api/v3/query_sql_telemetry", ["api.unknown-endpoint warning"]),
        (#"curl -X post "http://localhost:8181/api/v3/configure/table" -d '{"db": "a", "table": "b"}'"#, ["api.unknown-endpoint error"]),
        (#"curl -X PATCH "http://localhost:8181/api/v3/configure/table" -d '{"db": "a", "table": "b"}'"#, ["api.unknown-endpoint warning"]),
    ])
    func paths(_ shell: String, _ expected: [String]) {
        #expect(spelled(check(shell)) == expected)
    }

    @Test("bodies: a missing required field, a bad choice, an unlisted field; a body the query string stands for")
    func bodies() throws {
        let missing = try #require(check(#"curl -X POST "http://localhost:8181/api/v3/configure/table" -d '{"db": "a"}'"#).diagnostics.first)
        #expect(missing.message == "missing required field \"table\" in the POST /api/v3/configure/table body (schema: api-docs/widget/core/widget-openapi.yaml)")
        #expect(spelled(check(#"curl -X POST "http://localhost:8181/api/v3/configure/table" -d '{"db": "a", "table": "b", "mode": "Log"}'"#)) == ["api.schema error"])
        #expect(spelled(check(#"curl -X POST "http://localhost:8181/api/v3/configure/table" -d '{"db": "a", "table": "b", "tags": []}'"#)) == ["api.schema warning"])
        #expect(spelled(check(#"curl -X POST "http://localhost:8181/api/v3/configure/table""#)) == ["api.schema error"])
        #expect(check(#"curl -X DELETE "http://localhost:8181/api/v3/configure/table?db=a""#).diagnostics.isEmpty)
    }

    @Test("a URL that is not the product's server is no call of its API")
    func otherHosts() {
        #expect(!check("curl https://api.github.com/api/v3/repos/influxdata/influxdb").isAPICall)
        #expect(!check("curl -LO https://download.influxdata.com/influxdb3/influxdb3-core.tar.gz").isAPICall)
    }
}
