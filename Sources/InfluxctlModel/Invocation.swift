import Diagnostics
import ShellSyntax

/// What the parser made of one influxctl command line.
public struct InfluxctlParse: Hashable, Sendable {
    /// The understood command. Nil when any error was found (a command that does not parse is
    /// not run), for a usage synopsis, and when a command word is only known to a running
    /// shell (`influxctl $COMMAND`). Warnings such as `cli.no-permissions` keep it.
    public var invocation: Invocation?
    /// `cli.*` findings, in the order of the words they point at.
    public var diagnostics: [Diagnostic]
    /// True for a usage line such as `influxctl token create [flags] <TOKEN_DESCRIPTION>`.
    public var isSynopsis: Bool
    /// Why the command was not read, when it was not: `influxctl ...`, where `...` stands for
    /// the rest of the command, is no command to check.
    public var unverifiedReason: String?

    public init(invocation: Invocation?, diagnostics: [Diagnostic], isSynopsis: Bool, unverifiedReason: String? = nil) {
        self.invocation = invocation
        self.diagnostics = diagnostics
        self.isSynopsis = isSynopsis
        self.unverifiedReason = unverifiedReason
    }
}

/// A command line that parsed: the command, its flags and arguments, and the typed request.
public struct Invocation: Hashable, Sendable {
    /// Canonical command names: `["token", "revoke"]` even when written `token delete` in a
    /// release where `delete` is an alias. Empty for `influxctl` alone (which prints help).
    public var path: [String]
    /// Covers the command words (the program word when `path` is empty).
    public var pathRange: SourceRange
    public var globalFlags: [ParsedFlag]
    public var flags: [ParsedFlag]
    /// The positional arguments.
    public var arguments: [Word]
    public var request: InfluxctlRequest

    public init(path: [String], pathRange: SourceRange, globalFlags: [ParsedFlag], flags: [ParsedFlag], arguments: [Word], request: InfluxctlRequest) {
        self.path = path
        self.pathRange = pathRange
        self.globalFlags = globalFlags
        self.flags = flags
        self.arguments = arguments
        self.request = request
    }
}

/// One flag as written.
public struct ParsedFlag: Hashable, Sendable {
    /// The canonical name without dashes.
    public var name: String
    /// Covers the dashes and the name (not `=value`).
    public var nameRange: SourceRange
    /// The value: the next word, or the part after `=`. Nil for a bool flag written without
    /// `=value`.
    public var value: Word?

    public init(name: String, nameRange: SourceRange, value: Word?) {
        self.name = name
        self.nameRange = nameRange
        self.value = value
    }
}

/// `--format`.
public enum OutputFormat: String, Hashable, Sendable {
    case table, json
}

/// The typed request an influxctl command makes. Values stay `Word`s so later stages can
/// bind placeholders and point at them.
public enum InfluxctlRequest: Hashable, Sendable {
    case tokenCreate(TokenCreateRequest)
    case tokenList(format: OutputFormat, includeRevoked: Bool)
    case tokenGet(id: Word, format: OutputFormat, includeRevoked: Bool)
    case tokenUpdate(TokenUpdateRequest)
    /// `token revoke`, and `token delete` in every release.
    case tokenRevoke(ids: [Word], force: Bool)
    case databaseCreate(DatabaseSettingsRequest)
    case databaseList(format: OutputFormat)
    case databaseUpdate(DatabaseSettingsRequest)
    case databaseDelete(names: [Word], force: Bool)
    case databaseRename(from: Word, to: Word)
    case databaseUndelete(name: Word)
    case managementCreate(description: Word?, expiresAt: Word?, format: OutputFormat)
    case managementList(format: OutputFormat)
    case managementRevoke(ids: [Word], force: Bool)
    case query(QueryRequest)
    case write(WriteRequest)
    /// `help`, `-h`/`--help` anywhere before the arguments, or `influxctl` alone.
    case help
    case version
    /// Every other modelled command (auth, cluster, table, user list, init).
    case other(path: [String])
}

/// `token create`.
public struct TokenCreateRequest: Hashable, Sendable {
    public var readDatabases: [Word]
    public var writeDatabases: [Word]
    public var description: Word
    public var expiresAt: Word?
    public var format: OutputFormat

    public init(readDatabases: [Word], writeDatabases: [Word], description: Word, expiresAt: Word?, format: OutputFormat) {
        self.readDatabases = readDatabases
        self.writeDatabases = writeDatabases
        self.description = description
        self.expiresAt = expiresAt
        self.format = format
    }
}

/// `token update`. A nil permission list means the flag was not given.
public struct TokenUpdateRequest: Hashable, Sendable {
    public var id: Word
    public var readDatabases: [Word]?
    public var writeDatabases: [Word]?
    public var description: Word?

    public init(id: Word, readDatabases: [Word]?, writeDatabases: [Word]?, description: Word?) {
        self.id = id
        self.readDatabases = readDatabases
        self.writeDatabases = writeDatabases
        self.description = description
    }
}

/// `database create` and `database update`: the name and the settings given. For
/// `database update` on 1.x the retention period may also be the positional argument.
public struct DatabaseSettingsRequest: Hashable, Sendable {
    public var name: Word
    public var retentionPeriod: Word?
    public var maxTables: Word?
    public var maxColumns: Word?

    public init(name: Word, retentionPeriod: Word?, maxTables: Word?, maxColumns: Word?) {
        self.name = name
        self.retentionPeriod = retentionPeriod
        self.maxTables = maxTables
        self.maxColumns = maxColumns
    }
}

/// `query`.
public struct QueryRequest: Hashable, Sendable {
    public var database: Word?
    public var token: Word?
    /// The query text, a file path, or `-` for stdin.
    public var query: Word
    public var format: OutputFormat
    /// `--language`; nil means SQL.
    public var language: Word?

    public init(database: Word?, token: Word?, query: Word, format: OutputFormat, language: Word?) {
        self.database = database
        self.token = token
        self.query = query
        self.format = format
        self.language = language
    }
}

/// `write`.
public struct WriteRequest: Hashable, Sendable {
    public var database: Word?
    public var token: Word?
    /// Line protocol, a file path, or `-` for stdin.
    public var lineProtocol: Word
    /// `--precision`; nil means nanoseconds.
    public var precision: Word?

    public init(database: Word?, token: Word?, lineProtocol: Word, precision: Word?) {
        self.database = database
        self.token = token
        self.lineProtocol = lineProtocol
        self.precision = precision
    }
}
