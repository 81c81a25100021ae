import ClusterServer
import Foundation
import Testing

private struct CreatedToken: Decodable {
    var name: String
    var token: String
}

@Test func influxDB3TokensOverHTTP() async throws {
    try await withLiveServer(LiveServer.settings()) { live in
        let base = live.baseURL + "/api/v3"
        let admin = try #require(try await Curl.request("POST", base + "/configure/token/admin").decode(CreatedToken.self))
        #expect(admin.name == "_admin")
        #expect(admin.token.hasPrefix("apiv3_"))
        // A second operator token is refused; the first must be regenerated instead.
        #expect(try await Curl.request("POST", base + "/configure/token/admin", bearer: admin.token).status == 409)

        let body = #"{"token_name": "reader", "permissions": [{"resource_type": "db", "resource_names": ["sensors"], "actions": ["read"]}]}"#
        #expect(try await Curl.request("POST", base + "/enterprise/configure/token", body: body).status == 401)
        let reader = try #require(try await Curl.request("POST", base + "/enterprise/configure/token", bearer: admin.token,
                                                         headers: ["Content-Type: application/json"], body: body).decode(CreatedToken.self))
        // The resource token works for what it grants and nothing else.
        #expect(try await Curl.request("GET", base + "/query_sql?db=sensors&q=SELECT%201", bearer: reader.token).status == 200)
        #expect(try await Curl.request("POST", base + "/write_lp?db=sensors", bearer: reader.token, body: "m f=1").status == 403)
        #expect(try await Curl.request("GET", base + "/query_sql?db=logs&q=SELECT%201", bearer: reader.token).status == 403)

        // Regenerating the operator token refuses the old string.
        let regenerated = try #require(try await Curl.request("POST", base + "/configure/token/admin/regenerate", bearer: admin.token).decode(CreatedToken.self))
        #expect(regenerated.token != admin.token)
        #expect(try await Curl.request("POST", base + "/configure/token/admin/regenerate", bearer: admin.token).status == 401)

        // Deleting the resource token refuses it from then on.
        #expect(try await Curl.request("DELETE", base + "/configure/token?token_name=reader", bearer: regenerated.token).status == 200)
        #expect(try await Curl.request("GET", base + "/query_sql?db=sensors&q=SELECT%201", bearer: reader.token).status == 401)
    }
}
