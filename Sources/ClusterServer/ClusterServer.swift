import Hummingbird
import ServiceLifecycle
import UnixSignals
import SimulatedCluster
import TokenCore

/// Where a running server listens.
public struct ServerAddress: Hashable, Sendable {
    public var host: String
    /// The bound port (the one the system picked when port 0 was asked for).
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://127.0.0.1:8086`; an IPv6 host goes in brackets.
    public var baseURL: String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)"
    }
}

/// The simulated cluster served over HTTP with Hummingbird: the Management API under
/// `/api/v0` (Cloud Dedicated paths with the account and cluster, and the Clustered short
/// form) and the data API's write and query endpoints.
public struct ClusterServer: Sendable {
    public let settings: ServerSettings
    /// The token the Management API accepts, as `Authorization: Bearer ...`. It is drawn from
    /// the seed, so the same seed gives the same token.
    public let managementToken: String
    /// The account and cluster IDs of Cloud Dedicated paths.
    public let accountID: String
    public let clusterID: String
    private let responder: APIResponder

    /// Management token strings: `M.V1.` and the base64url of 48 random bytes, as the cluster makes them.
    private static let managementTokenPrefix = "M.V1."
    /// Mixed into the seed so that the management token does not repeat a database token.
    private static let managementSeedSalt: UInt64 = 0x6d61_6e61_6765_6d74

    /// - Parameter clock: the wall clock the cluster's time follows (tests pass a `ManualWallClock`).
    public init(settings: ServerSettings, clock: any WallClock = SystemWallClock()) throws(ServerSettingsError) {
        try settings.validate()
        self.settings = settings
        let configuration = settings.clusterConfiguration
        var generator = SeededGenerator(seed: settings.seed ^ Self.managementSeedSalt)
        managementToken = TokenSecret.generate(prefix: Self.managementTokenPrefix, byteCount: 48, using: &generator)
        accountID = configuration.accountID
        clusterID = configuration.clusterID
        let host = ClusterHost(cluster: SimulatedCluster(configuration: configuration), managementToken: managementToken,
                               syncScale: settings.syncScale, clock: clock)
        responder = APIResponder(host: host, accountID: accountID, clusterID: clusterID)
    }

    /// Serves until shut down gracefully (open requests are answered first): by SIGINT or
    /// SIGTERM when `handlingSignals`, and by cancelling the calling task. `onListening` is
    /// called once the socket is bound.
    public func run(handlingSignals: Bool = true, onListening: @escaping @Sendable (ServerAddress) async -> Void) async throws {
        let responder = self.responder
        let limit = settings.maximumBodyBytes
        let host = settings.host
        let requestedPort = settings.port
        var application = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                try await Self.respond(to: request, with: responder, limit: limit)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: requestedPort), serverName: "docverify-serve"),
            onServerRunning: { channel in
                await onListening(ServerAddress(host: host, port: channel.localAddress?.port ?? requestedPort))
            }
        )
        application.logger.logLevel = .warning
        let group = ServiceGroup(services: [application], logger: application.logger)
        // Trapped before the server starts, so that a signal sent as soon as the banner is out
        // is already handled: the first one shuts down gracefully, a second one cancels.
        let signals = handlingSignals ? await UnixSignalsSequence(trapping: .sigterm, .sigint) : nil
        // Unstructured, so that cancelling the caller does not cancel the server mid-request:
        // the cancellation becomes a graceful shutdown instead.
        let serving = Task { try await group.run() }
        let watcher = Task {
            guard let signals else { return }
            var received = 0
            for await _ in signals {
                received += 1
                if received == 1 { await group.triggerGracefulShutdown() } else { serving.cancel() }
            }
        }
        defer { watcher.cancel() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// What the command prints once listening: where to send requests and the token to send.
    public func banner(for address: ServerAddress) -> String {
        let base = address.baseURL
        return """
        docverify-serve: simulated InfluxDB Cloud Dedicated cluster (influxctl \(settings.release) behaviour, seed \(settings.seed), sync scale \(settings.syncScale))
          base URL:         \(base)
          Management API:   \(base)/api/v0/accounts/\(accountID)/clusters/\(clusterID)  (Clustered form: \(base)/api/v0)
          management token: \(managementToken)
          data API:         POST /api/v2/write?bucket=DB, POST /write?db=DB, GET|POST /query?db=DB&q=..., GET|POST /api/v3/query_sql?db=DB&q=...
          InfluxDB 3 tokens: POST /api/v3/configure/token/admin[/regenerate], POST /api/v3/enterprise/configure/token, DELETE /api/v3/configure/token?token_name=NAME
        Database tokens come from POST .../tokens and work once their sync delay has passed; InfluxDB 3 tokens work at once.
        Stop with Ctrl-C (SIGINT) or SIGTERM.
        """
    }

    private static func respond(to request: Request, with responder: APIResponder, limit: Int) async throws -> Response {
        let target = request.head.path ?? "/"
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return response(APIResponder.tooLarge(target: target, limit: limit))
        }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else {
                return response(APIResponder.tooLarge(target: target, limit: limit))
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        let reply = await responder.respond(
            method: request.method.rawValue, target: target, headers: headers, body: String(decoding: bytes, as: UTF8.self))
        return response(reply)
    }

    private static func response(_ reply: HTTPReply) -> Response {
        var headers = HTTPFields()
        if let contentType = reply.contentType { headers[.contentType] = contentType }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
