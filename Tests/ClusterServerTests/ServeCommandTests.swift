import Foundation
import Testing

/// The `docverify-serve` executable, built into the same directory as the test bundle.
private func serveBinary() throws -> URL {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = directory.appendingPathComponent("docverify-serve")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no docverify-serve at \(binary.path)")
    return binary
}

/// A `docverify-serve` child process. Every wait is bounded: a watchdog kills the process
/// after `lifetime` seconds whatever happens (generous: with the whole suite running on two
/// cores, a test may wait a long time for a thread before it gets to its next step).
private struct ServeProcess: Sendable {
    let process: Process
    let output: Pipe
    let errors: Pipe

    static let lifetime = 600.0

    static func launch(_ arguments: [String]) throws -> ServeProcess {
        let process = Process()
        process.executableURL = try serveBinary()
        process.arguments = arguments
        let serve = ServeProcess(process: process, output: Pipe(), errors: Pipe())
        process.standardOutput = serve.output
        process.standardError = serve.errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + lifetime) {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        return serve
    }

    /// Standard output up to the banner's last line (or to the end, if the process exits first).
    func banner() async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var text = ""
                while !text.contains("Stop with") {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    text += String(decoding: chunk, as: UTF8.self)
                }
                continuation.resume(returning: text)
            }
        }
    }

    /// Waits for the process to end; returns its exit status and standard error.
    func finish() async -> (status: Int32, errors: String) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, errorText))
            }
        }
    }
}

/// The value after `label` on its line of the banner.
private func field(_ label: String, in banner: String) -> String? {
    banner.split(separator: "\n").first { $0.contains(label) }
        .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) }
}

@Test func serveCommandPrintsItsTokenServesAndStopsOnSIGTERM() async throws {
    let serve = try ServeProcess.launch(["--port", "0", "--seed", "7", "--influxctl-version", "1.1.0"])
    let banner = await serve.banner()
    let base = try #require(field("base URL:", in: banner))
    let token = try #require(field("management token:", in: banner))
    #expect(base.hasPrefix("http://127.0.0.1:"))
    #expect(token.hasPrefix("M.V1."))
    #expect(banner.contains("influxctl 1.1.0 behaviour"))

    let list = try await Curl.request("GET", base + "/api/v0/tokens", bearer: token)
    #expect(list.status == 200)
    #expect(list.body == "[]")

    kill(serve.process.processIdentifier, SIGTERM)
    let (status, errors) = await serve.finish()
    #expect(status == 0)
    #expect(serve.process.terminationReason == .exit)
    #expect(errors.contains("docverify-serve: stopped"))
}

/// A signal sent as soon as the banner is out already finds its handler.
@Test(arguments: [SIGINT, SIGTERM])
func serveCommandStopsCleanlyOnASignalRightAfterStarting(signal: Int32) async throws {
    let serve = try ServeProcess.launch(["--port", "0"])
    let banner = await serve.banner()
    #expect(banner.contains("Stop with"))
    kill(serve.process.processIdentifier, signal)
    let (status, errors) = await serve.finish()
    #expect(status == 0)
    #expect(serve.process.terminationReason == .exit)
    #expect(errors.contains("docverify-serve: stopped"))
}

@Test(arguments: [
    (["--host", "0.0.0.0", "--port", "0"], "refusing to listen on '0.0.0.0'"),
    (["--host", "192.168.1.10", "--port", "0"], "--allow-remote"),
    (["--influxctl-version", "0.9", "--port", "0"], "unknown influxctl release '0.9'"),
    (["--sync-scale=-2", "--port", "0"], "sync scale"),
])
func serveCommandRefusesBadOptionsWithoutListening(arguments: [String], message: String) async throws {
    let serve = try ServeProcess.launch(arguments)
    let (status, errors) = await serve.finish()
    #expect(status != 0)
    #expect(errors.contains(message), "\(errors)")
}
