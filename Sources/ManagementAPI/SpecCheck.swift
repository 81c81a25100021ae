import Diagnostics
import ShellSyntax

/// Checks a curl call against a product's HTTP API as its OpenAPI spec publishes it (InfluxDB 3
/// Core and Enterprise: `/api/v3/...`, `/api/v2/write`, `/health`): the path, the method and the
/// JSON body. A spec can lag the server, so a path or method it lacks is a warning unless it is
/// one edit from what the spec has (a misspelt segment, a lowercase method).
struct SpecCheck {
    let curl: CurlInvocation
    let url: RequestURL
    let spec: APISpec
    private var findings: [Diagnostic] = []

    init(curl: CurlInvocation, url: RequestURL, spec: APISpec) {
        self.curl = curl
        self.url = url
        self.spec = spec
    }

    /// True when the URL may be the product's server: a host only Hugo or a running shell
    /// fills in (`{{< influxdb/host >}}`, `$INFLUXDB3_HOST`), the local machine, or InfluxDB 3's
    /// port 8181; and a path under `/api/` or one the spec names. Other URLs (a download, a
    /// GitHub API) are not the product's.
    static func mayBeProductCall(_ url: RequestURL, spec: APISpec) -> Bool {
        let host = url.authority.literal?.split(separator: ":").first.map(String.init)
        let isProductHost = url.authority.hasUnknownParts || url.explicitPort == 8181
            || ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"].contains(host ?? "")
        guard isProductHost, let first = url.segments.first?.text.literal else { return false }
        return first == "api" || template(for: url.segments.map(\.text), in: spec) != nil
    }

    /// The template of the spec path `segments` fit (`/api/v3/configure/database/{db}`), if any;
    /// a segment only a running shell knows fits anything.
    static func template(for segments: [ShellText], in spec: APISpec) -> String? {
        spec.methods.keys.sorted().first { template in
            let parts = template.split(separator: "/").map(String.init)
            guard parts.count == segments.count else { return false }
            return zip(parts, segments).allSatisfy { part, segment in
                part.hasPrefix("{") || segment.hasUnknownParts || segment.literal == part
            }
        }
    }

    mutating func run() -> APIParse {
        let segments = url.segments.map(\.text)
        guard let template = Self.template(for: segments, in: spec) else {
            reportUnknownPath(segments)
            return APIParse(request: nil, diagnostics: findings, isAPICall: true)
        }
        let allowed = spec.methods[template] ?? []
        let method = curl.method
        if !(curl.methodWord?.hasUnknownParts ?? false), !allowed.contains(method) {
            reportMethod(method, allowed: allowed, template: template)
            return APIParse(request: nil, diagnostics: findings, isAPICall: true)
        }
        // A body the spec does not require, or a request whose parameters ride in the query
        // string (the server reads either), may be left out.
        let bodyIsOptional = !spec.requiredBodies.contains("\(method) \(template)") || !url.query.isEmpty
        if let schema = spec.body(method: method, path: template), !(bodyIsOptional && curl.dataArguments.isEmpty) {
            let reading = RequestBody.json(of: curl, for: "\(method) \(template)", schema: spec.file, sender: "command",
                                           missingAt: curl.methodWord?.range ?? url.word.range)
            findings += reading.findings
            if let json = reading.json {
                var validation = SpecValidation(specFile: spec.file)
                validation.check(json, against: schema, what: "the \(method) \(template) body")
                findings += validation.diagnostics
            }
        }
        return APIParse(request: nil, diagnostics: findings.inSourceOrder, isAPICall: true)
    }

    private mutating func reportUnknownPath(_ segments: [ShellText]) {
        let path = "/" + segments.map(\.display).joined(separator: "/")
        let paths = spec.methods.keys.sorted().map { template in
            template.split(separator: "/").map { part -> String? in part.hasPrefix("{") ? nil : String(part) }
        }
        let correction = url.correctingOneSegment(from: 0, toFit: paths)
        let message = "no endpoint at \(path) in the product's OpenAPI spec (\(spec.file))"
        if let correction {
            findings.append(Diagnostic(rule: .apiUnknownEndpoint, range: url.word.range, message: message + "; the server answers 404 Not Found", suggestion: correction))
        } else {
            findings.append(Diagnostic(rule: .apiUnknownEndpoint, range: url.word.range,
                                       message: message + "; the spec may lag the server, or the path is wrong", severity: .warning))
        }
    }

    private mutating func reportMethod(_ method: String, allowed: [String], template: String) {
        let range = curl.methodWord?.range ?? url.word.range
        let list = SchemaReader.list(allowed)
        if let sameLetters = allowed.first(where: { $0 == method.uppercased() }) {
            findings.append(Diagnostic(rule: .apiUnknownEndpoint, range: range,
                                       message: "HTTP methods are case-sensitive: \(method) is not \(sameLetters); \(template) allows \(list) in \(spec.file) (the server answers 405 Method Not Allowed)",
                                       suggestion: sameLetters))
            return
        }
        let how = curl.methodWord == nil ? " (curl sends \(method) \(curl.body.map { "because of \($0.flag)" } ?? "when no option sets a method"))" : ""
        findings.append(Diagnostic(rule: .apiUnknownEndpoint, range: range,
                                   message: "\(method)\(how) is not a method of \(template) in \(spec.file), which allows \(list); the spec may lag the server, or the method is wrong",
                                   suggestion: allowed.count == 1 ? allowed[0] : nil, severity: .warning))
    }
}
