import Diagnostics
import DocExtraction
import Testing
@testable import Verification

/// A shared page's readings merge into one report: one finding per mistake, naming every
/// product's spec that judged it once.
@Suite struct PublishedReadingsTests {
    private func reading(_ version: String, schema: String, severity: Severity) -> (reading: PageReading, report: PageReport) {
        let finding = Finding(rule: .apiSchema, severity: severity, file: "shared/a.md", range: SourceRange(start: SourcePosition(line: 3, column: 5), length: 4),
                              message: "unknown field \"ttl\" (schema: \(schema))")
        return (PageReading(product: HugoProduct(product: nil, version: version), publishers: ["\(version)/a.md"]),
                PageReport(path: "shared/a.md", influxctlVersion: "2.12.1", blocks: [], findings: [finding], inputErrors: []))
    }

    @Test func oneMistakeJudgedByTwoSpecsNamesEachOnceAtTheSurerSeverity() throws {
        let merged = PublishedReadings.merged([
            reading("core", schema: "api-docs/core.yaml", severity: .warning),
            reading("enterprise", schema: "api-docs/enterprise.yaml", severity: .error),
            reading("cloud", schema: "api-docs/core.yaml", severity: .warning),
        ])
        let finding = try #require(merged.findings.first)
        #expect(merged.findings.count == 1)
        #expect(finding.message == "unknown field \"ttl\" (schema: api-docs/core.yaml, api-docs/enterprise.yaml)")
        #expect(finding.severity == .error)
        #expect(finding.pages.map(\.path) == ["cloud/a.md", "core/a.md", "enterprise/a.md"])
    }
}
