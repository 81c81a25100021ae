import ClusterServer
import Foundation
import Testing

@Test func managesDatabaseTokensOverHTTP() async throws {
    try await withLiveServer { live in
        let create = try await live.manage("POST", "/tokens", body: #"{"description": "reader", "permissions": [{"action": "read", "resource": "db1"}]}"#)
        #expect(create.status == 200)
        #expect(create.contentType == "application/json")
        let created = try #require(create.decode(TokenBody.self))
        #expect(created.description == "reader")
        #expect(created.permissions == [PermissionBody(action: "read", resource: "db1")])
        let secret = try #require(created.accessToken)
        #expect(secret.hasPrefix("apiv1_"))

        let list = try await live.manage("GET", "/tokens")
        #expect(list.status == 200)
        #expect(try #require(list.decode([TokenBody].self)).map(\.id) == [created.id])
        #expect(!list.body.contains(secret))

        let get = try await live.manage("GET", "/tokens/\(created.id)")
        #expect(get.status == 200)
        #expect(get.decode(TokenBody.self)?.accessToken == nil)

        let update = try await live.manage("PATCH", "/tokens/\(created.id)",
                                           body: #"{"description": "writer", "permissions": [{"action": "write", "resource": "*"}]}"#)
        #expect(update.status == 200)
        let updated = try #require(update.decode(TokenBody.self))
        #expect(updated.description == "writer")
        #expect(updated.permissions == [PermissionBody(action: "write", resource: "*")])

        let delete = try await live.manage("DELETE", "/tokens/\(created.id)")
        #expect(delete.status == 204)
        #expect(delete.body.isEmpty)

        let gone = try await live.manage("GET", "/tokens/\(created.id)")
        #expect(gone.status == 404)
        #expect(gone.error?.code == 404)
        let emptyList = try await Curl.request("GET", live.baseURL + "/api/v0/tokens", bearer: live.server.managementToken)
        #expect(emptyList.status == 200)
        #expect(emptyList.body == "[]")
    }
}

@Test func managesDatabasesOverHTTP() async throws {
    try await withLiveServer { live in
        let create = try await live.manage("POST", "/databases", body: #"{"name": "sensors", "maxTables": 20, "retentionPeriod": 3600000000000}"#)
        #expect(create.status == 200)
        let created = try #require(create.decode(DatabaseBody.self))
        #expect(created.name == "sensors")
        #expect(created.maxTables == 20)
        #expect(created.maxColumnsPerTable == 250)
        #expect(created.retentionPeriod == 3_600_000_000_000)

        let duplicate = try await live.manage("POST", "/databases", body: #"{"name": "sensors"}"#)
        #expect(duplicate.status == 409)
        #expect(duplicate.error?.code == 409)

        let update = try await live.manage("PATCH", "/databases/sensors", body: #"{"maxColumnsPerTable": 300}"#)
        #expect(update.decode(DatabaseBody.self)?.maxColumnsPerTable == 300)

        let rename = try await live.manage("PUT", "/databases/sensors/rename", body: #"{"name": "probes"}"#)
        #expect(rename.status == 200)
        #expect(rename.decode(DatabaseBody.self)?.name == "probes")

        let delete = try await live.manage("DELETE", "/databases/probes")
        #expect(delete.status == 204)
        let afterDelete = try await live.manage("GET", "/databases")
        #expect(afterDelete.body == "[]")

        // The first database has ID 1; undelete addresses databases by ID.
        let undelete = try await live.manage("PUT", "/databases/1/undelete")
        #expect(undelete.status == 200)
        #expect(undelete.decode(DatabaseBody.self)?.name == "probes")
        let unknownID = try await live.manage("PUT", "/databases/99/undelete")
        #expect(unknownID.status == 404)

        let list = try await live.manage("GET", "/databases")
        #expect(list.decode([DatabaseBody].self)?.map(\.name) == ["probes"])
    }
}

@Test func sixtyFourConcurrentCreatesLoseAndDuplicateNothing() async throws {
    try await withLiveServer { live in
        let count = 64
        var arguments = ["--parallel", "--parallel-immediate", "--parallel-max", String(count)]
        for index in 0..<count {
            if index > 0 { arguments.append("--next") }
            arguments += ["-s", "--max-time", Curl.maximumSeconds, "-X", "POST", live.management + "/tokens",
                          "-H", "Authorization: Bearer \(live.server.managementToken)", "-H", "Content-Type: application/json",
                          "--data-raw", #"{"description": "concurrent-\#(index)"}"#, "-o", "/dev/null", "-w", "%{http_code}\n"]
        }
        let statuses = try await Curl.run(arguments).split(separator: "\n")
        #expect(statuses.count == count)
        #expect(statuses.allSatisfy { $0 == "200" })

        let list = try await live.manage("GET", "/tokens")
        let tokens = try #require(list.decode([TokenBody].self))
        #expect(tokens.count == count)
        #expect(Set(tokens.map(\.id)).count == count)
        #expect(Set(tokens.map(\.description)) == Set((0..<count).map { "concurrent-\($0)" }))
    }
}

@Test(arguments: [
    ("1.0.0", 405, 405),
    ("1.1.0", 200, 400),
    ("2.0.0", 200, 200),
])
func updatesTokensAsTheReleaseAllows(version: String, descriptionStatus: Int, permissionsStatus: Int) async throws {
    var settings = LiveServer.settings()
    settings.release = try ServerSettings.release(named: version)
    try await withLiveServer(settings) { live in
        let create = try await live.manage("POST", "/tokens", body: #"{"description": "t"}"#)
        let id = try #require(create.decode(TokenBody.self)).id
        let description = try await live.manage("PATCH", "/tokens/\(id)", body: #"{"description": "u"}"#)
        #expect(description.status == descriptionStatus)
        let permissions = try await live.manage("PATCH", "/tokens/\(id)", body: #"{"permissions": [{"action": "read", "resource": "db"}]}"#)
        #expect(permissions.status == permissionsStatus)
    }
}
