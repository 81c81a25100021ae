import Foundation
import Diagnostics
import DocExtraction

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
                let (message, schema) = Self.schemaSource(of: finding.message)
                let key = Key(rule: finding.rule.id, range: finding.range, message: message, suggestion: finding.suggestion)
                if let index = seen[key] {
                    findings[index].pages += pages
                    findings[index].severity = max(findings[index].severity, finding.severity)
                    // The same mistake judged by each product's own spec: name every spec once.
                    if let schema, !findings[index].message.contains(schema) {
                        findings[index].message = String(findings[index].message.dropLast()) + ", " + schema + ")"
                    }
                    continue
                }
                var finding = finding
                finding.blockIndex = finding.blockIndex.map { $0 + offset }
                finding.pages = pages
                seen[key] = findings.count
                findings.append(finding)
            }
        }
        for index in findings.indices { findings[index].pages.sort() }
        findings.sort { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
        return PageReport(path: first.path, influxctlVersion: first.influxctlVersion, blocks: blocks, findings: findings,
                          inputErrors: first.inputErrors, publishedBy: publishedBy.sorted())
    }

    /// A message without its closing `(schema: …)`, and the schema it names.
    private static func schemaSource(of message: String) -> (message: String, schema: String?) {
        guard message.hasSuffix(")"), let open = message.range(of: " (schema: ", options: .backwards) else { return (message, nil) }
        let schema = message[open.upperBound...].dropLast()
        return (String(message[..<open.lowerBound]), String(schema))
    }
}
