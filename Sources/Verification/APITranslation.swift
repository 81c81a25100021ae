import ManagementAPI
import SimulatedCluster
import TokenCore

/// Turns Management and data API calls made with curl into cluster operations, binding
/// placeholders the way influxctl commands bind them.
struct APITranslation {
    var bindings: PlaceholderBindings
    let context: TranslationContext
    let declared: DeclaredPlaceholders

    /// The operations one API request performs.
    mutating func operations(for request: APIRequest) -> [ClusterOperation] {
        switch request {
        case .createDatabaseToken(let description, let permissions, let expiresAt):
            return [.api(.createDatabaseToken(
                description: value(description, .text), permissions: self.permissions(permissions),
                expiresAt: expiresAt.flatMap { Instant(rfc3339: value($0, .time)) }))]
        case .listDatabaseTokens:
            return [.api(.listDatabaseTokens(includeRevoked: false))]
        case .getDatabaseToken(let id):
            return [.api(.getDatabaseToken(id: tokenID(id), includeRevoked: false))]
        case .updateDatabaseToken(let id, let description, let permissions):
            return [.api(.updateDatabaseToken(id: tokenID(id), description: description.map { value($0, .text) },
                                              permissions: permissions.map { self.permissions($0) }))]
        case .deleteDatabaseToken(let id):
            return [.api(.deleteDatabaseToken(id: tokenID(id)))]
        case .createDatabase(let name, let maxTables, let maxColumns, let retention):
            var settings = DatabaseSettings(name: value(name, .databaseName))
            if let maxTables { settings.maxTables = maxTables }
            if let maxColumns { settings.maxColumnsPerTable = maxColumns }
            if let retention { settings.retentionPeriod = retention }
            return [.api(.createDatabase(settings))]
        case .listDatabases:
            return [.api(.listDatabases)]
        case .updateDatabase(let name, let maxTables, let maxColumns, let retention):
            return [.api(.updateDatabase(name: value(name, .databaseName), maxTables: maxTables, maxColumnsPerTable: maxColumns, retentionPeriod: retention))]
        case .deleteDatabase(let name):
            return [.api(.deleteDatabase(name: value(name, .databaseName)))]
        case .renameDatabase(let name, let newName):
            return [.api(.renameDatabase(from: value(name, .databaseName), to: value(newName, .databaseName)))]
        case .undeleteDatabase:
            // The API undeletes by numeric ID, which a page cannot know; nothing to simulate.
            return [.unmodelled(["database", "undelete"])]
        case .write(let database, let token, let lineProtocol):
            return [.data(DataRequest(isWrite: true, token: token.map { tokenString($0) } ?? nil, database: value(database, .databaseName),
                                      payload: lineProtocol.map { value($0, .lineProtocol) } ?? PlaceholderBindings.synthesize(key: "", kind: .lineProtocol, now: context.now)))]
        case .query(let database, let token, let query):
            return [.data(DataRequest(isWrite: false, token: token.map { tokenString($0) } ?? nil, database: value(database, .databaseName),
                                      payload: query.map { value($0, .query) } ?? "SELECT 1"))]
        }
    }

    /// Every value of a request that names a database.
    static func databaseValues(in request: APIRequest) -> [APIValue] {
        switch request {
        case .createDatabaseToken(_, let permissions, _): permissions.map(\.resource)
        case .updateDatabaseToken(_, _, let permissions): (permissions ?? []).map(\.resource)
        case .updateDatabase(let name, _, _, _), .deleteDatabase(let name), .renameDatabase(let name, _): [name]
        case .write(let database, _, _), .query(let database, _, _): [database]
        default: []
        }
    }

    /// The request in the form reports print, with the same kinds as influxctl's.
    static func summary(of request: APIRequest) -> RequestSummary {
        func text(_ value: APIValue) -> RequestValue { .text(value.text) }
        func grants(_ permissions: [APIPermission], _ action: String) -> RequestValue {
            .list(permissions.filter { $0.action.text == action }.map(\.resource.text))
        }
        switch request {
        case .createDatabaseToken(let description, let permissions, let expiresAt):
            var fields: [RequestSummary.Field] = [.init("readDatabases", grants(permissions, "read")), .init("writeDatabases", grants(permissions, "write")),
                                                  .init("description", text(description))]
            if let expiresAt { fields.append(.init("expiresAt", text(expiresAt))) }
            return RequestSummary(kind: "token.create", fields: fields)
        case .listDatabaseTokens: return RequestSummary(kind: "token.list")
        case .getDatabaseToken(let id): return RequestSummary(kind: "token.get", fields: [.init("id", text(id))])
        case .updateDatabaseToken(let id, let description, let permissions):
            var fields: [RequestSummary.Field] = [.init("id", text(id))]
            if let permissions { fields += [.init("readDatabases", grants(permissions, "read")), .init("writeDatabases", grants(permissions, "write"))] }
            if let description { fields.append(.init("description", text(description))) }
            return RequestSummary(kind: "token.update", fields: fields)
        case .deleteDatabaseToken(let id): return RequestSummary(kind: "token.revoke", fields: [.init("ids", .list([id.text]))])
        case .createDatabase(let name, _, _, _): return RequestSummary(kind: "database.create", fields: [.init("name", text(name))])
        case .listDatabases: return RequestSummary(kind: "database.list")
        case .updateDatabase(let name, _, _, _): return RequestSummary(kind: "database.update", fields: [.init("name", text(name))])
        case .deleteDatabase(let name): return RequestSummary(kind: "database.delete", fields: [.init("names", .list([name.text]))])
        case .renameDatabase(let name, let newName): return RequestSummary(kind: "database.rename", fields: [.init("from", text(name)), .init("to", text(newName))])
        case .undeleteDatabase(let id): return RequestSummary(kind: "database.undelete", fields: [.init("id", text(id))])
        case .write(let database, _, _): return RequestSummary(kind: "write", fields: [.init("database", text(database))])
        case .query(let database, _, _): return RequestSummary(kind: "query", fields: [.init("database", text(database))])
        }
    }

    // MARK: Values

    /// The placeholder a value stands for: `<NAME>`, a declared bare name, or a shell value.
    private func placeholderKey(_ value: APIValue) -> String? {
        if value.isUnknown { return value.text }
        let text = value.text
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2, PlaceholderCheck.isBareUpperSnake(String(text.dropFirst().dropLast())) || text.dropFirst().dropLast().allSatisfy(\.isUppercase) {
            return String(text.dropFirst().dropLast())
        }
        return declared.declaration(matching: text) == nil ? nil : text
    }

    mutating func value(_ value: APIValue, _ kind: ValueKind) -> String {
        guard let key = placeholderKey(value) else { return value.text }
        return bindings.value(forKey: key, kind: kind, now: context.now)
    }

    private mutating func tokenID(_ value: APIValue) -> String {
        let key = placeholderKey(value) ?? value.text
        if let bound = bindings.value(forKey: key) { return bound }
        if placeholderKey(value) == nil, value.text == context.latestTokenID { return value.text }
        guard let latest = context.latestTokenID else { return key }
        bindings.bind(key, to: latest)
        return latest
    }

    private mutating func tokenString(_ value: APIValue) -> String? {
        guard placeholderKey(value) != nil else { return value.text }
        return context.latestSecret ?? self.value(value, .tokenString)
    }

    private mutating func permissions(_ permissions: [APIPermission]) -> [Permission] {
        permissions.compactMap { permission in
            guard let action = Action(rawValue: permission.action.text) else { return nil }
            let name = value(permission.resource, .databaseName)
            return Permission(action: action, resource: name == "*" ? .all : .database(name))
        }
    }
}
