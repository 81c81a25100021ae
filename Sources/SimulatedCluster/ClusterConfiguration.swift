import TokenCore

/// Which token changes the simulated cluster accepts (the behaviour of the era being modelled).
public enum TokenUpdateSupport: Sendable, Hashable {
    /// Tokens cannot be updated at all (influxctl 1.0).
    case none
    /// Only the description can change (influxctl 1.1).
    case descriptionOnly
    /// Description and permissions can change (influxctl 2.0 and later, the MAPI PATCH).
    case descriptionAndPermissions
}

/// Everything that makes one simulated cluster differ from another.
public struct ClusterConfiguration: Sendable, Hashable {
    /// Seeds every random draw: token IDs, token strings, sync delays.
    public var seed: UInt64
    /// Which token updates the management plane accepts.
    public var tokenUpdate: TokenUpdateSupport
    /// The range a new token's sync delay is drawn from ("a few seconds to a few minutes").
    /// Negative bounds count as zero.
    public var syncDelay: ClosedRange<Duration>
    /// The virtual clock's reading when the cluster starts.
    public var start: Instant
    /// The account and cluster every view reports.
    public var accountID: String
    public var clusterID: String
    /// The user shown as `created_by` of management tokens.
    public var userID: String
    /// Whether management tokens exist (influxctl 2.6 and later).
    public var managementTokensSupported: Bool

    /// "A few seconds to a few minutes": 2 s to 180 s.
    public static let documentedSyncDelay: ClosedRange<Duration> = .seconds(2) ... .seconds(180)
    /// 2026-01-01T00:00:00Z.
    public static let defaultStart = Instant(secondsSinceEpoch: 1_767_225_600)
    /// Fixed, obviously fake UUIDs.
    public static let defaultAccountID = "00000000-0000-4000-8000-00000000000a"
    public static let defaultClusterID = "00000000-0000-4000-8000-00000000000c"
    public static let defaultUserID = "00000000-0000-4000-8000-00000000000e"

    public init(
        seed: UInt64 = 0,
        tokenUpdate: TokenUpdateSupport = .descriptionAndPermissions,
        syncDelay: ClosedRange<Duration> = documentedSyncDelay,
        start: Instant = defaultStart,
        accountID: String = defaultAccountID,
        clusterID: String = defaultClusterID,
        userID: String = defaultUserID,
        managementTokensSupported: Bool = true
    ) {
        self.seed = seed
        self.tokenUpdate = tokenUpdate
        self.syncDelay = syncDelay
        self.start = start
        self.accountID = accountID
        self.clusterID = clusterID
        self.userID = userID
        self.managementTokensSupported = managementTokensSupported
    }
}
