/// The releases in which a command, flag or argument exists: from `since` (inclusive) up to
/// `until` (exclusive), or open-ended when `until` is nil.
public struct ReleaseRange: Hashable, Sendable {
    public var since: CLIVersion
    public var until: CLIVersion?

    public init(since: CLIVersion, until: CLIVersion? = nil) {
        self.since = since
        self.until = until
    }

    /// True when `release` is inside the range.
    public func contains(_ release: CLIVersion) -> Bool {
        release >= since && (until.map { release < $0 } ?? true)
    }
}

/// One flag of a command, or a global flag.
public struct FlagSpec: Hashable, Sendable {
    /// The long name without dashes: `read-database`.
    public var name: String
    /// Other names without dashes (`h` for `help`).
    public var aliases: [String]
    public var valueType: ValueType
    /// True when giving the flag several times adds up (string-slice flags).
    public var isRepeatable: Bool
    /// The default influxctl documents, as it prints it; nil when none is documented.
    public var defaultValue: String?
    public var releases: ReleaseRange
    /// One line of help text.
    public var usage: String

    public init(name: String, aliases: [String] = [], valueType: ValueType, isRepeatable: Bool = false,
                defaultValue: String? = nil, releases: ReleaseRange, usage: String) {
        self.name = name
        self.aliases = aliases
        self.valueType = valueType
        self.isRepeatable = isRepeatable
        self.defaultValue = defaultValue
        self.releases = releases
        self.usage = usage
    }

    /// True when `written` (without dashes) is the name or an alias.
    public func answers(to written: String) -> Bool { name == written || aliases.contains(written) }
}

/// One positional argument of a command.
public struct ArgumentSpec: Hashable, Sendable {
    /// The name influxctl's usage line gives it: `TOKEN_DESCRIPTION`.
    public var name: String
    public var valueType: ValueType
    public var isRequired: Bool
    /// True when the argument may be given any number of times (it is then the last one).
    public var isVariadic: Bool
    public var releases: ReleaseRange

    public init(name: String, valueType: ValueType = .string, isRequired: Bool = true, isVariadic: Bool = false, releases: ReleaseRange) {
        self.name = name
        self.valueType = valueType
        self.isRequired = isRequired
        self.isVariadic = isVariadic
        self.releases = releases
    }
}

/// A command or a command group. In the catalogue every entry carries the releases it exists
/// in; in a `CommandTree` only what exists in that tree's release is left.
public struct CommandSpec: Hashable, Sendable {
    /// The canonical name: `revoke`.
    public var name: String
    /// Other names: `delete` for `token revoke` from 2.10.0.
    public var aliases: [String]
    public var summary: String
    public var releases: ReleaseRange
    public var flags: [FlagSpec]
    public var arguments: [ArgumentSpec]
    /// Non-empty for a group such as `token`.
    public var subcommands: [CommandSpec]

    public init(name: String, aliases: [String] = [], summary: String, releases: ReleaseRange,
                flags: [FlagSpec] = [], arguments: [ArgumentSpec] = [], subcommands: [CommandSpec] = []) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.releases = releases
        self.flags = flags
        self.arguments = arguments
        self.subcommands = subcommands
    }

    /// True for a command group, which needs a subcommand.
    public var isGroup: Bool { !subcommands.isEmpty }

    /// True when `written` is the name or an alias.
    public func answers(to written: String) -> Bool { name == written || aliases.contains(written) }

    /// The subcommand called `written` (by name or alias).
    public func subcommand(_ written: String) -> CommandSpec? { subcommands.first { $0.answers(to: written) } }

    /// The flag called `written` (without dashes, by name or alias).
    public func flag(_ written: String) -> FlagSpec? { flags.first { $0.answers(to: written) } }

    /// The command as it exists in `release`, or nil when it does not.
    func restricted(to release: CLIVersion) -> CommandSpec? {
        guard releases.contains(release) else { return nil }
        var copy = self
        copy.flags = flags.filter { $0.releases.contains(release) }
        copy.arguments = arguments.filter { $0.releases.contains(release) }
        copy.subcommands = subcommands.compactMap { $0.restricted(to: release) }
        return copy
    }
}

/// The influxctl commands and global flags of one release.
public struct CommandTree: Hashable, Sendable {
    public var release: CLIVersion
    public var globalFlags: [FlagSpec]
    /// The nameless root: its subcommands are the top-level commands.
    public var root: CommandSpec

    public init(release: CLIVersion, globalFlags: [FlagSpec], root: CommandSpec) {
        self.release = release
        self.globalFlags = globalFlags
        self.root = root
    }

    /// The command at `path`, following names and aliases; `[]` is the root.
    public func command(at path: [String]) -> CommandSpec? {
        var node = root
        for name in path {
            guard let next = node.subcommand(name) else { return nil }
            node = next
        }
        return node
    }

    /// The global flag called `written` (without dashes).
    public func globalFlag(_ written: String) -> FlagSpec? { globalFlags.first { $0.answers(to: written) } }

    /// Every runnable (non-group) command with its canonical path, depth first in catalogue order.
    public var leafCommands: [(path: [String], command: CommandSpec)] {
        var found: [(path: [String], command: CommandSpec)] = []
        func visit(_ node: CommandSpec, _ path: [String]) {
            for child in node.subcommands {
                let childPath = path + [child.name]
                if child.isGroup { visit(child, childPath) } else { found.append((childPath, child)) }
            }
        }
        visit(root, [])
        return found
    }
}
