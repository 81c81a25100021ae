import Diagnostics
import ShellSyntax

/// Checks one curl call (or one HTTP request a server received) to the Management API and
/// builds its typed request.
struct ManagementCheck {
    let curl: CurlInvocation
    let url: RequestURL
    let route: ManagementRoute
    /// True for an HTTP request a server received: the server checks the Authorization header
    /// itself, and the content type is checked only where the endpoint reads a body.
    let isHTTP: Bool
    /// What request bodies are checked against: the product's OpenAPI spec or the built-in model.
    let schemas: SchemaSource
    private var findings: [HTTPFinding] = []

    init(curl: CurlInvocation, url: RequestURL, route: ManagementRoute, isHTTP: Bool = false, schemas: SchemaSource = .builtIn) {
        self.curl = curl
        self.url = url
        self.route = route
        self.isHTTP = isHTTP
        self.schemas = schemas
    }

    mutating func run() -> APIParse {
        checkAuthorization()
        checkContentType()
        let request = resolveRequest()
        return APIParse(request: request, diagnostics: findings.map(\.diagnostic).inSourceOrder, isAPICall: true)
    }

    /// The checks of an HTTP request: endpoint, path parameters, content type and body.
    mutating func runHTTP() -> (request: APIRequest?, findings: [HTTPFinding]) {
        let request = resolveRequest()
        return (request, findings)
    }

    private mutating func report(_ rule: Rule, _ message: String, at range: SourceRange, suggestion: String? = nil, status: Int = 400) {
        findings.append(HTTPFinding(status: status, diagnostic: Diagnostic(rule: rule, range: range, message: message, suggestion: suggestion)))
    }

    // MARK: Headers

    private mutating func checkAuthorization() {
        let facts = HeaderFacts(curl: curl)
        guard facts.namesAreKnown else { return }
        let authorizations = facts.authorizations
        guard let last = authorizations.last else {
            report(.apiMissingHeader, "no `Authorization: Bearer` header: the Management API answers 401 Unauthorized without a management token",
                   at: curl.command.words.first?.range ?? curl.command.range, suggestion: "--header \"Authorization: Bearer MANAGEMENT_TOKEN\"", status: 401)
            return
        }
        let hasBearer = authorizations.contains { authorization in
            guard let scheme = authorization.scheme else { return true }
            return scheme.lowercased() == "bearer" && !authorization.credentials.isEmpty
        }
        guard !hasBearer else { return }
        let problem = last.scheme?.lowercased() == "bearer" ? "has no token after `Bearer`" : "does not use the `Bearer` scheme"
        report(.apiMissingHeader, "`Authorization: \(last.header.value)` \(problem): the Management API takes `Authorization: Bearer MANAGEMENT_TOKEN` and answers 401 Unauthorized otherwise",
               at: last.header.word.range, suggestion: "Authorization: Bearer MANAGEMENT_TOKEN", status: 401)
    }

    private mutating func checkContentType() {
        guard let body = curl.body, !curl.usesJSONOption else { return }
        let facts = HeaderFacts(curl: curl)
        guard facts.namesAreKnown else { return }
        guard let contentType = facts.contentType else {
            report(.apiMissingHeader, "the JSON body of \(body.flag) goes out without `Content-Type: application/json` (curl labels it application/x-www-form-urlencoded)",
                   at: body.flagRange, suggestion: "--header \"Content-Type: application/json\"", status: 415)
            return
        }
        if !contentType.isJSON {
            report(.apiMissingHeader, "`Content-Type: \(contentType.header.value)` is not JSON: the Management API reads request bodies as application/json",
                   at: contentType.header.word.range, suggestion: "Content-Type: application/json", status: 415)
        }
    }

