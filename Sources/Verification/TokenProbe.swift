import Diagnostics
import InfluxctlModel
import SimulatedCluster
import TokenCore

/// What showed a token's creation: influxctl's printed output, or the Management API's answer.
enum CreateEvidence: Sendable {
    case cli(CommandOutput, CLIOutputFormat)
    case api(ManagementResponse)
}

/// The verdict of one behaviour check: a failure message, or nil when it held.
struct ProbeResult: Sendable {
    var rule: Rule
    var failure: String?
    var detail: String?
}

/// Runs the documented token behaviours against copies of the page's cluster that hold only
/// the token probed, so probing never changes what the page's own later commands see and
/// costs the same however many tokens the page made.
struct TokenProbe {
    let cluster: SimulatedCluster
    let renderer: InfluxctlRenderer
    let behaviour: ReleaseBehaviour
    /// The release as influxctl prints it (`2.12.1`).
    let release: String
    /// Every database the page names, plus one it never names.
    let databases: ProbeDatabases
    /// The details that depend only on the release, shared by every token of the page.
    let texts: ProbeTexts
    /// Whether `transcript` records each probe (for `docverify explain`).
    let recordsTranscript: Bool
    private(set) var transcript: [TranscriptEntry] = []

    init(token id: String, on cluster: SimulatedCluster, renderer: InfluxctlRenderer, behaviour: ReleaseBehaviour, release: String,
         databases: ProbeDatabases, texts: ProbeTexts, recordsTranscript: Bool) {
        self.cluster = TokenID(id).map { cluster.isolating(databaseToken: $0) } ?? cluster
        self.renderer = renderer
        self.behaviour = behaviour
        self.release = release
        self.databases = databases
        self.texts = texts
        self.recordsTranscript = recordsTranscript
    }

    /// The "documented wait": the docs promise a token works after "a few seconds to a few minutes".
    static let documentedSyncBound: Duration = .seconds(180)

    mutating func checkCreated(_ token: PageToken, evidence: CreateEvidence) -> [ProbeResult] {
        let output = switch evidence {
        case .cli(let output, let format): createOutput(token, output: output, format: format)
        case .api(let response): createResponse(token, response: response)
        }
        let secret = PresentedSecret(token.secret)
        var results = [
            output,
            syncDelay(token, secret),
            permissions(token, secret),
            oneTimeDisplay(token),
            immutable(token),
        ]
        if token.expiresAt != nil { results.append(expiry(token, secret)) }
        return results
    }

    // MARK: token.create-output

    private func createOutput(_ token: PageToken, output: CommandOutput, format: CLIOutputFormat) -> ProbeResult {
        var missing: [String] = []
        if output.exitCode != 0 { missing.append("exit code 0 (got \(output.exitCode))") }
        switch format {
        case .json:
            if !TextSearch.contains(output.stdout, token.id) { missing.append("the token ID in the JSON on stdout") }
        case .table:
            let endsALine = output.stdout.hasSuffix(token.secret) || TextSearch.contains(output.stdout, token.secret + "\n")
            if !endsALine { missing.append("the token string on stdout") }
            if behaviour.tokenCreateOutput != .warningsAndString, !TextSearch.contains(output.stdout, token.id) {
                missing.append("the token ID on stdout")
            }
        }
        if missing.isEmpty {
            return ProbeResult(rule: .tokenCreateOutput, detail: format == .json ? texts.createOutputJSON : texts.createOutputTable)
        }
        return ProbeResult(rule: .tokenCreateOutput, failure: "influxctl \(release) token create output lacks \(missing.joined(separator: ", "))")
    }

    /// The API's create answer: 200 with the ID and the `accessToken`, the only answer that has it.
    private func createResponse(_ token: PageToken, response: ManagementResponse) -> ProbeResult {
        let json = response.json()
        var missing: [String] = []
        if response.status != 200 { missing.append("status 200 (got \(response.status))") }
        if !TextSearch.contains(json, "\"accessToken\"") || !TextSearch.contains(json, token.secret) { missing.append("the accessToken") }
        if !TextSearch.contains(json, token.id) { missing.append("the token ID") }
        if missing.isEmpty {
            return ProbeResult(rule: .tokenCreateOutput, detail: "the Management API answers 200 with the token's details and its accessToken")
        }
        return ProbeResult(rule: .tokenCreateOutput, failure: "the Management API's create answer lacks \(missing.joined(separator: ", "))")
    }

    // MARK: token.sync-delay

