import Diagnostics
import Testing
@testable import Verification

/// A page of 42 examples, correct and broken, in both placeholder styles: every expected
/// finding at its exact place, and no other.
@Suite struct MixedExamplesTests {
    static let expected: [(rule: Rule, line: Int, column: Int)] = [
        (.cliUnknownFlag, 14, 24),
        (.cliUnknownCommand, 29, 11),
        (.cliMissingValue, 43, 24),
        (.cliMissingArgument, 55, 40),
        (.cliTooManyArguments, 67, 55),
        (.cliFlagAfterArgument, 79, 51),
        (.cliNotRepeatable, 91, 36),
        (.cliInvalidValue, 103, 40),
        (.cliInvalidValue, 118, 58),
        (.cliNoPermissions, 130, 11),
        (.shellSyntax, 142, 45),
        (.shellSyntax, 156, 24),
        (.placeholderUndeclared, 171, 40),
        (.placeholderUnused, 182, 37),
        (.claimPermissions, 195, 46),
        (.cliInvalidValue, 207, 46),
        (.cliInvalidValue, 231, 63),
        (.cliInvalidValue, 243, 84),
        (.cliTooManyArguments, 255, 107),
    ]

    @Test func everyExpectedFindingAndNoOther() throws {
        let report = try verifyFixture("mixed-examples.md")
        #expect(report.blocks.count == 42)
        let actual = report.findings.map { "\($0.rule.id)@\($0.range.start.line):\($0.range.start.column)" }
        let wanted = Self.expected.map { "\($0.rule.id)@\($0.line):\($0.column)" }
        #expect(actual == wanted)
    }

    @Test func suggestionsComeWithTheFindings() throws {
        let report = try verifyFixture("mixed-examples.md")
        #expect(report.findings.first { $0.rule == .cliUnknownFlag }?.suggestion == "--read-database")
        #expect(report.findings.first { $0.rule == .cliUnknownCommand }?.suggestion == "token")
        #expect(report.findings.first { $0.range.start.line == 243 }?.suggestion == "'*'")
    }

    @Test func correctExamplesPassAndOthersAreSortedOut() throws {
        let report = try verifyFixture("mixed-examples.md")
        let statuses = Dictionary(grouping: report.blocks, by: \.status).mapValues(\.count)
        #expect(statuses[.unverified] == 1)
        #expect(statuses[.skipped] == nil)
        let flagged = Set(report.findings.compactMap(\.blockIndex))
        for (index, block) in report.blocks.enumerated() where !flagged.contains(index) && block.status != .unverified {
            #expect(block.status == .passed, "block at line \(block.block.openingFence.line)")
        }
    }
}
