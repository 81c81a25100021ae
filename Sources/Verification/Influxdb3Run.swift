import Diagnostics
import Influxdb3Model
import SimulatedCluster
import TokenCore

/// Runs influxdb3 commands against the page's simulated InfluxDB 3 server and checks what the
/// docs promise of its tokens: a token works for exactly what it grants, its string is shown
/// once, it expires when asked, and a regenerated or deleted token's old string is refused.
/// The permission claims of a token's `--name` and its block's prose are checked with the
/// page's other tokens when the block ends.
extension PageScenario {
    mutating func runInfluxdb3(_ invocation: Influxdb3Invocation, at range: SourceRange, block: PreparedBlock, checks: inout CheckLedger) -> [TranscriptEntry] {
        let action = "influxdb3 " + invocation.path.joined(separator: " ")
        switch invocation.path {
        case ["create", "token"]:
            return createToken(invocation, at: range, block: block, checks: &checks)
        case ["delete", "token"]:
            guard let name = invocation.value(of: "token-name")?.text else { return [] }
            let before = server.listedTokens.first { $0.name == name }
            let outcome = server.deleteToken(named: name)
            if case .success = outcome, let before, let index = tokens.firstIndex(where: { $0.id == Self.pageTokenID(before.id) }) {
                let refused = server.authorize(tokens[index].secret, .read, database: probeDatabases.unnamed)
                record([ProbeResult(rule: .tokenRevocation, failure: refused == 401 ? nil : "the deleted token \(name) is still accepted (\(refused))",
                                    detail: "the deleted token's string is refused with \(refused)")],
                       at: range, block: block.index, into: &checks)
            }
            return transcriptEntry(action, outcome.map { "deleted" })
        case ["show", "tokens"]:
            return options.recordTranscripts ? [TranscriptEntry(action: action, result: server.renderTokenList())] : []
        default:
            return options.recordTranscripts ? [TranscriptEntry(action: action, result: "not simulated")] : []
        }
    }

    private mutating func createToken(_ invocation: Influxdb3Invocation, at range: SourceRange, block: PreparedBlock, checks: inout CheckLedger) -> [TranscriptEntry] {
        let nameValue = invocation.value(of: "name")
        let expiresAt = invocation.value(of: "expiry").flatMap { HumanDuration.seconds($0.text) }.map { server.now + .seconds($0) }
        let outcome: Result<(token: InfluxDB3Server.Token, secret: String), InfluxDB3Server.Refusal>
        var oldOperatorSecret: String?
        if invocation.has("admin") {
            if invocation.has("regenerate") {
                oldOperatorSecret = tokens.last { $0.description == InfluxDB3Server.operatorName && $0.origin == .influxdb3 }?.secret
                if oldOperatorSecret == nil, case .success(let created) = server.createAdminToken(name: nil, expiresAt: nil) {
                    // A page that regenerates the operator token it never showed being made.
                    oldOperatorSecret = created.secret
                }
                outcome = server.regenerateOperatorToken()
            } else {
                outcome = server.createAdminToken(name: nameValue?.text, expiresAt: expiresAt)
            }
        } else {
            var permissions: [Permission] = []
            var system: [String] = []
            for value in invocation.values(of: "permission") {
                guard case .success(let permission) = Influxdb3Permission.parse(value.text) else { continue }
                for name in permission.names {
                    if permission.type == .system {
                        system.append(name)
                        continue
                    }
                    for action in permission.actions.compactMap(Action.init(rawValue:)) {
                        permissions.append(Permission(action: action, resource: Resource(name)))
                    }
                }
            }
            outcome = server.createResourceToken(name: nameValue?.text ?? "", permissions: permissions, systemResources: system, expiresAt: expiresAt)
        }
        guard case .success(let created) = outcome else { return transcriptEntry("influxdb3 create token", outcome.map { _ in "" }) }
        let token = PageToken(id: Self.pageTokenID(created.token.id), secret: created.secret, permissions: created.token.permissions,
                              description: created.token.name, descriptionRange: created.token.kind == .resource ? nameValue?.range : nil,
                              expiresAt: expiresAt, blockIndex: block.index, commandRange: range, origin: .influxdb3)
        if let old = oldOperatorSecret, let index = tokens.firstIndex(where: { $0.secret == old }) {
            tokens[index].secret = created.secret
            tokenIndexBySecret[created.secret] = index
        } else {
            remember(token)
        }
        var results: [ProbeResult] = [oneTimeDisplay(of: created.secret)]
        if created.token.kind == .resource { results.append(permissionProbe(token)) }
        if let expiresAt { results.append(expiryProbe(created.secret, expiresAt: expiresAt, permissions: token.permissions)) }
        if let old = oldOperatorSecret {
            let oldStatus = server.authorize(old, .read, database: probeDatabases.unnamed)
            let newStatus = server.authorize(created.secret, .read, database: probeDatabases.unnamed)
            results.append(ProbeResult(rule: .tokenRevocation, failure: oldStatus == 401 && newStatus == 200 ? nil : "--regenerate left the old operator token working (\(oldStatus))",
                                       detail: "after --regenerate the old operator token string is refused (\(oldStatus)) and the new one accepted (\(newStatus))"))
        }
        record(results, at: range, block: block.index, into: &checks)
        let kind = created.token.kind.rawValue
        return transcriptEntry("influxdb3 create token (\(kind) token \(created.token.name))", .success("the token string, shown this once"))
    }

