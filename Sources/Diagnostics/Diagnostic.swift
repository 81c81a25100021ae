/// A problem found by one pipeline stage, before it is tied to a file: a rule, where it
/// fires, a message, and optionally the text that would fix it.
public struct Diagnostic: Hashable, Sendable {
    public var rule: Rule
    public var range: SourceRange
    public var message: String
    public var suggestion: String?
    /// The rule's severity unless the stage that found it knows it matters less here.
    public var severity: Severity

    public init(rule: Rule, range: SourceRange, message: String, suggestion: String? = nil, severity: Severity? = nil) {
        self.severity = severity ?? rule.severity
        self.rule = rule
        self.range = range
        self.message = message
        self.suggestion = suggestion
    }
}
