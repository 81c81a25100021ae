import InfluxctlModel
import ShellSyntax
import SimulatedCluster
import TokenCore

/// A data-plane call an influxctl `query` or `write` makes.
struct DataRequest: Hashable, Sendable, CustomStringConvertible {
    var isWrite: Bool
    var token: String?
    var database: String
    var payload: String

    var description: String {
        "\(isWrite ? "write" : "query") \(database) with \(token == nil ? "no token" : "a token")"
    }
}

/// What one influxctl command does to the cluster.
enum ClusterOperation: Sendable {
    /// A management operation run by influxctl, whose output is printed in `format`.
    case management(ManagementRequest, format: CLIOutputFormat)
    /// A management operation sent to the Management API, whose answer is JSON.
    case api(ManagementRequest)
    case data(DataRequest)
    case unmodelled([String])
}

/// What a translation needs to know about the scenario so far.
struct TranslationContext: Sendable {
    var now: Instant
    var latestTokenID: String?
    var latestSecret: String?
}

/// Turns parsed influxctl requests into cluster operations, binding placeholders to values.
struct RequestTranslation {
    var bindings: PlaceholderBindings
    let context: TranslationContext

    init(bindings: PlaceholderBindings, context: TranslationContext) {
        self.bindings = bindings
        self.context = context
    }

    mutating func operations(for request: InfluxctlRequest) -> [ClusterOperation] {
        switch request {
        case .tokenCreate(let create):
            let permissions = permissions(read: create.readDatabases, write: create.writeDatabases)
            let description = value(create.description, .text)
            let expiresAt = create.expiresAt.flatMap { Instant(rfc3339: value($0, .time)) }
            return [.management(.createDatabaseToken(description: description, permissions: permissions, expiresAt: expiresAt), format: format(create.format))]
        case .tokenList(let outputFormat, let includeRevoked):
            return [.management(.listDatabaseTokens(includeRevoked: includeRevoked), format: format(outputFormat))]
        case .tokenGet(let id, let outputFormat, let includeRevoked):
            return [.management(.getDatabaseToken(id: tokenID(id), includeRevoked: includeRevoked), format: format(outputFormat))]
        case .tokenUpdate(let update):
            let permissions: [Permission]? = update.readDatabases == nil && update.writeDatabases == nil
                ? nil : permissions(read: update.readDatabases ?? [], write: update.writeDatabases ?? [])
            let description = update.description.map { value($0, .text) }
            return [.management(.updateDatabaseToken(id: tokenID(update.id), description: description, permissions: permissions), format: .table)]
        case .tokenRevoke(let ids, _):
            return ids.map { .management(.deleteDatabaseToken(id: tokenID($0)), format: .table) }
        case .databaseCreate(let create):
            var settings = DatabaseSettings(name: value(create.name, .databaseName))
            if let tables = create.maxTables.flatMap({ Int(value($0, .integer)) }) { settings.maxTables = tables }
            if let columns = create.maxColumns.flatMap({ Int(value($0, .integer)) }) { settings.maxColumnsPerTable = columns }
            if let period = create.retentionPeriod.flatMap({ RetentionPeriod.nanoseconds(value($0, .duration)) }) { settings.retentionPeriod = period }
            return [.management(.createDatabase(settings), format: .table)]
        case .databaseList(let outputFormat):
            return [.management(.listDatabases, format: format(outputFormat))]
        case .databaseUpdate(let update):
            return [.management(.updateDatabase(
                name: value(update.name, .databaseName),
                maxTables: update.maxTables.flatMap { Int(value($0, .integer)) },
                maxColumnsPerTable: update.maxColumns.flatMap { Int(value($0, .integer)) },
                retentionPeriod: update.retentionPeriod.flatMap { RetentionPeriod.nanoseconds(value($0, .duration)) }
            ), format: .table)]
        case .databaseDelete(let names, _):
            return names.map { .management(.deleteDatabase(name: value($0, .databaseName)), format: .table) }
        case .databaseRename(let from, let to):
            return [.management(.renameDatabase(from: value(from, .databaseName), to: value(to, .databaseName)), format: .table)]
        case .databaseUndelete(let name):
            return [.management(.undeleteDatabase(name: value(name, .databaseName)), format: .table)]
        case .managementCreate(let description, let expiresAt, let outputFormat):
            let text = description.map { value($0, .text) } ?? ""
            let expiry = expiresAt.flatMap { Instant(rfc3339: value($0, .time)) }
            return [.management(.createManagementToken(description: text, expiresAt: expiry), format: format(outputFormat))]
        case .managementList(let outputFormat):
            return [.management(.listManagementTokens, format: format(outputFormat))]
        case .managementRevoke(let ids, _):
            return ids.map { .management(.revokeManagementToken(id: value($0, .tokenID)), format: .table) }
        case .query(let query):
            return [.data(DataRequest(isWrite: false, token: query.token.map { tokenString($0) } ?? context.latestSecret,
                                      database: query.database.map { value($0, .databaseName) } ?? "",
                                      payload: value(query.query, .query)))]
        case .write(let write):
            return [.data(DataRequest(isWrite: true, token: write.token.map { tokenString($0) } ?? context.latestSecret,
                                      database: write.database.map { value($0, .databaseName) } ?? "",
                                      payload: value(write.lineProtocol, .lineProtocol)))]
        case .help, .version:
            return []
        case .other(let path):
            return [.unmodelled(path)]
        }
    }

