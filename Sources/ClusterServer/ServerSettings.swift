import InfluxctlModel
import SimulatedCluster
import Verification

/// Why the server will not start with the settings given.
public enum ServerSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The host is not a loopback address and `allowRemote` is off.
    case remoteHostRefused(String)
    /// The influxctl version is malformed or older than any modelled release.
    case unknownRelease(String)
    /// The port is outside 0...65535.
    case invalidPort(Int)
    /// The sync scale is below `ServerSettings.minimumSyncScale`, infinite or not a number.
    case invalidSyncScale(Double)
    /// The body limit is not positive.
    case invalidBodyLimit(Int)

    public var description: String {
        switch self {
        case .remoteHostRefused(let host):
            "refusing to listen on '\(host)': it is not a loopback address (127.0.0.0/8, ::1, localhost); pass --allow-remote to listen there anyway"
        case .unknownRelease(let text):
            "unknown influxctl release '\(text)'; modelled releases: \(InfluxctlReleases.all.map(\.description).joined(separator: ", "))"
        case .invalidPort(let port):
            "port \(port) is not in 0...65535 (0 picks a free port)"
        case .invalidSyncScale(let scale):
            "sync scale \(scale) must be a finite number, at least \(ServerSettings.minimumSyncScale)"
        case .invalidBodyLimit(let limit):
            "body limit \(limit) must be at least 1 byte"
        }
    }
}

/// What `docverify-serve` runs: where it listens and which cluster it simulates.
public struct ServerSettings: Hashable, Sendable {
    /// The address to listen on; a loopback address unless `allowRemote`.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (the bound port is reported when listening).
    public var port: Int
    /// Allows a host that is not a loopback address.
    public var allowRemote: Bool
    /// Seeds the cluster's token IDs, token strings (the management token's too) and sync delays.
    public var seed: UInt64
    /// The influxctl release whose cluster behaviour is simulated (which token updates it accepts).
    public var release: CLIVersion
    /// Wall-clock time per unit of cluster time: a sync delay of D lasts D × syncScale of real
    /// time, as the cluster's clock runs 1/syncScale times as fast as the wall clock (token
    /// expiry and timestamps included). 1 is real time; 0.01 turns a 100-second sync delay
    /// into one second.
    public var syncScale: Double
    /// The range each new database token's sync delay is drawn from, in cluster time.
    public var syncDelay: ClosedRange<Duration>
    /// The largest request body accepted; larger ones get 413.
    public var maximumBodyBytes: Int

    /// 1 MiB.
    public static let defaultMaximumBodyBytes = 1 << 20
    /// The port InfluxDB listens on by default.
    public static let defaultPort = 8086
    /// The smallest sync scale: a 180-second sync delay then lasts 0.18 ms.
    public static let minimumSyncScale = 0.000_001

    public init(
        host: String = "127.0.0.1", port: Int = defaultPort, allowRemote: Bool = false, seed: UInt64 = 0,
        release: CLIVersion = InfluxctlReleases.newest, syncScale: Double = 1,
        syncDelay: ClosedRange<Duration> = ClusterConfiguration().syncDelay, maximumBodyBytes: Int = defaultMaximumBodyBytes
    ) {
        self.host = host
        self.port = port
        self.allowRemote = allowRemote
        self.seed = seed
        self.release = release
        self.syncScale = syncScale
        self.syncDelay = syncDelay
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// The modelled release a user-given version (`2.12.1`, `v1.1`) stands for.
    public static func release(named text: String) throws(ServerSettingsError) -> CLIVersion {
        guard let release = InfluxctlReleases.resolve(text) else { throw .unknownRelease(text) }
        return release
    }

    /// Throws when the server must not start with these settings.
    public func validate() throws(ServerSettingsError) {
        guard allowRemote || Self.isLoopback(host) else { throw .remoteHostRefused(host) }
        guard (0...65535).contains(port) else { throw .invalidPort(port) }
        guard syncScale.isFinite, syncScale >= Self.minimumSyncScale else { throw .invalidSyncScale(syncScale) }
        guard maximumBodyBytes > 0 else { throw .invalidBodyLimit(maximumBodyBytes) }
    }

    /// True for `localhost`, `::1` and dotted IPv4 addresses in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { octet in octet.count <= 3 && octet.allSatisfy(\.isASCII) ? UInt8(octet) : nil }
        return values.count == 4 && values[0] == 127
    }

    /// The cluster these settings describe: the release's token-update behaviour (as
    /// `docverify check` maps it), the seed and the sync delays.
    public var clusterConfiguration: ClusterConfiguration {
        ReleaseProfile.clusterConfiguration(for: InfluxctlReleases.behaviour(of: release), seed: seed, syncDelay: syncDelay)
    }
}
