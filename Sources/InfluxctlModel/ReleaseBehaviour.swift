/// What `influxctl token create` prints after a successful create.
public enum TokenCreateOutput: Hashable, Sendable {
    /// 1.x: "the token ID and the token string" (the 1.0-era docs' words).
    case idAndString
    /// 2.0 to 2.10: two `warn` log lines (stderr from 2.0.3), then the token string.
    case warningsAndString
    /// 2.11 and later: an id/description/expires at/revoked at table, the warnings, the string.
    case detailsTableWarningsAndString
}

/// What `influxctl token update` can change.
public enum TokenUpdateCapability: Hashable, Sendable, Comparable {
    /// No `token update`: tokens cannot be changed.
    case none
    /// 1.1.x: the description only.
    case descriptionOnly
    /// 2.0 and later: the description and the permissions (which are replaced, not merged).
    case descriptionAndPermissions
}

/// Per-release behaviour the simulator needs beyond the command tree.
public struct ReleaseBehaviour: Hashable, Sendable {
    public var tokenCreateOutput: TokenCreateOutput
    public var tokenUpdate: TokenUpdateCapability
    /// `token create --expires-at` exists and tokens can expire (2.10.0+).
    public var hasTokenExpiry: Bool
    /// `token list` and `token get` leave revoked tokens out by default. True in every
    /// release: before 2.10.0 revocation was `token delete`, which removed the token.
    public var hidesRevokedTokens: Bool
    /// `--include-revoked` can show revoked tokens (2.10.0+).
    public var canIncludeRevokedTokens: Bool
    /// The canonical name of the command that revokes database tokens: `delete`, then `revoke`
    /// (with `delete` as an alias) from 2.10.0.
    public var tokenRevokeCommand: String
    /// Revoking several tokens goes on after one fails (2.9.8+).
    public var revokeContinuesAfterError: Bool
    /// Extra positional arguments are an error (2.0.0+); before, they were ignored.
    public var rejectsExtraArguments: Bool
    /// Log lines, such as token create's warnings, go to stderr (2.0.3+); before, to stdout.
    public var logsToStderr: Bool
    /// Management tokens exist (`management create/list/revoke`, 2.6.0+).
    public var hasManagementTokens: Bool
    /// `management create` refuses an empty description (2.10.0+).
    public var requiresManagementTokenDescription: Bool

    public init(tokenCreateOutput: TokenCreateOutput, tokenUpdate: TokenUpdateCapability, hasTokenExpiry: Bool,
                hidesRevokedTokens: Bool, canIncludeRevokedTokens: Bool, tokenRevokeCommand: String,
                revokeContinuesAfterError: Bool, rejectsExtraArguments: Bool, logsToStderr: Bool,
                hasManagementTokens: Bool, requiresManagementTokenDescription: Bool) {
        self.tokenCreateOutput = tokenCreateOutput
        self.tokenUpdate = tokenUpdate
        self.hasTokenExpiry = hasTokenExpiry
        self.hidesRevokedTokens = hidesRevokedTokens
        self.canIncludeRevokedTokens = canIncludeRevokedTokens
        self.tokenRevokeCommand = tokenRevokeCommand
        self.revokeContinuesAfterError = revokeContinuesAfterError
        self.rejectsExtraArguments = rejectsExtraArguments
        self.logsToStderr = logsToStderr
        self.hasManagementTokens = hasManagementTokens
        self.requiresManagementTokenDescription = requiresManagementTokenDescription
    }
}

/// A behaviour that changed in a release: applied to every release from `since` on.
struct BehaviourChange: Sendable {
    var since: CLIVersion
    var apply: @Sendable (inout ReleaseBehaviour) -> Void
}
