import Diagnostics
import DocExtraction

/// Applies `docverify:expect` directives: anticipated findings leave the report and become
/// `expected` checks; a rule that does not fire, or one that fires unannounced, is
/// `directive.expectation-unmet`. A directive before a block covers the block's findings; one
/// before a paragraph, heading or table covers the findings outside blocks on its lines.
enum DirectiveCheck {
    static func apply(to reports: inout [BlockReport], findings: [Finding], file: String, pageDirectives: [PageDirective]) -> [Finding] {
        var remaining = findings
        for index in reports.indices {
            for directive in reports[index].block.directives {
                guard case .expect(let ids, let range) = directive else { continue }
                let fired = settle(ids, at: range, where: { $0.blockIndex == index }, findings: &remaining, file: file, blockIndex: index)
                for rule in fired {
                    reports[index].checks.append(CheckResult(rule: rule, status: .expected))
                }
            }
        }
        for case let .expectInProse(ids, range, lines) in pageDirectives {
            _ = settle(ids, at: range, where: { $0.blockIndex == nil && lines.contains($0.range.start.line) },
                       findings: &remaining, file: file, blockIndex: nil)
        }
        return remaining
    }

    /// Removes the findings that `ids` anticipate among those `covered` selects, and adds a
    /// finding for each unknown id, missing rule or unannounced rule. Returns the expected
    /// rules that fired.
    private static func settle(_ ids: [String], at range: SourceRange, where covered: (Finding) -> Bool,
                               findings remaining: inout [Finding], file: String, blockIndex: Int?) -> [Rule] {
        let scope = blockIndex == nil ? "these lines" : "this block"
        var expected: [Rule] = []
        for id in ids {
            if let rule = Rule.named(id) {
                expected.append(rule)
            } else {
                remaining.append(Finding(rule: .directiveUnknown, file: file, range: range,
                                         message: "docverify:expect names '\(id)', which is not a rule (see `docverify rules`)", blockIndex: blockIndex))
            }
        }
        let onScope = remaining.filter { covered($0) && $0.rule != .directiveUnknown }
        let fired = Set(onScope.map(\.rule))
        remaining.removeAll { covered($0) && expected.contains($0.rule) }
        let missing = expected.filter { !fired.contains($0) }
        let unannounced = onScope.filter { !expected.contains($0.rule) }
        if !missing.isEmpty {
            let names = missing.map(\.id).joined(separator: ", ")
            remaining.append(Finding(rule: .directiveExpectationUnmet, file: file, range: range,
                                     message: "expected \(names) to fire on \(scope), but \(missing.count == 1 ? "it did" : "they did") not", blockIndex: blockIndex))
        }
        if !expected.isEmpty, let first = unannounced.first {
            let names = Array(Set(unannounced.map(\.rule.id))).sorted().joined(separator: ", ")
            remaining.append(Finding(rule: .directiveExpectationUnmet, file: file, range: range,
                                     message: "\(names) fired on \(scope) but the directive does not expect it (first at \(first.range.start))", blockIndex: blockIndex))
        }
        return expected.filter { fired.contains($0) }
    }
}