    private mutating func syncDelay(_ token: PageToken, _ secret: PresentedSecret) -> ProbeResult {
        var copy = cluster
        let first = use(token, secret, on: &copy)
        guard let synced = TokenID(token.id).flatMap({ copy.syncInstant(of: $0) }) else {
            return ProbeResult(rule: .tokenSyncDelay, failure: "the cluster has no synchronization time for the new token")
        }
        let delay = synced - copy.now
        if first != 401 {
            return ProbeResult(rule: .tokenSyncDelay, failure: "the first use right after creation answered \(first), not 401 Unauthorized")
        }
        if delay > Self.documentedSyncBound {
            return ProbeResult(rule: .tokenSyncDelay, failure: "the token took \(Self.seconds(delay)) to synchronize, longer than the documented few minutes")
        }
        copy.advance(by: delay)
        let retry = use(token, secret, on: &copy)
        if retry == 401 {
            return ProbeResult(rule: .tokenSyncDelay, failure: "a retry after waiting \(Self.seconds(delay)) was still refused with 401")
        }
        return ProbeResult(rule: .tokenSyncDelay, detail: "refused with 401 right after creation; accepted (\(retry)) after waiting \(Self.seconds(delay))")
    }

    // MARK: token.permissions

    private mutating func permissions(_ token: PageToken, _ secret: PresentedSecret) -> ProbeResult {
        var copy = synchronized(token)
        if let expiry = token.expiresAt, expiry <= copy.now {
            return ProbeResult(rule: .tokenPermissions, failure: "the token expires (\(expiry.rfc3339)) before it has synchronized, so it never grants anything")
        }
        var wrong: [String] = []
        let probed = databases.probed(for: token.permissions)
        for database in probed {
            for action in [Action.read, .write] {
                let granted = token.permissions.contains { $0.action == action && ($0.resource == .all || $0.resource == .database(database)) }
                let status = probe(action, database: database, secret: secret, on: &copy)
                // 404 comes only after authorization: the token may, the database just is not there yet.
                let allowed = [200, 204, 404].contains(status)
                if allowed != granted {
                    wrong.append("\(action.rawValue) on \(database) was \(allowed ? "allowed" : "denied (\(status))") but the flags \(granted ? "grant" : "do not grant") it")
                }
            }
        }
        if wrong.isEmpty {
            return ProbeResult(rule: .tokenPermissions, detail: "probed read and write on \(databases.describe(probed)): allowed exactly where granted")
        }
        return ProbeResult(rule: .tokenPermissions, failure: wrong.joined(separator: "; "))
    }

    // MARK: token.one-time-display

    private mutating func oneTimeDisplay(_ token: PageToken) -> ProbeResult {
        var copy = cluster
        var leaks: [String] = []
        let reads: [(String, ManagementRequest)] = [
            ("token list", .listDatabaseTokens(includeRevoked: true)),
            ("token get", .getDatabaseToken(id: token.id, includeRevoked: true)),
        ]
        let revealingPart = Self.revealingPart(of: token.secret)
        for (name, request) in reads {
            let response = copy.handle(request)
            if let revealingPart, !response.containsText(where: { TextSearch.contains($0, revealingPart) }) { continue }
            if TextSearch.contains(response.json(), token.secret) { leaks.append("the Management API's \(name == "token list" ? "list" : "get") response") }
            for format in [CLIOutputFormat.table, .json] {
                let output = renderer.render(request, response, format: format)
                if TextSearch.contains(output.stdout, token.secret) || TextSearch.contains(output.stderr, token.secret) {
                    leaks.append("influxctl \(name)\(format == .json ? " --format json" : "")")
                }
            }
        }
        if let stored = record(of: token, in: copy), Self.holds(token.secret, in: stored) {
            leaks.append("the cluster's stored token record")
        }
        if leaks.isEmpty {
            return ProbeResult(rule: .tokenOneTimeDisplay, detail: "the token string appears in no list or get output, and the cluster stores only its SHA-512 digest")
        }
        return ProbeResult(rule: .tokenOneTimeDisplay, failure: "the token string appears again in \(leaks.joined(separator: ", "))")
    }

    /// What a response's texts must hold for some output of it (the API's JSON, influxctl's
    /// table and JSON) to show `secret`, so that a response without it needs no rendering; nil
    /// when `secret` is no well-formed token string. The outputs set those texts, escaped or
    /// cut into lines, amid fixed text, numbers and timestamps, none of which holds `piv1_`;
    /// an escape can end in the string's first character (`\u001a`) but not go on with the
    /// rest. So an output shows the string only if a text holds all of it after its first character.
    private static func revealingPart(of secret: String) -> String? {
        guard TokenSecret.isWellFormed(secret) else { return nil }
        return String(decoding: secret.utf8.dropFirst(), as: UTF8.self)
    }

