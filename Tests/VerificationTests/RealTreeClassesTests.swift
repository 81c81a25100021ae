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
}
