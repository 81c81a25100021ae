import Diagnostics
import Verification

/// GitHub Actions workflow commands: one annotation per finding, escaped the way
/// `@actions/core` does, then a summary line.
enum GitHubReport {
    static func render(_ report: RunReport) -> String {
        var out = ""
        for problem in report.allInputErrors {
            var properties = ["file=\(escapeProperty(problem.file))"]
            if let position = problem.position {
                properties += ["line=\(position.line)", "col=\(position.column)"]
            }
            out += "::error \(properties.joined(separator: ","))::\(escapeData(problem.message))\n"
        }
        for finding in report.findings {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let properties = [
                "file=\(escapeProperty(finding.file))",
                "line=\(finding.range.start.line)",
                "col=\(finding.range.start.column)",
                "endLine=\(finding.range.end.line)",
                "endColumn=\(finding.range.end.column)",
                "title=\(escapeProperty(finding.rule.id))",
            ]
            var message = finding.message
            if let suggestion = finding.suggestion { message += " (did you mean '\(suggestion)'?)" }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        out += TextReport.summaryLine(report) + "\n"
        return out
    }

    /// `%`, CR and LF in a message.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Also `:` and `,` in a property value.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
