import Diagnostics
import DocExtraction

/// Applies `docverify:expect` directives: anticipated findings leave the report and become
/// `expected` checks; a rule that does not fire, or one that fires unannounced, is
/// `directive.expectation-unmet`.
enum DirectiveCheck {
    static func apply(to reports: inout [BlockReport], findings: [Finding], file: String) -> [Finding] {
        var remaining = findings
        for index in reports.indices {
            for directive in reports[index].block.directives {
                guard case .expect(let ids, let range) = directive else { continue }
                var expected: [Rule] = []
                for id in ids {
                    if let rule = Rule.named(id) {
                        expected.append(rule)
                    } else {
                        remaining.append(Finding(rule: .directiveUnknown, file: file, range: range,
                                                 message: "docverify:expect names '\(id)', which is not a rule (see `docverify rules`)", blockIndex: index))
                    }
                }
                let onBlock = remaining.filter { $0.blockIndex == index && $0.rule != .directiveUnknown }
                let fired = Set(onBlock.map(\.rule))
                for rule in expected where fired.contains(rule) {
                    reports[index].checks.append(CheckResult(rule: rule, status: .expected))
                }
                remaining.removeAll { $0.blockIndex == index && expected.contains($0.rule) }
                let missing = expected.filter { !fired.contains($0) }
                let unannounced = onBlock.filter { !expected.contains($0.rule) }
                if !missing.isEmpty {
                    let names = missing.map(\.id).joined(separator: ", ")
                    remaining.append(Finding(rule: .directiveExpectationUnmet, file: file, range: range,
                                             message: "expected \(names) to fire on this block, but \(missing.count == 1 ? "it did" : "they did") not", blockIndex: index))
                }
                if !expected.isEmpty, let first = unannounced.first {
                    let names = Array(Set(unannounced.map(\.rule.id))).sorted().joined(separator: ", ")
                    remaining.append(Finding(rule: .directiveExpectationUnmet, file: file, range: range,
                                             message: "\(names) fired on this block but the directive does not expect it (first at \(first.range.start))", blockIndex: index))
                }
            }
        }
        return remaining
    }
}
