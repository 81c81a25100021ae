import Diagnostics

/// A value taken from the page: its text as written (JSON string content, or a path segment),
/// where it stands, and whether only a running shell knows it.
public struct APIValue: Hashable, Sendable {
    /// The text; JSON escapes are decoded, unknown parts are spelt as written (`$(date ...)`).
    public var text: String
    /// For a JSON string, the literal with its quotes; otherwise the text itself.
    public var range: SourceRange
    /// True when some part of the value is only known to a running shell.
    public var isUnknown: Bool

    public init(text: String, range: SourceRange, isUnknown: Bool) {
        self.text = text
        self.range = range
        self.isUnknown = isUnknown
    }
}

/// One `{action, resource}` entry of a token's permissions.
public struct APIPermission: Hashable, Sendable {
    /// `read` or `write`.
    public var action: APIValue
    /// A database name, or `*` for every database.
    public var resource: APIValue

    public init(action: APIValue, resource: APIValue) {
        self.action = action
        self.resource = resource
    }
}

/// A typed Management API or data API request read from a curl command.
public enum APIRequest: Hashable, Sendable {
    case createDatabaseToken(description: APIValue, permissions: [APIPermission], expiresAt: APIValue?)
    case listDatabaseTokens
    case getDatabaseToken(id: APIValue)
    /// Nil `permissions` keeps the token's permissions; an empty array removes them all.
    case updateDatabaseToken(id: APIValue, description: APIValue?, permissions: [APIPermission]?)
    case deleteDatabaseToken(id: APIValue)
    case createDatabase(name: APIValue, maxTables: Int?, maxColumnsPerTable: Int?, retentionPeriod: Int64?)
    case listDatabases
    case updateDatabase(name: APIValue, maxTables: Int?, maxColumnsPerTable: Int?, retentionPeriod: Int64?)
    case deleteDatabase(name: APIValue)
    case renameDatabase(name: APIValue, newName: APIValue)
    case undeleteDatabase(id: APIValue)
    /// A data API write; `lineProtocol` is the body (unknown when read from a file).
    case write(database: APIValue, token: APIValue?, lineProtocol: APIValue?)
    /// A data API query; `query` is the `q` parameter.
    case query(database: APIValue, token: APIValue?, query: APIValue?)
}

/// The result of reading one curl command as an API call.
public struct APIParse: Hashable, Sendable {
    /// The typed request; nil for curls to other URLs, for calls with a finding that keeps the
    /// request from being known (unknown endpoint, invalid JSON, schema error), for bodies the
    /// page does not show (`@file`), and for table endpoints, which have no typed request.
    public var request: APIRequest?
    /// The api.* findings, ordered by position.
    public var diagnostics: [Diagnostic]
    /// True when the URL is the Management API (`/api/v0/...`) or a data API endpoint.
    public var isAPICall: Bool

    public init(request: APIRequest?, diagnostics: [Diagnostic], isAPICall: Bool) {
        self.request = request
        self.diagnostics = diagnostics
        self.isAPICall = isAPICall
    }
}
