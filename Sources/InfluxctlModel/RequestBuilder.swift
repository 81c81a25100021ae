import ShellSyntax

/// Turns a parsed command line into its typed request.
struct RequestBuilder {
    let invocationPath: [String]
    let flags: [ParsedFlag]
    let arguments: [Word]

    /// Nil when an argument the request needs is absent (possible only when the argument count
    /// could not be checked).
    func request() -> InfluxctlRequest? {
        switch invocationPath {
        case ["token", "create"]:
            guard let description = argument(0) else { return nil }
            return .tokenCreate(TokenCreateRequest(readDatabases: values("read-database"), writeDatabases: values("write-database"),
                                                   description: description, expiresAt: value("expires-at"), format: format))
        case ["token", "list"]:
            return .tokenList(format: format, includeRevoked: isSet("include-revoked"))
        case ["token", "get"]:
            guard let id = argument(0) else { return nil }
            return .tokenGet(id: id, format: format, includeRevoked: isSet("include-revoked"))
        case ["token", "update"]:
            guard let id = argument(0) else { return nil }
            return .tokenUpdate(TokenUpdateRequest(id: id, readDatabases: optionalValues("read-database"),
                                                   writeDatabases: optionalValues("write-database"), description: value("description")))
        case ["token", "revoke"], ["token", "delete"]:
            guard !arguments.isEmpty else { return nil }
            return .tokenRevoke(ids: arguments, force: isSet("force"))
        case ["database", "create"]:
            guard let name = argument(0) else { return nil }
            return .databaseCreate(DatabaseSettingsRequest(name: name, retentionPeriod: value("retention-period"),
                                                         maxTables: value("max-tables"), maxColumns: value("max-columns")))
        case ["database", "list"]:
            return .databaseList(format: format)
        case ["database", "update"]:
            guard let name = argument(0) else { return nil }
            return .databaseUpdate(DatabaseSettingsRequest(name: name, retentionPeriod: value("retention-period") ?? argument(1),
                                                         maxTables: value("max-tables"), maxColumns: value("max-columns")))
        case ["database", "delete"]:
            guard !arguments.isEmpty else { return nil }
            return .databaseDelete(names: arguments, force: isSet("force"))
        case ["database", "rename"]:
            guard let from = argument(0), let to = argument(1) else { return nil }
            return .databaseRename(from: from, to: to)
        case ["database", "undelete"]:
            guard let name = argument(0) else { return nil }
            return .databaseUndelete(name: name)
        case ["management", "create"]:
            return .managementCreate(description: value("description"), expiresAt: value("expires-at"), format: format)
        case ["management", "list"]:
            return .managementList(format: format)
        case ["management", "revoke"]:
            guard !arguments.isEmpty else { return nil }
            return .managementRevoke(ids: arguments, force: isSet("force"))
        case ["query"]:
            guard let query = argument(0) else { return nil }
            return .query(QueryRequest(database: value("database"), token: value("token"), query: query, format: format, language: value("language")))
        case ["write"]:
            guard let lineProtocol = argument(0) else { return nil }
            return .write(WriteRequest(database: value("database"), token: value("token"), lineProtocol: lineProtocol, precision: value("precision")))
        case ["help"]:
            return .help
        case ["version"]:
            return .version
        default:
            return .other(path: invocationPath)
        }
    }

    func argument(_ position: Int) -> Word? { position < arguments.count ? arguments[position] : nil }

    /// The last value given for the flag.
    func value(_ name: String) -> Word? { flags.last { $0.name == name }?.value }

    func values(_ name: String) -> [Word] {
        var values: [Word] = []
        for flag in flags where flag.name == name {
            if let value = flag.value { values.append(value) }
        }
        return values
    }

    func optionalValues(_ name: String) -> [Word]? { flags.contains { $0.name == name } ? values(name) : nil }

    /// A bool flag: given bare, or with a value Go reads as true. A placeholder or a value only
    /// known to a running shell counts as given.
    func isSet(_ name: String) -> Bool {
        guard let flag = flags.last(where: { $0.name == name }) else { return false }
        guard flag.value?.placeholder == nil, let text = flag.value?.literalValue else { return true }
        return ["1", "t", "T", "TRUE", "true", "True"].contains(text)
    }

    /// `--format json` gives JSON; anything else, including a placeholder, the table default.
    var format: OutputFormat {
        value("format")?.literalValue.flatMap(OutputFormat.init(rawValue:)) ?? .table
    }
}