    /// The token string appears in no `show tokens` output; the server keeps only a digest.
    private func oneTimeDisplay(of secret: String) -> ProbeResult {
        let listed = server.renderTokenList()
        return ProbeResult(rule: .tokenOneTimeDisplay, failure: listed.contains(secret) ? "`influxdb3 show tokens` prints the token string" : nil,
                           detail: "the token string appears in no `influxdb3 show tokens` output, and the server stores only its SHA-512 digest")
    }

    /// Reads and writes on the page's databases and one it never names: allowed exactly where granted.
    private func permissionProbe(_ token: PageToken) -> ProbeResult {
        let databases = probeDatabases.pageDatabases + [probeDatabases.unnamed]
        var wrong: [String] = []
        for database in databases {
            for action in Action.allCases {
                let granted = token.permissions.contains { $0.allows(action, on: database) }
                let status = server.authorize(token.secret, action, database: database)
                if (status == 200) != granted { wrong.append("\(action) on \(database) answered \(status)") }
            }
        }
        return ProbeResult(rule: .tokenPermissions, failure: wrong.isEmpty ? nil : "the token is not limited to what it grants: " + wrong.joined(separator: "; "),
                           detail: "probed read and write on \(databases.joined(separator: ", ")): allowed exactly where granted")
    }

    /// Accepted until the expiry, refused with 401 from that instant (on a copy of the server).
    private func expiryProbe(_ secret: String, expiresAt: Instant, permissions: [Permission]) -> ProbeResult {
        let database = permissions.first?.resource.rawValue == "*" ? probeDatabases.unnamed : permissions.first?.resource.rawValue ?? probeDatabases.unnamed
        let action = permissions.first?.action ?? .read
        var later = server
        let before = later.authorize(secret, action, database: database)
        later.advance(by: expiresAt - later.now)
        let after = later.authorize(secret, action, database: database)
        return ProbeResult(rule: .tokenExpiry, failure: after == 401 ? nil : "the token still works after its expiry (\(after))",
                           detail: "accepted (\(before)) until \(expiresAt.rfc3339Seconds), refused with \(after) from that instant")
    }

    private func transcriptEntry(_ action: String, _ outcome: Result<String, InfluxDB3Server.Refusal>) -> [TranscriptEntry] {
        guard options.recordTranscripts else { return [] }
        switch outcome {
        case .success(let text): return [TranscriptEntry(action: action, result: text)]
        case .failure(let refusal): return [TranscriptEntry(action: action, result: "refused: \(refusal)")]
        }
    }

    static func pageTokenID(_ id: Int) -> String { "influxdb3-token-\(id)" }
}