    /// An HTTP request's body must be labelled JSON (415 Unsupported Media Type otherwise).
    private mutating func checkHTTPContentType() {
        guard curl.body != nil else { return }
        guard let contentType = HeaderFacts(curl: curl).contentType else {
            report(.apiMissingHeader, "the request body has no `Content-Type` header: the Management API reads request bodies as application/json",
                   at: curl.command.words.first?.range ?? curl.command.range, suggestion: "Content-Type: application/json", status: 415)
            return
        }
        if !contentType.isJSON {
            report(.apiMissingHeader, "`Content-Type: \(contentType.header.value)` is not JSON: the Management API reads request bodies as application/json",
                   at: contentType.header.word.range, suggestion: "Content-Type: application/json", status: 415)
        }
    }

    // MARK: Endpoint

    private mutating func resolveRequest() -> APIRequest? {
        let tail = Array(url.segments[route.tailStart...])
        let tailTexts = tail.map(\.text)
        let candidates = ManagementEndpoint.all.filter { $0.matches(tailTexts) }
        guard let firstCandidate = candidates.first else {
            reportUnknownPath(tail)
            return nil
        }
        let methodIsKnown = !(curl.methodWord?.hasUnknownParts ?? false)
        guard methodIsKnown else {
            _ = pathValues(for: firstCandidate)
            return nil
        }
        guard let endpoint = candidates.first(where: { $0.method == curl.method }) else {
            reportWrongMethod(candidates)
            return nil
        }
        guard let values = pathValues(for: endpoint) else { return nil }
        return request(for: endpoint, path: values)
    }

    private mutating func reportUnknownPath(_ tail: [RequestURL.Segment]) {
        let path = "/" + tail.map(\.text.display).joined(separator: "/")
        let known = "its endpoints are /tokens, /tokens/{tokenId}, /databases and /databases/{databaseName}[/rename|/undelete|/tables...]"
        let message = tail.isEmpty
            ? "the URL stops before an endpoint of the Management API (the API answers 404 Not Found); \(known)"
            : "no Management API endpoint at \(path) (the API answers 404 Not Found); \(known)"
        let paths = ManagementEndpoint.all.map { endpoint in
            endpoint.path.map { segment -> String? in if case .literal(let text) = segment { text } else { nil } }
        }
        report(.apiUnknownEndpoint, message, at: url.word.range, suggestion: url.correctingOneSegment(from: route.tailStart, toFit: paths), status: 404)
    }

    private mutating func reportWrongMethod(_ candidates: [ManagementEndpoint]) {
        var allowed: [String] = []
        for endpoint in candidates where !allowed.contains(endpoint.method) { allowed.append(endpoint.method) }
        let method = curl.method
        let template = candidates[0].template
        var suggested: String?
        var message = "\(method) is not allowed on \(template) (the API answers 405 Method Not Allowed); it allows \(SchemaReader.list(allowed, joinedBy: "and"))"
        if let sameLetters = allowed.first(where: { $0 == method.uppercased() }) {
            message = "HTTP methods are case-sensitive: \(method) is not \(sameLetters); " + message
            suggested = sameLetters
        } else if curl.body != nil {
            let withBody = candidates.filter(\.takesBody).map(\.method)
            suggested = withBody.count == 1 ? withBody[0] : nil
        } else if allowed.contains("GET") {
            suggested = "GET"
        }
        guard let methodWord = curl.methodWord else {
            let reason = curl.body.map { "because of \($0.flag)" } ?? "when no option sets a method"
            let fix = suggested.map { "; add --request \($0)" } ?? ""
            report(.apiUnknownEndpoint, message + " (curl sends \(method) \(reason))" + fix, at: url.word.range, status: 405)
            return
        }
        report(.apiUnknownEndpoint, message, at: methodWord.range, suggestion: suggested, status: 405)
    }