    /// Every word of a request that names a database.
    static func databaseWords(in request: InfluxctlRequest) -> [Word] {
        switch request {
        case .tokenCreate(let create): create.readDatabases + create.writeDatabases
        case .tokenUpdate(let update): (update.readDatabases ?? []) + (update.writeDatabases ?? [])
        case .databaseCreate(let create): [create.name]
        case .databaseUpdate(let update): [update.name]
        case .databaseDelete(let names, _): names
        case .databaseRename(let from, _): [from]
        case .databaseUndelete(let name): [name]
        case .query(let query): query.database.map { [$0] } ?? []
        case .write(let write): write.database.map { [$0] } ?? []
        default: []
        }
    }

    /// The request in the form reports print, values as the page spells them.
    static func summary(of request: InfluxctlRequest) -> RequestSummary {
        func list(_ words: [Word]) -> RequestValue { .list(words.map(\.displayValue)) }
        func text(_ word: Word) -> RequestValue { .text(word.displayValue) }
        func optional(_ name: String, _ word: Word?) -> [RequestSummary.Field] { word.map { [.init(name, text($0))] } ?? [] }
        func settings(_ request: DatabaseSettingsRequest) -> [RequestSummary.Field] {
            [.init("name", text(request.name))] + optional("retentionPeriod", request.retentionPeriod)
                + optional("maxTables", request.maxTables) + optional("maxColumns", request.maxColumns)
        }
        switch request {
        case .tokenCreate(let create):
            var fields: [RequestSummary.Field] = [
                .init("readDatabases", list(create.readDatabases)),
                .init("writeDatabases", list(create.writeDatabases)),
                .init("description", text(create.description)),
            ]
            if let expiry = create.expiresAt { fields.append(.init("expiresAt", text(expiry))) }
            fields.append(.init("format", .text(create.format.rawValue)))
            return RequestSummary(kind: "token.create", fields: fields)
        case .tokenList(let format, let includeRevoked):
            return RequestSummary(kind: "token.list", fields: [.init("format", .text(format.rawValue)), .init("includeRevoked", .flag(includeRevoked))])
        case .tokenGet(let id, let format, let includeRevoked):
            return RequestSummary(kind: "token.get", fields: [.init("id", text(id)), .init("format", .text(format.rawValue)), .init("includeRevoked", .flag(includeRevoked))])
        case .tokenUpdate(let update):
            var fields: [RequestSummary.Field] = [.init("id", text(update.id))]
            if let read = update.readDatabases { fields.append(.init("readDatabases", list(read))) }
            if let write = update.writeDatabases { fields.append(.init("writeDatabases", list(write))) }
            if let description = update.description { fields.append(.init("description", text(description))) }
            return RequestSummary(kind: "token.update", fields: fields)
        case .tokenRevoke(let ids, let force):
            return RequestSummary(kind: "token.revoke", fields: [.init("ids", list(ids)), .init("force", .flag(force))])
        case .databaseCreate(let create):
            return RequestSummary(kind: "database.create", fields: settings(create))
        case .databaseList(let format):
            return RequestSummary(kind: "database.list", fields: [.init("format", .text(format.rawValue))])
        case .databaseUpdate(let update):
            return RequestSummary(kind: "database.update", fields: settings(update))
        case .databaseDelete(let names, let force):
            return RequestSummary(kind: "database.delete", fields: [.init("names", list(names)), .init("force", .flag(force))])
        case .databaseRename(let from, let to):
            return RequestSummary(kind: "database.rename", fields: [.init("from", text(from)), .init("to", text(to))])
        case .databaseUndelete(let name):
            return RequestSummary(kind: "database.undelete", fields: [.init("name", text(name))])
        case .managementCreate(let description, let expiresAt, let format):
            return RequestSummary(kind: "management.create", fields: optional("description", description) + optional("expiresAt", expiresAt) + [.init("format", .text(format.rawValue))])
        case .managementList(let format):
            return RequestSummary(kind: "management.list", fields: [.init("format", .text(format.rawValue))])
        case .managementRevoke(let ids, let force):
            return RequestSummary(kind: "management.revoke", fields: [.init("ids", list(ids)), .init("force", .flag(force))])
        case .query(let query):
            return RequestSummary(kind: "query", fields: optional("database", query.database) + [.init("query", text(query.query))])
        case .write(let write):
            return RequestSummary(kind: "write", fields: optional("database", write.database) + [.init("lineProtocol", text(write.lineProtocol))])
        case .help:
            return RequestSummary(kind: "help")
        case .version:
            return RequestSummary(kind: "version")
        case .other(let path):
            return RequestSummary(kind: path.joined(separator: "."))
        }
    }

