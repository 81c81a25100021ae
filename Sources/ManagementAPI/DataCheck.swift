import Diagnostics
import ShellSyntax

/// A data API endpoint: where line protocol is written or queries are sent.
struct DataEndpoint {
    enum Kind { case write, query }

    var path: [String]
    var methods: [String]
    var kind: Kind
    /// The query parameter naming the database: `bucket` for v2 writes, `db` otherwise.
    var databaseParameter: String
    /// True for the v1 endpoints, which also take the token as the `p` parameter or `-u user:token`.
    var acceptsPasswordToken: Bool

    var displayPath: String { "/" + path.joined(separator: "/") }

    static let all: [DataEndpoint] = [
        DataEndpoint(path: ["api", "v2", "write"], methods: ["POST"], kind: .write, databaseParameter: "bucket", acceptsPasswordToken: false),
        DataEndpoint(path: ["write"], methods: ["POST"], kind: .write, databaseParameter: "db", acceptsPasswordToken: true),
        DataEndpoint(path: ["query"], methods: ["GET", "POST"], kind: .query, databaseParameter: "db", acceptsPasswordToken: true),
        DataEndpoint(path: ["api", "v3", "write_lp"], methods: ["POST"], kind: .write, databaseParameter: "db", acceptsPasswordToken: false),
        DataEndpoint(path: ["api", "v3", "query_sql"], methods: ["GET", "POST"], kind: .query, databaseParameter: "db", acceptsPasswordToken: false),
        DataEndpoint(path: ["api", "v3", "query_influxql"], methods: ["GET", "POST"], kind: .query, databaseParameter: "db", acceptsPasswordToken: false),
    ]

    /// The ports on which an InfluxDB 3 product serves the data API: 8181 (Core and Enterprise)
    /// and the HTTP(S) defaults (Cloud Dedicated, Serverless and Clustered behind their
    /// ingress). A URL that spells another port is served by something docverify does not
    /// model: 8086 is InfluxDB 1.x and 2.x, 8186 a Telegraf listener, and their `/query` and
    /// `/write` take other parameters and credentials (1.x runs with authentication off by
    /// default), so the data-API rules, written for InfluxDB 3, say nothing about them.
    static let influxDB3Ports: Set<Int> = [8181, 443, 80]

    /// False when the URL names a port no InfluxDB 3 product serves (see `influxDB3Ports`); a
    /// URL without a port, or with one only a running shell knows, may be InfluxDB 3.
    static func mayBeInfluxDB3(_ url: RequestURL) -> Bool {
        url.explicitPort.map(influxDB3Ports.contains) ?? true
    }

    /// The endpoint whose path the URL has exactly, if any.
    static func matching(_ url: RequestURL) -> DataEndpoint? {
        let texts = url.segments.map(\.text.literal)
        return all.first { $0.path.map(Optional.some) == texts }
    }
}

/// Checks one curl call to the data API and builds its typed write or query request.
struct DataCheck {
    let curl: CurlInvocation
    let url: RequestURL
    let endpoint: DataEndpoint
    private var findings: [HTTPFinding] = []
    /// False when data the page does not show (a file) may carry parameters.
    private var parametersAreKnown = true
    /// True when the query is InfluxDB 1.x server administration (`CREATE DATABASE`), which no
    /// InfluxDB 3 `/query` runs: the call is not to an InfluxDB 3 data API.
    private var isServerAdministration = false

    init(curl: CurlInvocation, url: RequestURL, endpoint: DataEndpoint) {
        self.curl = curl
        self.url = url
        self.endpoint = endpoint
    }

    mutating func run() -> APIParse {
        let request = resolveRequest()
        if isServerAdministration { return APIParse(request: nil, diagnostics: [], isAPICall: false) }
        return APIParse(request: request, diagnostics: findings.map(\.diagnostic).inSourceOrder, isAPICall: true)
    }

    /// The same checks for an HTTP request a server received, each finding with its status.
    mutating func runHTTP() -> (request: APIRequest?, findings: [HTTPFinding]) {
        let request = resolveRequest()
        return (request, findings)
    }

