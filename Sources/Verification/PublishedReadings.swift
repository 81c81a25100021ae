import Foundation
import Diagnostics
import DocExtraction
import ManagementAPI

/// Joins the reports of one shared file read for several products into one: its blocks once
/// per product, and one finding for a mistake every reading made, listing all their pages.
enum PublishedReadings {
    /// What makes two readings' findings the same mistake; the surer reading's severity wins
    /// (a misspelt option is an error on Core and a warning on Enterprise).
    private struct Key: Hashable {
        var rule: String
        var range: SourceRange
        var message: String
        var suggestion: String?
    }

    static func merged(_ readings: [(reading: PageReading, report: PageReport)]) -> PageReport {
        guard let first = readings.first?.report else { preconditionFailure("a unit has at least one reading") }
        var blocks: [BlockReport] = []
        var findings: [Finding] = []
        var seen: [Key: Int] = [:]
        // The references that judged each merged finding, when its message names them.
        var schemas: [Int: (statement: String, schemas: [String])] = [:]
        var publishedBy: [PublishingPage] = []
        for (reading, report) in readings {
            let product = reading.product?.description
            let pages = reading.publishers.map { PublishingPage(path: $0, product: product) }
            publishedBy += pages
            let offset = blocks.count
            blocks += report.blocks.map { block in
                var block = block
                block.product = product
                return block
            }
            for finding in report.findings {
                let (statement, schema) = SchemaNote.parts(of: finding.message)
                let key = Key(rule: finding.rule.id, range: finding.range, message: statement, suggestion: finding.suggestion)
                if let index = seen[key] {
                    findings[index].pages += pages
                    findings[index].severity = max(findings[index].severity, finding.severity)
                    // The same mistake judged by each product's own spec: name every spec once.
                    if let schema, var judged = schemas[index], !judged.schemas.contains(schema) {
                        judged.schemas.append(schema)
                        schemas[index] = judged
                        findings[index].message = SchemaNote.message(judged.statement, schemas: judged.schemas)
                    }
                    continue
                }
                var finding = finding
                finding.blockIndex = finding.blockIndex.map { $0 + offset }
                finding.pages = pages
                seen[key] = findings.count
                if let schema { schemas[findings.count] = (statement, [schema]) }
                findings.append(finding)
            }
        }
        for index in findings.indices { findings[index].pages.sort() }
        findings.sort { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
        return PageReport(path: first.path, influxctlVersion: first.influxctlVersion, blocks: blocks, findings: findings,
                          inputErrors: first.inputErrors, publishedBy: publishedBy.sorted())
    }
}
