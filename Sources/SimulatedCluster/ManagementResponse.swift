import TokenCore

/// A database token as the Management API shows it: never the token string.
public struct TokenView: Sendable, Hashable {
    public var accountID: String
    public var clusterID: String
    public var id: TokenID
    public var description: String
    public var permissions: [Permission]
    public var createdAt: Instant
    public var expiresAt: Instant?
    public var revokedAt: Instant?

    public init(
        accountID: String, clusterID: String, id: TokenID, description: String, permissions: [Permission],
        createdAt: Instant, expiresAt: Instant?, revokedAt: Instant?
    ) {
        self.accountID = accountID
        self.clusterID = clusterID
        self.id = id
        self.description = description
        self.permissions = permissions
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// The API view of a stored record.
    public init(_ record: DatabaseToken, accountID: String, clusterID: String) {
        self.init(
            accountID: accountID, clusterID: clusterID, id: record.id, description: record.description,
            permissions: record.permissions, createdAt: record.createdAt, expiresAt: record.expiresAt,
            revokedAt: record.revokedAt
        )
    }

    /// Whether a text of the view satisfies `predicate` (see `ManagementResponse.containsText(where:)`).
    func containsText(where predicate: (String) -> Bool) -> Bool {
        predicate(accountID) || predicate(clusterID) || predicate(id.rawValue) || predicate(description)
            || permissions.contains { predicate($0.resource.rawValue) }
    }
}

/// A database as the Management API shows it.
public struct DatabaseView: Sendable, Hashable {
    public var accountID: String
    public var clusterID: String
    /// The int64 database ID (used by undelete; shown by influxctl 2.10.3+).
    public var id: Int64
    public var name: String
    public var maxTables: Int
    public var maxColumnsPerTable: Int
    /// Nanoseconds; 0 is infinite.
    public var retentionPeriod: Int64

    public init(
        accountID: String, clusterID: String, id: Int64, name: String, maxTables: Int, maxColumnsPerTable: Int,
        retentionPeriod: Int64
    ) {
        self.accountID = accountID
        self.clusterID = clusterID
        self.id = id
        self.name = name
        self.maxTables = maxTables
        self.maxColumnsPerTable = maxColumnsPerTable
        self.retentionPeriod = retentionPeriod
    }

    /// Whether a text of the view satisfies `predicate` (see `ManagementResponse.containsText(where:)`).
    func containsText(where predicate: (String) -> Bool) -> Bool {
        predicate(accountID) || predicate(clusterID) || predicate(name)
    }
}

/// A management token as `influxctl management list` shows it: never the token string.
public struct ManagementTokenView: Sendable, Hashable {
    public var id: TokenID
    public var accountID: String
    public var description: String
    /// The first characters of the token string (`M.V1.` and four more), as listed.
    public var tokenPrefix: String
    public var createdAt: Instant
    public var expiresAt: Instant?
    public var revokedAt: Instant?
    public var createdBy: String

    public init(
        id: TokenID, accountID: String, description: String, tokenPrefix: String, createdAt: Instant,
        expiresAt: Instant?, revokedAt: Instant?, createdBy: String
    ) {
        self.id = id
        self.accountID = accountID
        self.description = description
        self.tokenPrefix = tokenPrefix
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.createdBy = createdBy
    }

    /// Whether a text of the view satisfies `predicate` (see `ManagementResponse.containsText(where:)`).
    func containsText(where predicate: (String) -> Bool) -> Bool {
        predicate(id.rawValue) || predicate(accountID) || predicate(description) || predicate(tokenPrefix)
            || predicate(createdBy)
    }
}

/// The payload of a management response.
public enum ManagementBody: Sendable, Hashable {
    /// 204 No Content.
    case empty
    /// `accessToken` is set only in the response that creates the token.
    case databaseToken(TokenView, accessToken: String?)
    case databaseTokens([TokenView])
    case database(DatabaseView)
    case databases([DatabaseView])
    /// `accessToken` is set only in the response that creates the token.
    case managementToken(ManagementTokenView, accessToken: String?)
    case managementTokens([ManagementTokenView])
    /// The API's error object: `{"code": N, "message": "..."}`.
    case error(code: Int, message: String)
}

/// What the management plane answers: an HTTP status and a body.
public struct ManagementResponse: Sendable, Hashable {
    public var status: Int
    public var body: ManagementBody