    private mutating func resolveRequest() -> APIRequest? {
        let methodIsAllowed = checkMethod()
        let parameters = collectParameters()
        if endpoint.kind == .query, let query = parameters.last(where: { $0.name == "q" })?.value, Self.isServerAdministration(query.text) {
            isServerAdministration = true
            findings = []
            return nil
        }
        let token = findToken(parameters)
        let database = checkDatabase(parameters)
        guard methodIsAllowed, let database else { return nil }
        return switch endpoint.kind {
        case .write: .write(database: database, token: token, lineProtocol: lineProtocol())
        case .query: .query(database: database, token: token, query: parameters.last { $0.name == "q" }?.value)
        }
    }

    /// InfluxQL statements that act on the server rather than on one database (databases,
    /// users and privileges): an InfluxDB 1.x `/query` runs them without `db`; the InfluxDB 3
    /// products manage databases and tokens elsewhere (influxctl, the Management API,
    /// `influxdb3`), so a call that sends one is written for InfluxDB 1.x.
    static func isServerAdministration(_ query: String) -> Bool {
        let words = query.split(whereSeparator: \.isWhitespace).prefix(2).map { $0.uppercased() }
        guard let first = words.first else { return false }
        let second = words.count > 1 ? words[1] : ""
        switch first {
        case "GRANT", "REVOKE": return true
        case "CREATE", "DROP": return second == "DATABASE" || second == "USER"
        case "SHOW": return second == "DATABASES" || second == "USERS" || second == "GRANTS"
        case "SET": return second == "PASSWORD"
        default: return false
        }
    }

    private mutating func report(_ rule: Rule, _ message: String, at range: SourceRange, suggestion: String? = nil, status: Int = 400) {
        findings.append(HTTPFinding(status: status, diagnostic: Diagnostic(rule: rule, range: range, message: message, suggestion: suggestion)))
    }

    private mutating func checkMethod() -> Bool {
        if curl.methodWord?.hasUnknownParts == true || endpoint.methods.contains(curl.method) { return true }
        let allowed = SchemaReader.list(endpoint.methods, joinedBy: "and")
        let message = "\(curl.method) is not allowed on \(endpoint.displayPath) (the data API answers 405 Method Not Allowed); it allows \(allowed)"
        if let methodWord = curl.methodWord {
            report(.apiUnknownEndpoint, message, at: methodWord.range, suggestion: endpoint.methods.first { $0 == curl.method.uppercased() } ?? endpoint.methods[0], status: 405)
        } else {
            let hint = endpoint.kind == .write ? "; a write sends line protocol with --data-binary" : ""
            report(.apiUnknownEndpoint, message + " (curl sends \(curl.method) when no option sets a method)" + hint, at: url.word.range, status: 405)
        }
        return false
    }

    /// The URL's query parameters, then those of the data: all of it with `-G`, and form data
    /// or a JSON body's top-level strings for queries sent with POST.
    private mutating func collectParameters() -> [(name: String, value: APIValue)] {
        var parameters = url.query.map { ($0.name, $0.apiValue) }
        let dataIsParameters = curl.sendsDataInQuery || endpoint.kind == .query
        guard dataIsParameters else { return parameters }
        for data in curl.dataArguments {
            guard let word = data.word, !data.isFile else {
                parametersAreKnown = false
                continue
            }
            let text = ShellText(word)
            if !curl.sendsDataInQuery, text.trimmed.hasPrefix("{") {
                parameters += jsonParameters(word)
                continue
            }
            let pieces = data.isURLEncoded ? [text] : text.split(separator: "&")
            for piece in pieces {
                guard let equals = piece.firstIndex(of: "=") else { continue }
                let value = piece.dropFirst(equals + 1)
                let range = value.range ?? SourceRange(start: piece.elements[equals].range.end, length: 0)
                parameters.append((piece[0..<equals].display, APIValue(text: value.display, range: range, isUnknown: value.hasUnknownParts)))
            }
        }
        return parameters
    }

