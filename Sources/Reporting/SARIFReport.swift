import Diagnostics
import Foundation
import Verification

/// SARIF 2.1.0 for code-scanning upload: the whole rule catalogue in `tool.driver.rules`,
/// one result per finding with its physical location.
enum SARIFReport {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = ToolInfo.name
        var version = ToolInfo.version
        var informationUri = ToolInfo.informationURI
        var rules: [RuleDescriptor]
    }

    struct Text: Encodable {
        var text: String
    }

    struct RuleDescriptor: Encodable {
        var id: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine, startColumn, endLine, endColumn: Int
    }

    static func render(_ report: RunReport) -> String {
        let rules = Rule.catalogue
        let descriptors = rules.map {
            RuleDescriptor(id: $0.id, shortDescription: Text(text: $0.summary), fullDescription: Text(text: $0.explanation),
                           defaultConfiguration: Configuration(level: level($0.severity)))
        }
        let results = report.findings.map { finding in
            var message = finding.message
            if let suggestion = finding.suggestion { message += " (did you mean '\(suggestion)'?)" }
            return Result(
                ruleId: finding.rule.id, ruleIndex: rules.firstIndex(of: finding.rule) ?? 0, level: level(finding.severity),
                message: Text(text: message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(finding.file)),
                    region: Region(startLine: finding.range.start.line, startColumn: finding.range.start.column,
                                   endLine: finding.range.end.line, endColumn: finding.range.end.column)))]
            )
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: descriptors)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative URI for a path as the user gave it: `./` dropped, each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":;"))
        return trimmed.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
