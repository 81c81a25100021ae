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

    init(cluster: SimulatedCluster, managementToken: String, syncScale: Double, clock: any WallClock) {
        self.cluster = cluster
        self.managementDigest = SecretDigest(hashing: managementToken)
        self.syncScale = syncScale
        self.clock = clock
    }

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
        return cluster.write(token: token, database: database, lineProtocol: lineProtocol)
    }

    func query(token: String?, database: String, query: String) -> DataResponse {
        catchUp()
        return cluster.query(token: token, database: database, query: query)
    }

    private func catchUp() {
        let target = clock.elapsed() / syncScale
        cluster.advance(by: target - advanced)
        advanced = max(advanced, target)
    }
}
