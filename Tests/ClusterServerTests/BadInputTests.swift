import ClusterServer
import Foundation
import Testing

/// One bad request and the status it must get, with a `{code, message}` body.
struct BadRequest: CustomTestStringConvertible, Sendable {
    enum Credential: Sendable {
        case management
        case none
        case header(String)
        /// A database token of the cluster, sent as a bearer token.
        case databaseToken
    }

    var name: String
    var method: String
    /// Appended to the Cloud Dedicated management prefix, unless it starts with `//`, which
    /// makes it a path from the server's root.
    var path: String
    var credential: Credential = .management
    var headers: [String] = ["Content-Type: application/json"]
    var body: String?
    var status: Int
    /// Text the error message must contain.
    var mentions: String = ""

    var testDescription: String { name }
}

private let oversized = #"{"description": ""# + String(repeating: "x", count: 2 << 20) + #""}"#

private let badRequests: [BadRequest] = [
    BadRequest(name: "no Authorization header", method: "GET", path: "/tokens", credential: .none, status: 401, mentions: "Bearer"),
    BadRequest(name: "unknown management token", method: "GET", path: "/tokens", credential: .header("Authorization: Bearer M.V1.nope"), status: 401, mentions: "unknown"),
    BadRequest(name: "Basic scheme", method: "GET", path: "/tokens", credential: .header("Authorization: Basic dXNlcjpwYXNz"), status: 401),
    BadRequest(name: "database token on the Management API", method: "GET", path: "/tokens", credential: .databaseToken, status: 403, mentions: "database token"),
    BadRequest(name: "malformed JSON", method: "POST", path: "/tokens", body: #"{"description" "x"}"#, status: 400, mentions: "(body line 1, column 16)"),
    BadRequest(name: "wrong type", method: "POST", path: "/tokens", body: #"{"description": 5}"#, status: 400, mentions: "must be a string"),
    BadRequest(name: "unknown field", method: "POST", path: "/tokens", body: #"{"description": "x", "expirationType": "noExpiration"}"#, status: 400, mentions: "unknown field \"expirationType\""),
    BadRequest(name: "invalid token ID", method: "GET", path: "/tokens/not-a-uuid", status: 400, mentions: "must be a UUID"),
    BadRequest(name: "placeholder token ID", method: "DELETE", path: "/tokens/TOKEN_ID", status: 400, mentions: "invalid token ID"),
    BadRequest(name: "placeholder database ID", method: "PUT", path: "/databases/DATABASE_ID/undelete", status: 400, mentions: "integer ID"),
    BadRequest(name: "lower-case RFC 3339", method: "POST", path: "/tokens", body: #"{"description": "x", "expiresAt": "2030-01-01t00:00:00z"}"#, status: 400, mentions: "upper-case T and Z"),
    BadRequest(name: "unknown database", method: "DELETE", path: "/databases/nowhere", status: 404, mentions: "not found"),
    BadRequest(name: "oversized body", method: "POST", path: "/tokens", body: oversized, status: 413, mentions: "too large"),
    BadRequest(name: "wrong content type", method: "POST", path: "/tokens", headers: ["Content-Type: text/plain"], body: #"{"description": "x"}"#, status: 415, mentions: "not JSON"),
    BadRequest(name: "form content type", method: "POST", path: "/databases", headers: [], body: #"{"name": "x"}"#, status: 415),
    BadRequest(name: "unknown Management API path", method: "GET", path: "/tokenz", status: 404, mentions: "no Management API endpoint"),
    BadRequest(name: "unknown path", method: "GET", path: "//metrics", status: 404, mentions: "no API endpoint"),
    BadRequest(name: "unknown method", method: "PUT", path: "/tokens", body: "{}", status: 405, mentions: "PUT is not allowed"),
    BadRequest(name: "other account", method: "GET", path: "//api/v0/accounts/11111111-1111-4111-8111-111111111111/clusters/00000000-0000-4000-8000-00000000000c/tokens", status: 404, mentions: "account"),
    BadRequest(name: "tables are not simulated", method: "DELETE", path: "/databases/db/tables/t", status: 501),
]

@Test func answersEveryBadRequestWithItsStatusAndKeepsServing() async throws {
    try await withLiveServer { live in
        let created = try #require(try await live.manage("POST", "/tokens", body: #"{"description": "data"}"#).decode(TokenBody.self))
        let databaseToken = try #require(created.accessToken)
        for bad in badRequests {
            let url = bad.path.hasPrefix("//") ? live.baseURL + bad.path.dropFirst() : live.management + bad.path
            var headers = bad.headers
            var bearer: String?
            switch bad.credential {
            case .management: bearer = live.server.managementToken
            case .none: break
            case .header(let header): headers.append(header)
            case .databaseToken: bearer = databaseToken
            }
            let result = try await Curl.request(bad.method, url, bearer: bearer, headers: headers, body: bad.body)
            #expect(result.status == bad.status, "\(bad.name): \(result.body.prefix(300))")
            #expect(result.contentType == "application/json", "\(bad.name)")
            let error = result.error
            #expect(error?.code == bad.status, "\(bad.name): \(result.body.prefix(300))")
            #expect(bad.mentions.isEmpty || error?.message.contains(bad.mentions) == true, "\(bad.name): \(error?.message ?? result.body)")
        }
        let stillServing = try await live.manage("GET", "/tokens")
        #expect(stillServing.status == 200)
        #expect(stillServing.decode([TokenBody].self)?.map(\.id) == [created.id])
    }
}

@Test func answersDataAPIMistakesInItsOwnStyle() async throws {
    try await withLiveServer { live in
        let method = try await Curl.request("GET", live.baseURL + "/api/v2/write?bucket=db")
        #expect(method.status == 405)
        #expect(method.decode(DataErrorBody.self)?.code == "method not allowed")
        let large = try await Curl.request("POST", live.baseURL + "/api/v2/write?bucket=db", headers: ["Authorization: Token t"],
                                           body: String(repeating: "m f=1\n", count: 200_000))
        #expect(large.status == 413)
        #expect(large.decode(DataErrorBody.self)?.code == "request too large")
        let badName = try await Curl.request("POST", live.baseURL + "/write?db=bad%20name", headers: ["Authorization: Token t"], body: "m f=1")
        #expect(badName.status == 400)
        #expect(badName.decode(DataErrorBody.self)?.message.contains("not a database name") == true)
    }
}
