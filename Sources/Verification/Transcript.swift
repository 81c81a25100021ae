import SimulatedCluster

/// One-line descriptions of simulated exchanges, for `docverify explain`.
enum Transcript {
    static func describe(_ request: ManagementRequest) -> String {
        switch request {
        case .createDatabaseToken(let description, let permissions, let expiresAt):
            let grants = permissions.map { "\($0.action.rawValue):\($0.resource)" }.joined(separator: " ")
            return "create database token \"\(description)\" [\(grants)]" + (expiresAt.map { " expires \($0.rfc3339)" } ?? "")
        case .listDatabaseTokens(let includeRevoked): return "list database tokens" + (includeRevoked ? " (with revoked)" : "")
        case .getDatabaseToken(let id, _): return "get database token \(id)"
        case .updateDatabaseToken(let id, _, _): return "update database token \(id)"
        case .deleteDatabaseToken(let id): return "revoke database token \(id)"
        case .createDatabase(let settings): return "create database \(settings.name)"
        case .listDatabases: return "list databases"
        case .updateDatabase(let name, _, _, _): return "update database \(name)"
        case .deleteDatabase(let name): return "delete database \(name)"
        case .renameDatabase(let from, let to): return "rename database \(from) to \(to)"
        case .undeleteDatabase(let name): return "undelete database \(name)"
        case .createManagementToken(let description, _): return "create management token \"\(description)\""
        case .listManagementTokens: return "list management tokens"
        case .revokeManagementToken(let id): return "revoke management token \(id)"
        }
    }

    static func describe(_ output: CommandOutput) -> String {
        var parts = ["exit \(output.exitCode)"]
        if !output.stdout.isEmpty { parts.append("stdout:\n\(output.stdout)") }
        if !output.stderr.isEmpty { parts.append("stderr:\n\(output.stderr)") }
        return parts.joined(separator: "\n")
    }
}
