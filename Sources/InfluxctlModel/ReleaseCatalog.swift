/// The modelled influxctl releases and how their behaviour changed, as data.
enum ReleaseCatalog {
    /// Every modelled release, oldest first. 2.12.1 has no release notes: it is docs-v2's
    /// `latest_cli` and is modelled like 2.12.0.
    static let releases: [CLIVersion] = [
        "1.0.0", "1.1.0",
        "2.0.0", "2.0.2", "2.0.3", "2.1.0", "2.2.0", "2.4.0", "2.4.1", "2.4.4", "2.5.0", "2.6.0", "2.7.0", "2.8.0",
        "2.9.0", "2.9.5", "2.9.7", "2.9.8", "2.9.9",
        "2.10.0", "2.10.1", "2.10.2", "2.10.3", "2.10.4", "2.11.0", "2.12.0", "2.12.1",
    ].map(CommandCatalog.version)

    /// The behaviour of 1.0.0.
    static let baseline = ReleaseBehaviour(
        tokenCreateOutput: .idAndString,  // [inferred] from the 1.0-era docs' "token ID and token string"
        tokenUpdate: .none,               // [doc] "Tokens cannot be updated"
        hasTokenExpiry: false,
        hidesRevokedTokens: true,
        canIncludeRevokedTokens: false,
        tokenRevokeCommand: "delete",
        revokeContinuesAfterError: false,
        rejectsExtraArguments: false,     // [doc] RN 2.0.0 "error on too many arguments"
        logsToStderr: false,              // [doc] RN 2.0.3 moved logging to stderr
        hasManagementTokens: false,
        requiresManagementTokenDescription: false
    )

    /// Each change with the release that made it, in release order.
    static let changes: [BehaviourChange] = [
        BehaviourChange(since: CommandCatalog.version("1.1.0")) { $0.tokenUpdate = .descriptionOnly },
        BehaviourChange(since: CommandCatalog.version("2.0.0")) {
            $0.tokenUpdate = .descriptionAndPermissions
            // [inferred] the 1.x output is only described in prose; the warning lines are 2.x's.
            $0.tokenCreateOutput = .warningsAndString
            $0.rejectsExtraArguments = true
        },
        BehaviourChange(since: CommandCatalog.version("2.0.3")) { $0.logsToStderr = true },
        BehaviourChange(since: CommandCatalog.version("2.6.0")) { $0.hasManagementTokens = true },
        BehaviourChange(since: CommandCatalog.version("2.9.8")) { $0.revokeContinuesAfterError = true },
        BehaviourChange(since: CommandCatalog.version("2.10.0")) {
            $0.hasTokenExpiry = true
            $0.canIncludeRevokedTokens = true
            $0.tokenRevokeCommand = "revoke"
            $0.requiresManagementTokenDescription = true
        },
        BehaviourChange(since: CommandCatalog.version("2.11.0")) { $0.tokenCreateOutput = .detailsTableWarningsAndString },
    ]
}
