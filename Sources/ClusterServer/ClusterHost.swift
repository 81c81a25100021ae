import SimulatedCluster
import TokenCore

/// What a bearer token sent to the Management API turns out to be.
enum Credential: Hashable, Sendable {
    /// The server's management token.
    case management
    /// A database token of the cluster: it works on the data API only.
    case database
    case unknown
}

/// The one simulated cluster behind the server. Requests are answered one at a time (the
/// actor serializes them), so concurrent creates neither lose nor duplicate anything.
///
/// The cluster's virtual clock follows the wall clock divided by `syncScale` (so a sync delay
/// lasts `syncScale` times as long in real time), caught up before every call.
actor ClusterHost {
    private var cluster: SimulatedCluster
    private let managementDigest: SecretDigest
    private let syncScale: Double
    private let clock: any WallClock
    /// How far the cluster's clock has been moved so far.
    private var advanced: Duration = .zero
    /// Database names by ID, learnt from responses: the API undeletes by ID, the cluster by name.
    private var databaseNames: [Int64: String] = [:]
    /// The InfluxDB 3 server whose tokens the `/api/v3` token endpoints manage.
    private var v3: InfluxDB3Server

    init(cluster: SimulatedCluster, managementToken: String, syncScale: Double, clock: any WallClock) {
        self.cluster = cluster
        self.managementDigest = SecretDigest(hashing: managementToken)
        self.syncScale = syncScale
        self.clock = clock
        v3 = InfluxDB3Server(seed: cluster.configuration.seed ^ Self.v3SeedSalt, now: cluster.now)
    }

    /// Mixed into the seed so that InfluxDB 3 token strings do not repeat the cluster's.
    private static let v3SeedSalt: UInt64 = 0x7633_746f_6b65_6e73

    func credential(of secret: String) -> Credential {
        let digest = SecretDigest(hashing: secret)
        if digest == managementDigest { return .management }
        return cluster.tokenRecords.contains { $0.digest == digest } ? .database : .unknown
    }

    func handle(_ request: ManagementRequest) -> ManagementResponse {
        catchUp()
        let response = cluster.handle(request)
        switch response.body {
        case .database(let view):
            databaseNames[view.id] = view.name
        case .databases(let views):
            for view in views { databaseNames[view.id] = view.name }
        default:
            break
        }
        return response
    }

    /// Undeletes the database that had this ID (the most recently deleted one of its name).
    func undeleteDatabase(id: Int64) -> ManagementResponse {
        guard let name = databaseNames[id] else {
            return ManagementResponse(status: 404, body: .error(code: 404, message: "deleted database with ID \(id) not found"))
        }
        return handle(.undeleteDatabase(name: name))
    }

    func write(token: String?, database: String, lineProtocol: String) -> DataResponse {
        catchUp()
        if let token, let refused = v3Refusal(token, .write, database: database) { return refused }
        return cluster.write(token: token, database: database, lineProtocol: lineProtocol)
    }

    func query(token: String?, database: String, query: String) -> DataResponse {
        catchUp()
        if let token, let refused = v3Refusal(token, .read, database: database) { return refused }
        return cluster.query(token: token, database: database, query: query)
    }

    // MARK: InfluxDB 3 tokens

    var v3HasOperator: Bool { v3.listedTokens.contains { $0.kind == .operator } }

    func v3IsOperator(_ secret: String?) -> Bool {
        guard let secret else { return false }
        return v3.listedTokens.contains { $0.kind == .operator && $0.digest.matches(secret) }
    }

    func v3IsAdmin(_ secret: String?) -> Bool {
        guard let secret else { return false }
        return v3.listedTokens.contains { $0.kind != .resource && $0.digest.matches(secret) }
    }

    func v3CreateOperator() -> Result<(token: InfluxDB3Server.Token, secret: String), InfluxDB3Server.Refusal> {
        catchUp()
        return v3.createAdminToken(name: nil, expiresAt: nil)
    }

    func v3RegenerateOperator() -> Result<(token: InfluxDB3Server.Token, secret: String), InfluxDB3Server.Refusal> {
        v3.regenerateOperatorToken()
    }

    func v3CreateResource(name: String, permissions: [Permission], system: [String], expirySeconds: Int64?) -> Result<(token: InfluxDB3Server.Token, secret: String), InfluxDB3Server.Refusal> {
        catchUp()
        return v3.createResourceToken(name: name, permissions: permissions, systemResources: system, expiresAt: expirySeconds.map { v3.now + .seconds($0) })
    }

    func v3Delete(name: String) -> Result<Void, InfluxDB3Server.Refusal> {
        v3.deleteToken(named: name)
    }

    /// An InfluxDB 3 token (`apiv3_…`) is judged by its own permissions: nil when it may, a
    /// 401 or 403 when it may not. A write or query it may do is then carried out without
    /// the cluster's own token check, which knows only the cluster's tokens.
    private func v3Refusal(_ token: String, _ action: Action, database: String) -> DataResponse? {
        guard token.hasPrefix(InfluxDB3Server.secretPrefix) else { return nil }
        let status = v3.authorize(token, action, database: database)
        guard status == 200 else {
            let message = status == 401 ? "unauthorized: unknown or expired token" : "forbidden: the token may not \(action) \(database)"
            return DataResponse(status: status, body: "{\"error\":" + JSONWriter.quoted(message) + "}")
        }
        return DataResponse(status: action == .write ? 204 : 200, body: action == .write ? "" : "[]")
    }

    private func catchUp() {
        let target = clock.elapsed() / syncScale
        cluster.advance(by: target - advanced)
        if target > advanced { v3.advance(by: target - advanced) }
        advanced = max(advanced, target)
    }
}
