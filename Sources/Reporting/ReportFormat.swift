import Verification

/// The report formats `--format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, github, sarif
}

/// The tool's identity as reports print it.
public enum ToolInfo {
    public static let name = "docverify"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/docverify/docverify"
}

/// Renders a run in any format. Pure: the same report gives the same bytes.
public enum ReportRenderer {
    /// - Parameter sourceLine: the text of a line of a file, for the text format's excerpts.
    public static func render(_ report: RunReport, format: ReportFormat, style: TextStyle = .plain,
                              sourceLine: (String, Int) -> String? = { _, _ in nil }) -> String {
        var bytes: [UInt8] = []
        var writer = ReportWriter(format: format, style: style, influxctlVersion: report.influxctlVersion, inputErrors: report.inputErrors) { bytes += $0 }
        for page in report.pages { writer.add(page, sourceLine: sourceLine) }
        writer.finish(durationMs: report.durationMs)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes a report in any format while a run goes on, with the same bytes as
/// `ReportRenderer.render` of the whole run. Each page is added once verified, in file order,
/// and need not be kept: what the format prints of it is written at once (JSON blocks, SARIF
/// results, input problems in text and GitHub form) or kept as the text printed at the end
/// (findings, which follow every input problem; JUnit suites, which follow the run's totals).
public struct ReportWriter {
    private let format: ReportFormat
    private let style: TextStyle
    private let influxctlVersion: String
    private let emit: ([UInt8]) -> Void
    /// Written, not yet handed to `emit`.
    private var pending: [UInt8] = []
    /// Printed at the end: findings (text, GitHub, JSON) or test suites (JUnit).
    private var held: [UInt8] = []
    /// JSON input problems, printed after the findings.
    private var heldInputErrors: [UInt8] = []
    private var summary = Summary()
    private var blocks = 0
    private var results = 0

    /// Text is handed to `emit` in pieces of about this many bytes.
    private static let pieceSize = 1 << 16

    /// - Parameters:
    ///   - inputErrors: the paths of the run that could not be read.
    ///   - emit: called with the report's UTF-8 bytes, piece by piece, in order.
    public init(format: ReportFormat, style: TextStyle = .plain, influxctlVersion: String, inputErrors: [InputError],
                emit: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.style = style
        self.influxctlVersion = influxctlVersion
        self.emit = emit
        summary.errors = inputErrors.count
        switch format {
        case .text: pending = Array(inputErrors.map { TextReport.inputError($0, style: style) }.joined().utf8)
        case .github: pending = Array(inputErrors.map(GitHubReport.inputError).joined().utf8)
        case .json:
            pending = Array(JSONReport.opening.utf8)
            for problem in inputErrors { holdInputError(problem) }
        case .sarif: pending = Array(SARIFReport.opening.utf8)
        case .junit: break
        }
    }

    /// Adds a verified page, the next in file order.
    /// - Parameter sourceLine: the text of a line of a file, for the text format's excerpts.
    public mutating func add(_ page: PageReport, sourceLine: (String, Int) -> String? = { _, _ in nil }) {
        switch format {
        case .text:
            for problem in page.inputErrors { pending += TextReport.inputError(problem, style: style).utf8 }
            held += TextReport.findings(of: page, style: style, sourceLine: sourceLine).utf8
        case .github:
            for problem in page.inputErrors { pending += GitHubReport.inputError(problem).utf8 }
            for finding in page.findings { held += GitHubReport.finding(finding).utf8 }
        case .json:
            for block in page.blocks {
                JSONReport.appendElement(JSONReport.block(block, of: page), first: blocks == 0, level: 1, to: &pending)
                blocks += 1
                flushIfLarge()
            }
            let offset = blocks - page.blocks.count
            for finding in page.findings {
                JSONReport.appendElement(JSONReport.finding(finding, blockOffset: offset), first: held.isEmpty, level: 1, to: &held)
            }
            for problem in page.inputErrors { holdInputError(problem) }
        case .sarif:
            for finding in page.findings {
                JSONReport.appendElement(SARIFReport.result(finding), first: results == 0, level: SARIFReport.resultsLevel, to: &pending)
                results += 1
                flushIfLarge()
            }
        case .junit:
            held += JUnitReport.testSuite(page).utf8
        }
        summary.add(page)
        flushIfLarge()
    }

    /// Writes the rest of the report: what was held, and the run's totals.
    /// - Parameter suppressed: the findings a baseline held back, when the run had one.
    public mutating func finish(durationMs: Int, suppressed: Int? = nil) {
        summary.suppressed = suppressed
        switch format {
        case .text, .github:
            pending += held
            pending += (TextReport.summaryLine(summary, durationMs: durationMs) + "\n").utf8
        case .json:
            JSONReport.closing(blocks: blocks, findings: held, influxctlVersion: influxctlVersion, inputErrors: heldInputErrors,
                               summary: summary, durationMs: durationMs, into: &pending)
        case .sarif:
            SARIFReport.closing(results: results, suppressed: summary.suppressed, into: &pending)
        case .junit:
            pending += JUnitReport.opening(summary: summary, durationMs: durationMs).utf8
            pending += held
            pending += JUnitReport.closing.utf8
        }
        held = []
        emit(pending)
        pending = []
    }

    private mutating func holdInputError(_ problem: InputError) {
        JSONReport.appendElement(JSONReport.inputError(problem), first: heldInputErrors.isEmpty, level: 1, to: &heldInputErrors)
    }

    private mutating func flushIfLarge() {
        guard pending.count >= Self.pieceSize else { return }
        emit(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
