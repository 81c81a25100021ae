import Foundation
import SimulatedCluster
import TokenCore

/// The InfluxDB 3 Core and Enterprise token API over HTTP, answered by the host's simulated
/// InfluxDB 3 server, so a writer can run a page's `/api/v3/...` token calls by hand:
///
/// - `POST /api/v3/configure/token/admin` makes the operator token (no token needed while
///   there is none; the operator token after that, which then gets 409);
/// - `POST /api/v3/configure/token/admin/regenerate` gives it a new string (the operator token);
/// - `POST /api/v3/enterprise/configure/token` makes a resource token from
///   `{"token_name", "permissions": [{"resource_type", "resource_names", "actions"}], "expiry_secs"}`;
/// - `DELETE /api/v3/configure/token?token_name=NAME` deletes one.
///
/// A token string is in the answer to its creation only. Writes and queries with an InfluxDB 3
/// token (`apiv3_…`) are authorised by its permissions.
struct InfluxDB3Responder: Sendable {
    let host: ClusterHost

    /// The answer, or nil when the target is not one of these endpoints.
    func respond(method: String, target: String, headers: [(name: String, value: String)], body: String) async -> HTTPReply? {
        let path = String(target.prefix { $0 != "?" })
        let query = target.contains("?") ? String(target[target.index(after: target.firstIndex(of: "?") ?? target.startIndex)...]) : ""
        let token = Self.bearer(in: headers)
        switch (method, path) {
        case ("POST", "/api/v3/configure/token/admin"):
            let hasOperator = await host.v3HasOperator
            if hasOperator {
                guard await host.v3IsOperator(token) else { return Self.error(401, "unauthorized: the operator token exists; send it as `Authorization: Bearer`") }
                return Self.error(409, "the operator token already exists; regenerate it with POST /api/v3/configure/token/admin/regenerate")
            }
            return Self.created(await host.v3CreateOperator())
        case ("POST", "/api/v3/configure/token/admin/regenerate"):
            guard await host.v3IsOperator(token) else { return Self.error(401, "unauthorized: send the operator token as `Authorization: Bearer`") }
            return Self.created(await host.v3RegenerateOperator())
        case ("POST", "/api/v3/enterprise/configure/token"):
            guard await host.v3IsAdmin(token) else { return Self.error(401, "unauthorized: send an admin token as `Authorization: Bearer`") }
            guard let request = try? JSONDecoder().decode(ResourceTokenRequest.self, from: Data(body.utf8)) else {
                return Self.error(400, "the body must be {\"token_name\", \"permissions\": [{\"resource_type\", \"resource_names\", \"actions\"}], \"expiry_secs\"}")
            }
            var permissions: [Permission] = []
            var system: [String] = []
            for permission in request.permissions {
                switch permission.resource_type {
                case "db":
                    for name in permission.resource_names {
                        for action in permission.actions {
                            guard let action = Action(rawValue: action) else { return Self.error(400, "unknown action \"\(action)\": db takes read and write") }
                            permissions.append(Permission(action: action, resource: Resource(name)))
                        }
                    }
                case "system":
                    system += permission.resource_names
                default:
                    return Self.error(400, "unknown resource_type \"\(permission.resource_type)\": the types are db and system")
                }
            }
            return Self.created(await host.v3CreateResource(name: request.token_name, permissions: permissions, system: system, expirySeconds: request.expiry_secs))
        case ("DELETE", "/api/v3/configure/token"):
            guard await host.v3IsAdmin(token) else { return Self.error(401, "unauthorized: send an admin token as `Authorization: Bearer`") }
            guard let name = query.split(separator: "&").first(where: { $0.hasPrefix("token_name=") })?.dropFirst("token_name=".count) else {
                return Self.error(400, "name the token: ?token_name=NAME")
            }
            switch await host.v3Delete(name: String(name).removingPercentEncoding ?? String(name)) {
            case .success: return HTTPReply(status: 200, body: "")
            case .failure(let refusal): return Self.error(refusal == .operatorCannotBeDeleted ? 400 : 404, refusal.description)
            }
        default:
            return nil
        }
    }

    private struct ResourceTokenRequest: Decodable {
        struct Grant: Decodable {
            var resource_type: String
            var resource_names: [String]
            var actions: [String]
        }
        var token_name: String
        var permissions: [Grant]
        var expiry_secs: Int64?
    }

    static func bearer(in headers: [(name: String, value: String)]) -> String? {
        guard let value = headers.last(where: { $0.name.lowercased() == "authorization" })?.value else { return nil }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, ["bearer", "token"].contains(words[0].lowercased()) else { return nil }
        return String(words[1])
    }

    private static func created(_ outcome: Result<(token: InfluxDB3Server.Token, secret: String), InfluxDB3Server.Refusal>) -> HTTPReply {
        switch outcome {
        case .success(let created):
            let expiry = created.token.expiresAt.map { "\"\($0.rfc3339Seconds)\"" } ?? "null"
            return HTTPReply(status: 201, body: """
            {"id":\(created.token.id),"name":\(JSONWriter.quoted(created.token.name)),"token":\(JSONWriter.quoted(created.secret)),"hash":\(JSONWriter.quoted(created.token.digest.hex)),"created_at":"\(created.token.createdAt.rfc3339Seconds)","expiry":\(expiry)}
            """)
        case .failure(let refusal):
            return error(409, refusal.description)
        }
    }

    static func error(_ status: Int, _ message: String) -> HTTPReply {
        HTTPReply(status: status, body: "{\"error\":\(JSONWriter.quoted(message))}")
    }
}
