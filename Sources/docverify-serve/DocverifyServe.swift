import ArgumentParser
import ClusterServer
import Foundation

/// `docverify-serve`: the simulated cluster over HTTP, on loopback by default.
@main
struct DocverifyServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docverify-serve",
        abstract: "Serve the simulated InfluxDB Cloud Dedicated cluster over HTTP (Management API and data API).",
        discussion: """
        Prints the base URL and the management token, then serves until SIGINT or SIGTERM. \
        Database tokens are created through the Management API and become usable after their sync delay, \
        which lasts its cluster time times --sync-scale in real time.
        """
    )

    @Option(help: "The address to listen on; must be loopback unless --allow-remote is given.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port; 0 picks a free one.")
    var port = ServerSettings.defaultPort

    @Flag(help: "Allow a host that is not a loopback address.")
    var allowRemote = false

    @Option(help: "Seeds token IDs, token strings (the management token's too) and sync delays.")
    var seed: UInt64 = 0

    @Option(name: .customLong("influxctl-version"), help: "The influxctl release whose cluster behaviour to simulate (default: the newest modelled).")
    var influxctlVersion: String?

    @Option(help: "Wall-clock time per unit of cluster time: 1 is real time, 0.01 turns a 100 s sync delay into 1 s (the cluster clock runs 100 times as fast).")
    var syncScale: Double = 1

    @Option(help: "The largest request body accepted, in bytes; larger ones get 413.")
    var maxBodyBytes = ServerSettings.defaultMaximumBodyBytes

    func run() async throws {
        let server: ClusterServer
        do throws(ServerSettingsError) {
            var settings = ServerSettings(
                host: host, port: port, allowRemote: allowRemote, seed: seed, syncScale: syncScale, maximumBodyBytes: maxBodyBytes)
            if let influxctlVersion { settings.release = try ServerSettings.release(named: influxctlVersion) }
            server = try ClusterServer(settings: settings)
        } catch {
            throw ValidationError(error.description)
        }
        try await server.run { address in
            FileHandle.standardOutput.write(Data((server.banner(for: address) + "\n").utf8))
        }
        FileHandle.standardError.write(Data("docverify-serve: stopped\n".utf8))
    }
}
