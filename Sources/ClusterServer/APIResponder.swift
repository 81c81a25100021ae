import ManagementAPI
import SimulatedCluster
import TokenCore

/// An HTTP answer: a status and a body, JSON when not empty.
struct HTTPReply: Hashable, Sendable {
    var status: Int
    var body: String

    /// `application/json` for a body, nil for an empty one (204).
    var contentType: String? { body.isEmpty ? nil : "application/json" }
}

/// Adapts HTTP requests to the simulated cluster: ManagementAPI's `APIParser` reads them with
/// the checks curl examples get, and the typed request goes to the cluster's one management
/// router or its data plane.
///
/// The order of answers: a body over the limit (413, decided before the body is read), the
/// route (404, 405), then on the Management API the bearer token (401 missing or unknown, 403
/// a database token), then the parser's other findings (401 no data API credentials, 415 body
/// not JSON, 400 bad JSON or schema), then the account and cluster in the path (404), then
/// the cluster itself (its own 400, 401, 403, 404, 405, 409). Table endpoints, which the
/// cluster does not model, get 501.
struct APIResponder: Sendable {
    let host: ClusterHost
    let accountID: String
    let clusterID: String

    func respond(method: String, target: String, headers: [(name: String, value: String)], body: String) async -> HTTPReply {
        if let reply = await InfluxDB3Responder(host: host).respond(method: method, target: target, headers: headers, body: body) { return reply }
        let parse = APIParser.parse(method: method, target: target, headers: headers, body: body)
        let style = ErrorStyle(parse.kind)
        if let refusal = parse.refusal, refusal.status == 404 || refusal.status == 405 {
            return style.reply(refusal.status, refusal.message)
        }
        if parse.kind == .management, let refusal = await authorize(headers) { return refusal }
        if let refusal = parse.refusal { return style.reply(refusal.status, refusal.message) }
        if parse.kind == .management, let refusal = clusterMismatch(in: target) { return refusal }
        guard let request = parse.request else {
            return style.reply(501, "not implemented: the simulated cluster models databases and database tokens, not tables")
        }
        do throws(Refusal) {
            return await perform(try Self.call(for: request))
        } catch {
            return style.reply(400, error.message)
        }
    }

    /// The answer to a body over the limit: 413 in the style of the API the target belongs to.
    static func tooLarge(target: String, limit: Int) -> HTTPReply {
        ErrorStyle(APIParser.kind(ofTarget: target)).reply(413, "request body too large: the limit is \(limit) bytes")
    }

    // MARK: Credentials and path