    public init(status: Int, body: ManagementBody) {
        self.status = status
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The error message, for an error body.
    public var errorMessage: String? {
        if case .error(_, let message) = body { return message }
        return nil
    }

    /// Whether some text the body carries satisfies `predicate`: an ID, account, cluster,
    /// name, description, permission resource, token prefix, creator, error message or token
    /// string. Every rendering of the response (`json()`, influxctl's output) sets these
    /// texts, JSON-escaped or cut into lines, amid fixed text, numbers and timestamps.
    public func containsText(where predicate: (String) -> Bool) -> Bool {
        switch body {
        case .empty:
            return false
        case .databaseToken(let view, let accessToken):
            return view.containsText(where: predicate) || accessToken.map(predicate) == true
        case .databaseTokens(let views):
            return views.contains { $0.containsText(where: predicate) }
        case .database(let view):
            return view.containsText(where: predicate)
        case .databases(let views):
            return views.contains { $0.containsText(where: predicate) }
        case .managementToken(let view, let accessToken):
            return view.containsText(where: predicate) || accessToken.map(predicate) == true
        case .managementTokens(let views):
            return views.contains { $0.containsText(where: predicate) }
        case .error(_, let message):
            return predicate(message)
        }
    }

    /// The HTTP body as the Management API writes it: compact JSON, camelCase keys in a
    /// fixed order, optional fields left out when unset, errors as `{"code":N,"message":"..."}`,
    /// and an empty string for 204.
    public func json() -> String {
        var writer = JSONWriter(indented: false, capacity: 512)
        switch body {
        case .empty:
            return ""
        case .databaseToken(let view, let accessToken):
            Self.write(view, accessToken: accessToken, to: &writer)
        case .databaseTokens(let views):
            writer.beginArray()
            for view in views { Self.write(view, accessToken: nil, to: &writer) }
            writer.endArray()
        case .database(let view):
            Self.write(view, to: &writer)
        case .databases(let views):
            writer.beginArray()
            for view in views { Self.write(view, to: &writer) }
            writer.endArray()
        case .managementToken(let view, let accessToken):
            Self.write(view, accessToken: accessToken, to: &writer)
        case .managementTokens(let views):
            writer.beginArray()
            for view in views { Self.write(view, accessToken: nil, to: &writer) }
            writer.endArray()
        case .error(let code, let message):
            writer.beginObject()
            writer.member("code", Int64(code))
            writer.member("message", message)
            writer.endObject()
        }
        return writer.text
    }

    private static func write(_ view: TokenView, accessToken: String?, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("accountId", view.accountID)
        writer.member("clusterId", view.clusterID)
        writer.member("id", verbatim: view.id.rawValue)
        writer.member("description", view.description)
        writer.key("permissions")
        writer.beginArray()
        for permission in view.permissions {
            writer.beginObject()
            writer.member("action", verbatim: permission.action.rawValue)
            writer.member("resource", permission.resource.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.member("createdAt", verbatim: view.createdAt.rfc3339)
        if let expiresAt = view.expiresAt { writer.member("expiresAt", verbatim: expiresAt.rfc3339) }
        if let revokedAt = view.revokedAt { writer.member("revokedAt", verbatim: revokedAt.rfc3339) }
        if let accessToken { writer.member("accessToken", accessToken) }
        writer.endObject()
    }

    private static func write(_ view: DatabaseView, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("accountId", view.accountID)
        writer.member("clusterId", view.clusterID)
        writer.member("name", view.name)
        writer.member("maxTables", Int64(view.maxTables))
        writer.member("maxColumnsPerTable", Int64(view.maxColumnsPerTable))
        writer.member("retentionPeriod", view.retentionPeriod)
        writer.endObject()
    }

    private static func write(_ view: ManagementTokenView, accessToken: String?, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", verbatim: view.id.rawValue)
        writer.member("accountId", view.accountID)
        writer.member("description", view.description)
        writer.member("tokenPrefix", view.tokenPrefix)
        writer.member("createdAt", verbatim: view.createdAt.rfc3339)
        if let expiresAt = view.expiresAt { writer.member("expiresAt", verbatim: expiresAt.rfc3339) }
        if let revokedAt = view.revokedAt { writer.member("revokedAt", verbatim: revokedAt.rfc3339) }
        writer.member("createdBy", view.createdBy)
        if let accessToken { writer.member("accessToken", accessToken) }
        writer.endObject()
    }
}

/// What the data plane (write and query) answers.
public struct DataResponse: Sendable, Hashable {
    /// 204 write accepted, 200 query answered, 400 bad input, 401 unauthorized,
    /// 403 forbidden, 404 database not found.
    public var status: Int
    /// The error message for a failed request; nil on success.
    public var message: String? {
        get { refusedPermission?.message ?? storedMessage }
        set {
            storedMessage = newValue
            refusedPermission = nil
        }
    }
    private var storedMessage: String?
    /// For a 403, the permission the token lacks: the message is written only when read.
    private var refusedPermission: RefusedPermission?
    /// The body of a success; a failure's body is written from its code and message when asked.
    private var successBody: String
    /// The InfluxDB v2 error code of a failure (`unauthorized`, `forbidden`...).
    private var errorCode: String?

    public init(status: Int, body: String, message: String? = nil) {
        self.init(status: status, successBody: body, storedMessage: message, refusedPermission: nil, errorCode: nil)
    }

    private init(status: Int, successBody: String, storedMessage: String?, refusedPermission: RefusedPermission?, errorCode: String?) {
        self.status = status
        self.successBody = successBody
        self.storedMessage = storedMessage
        self.refusedPermission = refusedPermission
        self.errorCode = errorCode
    }

    /// The HTTP body: empty for 204, `[]` for a query, a v2-style error object otherwise.
    public var body: String {
        guard let errorCode else { return successBody }
        return "{\"code\":" + JSONWriter.quoted(errorCode) + ",\"message\":" + JSONWriter.quoted(message ?? "") + "}"
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    public static func == (lhs: DataResponse, rhs: DataResponse) -> Bool {
        lhs.status == rhs.status && lhs.message == rhs.message && lhs.successBody == rhs.successBody
            && lhs.errorCode == rhs.errorCode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(message)
        hasher.combine(successBody)
        hasher.combine(errorCode)
    }
}

extension DataResponse {
    /// A data API error: the status with an InfluxDB v2 error body `{"code": ..., "message": ...}`.
    public static func failure(status: Int, code: String, message: String) -> DataResponse {
        DataResponse(status: status, successBody: "", storedMessage: message, refusedPermission: nil, errorCode: code)
    }

    /// 403 for a valid token without permission for `action` on `database`.
    static func forbidden(_ action: Action, database: String) -> DataResponse {
        DataResponse(status: 403, successBody: "", storedMessage: nil,
                     refusedPermission: RefusedPermission(action: action, database: database), errorCode: "forbidden")
    }
}

/// What a 403 refused: an action on a database.
private struct RefusedPermission: Sendable {
    var action: Action
    var database: String

    var message: String {
        "token does not have \(action.rawValue) permission for database \"\(database)\""
    }
}
