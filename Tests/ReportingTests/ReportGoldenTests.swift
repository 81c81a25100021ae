import Diagnostics
import DocExtraction
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reporting
import Verification

let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// One result, built by hand, whose messages hold everything reporters must escape.
func sampleReport() -> RunReport {
    func position(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }
    let block = CodeBlock(
        language: "sh", info: "sh", attributes: [:], origin: .body, openingFence: position(3, 1), closingLine: 6,
        lines: [SourceLine(text: "influxctl token create \\", start: position(4, 1)), SourceLine(text: "  --read-databse mydb \"Tok\"", start: position(5, 1))],
        directives: [], context: BlockContext(headings: ["Tokens & <access>"], titles: ["Read-only 100% \"quoted\""]),
        anglePlaceholders: [], declaredPlaceholders: []
    )
    let skipped = CodeBlock(
        language: "bash", info: "bash", attributes: [:], origin: .frontMatter, openingFence: position(8, 3), closingLine: 10,
        lines: [SourceLine(text: "influxctl token list", start: position(9, 3))], directives: [.skip(range: SourceRange(start: position(7, 1), length: 24))],
        context: BlockContext(), anglePlaceholders: [], declaredPlaceholders: []
    )
    let findings = [
        Finding(rule: .cliUnknownFlag, file: "docs/a b/ünïcode.md", range: SourceRange(start: position(5, 3), length: 14),
                message: "unknown flag '--read-databse' for 'influxctl token create' & <more>", suggestion: "--read-database", blockIndex: 0),
        Finding(rule: .claimOutdated, file: "docs/a b/ünïcode.md", range: SourceRange(start: position(12, 1), length: 20),
                message: "100% wrong,\nsays \"cannot\": really\r"),
    ]
    let page = PageReport(
        path: "docs/a b/ünïcode.md", influxctlVersion: "2.12.1",
        blocks: [
            BlockReport(block: block, status: .failed, commands: [CommandReport(line: 4, program: "influxctl", path: ["token", "create"],
                                                                                 request: RequestSummary(kind: "token.create", fields: [.init("readDatabases", .list(["mydb"])), .init("description", .text("Tok")), .init("force", .flag(false))]))],
                        checks: [CheckResult(rule: .tokenPermissions, status: .passed)]),
            BlockReport(block: skipped, status: .skipped, commands: [], checks: []),
        ],
        findings: findings, inputErrors: []
    )
    return RunReport(influxctlVersion: "2.12.1", pages: [page], inputErrors: [InputError(file: "docs/missing.md", position: nil, message: "no such file")], durationMs: 0)
}

@Suite struct ReportGoldenTests {
    @Test(arguments: ReportFormat.allCases)
    func matchesGolden(format: ReportFormat) throws {
        let lines = ["", "", "```sh", "influxctl token create \\", "  --read-databse mydb \"Tok\"", "```", "", "", "", "", "", "The page says \"tokens cannot\" be."]
        let rendered = ReportRenderer.render(sampleReport(), format: format) { _, line in line <= lines.count ? lines[line - 1] : nil }
        let file = golden.appendingPathComponent("report.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["DOCVERIFY_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected)
    }

    @Test func junitIsWellFormedXML() throws {
        let xml = ReportRenderer.render(sampleReport(), format: .junit)
        let document = try XMLDocument(data: Data(xml.utf8))
        let failures = try document.nodes(forXPath: "//failure")
        #expect(failures.count == 2)
        #expect(try document.nodes(forXPath: "//skipped").count == 1)
    }

    @Test func jsonAndSarifParse() throws {
        for format in [ReportFormat.json, .sarif] {
            let text = ReportRenderer.render(sampleReport(), format: format)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            #expect(object is [String: Any])
        }
    }

    @Test(arguments: [
        ("50% done", "50%25 done"),
        ("line\nbreak\r", "line%0Abreak%0D"),
    ])
    func githubMessagesAreEscaped(raw: String, escaped: String) {
        #expect(GitHubReport.escapeData(raw) == escaped)
    }

    @Test func githubPropertiesAlsoEscapeColonAndComma() {
        #expect(GitHubReport.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test func textHasAClickableLocationACaretAndTheSuggestion() {
        let lines = ["", "", "", "", "  --read-databse mydb \"Tok\""]
        let text = ReportRenderer.render(sampleReport(), format: .text) { _, line in line <= lines.count ? lines[line - 1] : nil }
        #expect(text.contains("docs/a b/ünïcode.md:5:3: error[cli.unknown-flag]: unknown flag"))
        #expect(text.contains("   |   ^~~~~~~~~~~~~~\n"))
        #expect(text.contains("= help: did you mean '--read-database'?"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAsked() {
        let text = ReportRenderer.render(sampleReport(), format: .text, style: .color)
        #expect(text.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }
}

@Suite struct LongLineExcerptTests {
    @Test func aLongLineIsCutAroundTheFinding() {
        let line = String(repeating: "a", count: 10_000) + " --read-databse " + String(repeating: "b", count: 10_000)
        let finding = Finding(rule: .cliUnknownFlag, file: "long.md", range: SourceRange(start: SourcePosition(line: 1, column: 10_002), length: 14),
                              message: "unknown flag --read-databse", blockIndex: nil)
        let report = RunReport(influxctlVersion: "2.12.1", pages: [PageReport(path: "long.md", influxctlVersion: "2.12.1", blocks: [], findings: [finding], inputErrors: [])],
                               inputErrors: [], durationMs: 0)
        let text = ReportRenderer.render(report, format: .text) { _, _ in line }
        let lines = text.split(separator: "\n")
        #expect(lines[1].contains("…") && lines[1].contains("--read-databse") && lines[1].count < 200)
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let flagColumn = lines[1].range(of: "--read-databse").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caretColumn == flagColumn)
    }
}

/// The reports of a Hugo tree whose shared file two products publish: the text report's
/// `= via:` lines, the JSON `product` and `pages` fields and SARIF's `relatedLocations`,
/// against golden files (paths shown from the fixture's `content` folder).
@Suite struct HugoReportGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("VerificationTests/HugoFixtures").path

    @Test(arguments: [ReportFormat.text, .json, .sarif])
    func matchesGolden(format: ReportFormat) throws {
        let report = Runner.check(paths: [Self.fixtures + "/content"], context: RunContext(jobs: 2), measureTime: false)
        let rendered = ReportRenderer.render(report, format: format).replacingOccurrences(of: Self.fixtures + "/", with: "")
        let file = golden.appendingPathComponent("hugo.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["DOCVERIFY_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(rendered == (try String(contentsOf: file, encoding: .utf8)))
        let shown: String = switch format {
        case .text: "= via: content/plant/core/tokens.md (core), content/plant/edge/tokens.md (edge)"
        case .json: "\"pages\" : [\n        {\n          \"path\" : \"content/plant/core/tokens.md\",\n          \"product\" : \"core\""
        default: "\"relatedLocations\""
        }
        #expect(rendered.contains(shown))
    }
}