    // MARK: token.immutable

    private mutating func immutable(_ token: PageToken) -> ProbeResult {
        var copy = cluster
        let before = record(of: token, in: copy)
        let otherDatabase = databases.unnamed
        let attempts: [(String, ManagementRequest)] = [
            ("the description", .updateDatabaseToken(id: token.id, description: token.description + " (changed)", permissions: nil)),
            ("the permissions", .updateDatabaseToken(id: token.id, description: nil, permissions: [Permission(action: .write, resource: .database(otherDatabase))])),
        ]
        var changed: [String] = []
        for (what, request) in attempts {
            var attempt = copy
            let status = attempt.handle(request).status
            let after = record(of: token, in: attempt)
            if status < 300 || after?.description != before?.description || after?.permissions != before?.permissions {
                changed.append(what)
            }
            if behaviour.tokenUpdate == .none { copy = attempt }
        }
        switch behaviour.tokenUpdate {
        case .none:
            if changed.isEmpty {
                return ProbeResult(rule: .tokenImmutable, detail: texts.immutable)
            }
            return ProbeResult(rule: .tokenImmutable, failure: "influxctl \(release) documents no token update, yet \(changed.joined(separator: " and ")) of the token could be changed")
        case .descriptionOnly:
            if changed == ["the description"] {
                return ProbeResult(rule: .tokenImmutable, detail: texts.immutable)
            }
            return ProbeResult(rule: .tokenImmutable, failure: "influxctl \(release) updates descriptions only, but the simulation changed \(changed.isEmpty ? "nothing" : changed.joined(separator: " and "))")
        case .descriptionAndPermissions:
            if changed.count == 2 {
                return ProbeResult(rule: .tokenImmutable, detail: texts.immutable)
            }
            return ProbeResult(rule: .tokenImmutable, failure: "influxctl \(release) updates descriptions and permissions, but only \(changed.isEmpty ? "nothing" : changed.joined(separator: " and ")) changed")
        }
    }

    // MARK: token.expiry

    private mutating func expiry(_ token: PageToken, _ secret: PresentedSecret) -> ProbeResult {
        guard let expiry = token.expiresAt else { return ProbeResult(rule: .tokenExpiry) }
        var copy = synchronized(token)
        if expiry > copy.now {
            let before = use(token, secret, on: &copy)
            if before == 401 {
                return ProbeResult(rule: .tokenExpiry, failure: "the token was refused before its expiry time \(expiry.rfc3339)")
            }
            copy.advance(by: expiry - copy.now)
        }
        let after = use(token, secret, on: &copy)
        if after != 401 {
            return ProbeResult(rule: .tokenExpiry, failure: "at its expiry time \(expiry.rfc3339) the token was still accepted (\(after))")
        }
        return ProbeResult(rule: .tokenExpiry, detail: "accepted until \(expiry.rfc3339), refused with 401 from that instant")
    }

    // MARK: token.revocation

    mutating func checkRevoked(_ token: PageToken) -> ProbeResult {
        var copy = synchronized(token)
        let status = use(token, PresentedSecret(token.secret), on: &copy)
        if recordsTranscript { transcript.append(TranscriptEntry(action: "use the revoked token", result: "HTTP \(status)")) }
        if status == 401 {
            return ProbeResult(rule: .tokenRevocation, detail: "the revoked token is refused with 401")
        }
        return ProbeResult(rule: .tokenRevocation, failure: "the revoked token was still accepted (\(status))")
    }

    // MARK: Probing

