import ClusterServer
import Foundation
import Testing

/// What curl got back: the status, the Content-Type (empty when none) and the body.
struct CurlResult: Sendable {
    var status: Int
    var contentType: String
    var body: String

    /// The body read as the API's error object; nil when it is not one.
    var error: ErrorBody? { decode(ErrorBody.self) }

    func decode<T: Decodable>(_ type: T.Type) -> T? {
        try? JSONDecoder().decode(type, from: Data(body.utf8))
    }
}

/// The Management API's error body, `{"code": 404, "message": "..."}`.
struct ErrorBody: Decodable, Sendable {
    var code: Int
    var message: String
}

/// The data API's error body, `{"code": "unauthorized", "message": "..."}`.
struct DataErrorBody: Decodable, Sendable {
    var code: String
    var message: String
}

struct PermissionBody: Codable, Hashable, Sendable {
    var action: String
    var resource: String
}

struct TokenBody: Decodable, Sendable {
    var id: String
    var description: String
    var permissions: [PermissionBody]
    var accessToken: String?
    var revokedAt: String?
}

struct DatabaseBody: Decodable, Sendable {
    var name: String
    var maxTables: Int
    var maxColumnsPerTable: Int
    var retentionPeriod: Int64
}

/// Runs /usr/bin/curl off the cooperative thread pool (the server under test needs it).
enum Curl {
    static let executable = URL(fileURLWithPath: "/usr/bin/curl")
    /// No request may take longer, so no test can hang on one. Generous, because the server
    /// answers from the cooperative thread pool, which CPU-heavy tests running beside it on
    /// two cores can hold for tens of seconds.
    static let maximumSeconds = "120"

    /// One request; `body` goes on standard input (`--data-binary @-`), so it can be of any size.
    static func request(
        _ method: String, _ url: String, bearer: String? = nil, headers: [String] = [], body: String? = nil
    ) async throws -> CurlResult {
        var arguments = ["-s", "--max-time", maximumSeconds, "-X", method, url, "-H", "Expect:",
                         "-w", "\n%{http_code} %{content_type}"]
        if let bearer { arguments += ["-H", "Authorization: Bearer \(bearer)"] }
        for header in headers { arguments += ["-H", header] }
        if body != nil { arguments += ["--data-binary", "@-"] }
        let output = try await run(arguments, input: body.map { Data($0.utf8) })
        guard let split = output.range(of: "\n", options: .backwards) else {
            return CurlResult(status: 0, contentType: "", body: output)
        }
        let trailer = output[split.upperBound...].split(separator: " ", maxSplits: 1)
        return CurlResult(status: trailer.first.flatMap { Int($0) } ?? 0,
                          contentType: trailer.count > 1 ? String(trailer[1]) : "",
                          body: String(output[..<split.lowerBound]))
    }

    /// curl's standard output for `arguments`, with `input` on its standard input.
    static func run(_ arguments: [String], input: Data? = nil) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try runBlocking(arguments, input: input))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func runBlocking(_ arguments: [String], input: Data?) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(input)
            try standardInput.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A ClusterServer running in this process on an ephemeral loopback port.
struct LiveServer: Sendable {
    let server: ClusterServer
    let baseURL: String
    private let task: Task<Void, any Error>

    /// Settings for tests: port 0 (the system picks one) on 127.0.0.1.
    static func settings(seed: UInt64 = 1) -> ServerSettings {
        ServerSettings(host: "127.0.0.1", port: 0, seed: seed)
    }

    static func start(_ settings: ServerSettings = settings(), clock: any WallClock = SystemWallClock()) async throws -> LiveServer {
        let server = try ClusterServer(settings: settings, clock: clock)
        let (addresses, continuation) = AsyncStream<ServerAddress>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run(handlingSignals: false) { address in continuation.yield(address) }
        }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else {
            try await task.value
            throw ServerDidNotStart()
        }
        return LiveServer(server: server, baseURL: address.baseURL, task: task)
    }

    struct ServerDidNotStart: Error {}

    /// Stops the server and waits until it has.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// The Cloud Dedicated prefix of the Management API.
    var management: String {
        "\(baseURL)/api/v0/accounts/\(server.accountID)/clusters/\(server.clusterID)"
    }

    /// A Management API call with the management token and, for a body, a JSON content type.
    func manage(_ method: String, _ path: String, body: String? = nil) async throws -> CurlResult {
        try await Curl.request(method, management + path, bearer: server.managementToken,
                               headers: body == nil ? [] : ["Content-Type: application/json"], body: body)
    }
}

/// Runs `body` against a fresh server whose cluster time follows `clock`, stopping it
/// afterwards whatever happens.
func withLiveServer(_ settings: ServerSettings = LiveServer.settings(), clock: any WallClock = SystemWallClock(),
                    _ body: (LiveServer) async throws -> Void) async throws {
    let live = try await LiveServer.start(settings, clock: clock)
    do {
        try await body(live)
    } catch {
        await live.stop()
        throw error
    }
    await live.stop()
}
