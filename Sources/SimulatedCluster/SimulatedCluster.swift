import TokenCore

/// A deterministic stand-in for an InfluxDB Cloud Dedicated cluster: databases, database
/// and management tokens, a management router and a data plane, on a virtual clock.
///
/// Nothing here always says yes: every data request is authorized from the stored
/// permissions of the token whose SHA-512 digest matches the string sent.
public struct SimulatedCluster: Sendable {
    /// What the cluster was started with.
    public let configuration: ClusterConfiguration
    /// The virtual clock. It starts at `configuration.start` and moves only by `advance(by:)`.
    public private(set) var now: Instant

    private var store = TokenStore()
    private var databases: [StoredDatabase] = []
    /// The index in `databases` of each active database, by name, so a lookup costs the same
    /// however many databases the cluster holds.
    private var activeDatabases: [String: Int] = [:]
    private var managementTokens: [StoredManagementToken] = []
    private var generator: SeededGenerator
    private var nextDatabaseID: Int64 = 1

    public init(configuration: ClusterConfiguration = ClusterConfiguration()) {
        self.configuration = configuration
        self.now = configuration.start
        self.generator = SeededGenerator(seed: configuration.seed)
    }

    /// Moves the clock forward. A negative duration is ignored: time never runs backwards.
    public mutating func advance(by duration: Duration) {
        guard duration > .zero else { return }
        now = now + duration
    }

    /// Every stored database token, revoked ones included, in creation order (digests only).
    public var tokenRecords: [DatabaseToken] { store.records }

    /// A copy of the cluster in which, of all database tokens, only this one exists; its
    /// databases, management tokens, clock and random stream are those of the cluster.
    /// Whatever is done with that token answers as it would on the whole cluster, at a cost
    /// that does not grow with how many tokens a page created.
    public func isolating(databaseToken id: TokenID) -> SimulatedCluster {
        var copy = self
        copy.store = store.isolating(id)
        return copy
    }

    /// The instant from which the token is accepted by the data plane.
    public func syncInstant(of id: TokenID) -> Instant? {
        store.token(id: id)?.synchronizedAt
    }

    // MARK: - Management plane

    /// The one management router: answers a request as the Management API would.
    public mutating func handle(_ request: ManagementRequest) -> ManagementResponse {
        switch request {
        case .createDatabaseToken(let description, let permissions, let expiresAt):
            return createDatabaseToken(description: description, permissions: permissions, expiresAt: expiresAt)
        case .listDatabaseTokens(let includeRevoked):
            return ManagementResponse(status: 200, body: .databaseTokens(store.list(includeRevoked: includeRevoked).map(view)))
        case .getDatabaseToken(let id, let includeRevoked):
            return getDatabaseToken(id: id, includeRevoked: includeRevoked)
        case .updateDatabaseToken(let id, let description, let permissions):
            return updateDatabaseToken(id: id, description: description, permissions: permissions)
        case .deleteDatabaseToken(let id):
            return deleteDatabaseToken(id: id)
        case .createDatabase(let settings):
            return createDatabase(settings)
        case .listDatabases:
            return ManagementResponse(status: 200, body: .databases(databases.filter(\.isActive).map(view)))
        case .updateDatabase(let name, let maxTables, let maxColumnsPerTable, let retentionPeriod):
            return updateDatabase(
                name: name, maxTables: maxTables, maxColumnsPerTable: maxColumnsPerTable, retentionPeriod: retentionPeriod
            )
        case .deleteDatabase(let name):
            return deleteDatabase(name: name)
        case .renameDatabase(let from, let to):
            return renameDatabase(from: from, to: to)
        case .undeleteDatabase(let name):
            return undeleteDatabase(name: name)
        case .createManagementToken(let description, let expiresAt):
            return createManagementToken(description: description, expiresAt: expiresAt)
        case .listManagementTokens:
            guard configuration.managementTokensSupported else { return Self.managementTokensUnsupported }
            return ManagementResponse(status: 200, body: .managementTokens(managementTokens.map(view)))
        case .revokeManagementToken(let id):
            return revokeManagementToken(id: id)
        }
    }

    private mutating func createDatabaseToken(
        description: String, permissions: [Permission], expiresAt: Instant?
    ) -> ManagementResponse {
        if let problem = Self.problem(with: permissions) { return Self.failure(400, problem) }
        let delay = drawSyncDelay()
        let created = store.create(
            description: description, permissions: permissions, createdAt: now, expiresAt: expiresAt,
            synchronizationDelay: delay, using: &generator
        )
        return ManagementResponse(status: 200, body: .databaseToken(view(created.record), accessToken: created.secret))
    }

