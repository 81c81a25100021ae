import Diagnostics
import Verification

/// GitHub Actions workflow commands: one annotation per finding, escaped the way
/// `@actions/core` does, then a summary line.
enum GitHubReport {
    /// An input problem's annotation.
    static func inputError(_ problem: InputError) -> String {
        var properties = ["file=\(escapeProperty(problem.file))"]
        if let position = problem.position {
            properties += ["line=\(position.line)", "col=\(position.column)"]
        }
        return "::error \(properties.joined(separator: ","))::\(escapeData(problem.message))\n"
    }

    /// A finding's annotation.
    static func finding(_ finding: Finding) -> String {
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
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
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
