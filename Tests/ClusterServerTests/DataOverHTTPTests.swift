import ClusterServer
import Foundation
import Testing

/// A 300-second sync delay in cluster time at a sync scale of 0.1: thirty seconds of wall
/// time on the server's clock, which the test moves itself.
private func syncingSettings() -> ServerSettings {
    var settings = LiveServer.settings(seed: 3)
    settings.syncDelay = .seconds(300) ... .seconds(300)
    settings.syncScale = 0.1
    return settings
}

@Test func writesAndQueriesWithAFreshTokenOnceItHasSynced() async throws {
    let clock = ManualWallClock()
    try await withLiveServer(syncingSettings(), clock: clock) { live in
        #expect(try await live.manage("POST", "/databases", body: #"{"name": "sensors"}"#).status == 200)
        let create = try await live.manage("POST", "/tokens", body: #"{"description": "rw", "permissions": [{"action": "read", "resource": "sensors"}, {"action": "write", "resource": "sensors"}]}"#)
        let token = try #require(create.decode(TokenBody.self)?.accessToken)
        let write = live.baseURL + "/api/v2/write?bucket=sensors"

        let early = try await Curl.request("POST", write, headers: ["Authorization: Token \(token)"], body: "home temp=21.5")
        #expect(early.status == 401)
        #expect(early.decode(DataErrorBody.self)?.code == "unauthorized")

        // 29 s of wall time is 290 s of cluster time: not synchronized yet; 31 s is 310 s.
        clock.advance(by: .seconds(29))
        let almost = try await Curl.request("POST", write, headers: ["Authorization: Token \(token)"], body: "home temp=21.5")
        #expect(almost.status == 401)
        clock.advance(by: .seconds(2))
        let synced = try await Curl.request("POST", write, headers: ["Authorization: Token \(token)"], body: "home temp=21.5")
        #expect(synced.status == 204)

        let v1 = try await Curl.request("POST", live.baseURL + "/write?db=sensors", headers: ["Authorization: Token \(token)"], body: "home temp=22")
        #expect(v1.status == 204)
        let password = try await Curl.request("POST", live.baseURL + "/write?db=sensors&u=any&p=\(token)", body: "home temp=22")
        #expect(password.status == 204)

        let query = try await Curl.request("GET", live.baseURL + "/query?db=sensors&q=SELECT+*+FROM+home", headers: ["Authorization: Token \(token)"])
        #expect(query.status == 200)
        #expect(query.body == "[]")
        let sql = try await Curl.request("POST", live.baseURL + "/api/v3/query_sql", headers: ["Authorization: Bearer \(token)", "Content-Type: application/json"],
                                         body: #"{"db": "sensors", "q": "SELECT * FROM home"}"#)
        #expect(sql.status == 200)

        let forbidden = try await Curl.request("POST", live.baseURL + "/api/v2/write?bucket=other", headers: ["Authorization: Token \(token)"], body: "home temp=1")
        #expect(forbidden.status == 403)
        #expect(forbidden.decode(DataErrorBody.self)?.code == "forbidden")
        let badLine = try await Curl.request("POST", write, headers: ["Authorization: Token \(token)"], body: "home temp=")
        #expect(badLine.status == 400)
        let noDatabase = try await Curl.request("POST", live.baseURL + "/api/v2/write", headers: ["Authorization: Token \(token)"], body: "home temp=1")
        #expect(noDatabase.status == 400)
        #expect(noDatabase.decode(DataErrorBody.self)?.code == "invalid")
        let anonymous = try await Curl.request("POST", write, body: "home temp=1")
        #expect(anonymous.status == 401)
    }
}

@Test func stopsAcceptingARevokedToken() async throws {
    var settings = LiveServer.settings()
    settings.syncDelay = .zero ... .zero
    try await withLiveServer(settings) { live in
        #expect(try await live.manage("POST", "/databases", body: #"{"name": "db1"}"#).status == 200)
        let created = try #require(try await live.manage("POST", "/tokens", body: #"{"description": "w", "permissions": [{"action": "write", "resource": "db1"}]}"#).decode(TokenBody.self))
        let token = try #require(created.accessToken)
        let url = live.baseURL + "/api/v2/write?bucket=db1"
        #expect(try await Curl.request("POST", url, headers: ["Authorization: Token \(token)"], body: "m f=1").status == 204)
        #expect(try await live.manage("DELETE", "/tokens/\(created.id)").status == 204)
        #expect(try await Curl.request("POST", url, headers: ["Authorization: Token \(token)"], body: "m f=1").status == 401)
    }
}