    private func getDatabaseToken(id text: String, includeRevoked: Bool) -> ManagementResponse {
        guard let id = TokenID(text) else { return Self.invalidTokenID(text) }
        guard let record = store.token(id: id), includeRevoked || !record.isRevoked else {
            return Self.tokenNotFound(text)
        }
        return ManagementResponse(status: 200, body: .databaseToken(view(record), accessToken: nil))
    }

    /// The status when the cluster cannot update tokens at all (`TokenUpdateSupport.none`):
    /// 405 Method Not Allowed. In that era the token path answered GET and DELETE but had
    /// no PATCH, and the API documents no status for a method that does not exist; 405 is
    /// what HTTP prescribes for a known path with an unsupported method (a 404 would wrongly
    /// suggest that the token does not exist).
    public static let tokenUpdateUnsupportedStatus = 405

    private mutating func updateDatabaseToken(
        id text: String, description: String?, permissions: [Permission]?
    ) -> ManagementResponse {
        switch configuration.tokenUpdate {
        case .none:
            return Self.failure(Self.tokenUpdateUnsupportedStatus, "method not allowed: database tokens cannot be updated")
        case .descriptionOnly where permissions != nil:
            // The request is refused whole, so the description does not change either.
            return Self.failure(400, "token permissions cannot be updated; only the description can change")
        case .descriptionOnly, .descriptionAndPermissions:
            break
        }
        guard let id = TokenID(text) else { return Self.invalidTokenID(text) }
        guard description != nil || permissions != nil else {
            return Self.failure(400, "an update needs a description or permissions")
        }
        if let permissions, let problem = Self.problem(with: permissions) { return Self.failure(400, problem) }
        switch store.update(id: id, description: description, permissions: permissions) {
        case .success(let record):
            return ManagementResponse(status: 200, body: .databaseToken(view(record), accessToken: nil))
        case .failure:
            return Self.tokenNotFound(text)
        }
    }

    private mutating func deleteDatabaseToken(id text: String) -> ManagementResponse {
        guard let id = TokenID(text) else { return Self.invalidTokenID(text) }
        switch store.revoke(id: id, at: now) {
        case .success:
            return ManagementResponse(status: 204, body: .empty)
        case .failure:
            return Self.tokenNotFound(text)
        }
    }

    private mutating func createDatabase(_ settings: DatabaseSettings) -> ManagementResponse {
        if let problem = DatabaseName.problem(with: settings.name) { return Self.failure(400, problem) }
        if let problem = Self.problem(
            maxTables: settings.maxTables, maxColumnsPerTable: settings.maxColumnsPerTable,
            retentionPeriod: settings.retentionPeriod
        ) {
            return Self.failure(400, problem)
        }
        guard activeDatabaseIndex(named: settings.name) == nil else {
            return Self.failure(409, "database \"\(settings.name)\" already exists")
        }
        let database = StoredDatabase(id: nextDatabaseID, settings: settings, deletedAt: nil)
        nextDatabaseID += 1
        activeDatabases[settings.name] = databases.count
        databases.append(database)
        return ManagementResponse(status: 200, body: .database(view(database)))
    }

    private mutating func updateDatabase(
        name: String, maxTables: Int?, maxColumnsPerTable: Int?, retentionPeriod: Int64?
    ) -> ManagementResponse {
        guard maxTables != nil || maxColumnsPerTable != nil || retentionPeriod != nil else {
            return Self.failure(400, "an update needs maxTables, maxColumnsPerTable or retentionPeriod")
        }
        if let problem = Self.problem(
            maxTables: maxTables ?? 1, maxColumnsPerTable: maxColumnsPerTable ?? 1, retentionPeriod: retentionPeriod ?? 0
        ) {
            return Self.failure(400, problem)
        }
        guard let index = activeDatabaseIndex(named: name) else { return Self.databaseNotFound(name) }
        if let maxTables { databases[index].settings.maxTables = maxTables }
        if let maxColumnsPerTable { databases[index].settings.maxColumnsPerTable = maxColumnsPerTable }
        if let retentionPeriod { databases[index].settings.retentionPeriod = retentionPeriod }
        return ManagementResponse(status: 200, body: .database(view(databases[index])))
    }

    /// Deleting keeps the tokens: they name databases by name, so a database created later
    /// with the same name is covered by them again.
    private mutating func deleteDatabase(name: String) -> ManagementResponse {
        guard let index = activeDatabaseIndex(named: name) else { return Self.databaseNotFound(name) }
        databases[index].deletedAt = now
        activeDatabases[name] = nil
        return ManagementResponse(status: 204, body: .empty)
    }

