import TokenCore

/// The settings of a database as created through the Management API.
public struct DatabaseSettings: Sendable, Hashable {
    /// Case-sensitive name, 1-64 characters of `a-z A-Z 0-9 _ - /`.
    public var name: String
    /// At least 1; the API default is 500.
    public var maxTables: Int
    /// At least 1 and at most 1000; the documented default is 250.
    public var maxColumnsPerTable: Int
    /// Nanoseconds, 0 (the default) meaning infinite.
    public var retentionPeriod: Int64

    public static let defaultMaxTables = 500
    public static let defaultMaxColumnsPerTable = 250
    /// The configurable maximum of `maxColumnsPerTable`.
    public static let maximumColumnsPerTable = 1000

    public init(
        name: String,
        maxTables: Int = defaultMaxTables,
        maxColumnsPerTable: Int = defaultMaxColumnsPerTable,
        retentionPeriod: Int64 = 0
    ) {
        self.name = name
        self.maxTables = maxTables
        self.maxColumnsPerTable = maxColumnsPerTable
        self.retentionPeriod = retentionPeriod
    }
}

/// One call to the cluster's management plane, whether made by influxctl or with curl.
public enum ManagementRequest: Sendable, Hashable {
    case createDatabaseToken(description: String, permissions: [Permission], expiresAt: Instant?)
    case listDatabaseTokens(includeRevoked: Bool)
    case getDatabaseToken(id: String, includeRevoked: Bool)
    /// nil leaves a field unchanged; `permissions` replaces the whole list.
    case updateDatabaseToken(id: String, description: String?, permissions: [Permission]?)
    /// Revokes the token (the API calls it delete, influxctl 2.10+ `token revoke`).
    case deleteDatabaseToken(id: String)
    case createDatabase(DatabaseSettings)
    case listDatabases
    case updateDatabase(name: String, maxTables: Int?, maxColumnsPerTable: Int?, retentionPeriod: Int64?)
    case deleteDatabase(name: String)
    case renameDatabase(from: String, to: String)
    case undeleteDatabase(name: String)
    case createManagementToken(description: String, expiresAt: Instant?)
    case listManagementTokens
    case revokeManagementToken(id: String)
}