    /// The path parameters' values; nil (after reporting) when one breaks its rule.
    private mutating func pathValues(for endpoint: ManagementEndpoint) -> [PathParameter: APIValue]? {
        var parameters = route.prefixParameters
        for (offset, segment) in endpoint.path.enumerated() {
            if case .parameter(let parameter) = segment { parameters.append((parameter, route.tailStart + offset)) }
        }
        var values = [PathParameter: APIValue](minimumCapacity: parameters.count)
        var isValid = true
        for (parameter, index) in parameters {
            let segment = url.segments[index]
            let range = segment.text.range ?? SourceRange(start: url.elements.elements[segment.elementOffset - 1].range.end, length: 0)
            let value = APIValue(text: segment.text.display, range: range, isUnknown: segment.text.hasUnknownParts)
            values[parameter] = value
            if !value.isUnknown, let problem = parameter.problem(with: value.text) {
                report(.apiSchema, SchemaNote.message("path parameter \(parameter.rawValue) `\(value.text)` \(problem)", schemas: [schemas.builtInName]), at: range)
                isValid = false
            }
        }
        return isValid ? values : nil
    }

    // MARK: Body

    /// The body as JSON; nil (after reporting, if there is something to report) when it is
    /// missing, not JSON, or not shown on the page.
    private mutating func jsonBody(for endpoint: ManagementEndpoint) -> PositionedJSON? {
        // Which endpoints take a body is the built-in model's knowledge, whatever judges the body.
        let reading = RequestBody.json(of: curl, for: "\(endpoint.method) \(endpoint.template)", schema: schemas.builtInName,
                                       sender: isHTTP ? "request" : "command", missingAt: curl.methodWord?.range ?? url.word.range)
        findings += reading.findings.map { HTTPFinding(status: 400, diagnostic: $0) }
        return reading.json
    }

    private mutating func request(for endpoint: ManagementEndpoint, path: [PathParameter: APIValue]) -> APIRequest? {
        guard endpoint.takesBody else { return bodilessRequest(endpoint.operation, path: path) }
        if isHTTP { checkHTTPContentType() }
        guard let json = jsonBody(for: endpoint) else { return nil }
        var reader = SchemaReader(source: schemas.builtInName)
        let request = typedRequest(endpoint, json: json, path: path, reader: &reader)
        guard let spec = schemas.spec, let schema = spec.body(method: endpoint.method, path: endpoint.template) else {
            findings += reader.diagnostics.map { HTTPFinding(status: 400, diagnostic: $0) }
            return reader.isComplete ? request : nil
        }
        // The spec judges the body; the built-in model only types it for the simulated
        // cluster, and a body it cannot type is left unrun rather than reported.
        var validation = SpecValidation(specFile: spec.file)
        validation.check(json, against: schema, what: "the \(endpoint.method) \(endpoint.template) body")
        findings += validation.diagnostics.map { HTTPFinding(status: 400, diagnostic: $0) }
        return validation.diagnostics.isEmpty && reader.isComplete ? request : nil
    }

    private func bodilessRequest(_ operation: ManagementOperation, path: [PathParameter: APIValue]) -> APIRequest? {
        switch operation {
        case .listTokens: .listDatabaseTokens
        case .getToken: path[.tokenId].map { .getDatabaseToken(id: $0) }
        case .deleteToken: path[.tokenId].map { .deleteDatabaseToken(id: $0) }
        case .listDatabases: .listDatabases
        case .deleteDatabase: path[.databaseName].map { .deleteDatabase(name: $0) }
        case .undeleteDatabase: path[.databaseId].map { .undeleteDatabase(id: $0) }
        default: nil
        }
    }

    private static let int32Range: ClosedRange<Int64> = 1...Int64(Int32.max)