    /// A span of virtual time as people read it: `121.3 s`.
    static func seconds(_ duration: Duration) -> String {
        let tenths = (duration.components.seconds * 10) + duration.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// A copy of the cluster at the moment the token has synchronized.
    private func synchronized(_ token: PageToken) -> SimulatedCluster {
        var copy = cluster
        if let synced = TokenID(token.id).flatMap({ copy.syncInstant(of: $0) }), synced > copy.now {
            copy.advance(by: synced - copy.now)
        }
        return copy
    }

    /// Whether the text a stored record holds (its description and the database names of its
    /// permissions; everything else is dates, an ID and the digest's bytes) contains `secret`.
    private static func holds(_ secret: String, in record: DatabaseToken) -> Bool {
        TextSearch.contains(record.description, secret) || record.permissions.contains { permission in
            if case .database(let name) = permission.resource { TextSearch.contains(name, secret) } else { false }
        }
    }

    private func record(of token: PageToken, in cluster: SimulatedCluster) -> DatabaseToken? {
        cluster.tokenRecords.first { $0.id.rawValue == token.id }
    }

    /// Uses the token (its string presented as `secret`) the way its first permission allows
    /// (a query on an unnamed database when it grants nothing) and returns the HTTP status.
    private mutating func use(_ token: PageToken, _ secret: PresentedSecret, on cluster: inout SimulatedCluster) -> Int {
        let fallback = databases.unnamed
        guard let permission = token.permissions.first else {
            return probe(.read, database: fallback, secret: secret, on: &cluster)
        }
        let database = switch permission.resource {
        case .all: fallback
        case .database(let name): name
        }
        return probe(permission.action, database: database, secret: secret, on: &cluster)
    }

    private mutating func probe(_ action: Action, database: String, secret: PresentedSecret, on cluster: inout SimulatedCluster) -> Int {
        let response = action == .write
            ? cluster.write(token: secret, database: database, lineProtocol: "docverify_probe value=1")
            : cluster.query(token: secret, database: database, query: "SELECT * FROM docverify_probe")
        if recordsTranscript {
            transcript.append(TranscriptEntry(action: "\(action.rawValue) \(database) with the new token", result: "HTTP \(response.status)"))
        }
        return response.status
    }
}

/// The databases the permission probes may use: those the page names, in order of first use,
/// and one it never names. A token is authorized on a database by whether one of its
/// permissions names it (or all databases), never by anything else about the name, so every
/// database the token does not name answers as the unnamed one does: a probe needs the
/// databases the token names and a sample of the rest, not all of a page's databases once
/// per token, which would cost the square of a page's tokens.
struct ProbeDatabases: Sendable {
    /// The page's databases, in order of first use.
    let pageDatabases: [String]
    /// A database the page never names, probed last.
    let unnamed: String
    /// Each page database's place in `pageDatabases`.
    private let position: [String: Int]

    /// How many of the page's databases that a token does not name are probed, at most: the
    /// first ones the page uses.
    static let sampleSize = 8

    init(pageDatabases: [String], unnamed: String) {
        self.pageDatabases = pageDatabases
        self.unnamed = unnamed
        var position: [String: Int] = [:]
        position.reserveCapacity(pageDatabases.count)
        for (index, name) in pageDatabases.enumerated() where position[name] == nil {
            position[name] = index
        }
        self.position = position
    }

    /// The databases to probe for a token with `permissions`, in the page's order, the unnamed
    /// one last: the page's databases the token names, the first `sampleSize` others, and the
    /// unnamed one. On a page of at most `sampleSize` databases that is every one of them.
    func probed(for permissions: [Permission]) -> [String] {
        var chosen: Set<Int> = []
        for permission in permissions {
            if case .database(let name) = permission.resource, let index = position[name] { chosen.insert(index) }
        }
        var others = 0
        for index in pageDatabases.indices {
            guard others < Self.sampleSize else { break }
            if chosen.insert(index).inserted { others += 1 }
        }
        return chosen.sorted().map { pageDatabases[$0] } + [unnamed]
    }

    /// Where `name` is in `pageDatabases`, if the page names it.
    func position(of name: String) -> Int? { position[name] }

    /// The probed databases as the report names them: all of them when they are all the page
    /// has, else with how many of the page's databases they stand for.
    func describe(_ probed: [String]) -> String {
        let list = probed.joined(separator: ", ")
        let pageCount = probed.count - 1
        if pageCount == pageDatabases.count { return list }
        return "\(list) (\(pageCount) of the page's \(pageDatabases.count) databases: those the token names and the first \(Self.sampleSize) others)"
    }
}

/// The details of behaviour checks that held which depend only on the release: made once per
/// page, so every token's results share one copy of each.
struct ProbeTexts: Sendable {
    /// `token.create-output` with `--format json`, and with the table output.
    let createOutputJSON: String
    let createOutputTable: String
    /// `token.immutable`.
    let immutable: String

    init(release: String, behaviour: ReleaseBehaviour) {
        createOutputJSON = "influxctl \(release) prints the token details as JSON"
        let table = switch behaviour.tokenCreateOutput {
        case .idAndString: "the token ID and the token string"
        case .warningsAndString: "two warnings on stderr and the token string on stdout"
        case .detailsTableWarningsAndString: "a details table with the token ID, two warnings and the token string"
        }
        createOutputTable = "influxctl \(release) prints \(table)"
        immutable = switch behaviour.tokenUpdate {
        case .none: "influxctl \(release) has no token update, and every attempt to change the token through the API was refused"
        case .descriptionOnly: "influxctl \(release) can change a token's description, not its permissions"
        case .descriptionAndPermissions: "influxctl \(release) can change a token's description and permissions (they are replaced); its ID, string and expiry stay"
        }
    }
}
