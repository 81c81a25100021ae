import Diagnostics
import Foundation
import Verification

/// The JSON report, schema version 1 (docs/json-report.md).
enum JSONReport {
    struct Document: Encodable {
        var schemaVersion = 1
        var tool = Tool()
        var influxctlVersion: String
        var summary: SummaryObject
        var findings: [FindingObject]
        var blocks: [BlockObject]
        var inputErrors: [InputErrorObject]
    }

    struct Tool: Encodable {
        var name = ToolInfo.name
        var version = ToolInfo.version
    }

    struct SummaryObject: Encodable {
        var files, blocks, commands, passed, failed, skipped, unverified, errors, warnings, durationMs: Int
    }

    struct FindingObject: Encodable {
        var rule: String
        var severity: String
        var file: String
        var line, column, endLine, endColumn: Int
        var message: String
        var suggestion: String?
        var block: Int?
    }

    struct BlockObject: Encodable {
        var file: String
        var line, endLine: Int
        var language: String
        var origin: String
        var status: String
        /// Why a skipped block was skipped: `directive` or `draft`.
        var reason: String?
        var influxctlVersion: String
        var context: ContextObject
        var commands: [CommandObject]
        var checks: [CheckObject]
    }

    struct ContextObject: Encodable {
        var headings: [String]
        var titles: [String]
        var tab: String?
    }

    struct CommandObject: Encodable {
        var line: Int
        var program: String
        var path: [String]
        var request: RequestObject?
    }

    struct RequestObject: Encodable {
        var summary: RequestSummary

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(summary.kind, forKey: Key(stringValue: "kind"))
            for field in summary.fields {
                let key = Key(stringValue: field.name)
                switch field.value {
                case .text(let text): try container.encode(text, forKey: key)
                case .list(let list): try container.encode(list, forKey: key)
                case .flag(let flag): try container.encode(flag, forKey: key)
                }
            }
        }
    }

    struct CheckObject: Encodable {
        var rule: String
        var status: String
        var detail: String?
    }

    struct InputErrorObject: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var message: String
    }

    static func render(_ report: RunReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document(of: report)), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }

    static func document(of report: RunReport) -> Document {
        var blocks: [BlockObject] = []
        var findings: [FindingObject] = []
        for page in report.pages {
            let offset = blocks.count
            for block in page.blocks {
                blocks.append(BlockObject(
                    file: page.path, line: block.block.openingFence.line, endLine: block.block.closingLine,
                    language: block.block.language, origin: block.block.origin.rawValue, status: block.status.rawValue,
                    reason: block.status == .skipped ? block.block.skipReason?.rawValue : nil, influxctlVersion: page.influxctlVersion,
                    context: ContextObject(headings: block.block.context.headings, titles: block.block.context.titles, tab: block.block.context.tab),
                    commands: block.commands.map { CommandObject(line: $0.line, program: $0.program, path: $0.path, request: $0.request.map(RequestObject.init)) },
                    checks: block.checks.map { CheckObject(rule: $0.rule.id, status: $0.status.rawValue, detail: $0.detail) }
                ))
            }
            for finding in page.findings {
                findings.append(FindingObject(
                    rule: finding.rule.id, severity: finding.severity.rawValue, file: finding.file,
                    line: finding.range.start.line, column: finding.range.start.column,
                    endLine: finding.range.end.line, endColumn: finding.range.end.column,
                    message: finding.message, suggestion: finding.suggestion, block: finding.blockIndex.map { $0 + offset }
                ))
            }
        }
        let summary = report.summary
        return Document(
            influxctlVersion: report.influxctlVersion,
            summary: SummaryObject(files: summary.files, blocks: summary.blocks, commands: summary.commands, passed: summary.passed,
                                   failed: summary.failed, skipped: summary.skipped, unverified: summary.unverified,
                                   errors: summary.errors, warnings: summary.warnings, durationMs: report.durationMs),
            findings: findings, blocks: blocks,
            inputErrors: report.allInputErrors.map { InputErrorObject(file: $0.file, line: $0.position?.line, column: $0.position?.column, message: $0.message) }
        )
    }
}
