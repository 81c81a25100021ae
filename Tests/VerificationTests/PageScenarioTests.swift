import Diagnostics
import DocExtraction
import Foundation
import InfluxctlModel
import Testing
import TokenCore
@testable import Verification

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixtureText(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
}

/// Verifies page text as if it were the file `name`.
func verify(_ text: String, name: String = "page.md", release: CLIVersion = InfluxctlReleases.newest) -> PageReport {
    let page = PageExtractor.extract(path: name, contents: Array(text.utf8), options: ExtractionOptions())
    return PageScenario.verify(page, options: RunContext(release: release))
}

func verifyFixture(_ name: String, release: CLIVersion = InfluxctlReleases.newest) throws -> PageReport {
    verify(try fixtureText(name), name: name, release: release)
}

func status(of rule: Rule, in block: BlockReport) -> CheckStatus? {
    block.checks.first { $0.rule == rule }?.status
}

@Suite struct SeedPageTests {
    static let behaviourRules: [Rule] = [.tokenCreateOutput, .tokenPermissions, .tokenOneTimeDisplay, .tokenImmutable, .tokenSyncDelay]

    @Test func underOnePointZeroEveryExamplePassesWithNoFindings() throws {
        let report = try verifyFixture("create-token-1.0.md")
        #expect(report.influxctlVersion == "1.0.0")
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.range.start) \($0.rule.id): \($0.message)" })")
        let tokenBlocks = report.blocks.filter { !$0.commands.isEmpty }
        #expect(tokenBlocks.count == 6)
        for block in tokenBlocks {
            #expect(block.status == .passed)
            for rule in Self.behaviourRules {
                #expect(status(of: rule, in: block) == .passed, "\(rule.id) on line \(block.block.openingFence.line)")
            }
        }
    }

    @Test func claimsOfTheExamplesAreReadAndHold() throws {
        let report = try verifyFixture("create-token-1.0.md")
        let claimed = report.blocks.filter { status(of: .claimPermissions, in: $0) == .passed }
        #expect(claimed.count == 4)
    }

    @Test func underTheNewestReleaseTheImmutabilityPromiseIsOutdated() throws {
        let text = try fixtureText("create-token-1.0.md").replacingOccurrences(of: "<!-- docverify:influxctl-version 1.0.0 -->", with: "")
        let report = verify(text, name: "create-token.md")
        let outdated = report.findings.filter { $0.rule == .claimOutdated }
        #expect(outdated.count == 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let headingLine = try #require(lines.firstIndex { $0.contains("Tokens cannot be updated") }) + 1
        #expect(outdated.first?.range.start == SourcePosition(line: headingLine, column: 6))
        #expect(report.findings.count == 1)
    }

    @Test func underTwoPointNineTheOutputPromiseIsOutdated() throws {
        let report = try verifyFixture("outdated-2.0.md")
        let outdated = try #require(report.findings.first { $0.rule == .claimOutdated })
        #expect(outdated.range.start == SourcePosition(line: 9, column: 1))
        #expect(outdated.message.contains("only the token string"))
    }

    @Test func theFrontMatterExampleIsCheckedToo() throws {
        let report = try verifyFixture("create-token-1.0.md")
        let first = try #require(report.blocks.first)
        #expect(first.block.origin == .frontMatter)
        #expect(first.status == .passed)
        #expect(status(of: .tokenPermissions, in: first) == .passed)
    }
}

@Suite struct ClaimTests {
    @Test func aReadOnlyTitleOverAReadWriteGrantIsAContradiction() throws {
        let report = try verifyFixture("claims.md")
        let claims = report.findings.filter { $0.rule == .claimPermissions }
        #expect(claims.count == 1)
        let finding = try #require(claims.first)
        #expect(finding.range.start == SourcePosition(line: 5, column: 13))
        #expect(finding.message.contains("read-only"))
    }

