import ClusterServer
import SimulatedCluster
import Testing

@Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"])
func acceptsLoopbackHosts(host: String) throws {
    #expect(ServerSettings.isLoopback(host))
    try ServerSettings(host: host).validate()
}

@Test(arguments: ["0.0.0.0", "10.0.0.1", "192.168.1.10", "example.com", "127.0.0", "127.0.0.256", "::", ""])
func refusesOtherHostsUnlessAllowed(host: String) throws {
    #expect(!ServerSettings.isLoopback(host))
    #expect(throws: ServerSettingsError.remoteHostRefused(host)) { try ServerSettings(host: host).validate() }
    try ServerSettings(host: host, allowRemote: true).validate()
}

@Test func refusesImpossibleSettings() throws {
    #expect(throws: ServerSettingsError.invalidPort(70000)) { try ServerSettings(port: 70000).validate() }
    #expect(throws: ServerSettingsError.invalidSyncScale(-1)) { try ServerSettings(syncScale: -1).validate() }
    #expect(throws: ServerSettingsError.invalidSyncScale(0)) { try ServerSettings(syncScale: 0).validate() }
    #expect(throws: ServerSettingsError.invalidSyncScale(1e-9)) { try ServerSettings(syncScale: 1e-9).validate() }
    try ServerSettings(syncScale: ServerSettings.minimumSyncScale).validate()
    #expect(throws: ServerSettingsError.invalidSyncScale(.infinity)) { try ServerSettings(syncScale: .infinity).validate() }
    #expect(throws: ServerSettingsError.invalidBodyLimit(0)) { try ServerSettings(maximumBodyBytes: 0).validate() }
    #expect(throws: ServerSettingsError.remoteHostRefused("0.0.0.0")) { try ClusterServer(settings: ServerSettings(host: "0.0.0.0")) }
}

@Test(arguments: [
    ("1.0.0", TokenUpdateSupport.none),
    ("1.1.0", .descriptionOnly),
    ("1.1.5", .descriptionOnly),
    ("2.0.0", .descriptionAndPermissions),
    ("v2.12", .descriptionAndPermissions),
])
func mapsTheReleaseToTokenUpdates(version: String, support: TokenUpdateSupport) throws {
    let settings = ServerSettings(seed: 9, release: try ServerSettings.release(named: version))
    #expect(settings.clusterConfiguration.tokenUpdate == support)
    #expect(settings.clusterConfiguration.seed == 9)
}

@Test func refusesUnknownReleases() {
    #expect(throws: ServerSettingsError.unknownRelease("0.9")) { try ServerSettings.release(named: "0.9") }
    #expect(throws: ServerSettingsError.unknownRelease("two")) { try ServerSettings.release(named: "two") }
    #expect(ServerSettingsError.unknownRelease("0.9").description.contains("2.0.0"))
}

@Test func drawsTheManagementTokenFromTheSeed() throws {
    let first = try ClusterServer(settings: ServerSettings(seed: 5))
    let again = try ClusterServer(settings: ServerSettings(seed: 5))
    let other = try ClusterServer(settings: ServerSettings(seed: 6))
    #expect(first.managementToken == again.managementToken)
    #expect(first.managementToken != other.managementToken)
    #expect(first.managementToken.hasPrefix("M.V1."))
}

@Test func printsWhereToSendRequestsAndTheManagementToken() throws {
    let server = try ClusterServer(settings: ServerSettings(seed: 5))
    let banner = server.banner(for: ServerAddress(host: "127.0.0.1", port: 4321))
    #expect(banner.contains("base URL:         http://127.0.0.1:4321\n"))
    #expect(banner.contains("http://127.0.0.1:4321/api/v0/accounts/\(server.accountID)/clusters/\(server.clusterID)"))
    #expect(banner.contains("management token: \(server.managementToken)\n"))
    #expect(!banner.contains("apiv1_"))
    #expect(ServerAddress(host: "::1", port: 80).baseURL == "http://[::1]:80")
}
