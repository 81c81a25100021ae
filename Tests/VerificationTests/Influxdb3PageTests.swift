import Foundation
import DocExtraction
import Testing
@testable import Verification

@Suite("influxdb3 commands on a page, read for its product")
struct Influxdb3PageTests {
    private let page = """
    ---
    title: Caches
    ---

    ```sh
    influxdb3 create distinct_cache --database sensors --table home --column room room_cache
    influxdb3 show nodes
    ```

    ```sh
    influxdb3 create database sensors
    ```
    """

    private func report(version: String) -> PageReport {
        Runner.verify(path: "caches.md", contents: Array(page.utf8), context: RunContext(jobs: 1),
                      reading: PageReading(product: HugoProduct(product: nil, version: version)))
    }

    @Test("on Core a near miss is an error and a far unknown a warning; on Enterprise each says less")
    func severitiesFollowTheProduct() {
        let core = report(version: "core").findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" }
        #expect(core == ["cli.unknown-flag error 6", "cli.unknown-command warning 7"])
        let enterprise = report(version: "enterprise").findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" }
        #expect(enterprise == ["cli.unknown-flag warning 6", "cli.unknown-command note 7"])
    }

    @Test("a block whose influxdb3 commands read cleanly passes; one with an error fails")
    func blockStatuses() {
        let statuses = report(version: "core").blocks.map(\.status)
        #expect(statuses == [.failed, .passed])
    }
}

@Suite("influxdb3 tokens run against a simulated InfluxDB 3 server")
struct Influxdb3TokenTests {
    private func report(_ page: String, version: String = "enterprise") -> PageReport {
        Runner.verify(path: "tokens.md", contents: Array(page.utf8), context: RunContext(jobs: 1),
                      reading: PageReading(product: HugoProduct(product: nil, version: version)))
    }

    private func checks(_ report: PageReport, block: Int = 0) -> [String] {
        report.blocks[block].checks.map { "\($0.rule.id) \($0.status)" }
    }

    @Test("a resource token whose name tells what it grants passes every promise")
    func heldPromises() {
        let result = report("""
        ```sh
        influxdb3 create token \\
          --permission "db:sensors:read" \\
          --permission "db:logs:read,write" \\
          --name "Read-only on sensors, read/write on logs" \\
          --expiry 7d
        ```
        """)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        let done = checks(result)
        for rule in ["token.one-time-display", "token.permissions", "token.expiry", "claim.permissions"] {
            #expect(done.contains("\(rule) passed"), "\(rule) not passed in \(done)")
        }
        #expect(result.blocks[0].status == .passed)
    }

    @Test("a token named read-only that grants write breaks its claim, at the name")
    func brokenClaim() throws {
        let result = report("""
        ```sh
        influxdb3 create token --permission "db:sensors:read,write" --name "Read-only token for sensors"
        ```
        """)
        let finding = try #require(result.findings.first { $0.rule.id == "claim.permissions" })
        #expect(finding.range.start.column == 68)
        #expect(result.blocks[0].status == .failed)
    }

    @Test("regenerating the operator token refuses the old string and accepts the new one")
    func regenerate() {
        let result = report("""
        ```sh
        influxdb3 create token --admin
        ```

        ```sh
        influxdb3 create token --admin --regenerate
        ```
        """, version: "core")
        #expect(result.findings.isEmpty)
        #expect(checks(result, block: 1).contains("token.revocation passed"))
    }

    @Test("a permission that is not RESOURCE_TYPE:NAMES:ACTIONS, and a resource token without a name, are reported")
    func malformedPermissions() {
        let result = report("""
        ```sh
        influxdb3 create token --permission "db:sensors" --name reader
        influxdb3 create token --permission "db:sensors:delete" --name deleter
        influxdb3 create token --permission "db:sensors:read"
        ```
        """)
        #expect(result.findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" } == [
            "cli.invalid-value warning 2", "cli.invalid-value warning 3", "cli.missing-argument warning 4",
        ])
    }

    @Test("on Core, create token needs --admin, and --permission is Enterprise's")
    func coreTokens() {
        let result = report("""
        ```sh
        influxdb3 create token --name reader
        influxdb3 create token --permission "db:sensors:read" --name reader
        ```
        """, version: "core")
        #expect(result.findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" } == [
            "cli.missing-argument error 2", "cli.unknown-flag warning 3",
        ])
    }
}

@Suite("A shared influxdb3 page published for Core and Enterprise")
struct Influxdb3SharedPageTests {
    private let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Influxdb3Fixtures/content")

    private func sharedReport() throws -> PageReport {
        let report = Runner.check(paths: [content.path], context: RunContext(jobs: 1), measureTime: false)
        return try #require(report.pages.first { $0.path.hasSuffix("shared/v3-tokens.md") })
    }

    @Test("each product checks the blocks it shows: Enterprise's resource token, Core's named admin token")
    func showInPerProduct() throws {
        let report = try sharedReport()
        let read = report.blocks.map { "\($0.product ?? "-") \($0.block.openingFence.line)" }
        #expect(read == ["core 10", "core 15", "enterprise 4", "enterprise 15"])
        let permission = try #require(report.blocks.first { $0.product == "enterprise" && $0.block.openingFence.line == 4 })
        #expect(permission.checks.contains { $0.rule.id == "claim.permissions" && $0.status == .passed })
    }

    @Test("a mistake both products see is one finding, as sure as the surer product says, naming both pages")
    func oneMistakeOneFinding() throws {
        let findings = try sharedReport().findings
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule.id == "cli.unknown-flag")
        #expect(finding.severity == .error)
        #expect(finding.pages.map(\.path).map { ($0 as NSString).lastPathComponent } == ["tokens.md", "tokens.md"])
        #expect(Set(finding.pages.compactMap(\.product)) == ["core", "enterprise"])
    }
}