    @Test func wildcardAndWriteOnlyClaimsHold() throws {
        let report = try verifyFixture("claims.md")
        let wildcard = try #require(report.blocks.first { $0.block.text.contains("'*'") })
        #expect(status(of: .claimPermissions, in: wildcard) == .passed)
        #expect(status(of: .tokenPermissions, in: wildcard) == .passed)
        let writeOnly = try #require(report.blocks.last)
        #expect(status(of: .claimPermissions, in: writeOnly) == .passed)
    }

    @Test(arguments: [
        ("Read-only token for mydb1 and mydb2", true),
        ("Read/write token for mydb1", false),
        ("Read-only on mydb1, Read/write on mydb2", false),
        ("READ-ONLY für MYDB1 und MYDB2", true),
        ("Lese-Token: read-only, mydb1 · mydb2", true),
        ("Ünïcode read/write token for mydb1", false),
    ])
    func readOnlyOnTwoDatabases(description: String, holds: Bool) {
        let claim = PermissionClaim.parse(description, knownDatabases: ["mydb1", "mydb2"])
        let permissions = [Permission(action: .read, resource: .database("mydb1")), Permission(action: .read, resource: .database("mydb2"))]
        #expect(claim.contradictions(with: permissions).isEmpty == holds)
    }

    @Test func unclearWordingIsNoClaim() {
        #expect(PermissionClaim.parse("Token for the dashboard", knownDatabases: ["mydb"]).isEmpty)
    }
}

@Suite struct LifecycleTests {
    @Test func revocationExpiryAndUpdateAreChecked() throws {
        let report = try verifyFixture("lifecycle.md")
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.range.start) \($0.rule.id): \($0.message)" })")
        #expect(status(of: .tokenExpiry, in: report.blocks[0]) == .passed)
        #expect(status(of: .tokenRevocation, in: report.blocks[1]) == .passed)
        let immutable = try #require(report.blocks[0].checks.first { $0.rule == .tokenImmutable })
        #expect(immutable.status == .passed)
        #expect(immutable.detail?.contains("can change") == true)
    }
}

@Suite struct DirectiveTests {
    @Test func expectedFindingsLeaveTheReportAndUnmetOnesAreReported() throws {
        let report = try verifyFixture("directives.md")
        #expect(report.blocks[0].status == .passed)
        #expect(status(of: .cliUnknownFlag, in: report.blocks[0]) == .expected)
        let unmet = report.findings.filter { $0.rule == .directiveExpectationUnmet }
        #expect(unmet.count == 1)
        #expect(unmet.first?.range.start.line == 15)
        #expect(report.findings.allSatisfy { $0.rule != .cliUnknownFlag })
    }

    @Test func anExpectationBeforeAParagraphCoversTheFindingsOnItsLines() throws {
        let report = try verifyFixture("prose-directives.md")
        let rules = report.findings.map { "\($0.range.start.line) \($0.rule.id)" }
        // Line 9's outdated statement is expected; line 17 states nothing, so its directive
        // (line 15) is unmet; line 23's statement has no directive and stays.
        #expect(rules == ["15 directive.expectation-unmet", "23 claim.outdated"], "\(rules)")
        let unmet = report.findings.first { $0.rule == .directiveExpectationUnmet }
        #expect(unmet?.blockIndex == nil)
        #expect(unmet?.message.contains("these lines") == true)
    }

    @Test func skippedAndUnmodelledBlocksHaveTheirStatus() throws {
        let report = try verifyFixture("directives.md")
        #expect(report.blocks[2].status == .skipped)
        #expect(report.blocks[3].status == .unverified)
    }
}

@Suite struct SubstitutionTests {
    @Test func aTokenCreatedInsideASubstitutionIsRunAndProbed() throws {
        let report = try verifyFixture("substitution.md")
        #expect(report.blocks.map(\.status) == [.passed, .failed])
        for rule in SeedPageTests.behaviourRules {
            #expect(status(of: rule, in: report.blocks[0]) == .passed, "\(rule.id)")
        }
        #expect(status(of: .claimPermissions, in: report.blocks[0]) == .passed)
        let found = report.findings.map { "\($0.rule.id)@\($0.range.start.line):\($0.range.start.column)" }
        #expect(found == ["cli.unknown-flag@17:33"])
    }
}

