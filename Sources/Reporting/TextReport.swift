import Foundation
import Diagnostics
import Verification

/// Whether the text report may use ANSI colour.
public enum TextStyle: Sendable {
    case plain, color
}

/// `file:line:column: severity[rule]: message`, the source line with a caret under the word,
/// the suggestion, and a closing summary: the form editors and terminals make clickable.
enum TextReport {
    /// An input problem's line.
    static func inputError(_ problem: InputError, style: TextStyle) -> String {
        let position = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(problem.file)\(position): \(paint("error", .red, style)): \(problem.message)\n"
    }

    /// A page's findings, each with its source line and caret.
    static func findings(of page: PageReport, style: TextStyle, sourceLine: (String, Int) -> String?) -> String {
        var out = ""
        // Findings on one line come together; its scalars are split out once for all of them.
        var cached: (file: String, line: Int, scalars: [Unicode.Scalar]?)?
        for finding in page.findings {
            let severity = paint(finding.severity.rawValue, colour(of: finding.severity), style)
            out += "\(finding.file):\(finding.range.start.line):\(finding.range.start.column): \(severity)[\(finding.rule.id)]: \(finding.message.replacingNewlines)\n"
            if cached?.file != finding.file || cached?.line != finding.range.start.line {
                cached = (finding.file, finding.range.start.line, sourceLine(finding.file, finding.range.start.line).map { Array($0.unicodeScalars) })
            }
            if let scalars = cached?.scalars, finding.range.start.column <= scalars.count + 1 {
                out += excerpt(scalars, finding: finding, style: style)
            }
            if let suggestion = finding.suggestion {
                out += "   = help: did you mean '\(suggestion)'?\n"
            }
            if !finding.pages.isEmpty {
                out += "   = via: \(finding.pages.map { page in page.product.map { "\(page.path) (\($0))" } ?? page.path }.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// The widest excerpt of a source line the report prints; longer lines are cut around
    /// the finding, so a 10 MB line costs one screen, not 10 MB per finding.
    static let excerptWidth = 160

    /// The source line with a caret under the finding's word.
    private static func excerpt(_ scalars: [Unicode.Scalar], finding: Finding, style: TextStyle) -> String {
        var start = max(finding.range.start.column - 1, 0)
        let end = finding.range.end.line == finding.range.start.line ? min(finding.range.end.column - 1, scalars.count) : scalars.count
        var window = 0..<scalars.count
        var prefix = ""
        var suffix = ""
        if scalars.count > excerptWidth {
            let from = max(0, min(start - excerptWidth / 4, scalars.count - excerptWidth))
            window = from..<(from + excerptWidth)
            if from > 0 { prefix = "…" }
            if window.upperBound < scalars.count { suffix = "…" }
        }
        let shown = prefix + String(String.UnicodeScalarView(scalars[window])) + suffix
        start = start - window.lowerBound + prefix.unicodeScalars.count
        let width = max(min(end - window.lowerBound + prefix.unicodeScalars.count, shown.unicodeScalars.count) - start, 1)
        let number = String(finding.range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let padding = String(shown.unicodeScalars.prefix(start).map { $0 == "\t" ? "\t" : " " })
        return " \(number) | \(shown)\n"
            + " \(gutter) | \(padding)\(paint("^" + String(repeating: "~", count: width - 1), colour(of: finding.severity), style))\n"
    }

    /// `checked 3 files (1 shared file read as published by 2 pages), 12 blocks: 8 passed, 1 failed, 2 skipped, 1 unverified; 1 error, 0 warnings (35 ms)`
    static func summaryLine(_ summary: Summary, durationMs: Int) -> String {
        var line = "checked \(plural(summary.files, "file"))"
        if summary.sharedFiles > 0 {
            line += " (\(plural(summary.sharedFiles, "shared file")) read as published by \(plural(summary.publishingPages, "page")))"
        }
        line += ", \(plural(summary.blocks, "block")): "
        line += "\(summary.passed) passed, \(summary.failed) failed, \(summary.skipped) skipped, \(summary.unverified) unverified; "
        line += "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning"))"
        if let suppressed = summary.suppressed { line += ", \(suppressed) suppressed by the baseline" }
        if durationMs > 0 { line += " (\(durationMs) ms)" }
        return line
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private enum Colour: String {
        case red = "31", yellow = "33", cyan = "36"
    }

    private static func colour(of severity: Severity) -> Colour {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private static func paint(_ text: String, _ colour: Colour, _ style: TextStyle) -> String {
        style == .color ? "\u{1B}[1;\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text on one line: CR and LF shown as `\r` and `\n`.
    var replacingNewlines: String {
        replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
