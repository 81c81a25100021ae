import Diagnostics
import ShellSyntax

/// Which API an HTTP request addresses.
public enum APIKind: String, Hashable, Sendable {
    /// `/api/v0/...`: databases and database tokens.
    case management
    /// The write and query endpoints: `/api/v2/write`, `/write`, `/query`, `/api/v3/...`.
    case data
}

/// A finding on an HTTP request, with the status the API answers it with.
public struct HTTPFinding: Hashable, Sendable {
    /// 400 bad value or body, 401 no credentials, 404 unknown path, 405 method not allowed,
    /// 415 body not labelled JSON.
    public var status: Int
    /// The finding, positioned in the request written out as text: line 1 is `METHOD target`,
    /// then one line per header (`Name: value`), a blank line, and the body.
    public var diagnostic: Diagnostic
    /// Where the finding points in the body (line 1, column 1 is the body's first character);
    /// nil when it points at the request line or a header.
    public var bodyPosition: SourcePosition?

    public init(status: Int, diagnostic: Diagnostic, bodyPosition: SourcePosition? = nil) {
        self.status = status
        self.diagnostic = diagnostic
        self.bodyPosition = bodyPosition
    }

    /// The message, followed by the body position when there is one:
    /// `the request body is not JSON: ... (body line 1, column 17)`.
    public var message: String {
        guard let bodyPosition else { return diagnostic.message }
        return diagnostic.message + " (body line \(bodyPosition.line), column \(bodyPosition.column))"
    }
}

/// The result of reading one HTTP request as a Management API or data API call.
public struct HTTPRequestParse: Hashable, Sendable {
    /// The API the path belongs to; nil for a path of neither (the finding is then a 404).
    public var kind: APIKind?
    /// The typed request, when the checks allow one (see `APIParse.request`). Values taken from
    /// the URL are percent-decoded, and `+` reads as a space in query and form values.
    public var request: APIRequest?
    /// Every finding, ordered by position.
    public var findings: [HTTPFinding]

    public init(kind: APIKind?, request: APIRequest?, findings: [HTTPFinding]) {
        self.kind = kind
        self.request = request
        self.findings = findings
    }

    /// The statuses in the order an API answers them: the route (404, then 405), then the
    /// credentials (401), the media type (415) and the content (400).
    public static let statusPrecedence = [404, 405, 401, 415, 400]

    /// The finding the API answers with: the earliest finding of the first status in
    /// `statusPrecedence`; nil when nothing is wrong.
    public var refusal: HTTPFinding? {
        for status in Self.statusPrecedence {
            if let finding = findings.first(where: { $0.status == status }) { return finding }
        }
        return findings.first
    }
}

extension APIParser {
    /// Reads an HTTP request as a server receives it (method, request target with its query,
    /// headers, body text) with the checks curl examples get: endpoint and method, path
    /// parameters, content type, JSON syntax and the request schema. The Authorization header
    /// of a Management API call is left to the server, which must check the token anyway;
    /// data API calls read their token as curl examples do (`Authorization: Token|Bearer`, or
    /// `p=` on the v1 endpoints).
    public static func parse(method: String, target: String, headers: [(name: String, value: String)], body: String) -> HTTPRequestParse {
        let message = HTTPRequestText(method: method, target: target, headers: headers, body: body)
        let url = RequestURL(message.target)
        let kind: APIKind?
        let result: (request: APIRequest?, findings: [HTTPFinding])
        if let route = ManagementRoute(url) {
            var check = ManagementCheck(curl: message.invocation, url: url, route: route, isHTTP: true)
            kind = .management
            result = check.runHTTP()
        } else if let endpoint = DataEndpoint.matching(url) {
            var check = DataCheck(curl: message.invocation, url: url, endpoint: endpoint)
            kind = .data
            result = check.runHTTP()
        } else {
            kind = nil
            result = (nil, [HTTPFinding(status: 404, diagnostic: Diagnostic(
                rule: .apiUnknownEndpoint, range: message.target.range,
                message: "no API endpoint at \(message.path): the Management API is under /api/v0 (/tokens, /databases) and the data API at /api/v2/write, /write, /query and /api/v3/write_lp, query_sql and query_influxql"
            ))])
        }
        let findings = result.findings.map { finding in
            var finding = finding
            finding.bodyPosition = message.bodyPosition(of: finding.diagnostic.range.start)
            return finding
        }
        let decodesFormBody = kind == .data && result.request?.isQuery == true && !message.bodyIsJSON
        let request = result.request?.mappingValues { message.decoded($0, decodingBody: decodesFormBody) }
        return HTTPRequestParse(kind: kind, request: request, findings: findings.sorted { lhs, rhs in
            let (left, right) = (lhs.diagnostic, rhs.diagnostic)
            return (left.range.start, left.rule.id, left.message) < (right.range.start, right.rule.id, right.message)
        })
    }

    /// The API a request target (`/api/v0/tokens`, `/write?db=x`) belongs to, from its path alone.
    public static func kind(ofTarget target: String) -> APIKind? {
        let url = RequestURL(HTTPRequestText.word(target, at: SourcePosition(line: 1, column: 1)))
        if ManagementRoute(url) != nil { return .management }
        return DataEndpoint.matching(url) == nil ? nil : .data
    }
}

/// An HTTP request written out as text (`METHOD target`, the headers one per line, a blank
/// line, the body) and read as the curl invocation that would send it, so that every check
/// and every position works as for a curl example.
struct HTTPRequestText {
    let target: Word
    let invocation: CurlInvocation
    /// The line the body starts on.
    let bodyLine: Int
    /// The column of the `?` that starts the target's query, if it has one.
    let queryColumn: Int?
    let path: String
    let bodyIsJSON: Bool

