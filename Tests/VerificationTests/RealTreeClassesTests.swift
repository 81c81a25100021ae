import Foundation
import Diagnostics
import Testing
@testable import Verification

/// Classes of false errors first seen on a real docs tree, each in a page of its own wording.
@Suite struct RealTreeClassesTests {
    static let mixedCommand = """
        ```sh { placeholders="STORE1_DB|STORE2_DB" }
        influxctl token create \\
          --read-database STORE1_DB \\
          --read-database STORE2_DB \\
          --write-database STORE2_DB \\
          "DESCRIPTION"
        ```
        """

    @Test(arguments: [
        ("Read-only on STORE1_DB, Read/write on STORE2_DB", true),
        ("Read-only token for STORE1_DB and STORE2_DB", false),
        ("Read/write on STORE1_DB, Read-only on STORE2_DB", false),
    ])
    func placeholderNamesInADescriptionAreReadAsTheCommandSpellsThem(description: String, holds: Bool) {
        let report = verify(Self.mixedCommand.replacingOccurrences(of: "DESCRIPTION", with: description))
        let claims = report.findings.filter { $0.rule == .claimPermissions }
        #expect(claims.isEmpty == holds, "\(claims.map(\.message))")
    }

    @Test func anEllipsisForTheRestOfTheCommandLeavesTheBlockUnverified() {
        let report = verify("""
            Set the variable before any command:

            ```sh
            GTK_MODULES= influxctl ...
            ```
            """)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.blocks.first?.status == .unverified)
    }

    @Test(arguments: [
        "curl -G http://localhost:8086/query --data-urlencode \"q=SHOW DATABASES\"",
        "curl -i -XPOST 'http://localhost:8186/write' --data-binary 'cpu value=1'",
    ])
    func aCallToAnotherProductsServerIsNotHeldToTheDataAPIRules(command: String) {
        let report = verify("```sh\n\(command)\n```\n")
        let apiFindings = report.findings.filter { $0.rule.id.hasPrefix("api.") }
        #expect(apiFindings.isEmpty, "\(apiFindings.map(\.message))")
    }

    /// One page with every shape: only the two real bugs are errors, and the fuzz targets
    /// take the page as a seed.
    @Test func aPageOfRealWorldShapesHasErrorsOnlyForItsTwoBugs() throws {
        let report = try verifyFixture("real-world-shapes.md")
        let found = report.findings.map { "\($0.severity) \($0.rule.id)@\($0.range.start.line)" }
        #expect(found == [
            "note block.output-in-shell-fence@21",
            "warning block.language-mismatch@31",
            "warning api.missing-header@48",
            "error shell.missing-continuation@49",
            "error markdown.fence-shown-as-code@57",
        ])
        #expect(report.blocks.map(\.status) == [.unverified, .unverified, .unverified, .unverified, .failed, .failed])
    }

    static let tokensURL = "https://console.influxdata.com/api/v0/accounts/ACCOUNT_ID/clusters/CLUSTER_ID/tokens"
    static let apiPlaceholders = "ACCOUNT_ID|CLUSTER_ID|MANAGEMENT_TOKEN|TOKEN_ID"

    /// The real bugs a large tree holds stay errors while the false classes go away.
    @Test(arguments: [
        ("curl --request POST \"\(tokensURL)\" \\\n  --header \"Authorization: Bearer MANAGEMENT_TOKEN\" \\\n"
            + "  --data '{ \"description\": \"ci\", \"permissions\": [], \"expiresAt:\" \"2031-01-01T00:00:00Z\" }'",
         Rule.apiInvalidJSON, "the colon is inside the quotes"),
        ("curl --request PATCH \"\(tokensURL)/TOKEN_ID\" \\\n  --header \"Authorization: Bearer MANAGEMENT_TOKEN\" \\\n"
            + "  --data '{ \"permissions\": [ { \"action\": \"read\", \"resource\": \"*\" }, ] }'",
         .apiInvalidJSON, "trailing comma"),
        ("curl --request GET \"\(tokensURL)\" \\\n  --header \"Authorization: Bearer MANAGEMENT_TOKEN\" \\",
         .shellSyntax, "line continuation at the end of the block"),
        ("influxctl query --timeout 20s --database plant \"SELECT 1\"", .cliUnknownFlag, "global flag"),
        ("influxctl database create plant --retention-period 30d", .cliFlagAfterArgument, "--retention-period"),
        ("curl --request GET \"\(tokensURL)\"\n  --header \"Authorization: Bearer MANAGEMENT_TOKEN\"",
         .shellMissingContinuation, "`--header`"),
    ] as [(String, Rule, String)])
    func realBugsStayErrors(command: String, rule: Rule, words: String) throws {
        let report = verify("```sh { placeholders=\"\(Self.apiPlaceholders)\" }\n\(command)\n```\n")
        let finding = try #require(report.findings.first { $0.rule == rule }, "\(report.findings.map(\.message))")
        #expect(finding.severity == .error)
        #expect(finding.message.contains(words), "\(finding.message)")
    }
}
