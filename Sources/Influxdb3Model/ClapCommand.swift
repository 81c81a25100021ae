/// What a clap option or argument takes.
public enum ClapValue: Hashable, Sendable {
    /// A switch: `--tls-no-verify` takes no value.
    case none
    case string
    /// One of `choices` (clap's `ValueEnum`, `[possible values: ...]`).
    case choice([String])
    /// A humantime duration: `10d`, `1y`, `30 days`.
    case duration
    case integer
    /// A token permission, `RESOURCE_TYPE:NAMES:ACTIONS` (`db:sensors,logs:read,write`).
    case permission
}

/// One `--long`/`-s` option of an influxdb3 command, as its clap definition gives it.
public struct ClapFlag: Hashable, Sendable {
    /// The long name without dashes: `retention-period`.
    public var long: String
    /// The one-letter name, if any: `H` for `--host`.
    public var short: Character?
    /// Other long names clap answers to (`alias`, `visible_alias`).
    public var aliases: [String]
    public var value: ClapValue
    /// True when the option may be given alone (`num_args = 0..=1`).
    public var isValueOptional: Bool
    /// True when clap refuses the command without it (and no environment variable stands in).
    public var isRequired: Bool
    /// True when giving it several times, or a comma-separated list, adds up.
    public var isRepeatable: Bool
    /// The environment variable clap reads when the option is not given.
    public var environment: String?
    public var defaultValue: String?
    /// One line of help text.
    public var usage: String

    public init(long: String, short: Character? = nil, aliases: [String] = [], value: ClapValue, isValueOptional: Bool = false,
                isRequired: Bool = false, isRepeatable: Bool = false,
                environment: String? = nil, defaultValue: String? = nil, usage: String = "") {
        self.long = long
        self.short = short
        self.aliases = aliases
        self.value = value
        self.isValueOptional = isValueOptional
        self.isRequired = isRequired
        self.isRepeatable = isRepeatable
        self.environment = environment
        self.defaultValue = defaultValue
        self.usage = usage
    }

    /// `--long` as written in messages.
    public var spelled: String { "--\(long)" }
}

/// One positional argument.
public struct ClapArgument: Hashable, Sendable {
    /// The value name clap prints: `DATABASE_NAME`.
    public var name: String
    public var isRequired: Bool
    /// True when it takes every remaining word (a `Vec`).
    public var isVariadic: Bool
    /// The environment variable clap reads when the argument is not given.
    public var environment: String?

    public init(name: String, isRequired: Bool, isVariadic: Bool = false, environment: String? = nil) {
        self.name = name
        self.isRequired = isRequired
        self.isVariadic = isVariadic
        self.environment = environment
    }
}

/// An influxdb3 command or command group, with the source file its definition came from.
public struct ClapCommand: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String
    /// The file of influxdata/influxdb that defines it (`influxdb3/src/commands/create.rs`).
    public var source: String
    public var flags: [ClapFlag]
    public var arguments: [ClapArgument]
    public var subcommands: [ClapCommand]

    public init(name: String, aliases: [String] = [], summary: String, source: String, flags: [ClapFlag] = [], arguments: [ClapArgument] = [],
                subcommands: [ClapCommand] = []) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.source = source
        self.flags = flags
        self.arguments = arguments
        self.subcommands = subcommands
    }

    public var isGroup: Bool { !subcommands.isEmpty }

    public func subcommand(_ written: String) -> ClapCommand? {
        subcommands.first { $0.name == written || $0.aliases.contains(written) }
    }

    /// The option called `--written` (without dashes).
    public func flag(long written: String) -> ClapFlag? {
        flags.first { $0.long == written || $0.aliases.contains(written) }
    }

    /// This command with `change` applied to the command at `path` below it.
    func modifying(_ path: ArraySlice<String>, _ change: (inout ClapCommand) -> Void) -> ClapCommand {
        var copy = self
        guard let first = path.first else {
            change(&copy)
            return copy
        }
        copy.subcommands = subcommands.map { $0.name == first ? $0.modifying(path.dropFirst(), change) : $0 }
        return copy
    }

    /// The option called `-written`.
    public func flag(short written: Character) -> ClapFlag? {
        flags.first { $0.short == written }
    }
}