    private func typedRequest(_ endpoint: ManagementEndpoint, json: PositionedJSON, path: [PathParameter: APIValue], reader: inout SchemaReader) -> APIRequest? {
        let what = "the \(endpoint.method) \(endpoint.template) body"
        switch endpoint.operation {
        case .createToken:
            guard let fields = reader.fields(of: json, what: what, allowed: ["description", "permissions", "expiresAt"], required: ["description"],
                                             notes: ["expirationType": "the Management API's OpenAPI schema has no such field, so a page that documents it and the schema disagree: a doc bug or a gap in the schema; leave expiresAt out for a token that never expires"])
            else { return nil }
            let description = reader.string(fields["description"], field: "description")
            let permissions = fields["permissions"] == nil ? [] : reader.permissions(fields["permissions"])
            let expiresAt = reader.dateTime(fields["expiresAt"], field: "expiresAt")
            guard let description, let permissions else { return nil }
            return .createDatabaseToken(description: description, permissions: permissions, expiresAt: expiresAt)
        case .updateToken:
            guard let fields = reader.fields(of: json, what: what, allowed: ["description", "permissions"], notes: [
                "expiresAt": "a token's expiry cannot be changed after it is created",
            ], needsOneField: true), let id = path[.tokenId] else { return nil }
            let description = reader.string(fields["description"], field: "description")
            let permissions = reader.permissions(fields["permissions"])
            return .updateDatabaseToken(id: id, description: description, permissions: permissions)
        case .createDatabase:
            guard let fields = reader.fields(of: json, what: what, allowed: ["name", "maxTables", "maxColumnsPerTable", "retentionPeriod", "partitionTemplate"], required: ["name"])
            else { return nil }
            let name = reader.databaseName(fields["name"], field: "name")
            let limits = databaseLimits(fields, reader: &reader)
            reader.partitionTemplate(fields["partitionTemplate"])
            guard let name else { return nil }
            return .createDatabase(name: name, maxTables: limits.maxTables, maxColumnsPerTable: limits.maxColumnsPerTable, retentionPeriod: limits.retentionPeriod)
        case .updateDatabase:
            guard let fields = reader.fields(of: json, what: what, allowed: ["maxTables", "maxColumnsPerTable", "retentionPeriod"], notes: [
                "name": "rename a database with PUT /databases/{databaseName}/rename",
                "partitionTemplate": "a database's partition template cannot be changed",
            ], needsOneField: true), let name = path[.databaseName] else { return nil }
            let limits = databaseLimits(fields, reader: &reader)
            return .updateDatabase(name: name, maxTables: limits.maxTables, maxColumnsPerTable: limits.maxColumnsPerTable, retentionPeriod: limits.retentionPeriod)
        case .renameDatabase:
            guard let fields = reader.fields(of: json, what: what, allowed: ["name"], required: ["name"]),
                  let name = path[.databaseName] else { return nil }
            return reader.databaseName(fields["name"], field: "name").map { .renameDatabase(name: name, newName: $0) }
        case .createTable:
            if let fields = reader.fields(of: json, what: what, allowed: ["name", "partitionTemplate"], required: ["name"]) {
                tableName(fields["name"], reader: &reader)
                reader.partitionTemplate(fields["partitionTemplate"])
            }
            return nil
        case .renameTable:
            if let fields = reader.fields(of: json, what: what, allowed: ["name"], required: ["name"]) {
                tableName(fields["name"], reader: &reader)
            }
            return nil
        default:
            return nil
        }
    }

    private func databaseLimits(_ fields: [String: PositionedJSON], reader: inout SchemaReader) -> (maxTables: Int?, maxColumnsPerTable: Int?, retentionPeriod: Int64?) {
        let maxTables = reader.integer(fields["maxTables"], field: "maxTables", range: Self.int32Range)
        let maxColumns = reader.integer(fields["maxColumnsPerTable"], field: "maxColumnsPerTable", range: Self.int32Range)
        let retention = reader.integer(fields["retentionPeriod"], field: "retentionPeriod", range: 0...Int64.max)
        return (maxTables.map { Int($0) }, maxColumns.map { Int($0) }, retention)
    }

    private func tableName(_ json: PositionedJSON?, reader: inout SchemaReader) {
        if let name = reader.string(json, field: "name"), !name.isUnknown, name.text.isEmpty {
            reader.report("\"name\" must not be empty", at: name.range)
        }
    }
}