    // MARK: Values

    private mutating func value(_ word: Word, _ kind: ValueKind) -> String {
        if word.placeholder == nil, let literal = word.literalValue { return literal }
        guard let key = PlaceholderBindings.key(of: word) else { return word.displayValue }
        return bindings.value(forKey: key, kind: kind, now: context.now)
    }

    /// A token ID: a placeholder or an ID the page made up stands for the newest token of the page.
    private mutating func tokenID(_ word: Word) -> String {
        let key = PlaceholderBindings.key(of: word) ?? word.literalValue ?? word.displayValue
        if let bound = bindings.value(forKey: key) { return bound }
        if word.placeholder == nil, let literal = word.literalValue, literal == context.latestTokenID { return literal }
        guard let latest = context.latestTokenID else { return key }
        bindings.bind(key, to: latest)
        return latest
    }

    private mutating func tokenString(_ word: Word) -> String? {
        if word.placeholder == nil, let literal = word.literalValue, !literal.isEmpty { return literal }
        guard let key = PlaceholderBindings.key(of: word) else { return context.latestSecret }
        if let secret = context.latestSecret { return secret }
        return bindings.value(forKey: key, kind: .tokenString, now: context.now)
    }

    private mutating func permissions(read: [Word], write: [Word]) -> [Permission] {
        read.map { Permission(action: .read, resource: resource(value($0, .databaseName))) }
            + write.map { Permission(action: .write, resource: resource(value($0, .databaseName))) }
    }

    private func resource(_ name: String) -> Resource {
        name == "*" ? .all : .database(name)
    }

    private func format(_ format: OutputFormat) -> CLIOutputFormat {
        format == .json ? .json : .table
    }
}
