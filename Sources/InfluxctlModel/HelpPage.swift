/// One command's `--help` text as urfave/cli v2 prints it, read into its parts.
public struct HelpPage: Hashable, Sendable {
    /// The words of the NAME line before ` - `: `["influxctl", "token", "create"]`. The first
    /// word is the program; a page with only that word is the root page.
    public var commandPath: [String]
    /// The NAME line's text after ` - `; empty when there is none.
    public var summary: String
    /// The line of the NAME heading.
    public var nameLine: Int
    /// The USAGE section joined into one line.
    public var usage: String
    /// The VERSION section, when there is one.
    public var version: String?
    /// The DESCRIPTION section with its lines joined by newlines, when there is one.
    public var description: String?
    /// The positional arguments the USAGE line names; always empty on a page with COMMANDS.
    public var arguments: [ImportedArgument]
    /// The COMMANDS section's entries in the order listed (urfave's `help, h` included).
    public var commands: [HelpCommandEntry]
    /// The OPTIONS section's flags in the order listed (urfave's `--help, -h` included).
    public var options: [ImportedFlag]
    /// The GLOBAL OPTIONS section's flags, which the root page lists.
    public var globalOptions: [ImportedFlag]

    public init(commandPath: [String], summary: String, nameLine: Int, usage: String, version: String? = nil,
                description: String? = nil, arguments: [ImportedArgument] = [], commands: [HelpCommandEntry] = [],
                options: [ImportedFlag] = [], globalOptions: [ImportedFlag] = []) {
        self.commandPath = commandPath
        self.summary = summary
        self.nameLine = nameLine
        self.usage = usage
        self.version = version
        self.description = description
        self.arguments = arguments
        self.commands = commands
        self.options = options
        self.globalOptions = globalOptions
    }

    /// True for the program's own page (`influxctl --help`).
    public var isRoot: Bool { commandPath.count == 1 }
}

/// One line of a COMMANDS section: `revoke, delete  Revoke database tokens`.
public struct HelpCommandEntry: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String

    public init(name: String, aliases: [String] = [], summary: String) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
    }
}

/// A flag read from help text. Like `FlagSpec`, without releases.
public struct ImportedFlag: Hashable, Sendable {
    /// The first name listed, without dashes.
    public var name: String
    /// The other names listed, without dashes.
    public var aliases: [String]
    /// Inferred from the flag's placeholder, help text and default (see `HelpImport`).
    public var valueType: ValueType
    public var isRepeatable: Bool
    /// The `(default: ...)` value without Go's quotes; nil when none is printed.
    public var defaultValue: String?
    /// The help text without the default, repetition and environment-variable notes.
    public var usage: String

    public init(name: String, aliases: [String] = [], valueType: ValueType, isRepeatable: Bool = false,
                defaultValue: String? = nil, usage: String) {
        self.name = name
        self.aliases = aliases
        self.valueType = valueType
        self.isRepeatable = isRepeatable
        self.defaultValue = defaultValue
        self.usage = usage
    }
}

/// A positional argument read from a USAGE line. Its value type is not in the help text, so
/// it is not recorded.
public struct ImportedArgument: Hashable, Sendable {
    /// The name as the USAGE line writes it, without brackets: `TOKEN_ID`.
    public var name: String
    public var isRequired: Bool
    public var isVariadic: Bool

    public init(name: String, isRequired: Bool = true, isVariadic: Bool = false) {
        self.name = name
        self.isRequired = isRequired
        self.isVariadic = isVariadic
    }
}

/// A command or group imported from help files.
public struct ImportedCommand: Hashable, Sendable {
    /// The canonical name; empty for the root.
    public var name: String
    /// The aliases the parent's COMMANDS section lists; empty when the parent has no help file.
    public var aliases: [String]
    public var summary: String
    /// Without urfave's `--help, -h`.
    public var flags: [ImportedFlag]
    public var arguments: [ImportedArgument]
    /// Without urfave's `help, h` (which is kept only at the top level, as the catalogue has it).
    public var subcommands: [ImportedCommand]
    /// The file the command's own help came from; nil when only its parent's COMMANDS section
    /// (or a deeper file) names it, so its flags, arguments and subcommand list are unknown.
    public var helpFile: String?

