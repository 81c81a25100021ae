/// A problem found by one pipeline stage, before it is tied to a file: a rule, where it
/// fires, a message, and optionally the text that would fix it.
public struct Diagnostic: Hashable, Sendable {
    public var rule: Rule
    public var range: SourceRange
    public var message: String
    public var suggestion: String?

    public init(rule: Rule, range: SourceRange, message: String, suggestion: String? = nil) {
        self.rule = rule
        self.range = range
        self.message = message
        self.suggestion = suggestion
    }
}
