/// How serious a finding is. Ordered: `note < warning < error`.
public enum Severity: String, Hashable, Comparable, Sendable, Codable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One entry of the rule catalogue. Identity is the `id`, the string users put in
/// `docverify:expect` directives and CI filters.
public struct Rule: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The stable identifier, e.g. `cli.unknown-flag`.
    public let id: String
    /// The severity a finding of this rule has unless configured otherwise.
    public let severity: Severity
    /// One line: what fires the rule.
    public let summary: String
    /// A few sentences: what the rule checks and why it matters.
    public let explanation: String
    /// Behaviour checks also record `passed` on every block where they ran and held.
    public let isBehaviourCheck: Bool

    public init(id: String, severity: Severity, summary: String, explanation: String, isBehaviourCheck: Bool = false) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.isBehaviourCheck = isBehaviourCheck
    }

    /// Compares the ids' lengths first: distinct rules mostly differ in length, which is
    /// cheaper to tell than their text.
    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id.utf8.count == rhs.id.utf8.count && lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.id < rhs.id }
    public var description: String { id }

    /// The rule with this id, if the catalogue has one.
    public static func named(_ id: String) -> Rule? { catalogue.first { $0.id == id } }
}
