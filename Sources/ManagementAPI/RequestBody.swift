import Diagnostics
import ShellSyntax

/// The JSON body a curl call sends, as the API checks read it.
enum RequestBody {
    /// The body of `curl` as JSON, with the findings about it: none sent where `operation`
    /// needs one (named `schema` says so, as every `api.schema` message names its schema),
    /// several data options (curl joins them with `&`), text that is not JSON. Nil without
    /// findings for a body the page does not show (`@file`, form-encoded data).
    static func json(of curl: CurlInvocation, for operation: String, schema: String, sender: String,
                     missingAt: SourceRange) -> (json: PositionedJSON?, findings: [Diagnostic]) {
        let bodies = curl.sendsDataInQuery ? [] : curl.dataArguments
        guard let body = bodies.first else {
            return (nil, [Diagnostic(rule: .apiSchema, range: missingAt, message: SchemaNote.message("\(operation) needs a JSON body, and the \(sender) sends none", schemas: [schema]))])
        }
        if bodies.count > 1 {
            return (nil, [Diagnostic(rule: .apiInvalidJSON, range: bodies[1].flagRange,
                                     message: "curl joins its \(bodies.count) data options with `&`, so the body is not one JSON document")])
        }
        guard let word = body.word, !body.isFile, !body.isURLEncoded else { return (nil, []) }
        var text = ShellText(word)
        if body.isHereDocument, ["-d", "--data", "--data-ascii"].contains(body.flag) { text = text.withoutLineBreaks }
        switch PositionedJSON.parse(text, emptyAt: word.range) {
        case .success(let json):
            return (json, [])
        case .failure(let error):
            return (nil, [Diagnostic(rule: .apiInvalidJSON, range: error.range, message: "the request body is not JSON: \(error.message)")])
        }
    }
}
