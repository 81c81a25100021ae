import Diagnostics
import Testing
import TokenCore
@testable import Verification

@Suite struct ClaimNameTests {
    @Test(arguments: [
        ("Read-only on ALPHA2_DB, Read/write on BETA_DB", true),
        ("Read/write on ALPHA2_DB, Read-only on BETA_DB", false),
        ("read-only on ALPHA2_DB and BETA_DB", false),
    ])
    func namesAreReadAsTheCommandSpellsThem(description: String, holds: Bool) {
        let claim = PermissionClaim.parse(description, knownDatabases: ["ALPHA2_DB", "BETA_DB"])
        let permissions = [Permission(action: .read, resource: .database("ALPHA2_DB")),
                           Permission(action: .read, resource: .database("BETA_DB")),
                           Permission(action: .write, resource: .database("BETA_DB"))]
        #expect(claim.contradictions(with: permissions).isEmpty == holds)
    }

    @Test func namesAreWholeWordsWithDotsAndDashes() {
        let text = Array("read-only on stats-v.9 and stats, then stats2.".utf8)
        #expect(PermissionClaim.databases(namedIn: text[...], of: ["stats", "stats-v.9", "stats2"]) == ["stats-v.9", "stats", "stats2"])
        #expect(PermissionClaim.databases(namedIn: Array("on statsx".utf8)[...], of: ["stats"]).isEmpty)
    }

    @Test func aPageWithADeclaredPlaceholderNameHolds() {
        let report = verify("""
        ```sh { placeholders="FIRST_DB|SECOND_DB" }
        influxctl token create --read-database FIRST_DB --read-database SECOND_DB --write-database SECOND_DB "Read-only on FIRST_DB, read/write on SECOND_DB"
        ```
        """)
        #expect(report.findings.filter { $0.rule == .claimPermissions }.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test func aWrongClaimOnANamedDatabaseIsStillFound() {
        let report = verify("""
        ```sh
        influxctl token create --read-database ONE_DB --write-database ONE_DB "Read-only on ONE_DB"
        ```
        """)
        let finding = report.findings.first { $0.rule == .claimPermissions }
        #expect(finding?.message.contains("read-only on ONE_DB") == true)
    }
}

@Suite struct ElisionTests {
    @Test(arguments: ["influxctl ...", "EDITOR= influxctl \u{2026}", "influxctl database ..."])
    func anElidedCommandIsUnverifiedNotUnknown(line: String) {
        let report = verify("```sh\n\(line)\n```\n")
        #expect(report.findings.filter { $0.rule.id.hasPrefix("cli.") }.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.blocks.first?.status == .unverified)
        #expect(report.blocks.first?.commands.first?.unverifiedReason?.contains("stands for the rest of the command") == true)
    }

    @Test func aMisspelledCommandIsStillUnknown() {
        let report = verify("```sh\ninfluxctl databse list\n```\n")
        #expect(report.findings.contains { $0.rule == .cliUnknownCommand })
    }
}
