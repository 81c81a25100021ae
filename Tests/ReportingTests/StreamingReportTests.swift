import Diagnostics
import DocExtraction
import Foundation
import Testing
@testable import Reporting
import Verification

/// The streamed reports print what Foundation's encoder printed for the whole document, and
/// write a page's blocks before the run ends.
@Suite struct StreamingReportTests {
    private struct Sample: Encodable {
        var text: String
        var list: [String]
        var empty: [Int]
        var nested: Nested
        var flag: Bool
        var number: Int
    }

    private struct Nested: Encodable {
        var zeta: Int
        var alpha: [String]
        var Beta: String
        var a10: Int
        var a9: Int
    }

    private static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: ["plain", "quote \" and \\ back", "a/b http://x/y", "tab\tnew\nline\r", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", "ünï €😀 \u{2028}", ""])
    func printsAsFoundationDoes(text: String) throws {
        let sample = Sample(text: text, list: [text, "x"], empty: [], nested: Nested(zeta: -3, alpha: [], Beta: text, a10: 10, a9: 9), flag: true, number: 42)
        let value = JSONValue.members([
            ("text", .string(text)), ("list", .array([.string(text), .string("x")])), ("empty", .array([])),
            ("nested", .members([("zeta", .int(-3)), ("alpha", .array([])), ("Beta", .string(text)), ("a10", .int(10)), ("a9", .int(9))])),
            ("flag", .bool(true)), ("number", .int(42)), ("absent", .optional(nil as String?)),
        ])
        var printed: [UInt8] = []
        PrettyJSON.write(value, level: 0, into: &printed)
        #expect(String(decoding: printed, as: UTF8.self) == (try Self.encoded(sample)))
    }

    private static func page(blocks count: Int) -> PageReport {
        let block = CodeBlock(language: "sh", info: "sh", attributes: [:], origin: .body, openingFence: SourcePosition(line: 1, column: 1), closingLine: 3,
                              lines: [], directives: [], context: BlockContext(headings: ["A heading"]), anglePlaceholders: [], declaredPlaceholders: [])
        let report = BlockReport(block: block, status: .passed, commands: [CommandReport(line: 2, program: "influxctl", path: ["token", "list"],
                                                                                           request: RequestSummary(kind: "token.list"))], checks: [])
        return PageReport(path: "docs/many.md", influxctlVersion: "2.12.1", blocks: Array(repeating: report, count: count), findings: [], inputErrors: [])
    }

    @Test func writesBlocksBeforeTheRunEnds() {
        var written: [[UInt8]] = []
        var writer = ReportWriter(format: .json, influxctlVersion: "2.12.1", inputErrors: []) { written.append($0) }
        writer.add(Self.page(blocks: 1_000))
        #expect(!written.isEmpty)
        #expect(written.first.map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("{\n  \"blocks\" : [\n    {") == true)
        writer.finish(durationMs: 0)
        let whole = ReportRenderer.render(RunReport(influxctlVersion: "2.12.1", pages: [Self.page(blocks: 1_000)], inputErrors: [], durationMs: 0), format: .json)
        #expect(String(decoding: Array(written.joined()), as: UTF8.self) == whole)
    }

    @Test(arguments: ReportFormat.allCases)
    func anEmptyRunPrintsItsFrame(format: ReportFormat) throws {
        let rendered = ReportRenderer.render(RunReport(influxctlVersion: "2.12.1", pages: [], inputErrors: [], durationMs: 0), format: format)
        switch format {
        case .json:
            let object = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
            #expect((object?["blocks"] as? [Any])?.isEmpty == true)
            #expect(rendered.contains("\"blocks\" : [\n\n  ],\n  \"findings\" : [\n\n  ],"))
        case .sarif:
            #expect(rendered.contains("\"results\" : [\n\n      ],"))
        case .junit:
            #expect(rendered.hasSuffix("<testsuites name=\"docverify\" tests=\"0\" failures=\"0\" skipped=\"0\" time=\"0.000\">\n</testsuites>\n"))
        case .text, .github:
            #expect(rendered == "checked 0 files, 0 blocks: 0 passed, 0 failed, 0 skipped, 0 unverified; 0 errors, 0 warnings\n")
        }
    }
}
