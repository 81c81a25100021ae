/// Short constructors that keep the catalogue tables readable. Versions are written as
/// strings; a test checks that every one of them is a modelled release.
extension CommandCatalog {
    static func version(_ text: String) -> CLIVersion { CLIVersion(text) ?? unparseableVersion }

    /// Stands in for a misspelt version string in the tables; never a modelled release.
    static let unparseableVersion = CLIVersion(0, 0, 0)

    static func releases(_ since: String, _ until: String?) -> ReleaseRange {
        ReleaseRange(since: version(since), until: until.map(version))
    }

    static func flag(_ name: String, _ valueType: ValueType, repeatable: Bool = false, default defaultValue: String? = nil,
                     since: String = "1.0.0", until: String? = nil, _ usage: String) -> FlagSpec {
        FlagSpec(name: name, valueType: valueType, isRepeatable: repeatable, defaultValue: defaultValue,
                 releases: releases(since, until), usage: usage)
    }

    static func argument(_ name: String, _ valueType: ValueType = .string, optional: Bool = false, variadic: Bool = false,
                         since: String = "1.0.0", until: String? = nil) -> ArgumentSpec {
        ArgumentSpec(name: name, valueType: valueType, isRequired: !optional, isVariadic: variadic, releases: releases(since, until))
    }

    static func command(_ name: String, aliases: [String] = [], since: String = "1.0.0", until: String? = nil, _ summary: String,
                        flags: [FlagSpec] = [], arguments: [ArgumentSpec] = []) -> CommandSpec {
        CommandSpec(name: name, aliases: aliases, summary: summary, releases: releases(since, until), flags: flags, arguments: arguments)
    }

    static func group(_ name: String, since: String = "1.0.0", until: String? = nil, _ summary: String,
                      _ subcommands: [CommandSpec]) -> CommandSpec {
        CommandSpec(name: name, summary: summary, releases: releases(since, until), subcommands: subcommands)
    }

    /// `--format table|json`, which many commands take.
    static func format(since: String = "1.0.0") -> FlagSpec {
        flag("format", .choice(["table", "json"]), default: "table", since: since, "Output format")
    }

    /// `--force`, which skips a confirmation prompt.
    static func force(since: String = "1.0.0") -> FlagSpec {
        flag("force", .bool, default: "false", since: since, "Skip the confirmation prompt")
    }

    static let databaseName = ValueType.databaseName(allowsWildcard: false)
    static let databaseOrWildcard = ValueType.databaseName(allowsWildcard: true)
}
