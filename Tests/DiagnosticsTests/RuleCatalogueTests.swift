import Diagnostics
import Foundation
import Testing

@Suite struct RuleCatalogueTests {
    @Test func idsAreUniqueAndLookedUpByName() {
        let ids = Rule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Rule.catalogue {
            #expect(Rule.named(rule.id) == rule)
        }
        #expect(Rule.named("cli.unknown-flagg") == nil)
    }

    @Test(arguments: [
        ("markdown", 4), ("shell", 4), ("placeholder", 2), ("cli", 11), ("api", 4), ("token", 7), ("claim", 3), ("reference", 1), ("directive", 2), ("block", 2), ("curl", 1),
    ])
    func everyCategoryOfTheSpecIsComplete(category: String, count: Int) {
        #expect(Rule.catalogue.filter { $0.id.hasPrefix(category + ".") }.count == count)
    }

    /// docs/rules.md is the catalogue for readers: one `## id` heading per rule, in no other
    /// rule's section, and no heading for a rule that does not exist.
    @Test func everyRuleHasItsOwnSectionInTheRulesPage() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/rules.md")
        let headings = try String(contentsOf: page, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let ids = Rule.catalogue.map(\.id)
        for id in ids {
            #expect(headings.filter { $0 == id }.count == 1, "docs/rules.md has no single '## \(id)' section")
        }
        let ruleLike = headings.filter { $0.contains(".") && !$0.contains(" ") }
        #expect(Set(ruleLike).subtracting(ids).isEmpty)
    }

    @Test func behaviourChecksAreTheTokenRules() {
        #expect(Rule.catalogue.filter(\.isBehaviourCheck).allSatisfy { $0.id.hasPrefix("token.") })
        #expect(Rule.catalogue.filter(\.isBehaviourCheck).count == 7)
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.note < .warning && Severity.warning < .error)
        #expect(Severity.allCases.max() == .error)
    }

    @Test func rangesCoverLengthsOnOneLine() {
        let range = SourceRange(start: SourcePosition(line: 3, column: 5), length: 4)
        #expect(range.end == SourcePosition(line: 3, column: 9))
        #expect(range.union(SourceRange(start: SourcePosition(line: 2, column: 1), length: 1)).start == SourcePosition(line: 2, column: 1))
    }
}