    private func authorize(_ headers: [(name: String, value: String)]) async -> HTTPReply? {
        guard let value = headers.last(where: { $0.name.lowercased() == "authorization" })?.value else {
            return ErrorStyle.management.reply(401, "unauthorized: send `Authorization: Bearer MANAGEMENT_TOKEN`")
        }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0].lowercased() == "bearer" else {
            return ErrorStyle.management.reply(401, "unauthorized: the Authorization header must be `Bearer MANAGEMENT_TOKEN`")
        }
        switch await host.credential(of: String(words[1])) {
        case .management:
            return nil
        case .database:
            return ErrorStyle.management.reply(403, "forbidden: this is a database token; the Management API takes a management token (database tokens are for writing and querying)")
        case .unknown:
            return ErrorStyle.management.reply(401, "unauthorized: unknown management token")
        }
    }

    /// 404 when a Cloud Dedicated path names another account or cluster than the simulated one.
    private func clusterMismatch(in target: String) -> HTTPReply? {
        let segments = target.prefix { $0 != "?" }.split(separator: "/")
        guard segments.count >= 6, segments[2] == "accounts", segments[4] == "clusters" else { return nil }
        if segments[3].lowercased() != accountID.lowercased() {
            return ErrorStyle.management.reply(404, "account \"\(segments[3])\" not found: the simulated account is \(accountID)")
        }
        if segments[5].lowercased() != clusterID.lowercased() {
            return ErrorStyle.management.reply(404, "cluster \"\(segments[5])\" not found: the simulated cluster is \(clusterID)")
        }
        return nil
    }

    // MARK: Calling the cluster

    /// One call into the cluster.
    enum ClusterCall: Hashable, Sendable {
        case management(ManagementRequest)
        case undeleteDatabase(id: Int64)
        case write(token: String?, database: String, lineProtocol: String)
        case query(token: String?, database: String, query: String)
    }

    /// A value the schema lets through but the cluster cannot take (400).
    struct Refusal: Error, Hashable {
        var message: String
    }

    private func perform(_ call: ClusterCall) async -> HTTPReply {
        let response: ManagementResponse
        switch call {
        case .management(let request):
            response = await host.handle(request)
        case .undeleteDatabase(let id):
            response = await host.undeleteDatabase(id: id)
        case .write(let token, let database, let lineProtocol):
            let answer = await host.write(token: token, database: database, lineProtocol: lineProtocol)
            return HTTPReply(status: answer.status, body: answer.body)
        case .query(let token, let database, let query):
            let answer = await host.query(token: token, database: database, query: query)
            return HTTPReply(status: answer.status, body: answer.body)
        }
        return HTTPReply(status: response.status, body: response.json())
    }

    /// The cluster call for a checked request.
    static func call(for request: APIRequest) throws(Refusal) -> ClusterCall {
        switch request {
        case .createDatabaseToken(let description, let permissions, let expiresAt):
            return .management(.createDatabaseToken(
                description: description.text, permissions: try Self.permissions(permissions), expiresAt: try instant(expiresAt)))
        case .listDatabaseTokens:
            return .management(.listDatabaseTokens(includeRevoked: false))
        case .getDatabaseToken(let id):
            return .management(.getDatabaseToken(id: id.text, includeRevoked: false))
        case .updateDatabaseToken(let id, let description, let permissions):
            var replacement: [Permission]?
            if let permissions { replacement = try Self.permissions(permissions) }
            return .management(.updateDatabaseToken(id: id.text, description: description?.text, permissions: replacement))
        case .deleteDatabaseToken(let id):
            return .management(.deleteDatabaseToken(id: id.text))
        case .createDatabase(let name, let maxTables, let maxColumnsPerTable, let retentionPeriod):
            var settings = DatabaseSettings(name: name.text)
            if let maxTables { settings.maxTables = maxTables }
            if let maxColumnsPerTable { settings.maxColumnsPerTable = maxColumnsPerTable }
            if let retentionPeriod { settings.retentionPeriod = retentionPeriod }
            return .management(.createDatabase(settings))
        case .listDatabases:
            return .management(.listDatabases)
        case .updateDatabase(let name, let maxTables, let maxColumnsPerTable, let retentionPeriod):
            return .management(.updateDatabase(
                name: name.text, maxTables: maxTables, maxColumnsPerTable: maxColumnsPerTable, retentionPeriod: retentionPeriod))
        case .deleteDatabase(let name):
            return .management(.deleteDatabase(name: name.text))
        case .renameDatabase(let name, let newName):
            return .management(.renameDatabase(from: name.text, to: newName.text))
        case .undeleteDatabase(let id):
            guard let number = Int64(id.text) else { throw Refusal(message: "path parameter databaseId `\(id.text)` must be an integer ID (int64)") }
            return .undeleteDatabase(id: number)
        case .write(let database, let token, let lineProtocol):
            return .write(token: token?.text, database: database.text, lineProtocol: lineProtocol?.text ?? "")
        case .query(let database, let token, let query):
            return .query(token: token?.text, database: database.text, query: query?.text ?? "")
        }
    }

    private static func permissions(_ list: [APIPermission]) throws(Refusal) -> [Permission] {
        var permissions: [Permission] = []
        for permission in list {
            guard let action = Action(rawValue: permission.action.text) else {
                throw Refusal(message: "\"action\" must be \"read\" or \"write\", found \"\(permission.action.text)\"")
            }
            permissions.append(Permission(action: action, resource: Resource(permission.resource.text)))
        }
        return permissions
    }

    private static func instant(_ value: APIValue?) throws(Refusal) -> Instant? {
        guard let value else { return nil }
        guard let instant = Instant(rfc3339: value.text) else {
            throw Refusal(message: "\"expiresAt\" \"\(value.text)\" is not a time the cluster reads: write it as 2030-01-31T23:59:59Z (upper-case T and Z, seconds 00-59)")
        }
        return instant
    }
}

/// The error bodies of the two APIs: the Management API's `{"code": 404, "message": "..."}`
/// and the data API's `{"code": "not found", "message": "..."}`.
enum ErrorStyle {
    case management
    case data

    init(_ kind: APIKind?) {
        self = kind == .data ? .data : .management
    }

    func reply(_ status: Int, _ message: String) -> HTTPReply {
        switch self {
        case .management:
            return HTTPReply(status: status, body: ManagementResponse(status: status, body: .error(code: status, message: message)).json())
        case .data:
            return HTTPReply(status: status, body: DataResponse.failure(status: status, code: Self.dataCode(status), message: message).body)
        }
    }

    /// The InfluxDB v2 error code of a status.
    static func dataCode(_ status: Int) -> String {
        switch status {
        case 400: "invalid"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 413: "request too large"
        case 415: "unsupported media type"
        case 501: "not implemented"
        default: "internal error"
        }
    }
}