@Suite struct DeterminismTests {
    @Test func theSameDocsGiveTheSameReport() throws {
        let first = try verifyFixture("lifecycle.md")
        let second = try verifyFixture("lifecycle.md")
        #expect(first == second)
    }

    @Test func theReportDoesNotDependOnTheNumberOfJobs() {
        let paths = [fixtures.path]
        let one = Runner.check(paths: paths, context: RunContext(jobs: 1), measureTime: false)
        let many = Runner.check(paths: paths, context: RunContext(jobs: 8), measureTime: false)
        #expect(one == many)
        #expect(one.pages.count == 11)
    }

    @Test func aMissingPathIsAnInputErrorNotACrash() {
        let report = Runner.check(paths: ["/nonexistent/docverify"], context: RunContext(jobs: 2), measureTime: false)
        #expect(report.pages.isEmpty)
        #expect(report.inputErrors.count == 1)
    }
}

@Suite struct ManagementAPITests {
    @Test func curlExamplesRunAgainstTheSameClusterAndTheirTabsMustAgree() throws {
        let report = try verifyFixture("api-tabs.md")
        let found = report.findings.map { "\($0.rule.id)@\($0.range.start.line):\($0.range.start.column)" }
        #expect(found == ["claim.parity@44:1", "claim.permissions@47:27"])
        let matching = report.blocks[1]
        #expect(status(of: .claimParity, in: matching) == .passed)
        #expect(status(of: .tokenCreateOutput, in: matching) == .passed)
        #expect(status(of: .tokenPermissions, in: matching) == .passed)
        #expect(status(of: .apiInvalidJSON, in: report.blocks[4]) == .expected)
        #expect(status(of: .tokenRevocation, in: report.blocks[5]) == .passed)
    }

    @Test func theAPIRequestIsSummarisedLikeInfluxctls() throws {
        let report = try verifyFixture("api-tabs.md")
        let command = try #require(report.blocks[1].commands.first)
        #expect(command.program == "curl")
        #expect(command.request?.kind == "token.create")
        #expect(command.request?.fields.first { $0.name == "readDatabases" }?.value == .list(["sensors"]))
    }
}

@Suite struct ReferenceTableTests {
    @Test func aFlagTableMustMatchTheRelease() throws {
        let report = try verifyFixture("reference-2.9.md")
        let found = report.findings.map { "\($0.rule.id)@\($0.range.start.line):\($0.range.start.column) \($0.suggestion ?? "")" }
        #expect(found == ["reference.flag-table@13:1 --format", "reference.flag-table@17:11 "])
        #expect(report.findings.last?.message.contains("2.10.0") == true)
    }

    @Test func underTheReleaseThatHasTheFlagsTheTableHolds() throws {
        let text = try fixtureText("reference-2.9.md")
            .replacingOccurrences(of: "2.9.0", with: "2.12.1")
            .replacingOccurrences(of: "| `-h` |", with: "|      | `--format` | Output format |\n| `-h` |")
        #expect(verify(text).findings.isEmpty)
    }
}

@Suite struct DraftPageVerificationTests {
    static let draft = "---\ntitle: Draft\ndraft: true\n---\n\n```sh\ninfluxctl cluster explode\n```\n"

    @Test func aDraftIsSkippedWithNothingReported() {
        let report = verify(Self.draft)
        #expect(report.blocks.map(\.status) == [.skipped])
        #expect(report.blocks.first?.block.skipReason == .draft)
        #expect(report.findings.isEmpty)
    }

    @Test func includedDraftsAreChecked() {
        let options = ExtractionOptions(includeDrafts: true)
        let page = PageExtractor.extract(path: "draft.md", contents: Array(Self.draft.utf8), options: options)
        let report = PageScenario.verify(page, options: RunContext(extraction: options))
        #expect(report.blocks.map(\.status) == [.failed])
        #expect(report.findings.map(\.rule) == [.cliUnknownCommand])
    }
}