    /// Tokens keep the old name, so after a rename they no longer reach the database.
    private mutating func renameDatabase(from: String, to: String) -> ManagementResponse {
        if let problem = DatabaseName.problem(with: to) { return Self.failure(400, problem) }
        guard let index = activeDatabaseIndex(named: from) else { return Self.databaseNotFound(from) }
        guard activeDatabaseIndex(named: to) == nil else {
            return Self.failure(409, "database \"\(to)\" already exists")
        }
        databases[index].settings.name = to
        activeDatabases[from] = nil
        activeDatabases[to] = index
        return ManagementResponse(status: 200, body: .database(view(databases[index])))
    }

    /// Restores the most recently deleted database with this name (no recovery window is
    /// modelled: the docs give none).
    private mutating func undeleteDatabase(name: String) -> ManagementResponse {
        guard activeDatabaseIndex(named: name) == nil else {
            return Self.failure(409, "database \"\(name)\" already exists")
        }
        guard let index = databases.lastIndex(where: { !$0.isActive && $0.settings.name == name }) else {
            return Self.failure(404, "deleted database \"\(name)\" not found")
        }
        databases[index].deletedAt = nil
        activeDatabases[name] = index
        return ManagementResponse(status: 200, body: .database(view(databases[index])))
    }

    /// Management token strings: `M.V1.` and the base64url of 48 random bytes.
    private static let managementTokenPrefix = "M.V1."
    private static let listedPrefixLength = managementTokenPrefix.count + 4

    private mutating func createManagementToken(description: String, expiresAt: Instant?) -> ManagementResponse {
        guard configuration.managementTokensSupported else { return Self.managementTokensUnsupported }
        guard description.contains(where: { !$0.isWhitespace }) else {
            return Self.failure(400, "management token description must not be empty")
        }
        var id = TokenID.random(using: &generator)
        while managementTokens.contains(where: { $0.id == id }) {
            id = TokenID.random(using: &generator)
        }
        let secret = TokenSecret.generate(prefix: Self.managementTokenPrefix, byteCount: 48, using: &generator)
        let token = StoredManagementToken(
            id: id, description: description, tokenPrefix: String(secret.prefix(Self.listedPrefixLength)),
            createdAt: now, expiresAt: expiresAt, revokedAt: nil, digest: SecretDigest(hashing: secret)
        )
        managementTokens.append(token)
        return ManagementResponse(status: 200, body: .managementToken(view(token), accessToken: secret))
    }

    private mutating func revokeManagementToken(id text: String) -> ManagementResponse {
        guard configuration.managementTokensSupported else { return Self.managementTokensUnsupported }
        guard let id = TokenID(text) else { return Self.invalidTokenID(text) }
        guard let index = managementTokens.firstIndex(where: { $0.id == id }), managementTokens[index].revokedAt == nil
        else {
            return Self.failure(404, "management token \"\(text)\" not found")
        }
        managementTokens[index].revokedAt = now
        return ManagementResponse(status: 204, body: .empty)
    }

    // MARK: - Data plane

    /// Writes line protocol. Checked in order: the token (401), its write permission on
    /// `database` (403), that the database exists (404), then the line protocol (400);
    /// 204 on success. A 404 therefore implies the token was authorized.
    public mutating func write(token: String?, database: String, lineProtocol: String) -> DataResponse {
        write(token: PresentedSecret(token), database: database, lineProtocol: lineProtocol)
    }

    /// `write(token:database:lineProtocol:)` with a token string already hashed.
    public mutating func write(token: PresentedSecret, database: String, lineProtocol: String) -> DataResponse {
        if let refusal = refusal(token: token, action: .write, database: database) { return refusal }
        if let problem = LineProtocol.problem(in: lineProtocol) {
            return Self.dataFailure(400, code: "invalid", problem)
        }
        return DataResponse(status: 204, body: "")
    }

    /// Runs a query: authorization (401/403) and the database's existence (404) are checked
    /// and the query text must not be blank (400); the simulator holds no data, so a
    /// successful query answers 200 with an empty result, `[]`.
    public mutating func query(token: String?, database: String, query: String) -> DataResponse {
        self.query(token: PresentedSecret(token), database: database, query: query)
    }

    /// `query(token:database:query:)` with a token string already hashed.
    public mutating func query(token: PresentedSecret, database: String, query: String) -> DataResponse {
        if let refusal = refusal(token: token, action: .read, database: database) { return refusal }
        guard query.contains(where: { !$0.isWhitespace }) else {
            return Self.dataFailure(400, code: "invalid", "query must not be empty")
        }
        return DataResponse(status: 200, body: "[]")
    }