    /// The string members of a JSON query body (`{"db": ..., "q": ...}`); invalid JSON is reported.
    private mutating func jsonParameters(_ word: Word) -> [(name: String, value: APIValue)] {
        switch PositionedJSON.parse(word) {
        case .failure(let error):
            report(.apiInvalidJSON, "the request body is not JSON: \(error.message)", at: error.range)
            parametersAreKnown = false
            return []
        case .success(let json):
            guard case .object(let members) = json.value else { return [] }
            return members.compactMap { member in
                switch member.value.value {
                case .string(let text, let hasUnknownParts): (member.key, APIValue(text: text, range: member.value.range, isUnknown: hasUnknownParts))
                case .unknown(let source): (member.key, APIValue(text: source, range: member.value.range, isUnknown: true))
                default: nil
                }
            }
        }
    }

    private mutating func checkDatabase(_ parameters: [(name: String, value: APIValue)]) -> APIValue? {
        guard let database = parameters.last(where: { $0.name == endpoint.databaseParameter })?.value else {
            if parametersAreKnown {
                report(.apiSchema, "\(endpoint.displayPath) needs the `\(endpoint.databaseParameter)` query parameter naming the database (the data API answers 400 Bad Request without it)",
                       at: url.word.range)
            }
            return nil
        }
        if !database.isUnknown, let problem = ValueRules.databaseNameProblem(ValueRules.percentDecoded(database.text)) {
            report(.apiSchema, "`\(endpoint.databaseParameter)=\(database.text)` is not a database name: it \(problem)", at: database.range)
            return nil
        }
        return database
    }

    /// The token from `Authorization: Token|Bearer X`, or for v1 endpoints from `-u user:X` or
    /// `p=X`; reports a missing one.
    private mutating func findToken(_ parameters: [(name: String, value: APIValue)]) -> APIValue? {
        let facts = HeaderFacts(curl: curl)
        var hasCredentials = false
        for authorization in facts.authorizations.reversed() {
            hasCredentials = true
            guard let scheme = authorization.scheme?.lowercased(), scheme == "token" || scheme == "bearer" else { continue }
            let credentials = authorization.credentials
            guard let range = credentials.range else { continue }
            return APIValue(text: credentials.display, range: range, isUnknown: credentials.hasUnknownParts)
        }
        if endpoint.acceptsPasswordToken {
            if let user = curl.user {
                let text = ShellText(user)
                let password = text.firstIndex(of: ":").map { text.dropFirst($0 + 1) } ?? ShellText([])
                if let range = password.range {
                    return APIValue(text: password.display, range: range, isUnknown: password.hasUnknownParts)
                }
                if !hasCredentials, parameters.allSatisfy({ $0.name != "p" }) {
                    report(.apiMissingHeader, "`\(text.display)` gives curl a user and no password: the data API takes the database token as the password (`user:TOKEN`) and answers 401 Unauthorized without one",
                           at: user.range, suggestion: "--user \"\(text.display):DATABASE_TOKEN\"", status: 401)
                    return nil
                }
            }
            if let password = parameters.last(where: { $0.name == "p" })?.value { return password }
        }
        if !hasCredentials, facts.namesAreKnown {
            report(.apiMissingHeader, "no `Authorization` header: the data API answers 401 Unauthorized without a database token",
                   at: curl.command.words.first?.range ?? curl.command.range, suggestion: "--header \"Authorization: Bearer DATABASE_TOKEN\"", status: 401)
        }
        return nil
    }

    /// The body of a write: the data options' text, joined as curl joins them.
    private func lineProtocol() -> APIValue? {
        let data = curl.sendsDataInQuery ? [] : curl.dataArguments
        let words = data.compactMap(\.word)
        guard let first = words.first, let last = words.last else { return nil }
        let isUnknown = data.contains { $0.isFile } || words.contains { $0.hasUnknownParts }
        return APIValue(text: words.map(\.displayValue).joined(separator: "&"), range: first.range.union(last.range), isUnknown: isUnknown)
    }
}