    public init(name: String, aliases: [String] = [], summary: String, flags: [ImportedFlag] = [],
                arguments: [ImportedArgument] = [], subcommands: [ImportedCommand] = [], helpFile: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.flags = flags
        self.arguments = arguments
        self.subcommands = subcommands
        self.helpFile = helpFile
    }

    /// The subcommand with canonical name `name`.
    public func subcommand(_ name: String) -> ImportedCommand? { subcommands.first { $0.name == name } }

    /// The command at `path` (canonical names); `[]` is this command.
    public func command(at path: [String]) -> ImportedCommand? {
        var node = self
        for name in path {
            guard let next = node.subcommand(name) else { return nil }
            node = next
        }
        return node
    }

    /// The flag with long name `name`.
    public func flag(_ name: String) -> ImportedFlag? { flags.first { $0.name == name } }
}

/// A release's command tree as its help files describe it.
public struct ImportedTree: Hashable, Sendable {
    /// The program name from the root page's NAME line: `influxctl`.
    public var programName: String
    /// The root page's GLOBAL OPTIONS, without `--help, -h`.
    public var globalFlags: [ImportedFlag]
    /// The nameless root: its subcommands are the top-level commands.
    public var root: ImportedCommand

    public init(programName: String, globalFlags: [ImportedFlag], root: ImportedCommand) {
        self.programName = programName
        self.globalFlags = globalFlags
        self.root = root
    }
}

/// Why help text or a help directory could not be imported, with where.
public struct HelpImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// The text has nothing but whitespace.
        case emptyText
        /// A line that is neither a section heading nor inside a section.
        case textOutsideSection(String)
        /// A heading such as `FLAGS:` that urfave/cli v2 does not print.
        case unknownSection(String)
        case repeatedSection(String)
        /// A section every page needs (NAME, USAGE, OPTIONS; GLOBAL OPTIONS on the root page).
        case missingSection(String)
        case malformedName(String)
        case malformedUsage(String)
        case malformedCommandLine(String)
        case malformedOptionLine(String)
        /// The same command or flag name listed twice on one page.
        case repeatedName(String)
        /// The directory or a file could not be read; the text says why.
        case unreadable(String)
        /// No file is the program's own page.
        case noRootPage
        /// Two files hold help for the same command.
        case repeatedPage(command: String, otherFile: String)
        /// The files describe different programs.
        case mixedPrograms(expected: String, found: String)
        /// The file name and the NAME line name different commands.
        case nameMismatch(fileName: String, nameLine: String)
        /// A help file for a command its parent's COMMANDS section does not list.
        case unlistedCommand(String)
    }

    /// The help file, when the error is about one.
    public var file: String?
    /// The 1-based line; nil when the error is about the directory as a whole.
    public var line: Int?
    public var problem: Problem

    public init(file: String? = nil, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// What is wrong, without the place.
    public var message: String {
        switch problem {
        case .emptyText: "the help text is empty"
        case .textOutsideSection(let text): "expected a section heading such as NAME: or OPTIONS:, found '\(text)'"
        case .unknownSection(let heading): "'\(heading):' is not a section urfave/cli v2 prints"
        case .repeatedSection(let heading): "the \(heading) section appears twice"
        case .missingSection(let heading): "there is no \(heading) section"
        case .malformedName(let text): "the NAME section should read 'PROGRAM COMMAND... - SUMMARY', found '\(text)'"
        case .malformedUsage(let reason): "USAGE: \(reason)"
        case .malformedCommandLine(let text): "expected 'NAME[, ALIAS...]  SUMMARY' in COMMANDS, found '\(text)'"
        case .malformedOptionLine(let text): "expected '--name [value][, -alias [value]]  text' in OPTIONS, found '\(text)'"
        case .repeatedName(let name): "'\(name)' is listed twice"
        case .unreadable(let reason): reason
        case .noRootPage: "no file holds the program's own help (name it influxctl.txt)"
        case .repeatedPage(let command, let otherFile): "\(otherFile) also holds the help of '\(command)'"
        case .mixedPrograms(let expected, let found): "this is the help of '\(found)', the other files are of '\(expected)'"
        case .nameMismatch(let fileName, let nameLine):
            "the file name says '\(fileName)' but the NAME section says '\(nameLine)'"
        case .unlistedCommand(let command): "'\(command)' is not in its parent's COMMANDS section"
        }
    }

    /// `FILE, line N: message`, leaving out what is unknown.
    public var description: String {
        let place = [file, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : place + ": " + message
    }
}