    private func refusal(token: PresentedSecret, action: Action, database: String) -> DataResponse? {
        switch store.authorize(token, action: action, database: database, at: now) {
        case .unauthorized:
            return Self.dataFailure(401, code: "unauthorized", "unauthorized access")
        case .forbidden:
            return .forbidden(action, database: database)
        case .allowed:
            guard activeDatabaseIndex(named: database) != nil else {
                return Self.dataFailure(404, code: "not found", "database \"\(database)\" not found")
            }
            return nil
        }
    }

    // MARK: - Helpers

    private mutating func drawSyncDelay() -> Duration {
        let lower = max(0, Instant.nanoseconds(in: configuration.syncDelay.lowerBound))
        let upper = max(lower, Instant.nanoseconds(in: configuration.syncDelay.upperBound))
        let drawn = generator.uniform(in: UInt64(lower)...UInt64(upper))
        return .nanoseconds(Int64(drawn))
    }

    private func activeDatabaseIndex(named name: String) -> Int? {
        activeDatabases[name]
    }

    private func view(_ record: DatabaseToken) -> TokenView {
        TokenView(record, accountID: configuration.accountID, clusterID: configuration.clusterID)
    }

    private func view(_ database: StoredDatabase) -> DatabaseView {
        DatabaseView(
            accountID: configuration.accountID, clusterID: configuration.clusterID, id: database.id,
            name: database.settings.name, maxTables: database.settings.maxTables,
            maxColumnsPerTable: database.settings.maxColumnsPerTable, retentionPeriod: database.settings.retentionPeriod
        )
    }

    private func view(_ token: StoredManagementToken) -> ManagementTokenView {
        ManagementTokenView(
            id: token.id, accountID: configuration.accountID, description: token.description,
            tokenPrefix: token.tokenPrefix, createdAt: token.createdAt, expiresAt: token.expiresAt,
            revokedAt: token.revokedAt, createdBy: configuration.userID
        )
    }

    /// The API's ClusterDatabaseName: a permission's database name is 1-64 characters.
    /// Names are not checked against existing databases (tokens may name databases that do
    /// not exist yet).
    private static func problem(with permissions: [Permission]) -> String? {
        for permission in permissions {
            guard case .database(let name) = permission.resource else { continue }
            let length = name.unicodeScalars.count
            if length == 0 || length > DatabaseName.maximumLength {
                return "invalid permission resource \"\(name)\": a database name is 1-\(DatabaseName.maximumLength) characters"
            }
        }
        return nil
    }

    private static func problem(maxTables: Int, maxColumnsPerTable: Int, retentionPeriod: Int64) -> String? {
        if maxTables < 1 { return "maxTables must be at least 1" }
        if maxColumnsPerTable < 1 || maxColumnsPerTable > DatabaseSettings.maximumColumnsPerTable {
            return "maxColumnsPerTable must be between 1 and \(DatabaseSettings.maximumColumnsPerTable)"
        }
        if retentionPeriod < 0 { return "retentionPeriod must not be negative" }
        return nil
    }

    private static func failure(_ status: Int, _ message: String) -> ManagementResponse {
        ManagementResponse(status: status, body: .error(code: status, message: message))
    }

    private static func invalidTokenID(_ text: String) -> ManagementResponse {
        failure(400, "invalid token ID \"\(text)\": expected a UUID")
    }

    private static func tokenNotFound(_ text: String) -> ManagementResponse {
        failure(404, "database token \"\(text)\" not found")
    }

    private static func databaseNotFound(_ name: String) -> ManagementResponse {
        failure(404, "database \"\(name)\" not found")
    }

    /// Before influxctl 2.6 there were no management tokens: the endpoint does not exist.
    private static let managementTokensUnsupported = failure(404, "not found: management tokens are not supported")

    private static func dataFailure(_ status: Int, code: String, _ message: String) -> DataResponse {
        DataResponse.failure(status: status, code: code, message: message)
    }
}

private struct StoredDatabase: Sendable {
    let id: Int64
    var settings: DatabaseSettings
    var deletedAt: Instant?

    var isActive: Bool { deletedAt == nil }
}

private struct StoredManagementToken: Sendable {
    let id: TokenID
    let description: String
    let tokenPrefix: String
    let createdAt: Instant
    let expiresAt: Instant?
    var revokedAt: Instant?
    /// SHA-512 of the token string; the string itself is never kept.
    let digest: SecretDigest
}