    init(method: String, target: String, headers: [(name: String, value: String)], body: String) {
        let methodWord = Self.word(method, at: SourcePosition(line: 1, column: 1))
        let targetColumn = method.unicodeScalars.count + 2
        self.target = Self.word(target, at: SourcePosition(line: 1, column: targetColumn))
        let headerWords = headers.enumerated().map { offset, header in
            CurlHeader(name: header.name, value: header.value,
                       word: Self.word(header.name + ": " + header.value, at: SourcePosition(line: offset + 2, column: 1)))
        }
        bodyLine = headers.count + 3
        let bodyWord = Self.word(body, at: SourcePosition(line: bodyLine, column: 1))
        let data = body.isEmpty ? [] : [CurlBody(flag: "--data-binary", flagRange: bodyWord.range, word: bodyWord, isFile: false)]
        let command = SimpleCommand(assignments: [], words: [methodWord, self.target] + headerWords.map(\.word), redirections: [],
                                    range: SourceRange(start: methodWord.range.start, end: bodyWord.range.end), separator: .end)
        invocation = CurlInvocation(method: method, methodWord: methodWord, url: self.target, headers: headerWords,
                                    body: data.first, dataArguments: data, command: command)
        let scalars = Array(target.unicodeScalars)
        let queryOffset = scalars.firstIndex(of: "?")
        queryColumn = queryOffset.map { targetColumn + $0 }
        path = String(String.UnicodeScalarView(scalars[..<(queryOffset ?? scalars.count)]))
        bodyIsJSON = body.unicodeScalars.first { !isBlankOrNewline($0) } == "{"
    }

    /// A literal word whose scalars stand one after another from `start` (a line feed starts a
    /// new line at column 1).
    static func word(_ text: String, at start: SourcePosition) -> Word {
        var positions = ScalarPositions()
        var position = start
        for scalar in text.unicodeScalars {
            positions.append(position)
            position = scalar == "\n" ? SourcePosition(line: position.line + 1, column: 1) : position.advanced(by: 1)
        }
        let parts: [WordPart] = text.isEmpty ? [] : [.literal(text, positions: positions)]
        return Word(raw: text, range: SourceRange(start: start, end: position), parts: parts)
    }

    /// `position` counted from the start of the body, when it is in the body.
    func bodyPosition(of position: SourcePosition) -> SourcePosition? {
        guard position.line >= bodyLine else { return nil }
        return SourcePosition(line: position.line - bodyLine + 1, column: position.column)
    }

    /// The value as the server means it: URL path values percent-decoded, query values (and,
    /// with `decodingBody`, form body values) also with `+` for a space.
    func decoded(_ value: APIValue, decodingBody: Bool) -> APIValue {
        let start = value.range.start
        let isQuery: Bool
        if start.line == 1, start.column >= target.range.start.column {
            isQuery = queryColumn.map { start.column > $0 } ?? false
        } else if decodingBody, start.line >= bodyLine {
            isQuery = true
        } else {
            return value
        }
        var decoded = value
        let text = isQuery ? value.text.replacingPlus() : value.text
        decoded.text = ValueRules.percentDecoded(text)
        return decoded
    }
}

extension String {
    fileprivate func replacingPlus() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "+" ? " " : $0 }))
    }
}

extension APIRequest {
    var isQuery: Bool {
        if case .query = self { return true }
        return false
    }

    /// The same request with every value passed through `transform`.
    func mappingValues(_ transform: (APIValue) -> APIValue) -> APIRequest {
        func permissions(_ list: [APIPermission]) -> [APIPermission] {
            list.map { APIPermission(action: transform($0.action), resource: transform($0.resource)) }
        }
        switch self {
        case .createDatabaseToken(let description, let list, let expiresAt):
            return .createDatabaseToken(description: transform(description), permissions: permissions(list), expiresAt: expiresAt.map(transform))
        case .listDatabaseTokens, .listDatabases:
            return self
        case .getDatabaseToken(let id):
            return .getDatabaseToken(id: transform(id))
        case .updateDatabaseToken(let id, let description, let list):
            return .updateDatabaseToken(id: transform(id), description: description.map(transform), permissions: list.map(permissions))
        case .deleteDatabaseToken(let id):
            return .deleteDatabaseToken(id: transform(id))
        case .createDatabase(let name, let maxTables, let maxColumnsPerTable, let retentionPeriod):
            return .createDatabase(name: transform(name), maxTables: maxTables, maxColumnsPerTable: maxColumnsPerTable, retentionPeriod: retentionPeriod)
        case .updateDatabase(let name, let maxTables, let maxColumnsPerTable, let retentionPeriod):
            return .updateDatabase(name: transform(name), maxTables: maxTables, maxColumnsPerTable: maxColumnsPerTable, retentionPeriod: retentionPeriod)
        case .deleteDatabase(let name):
            return .deleteDatabase(name: transform(name))
        case .renameDatabase(let name, let newName):
            return .renameDatabase(name: transform(name), newName: transform(newName))
        case .undeleteDatabase(let id):
            return .undeleteDatabase(id: transform(id))
        case .write(let database, let token, let lineProtocol):
            return .write(database: transform(database), token: token.map(transform), lineProtocol: lineProtocol.map(transform))
        case .query(let database, let token, let query):
            return .query(database: transform(database), token: token.map(transform), query: query.map(transform))
        }
    }
}
