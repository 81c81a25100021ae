import Diagnostics
import Foundation
import Verification

/// SARIF 2.1.0 for code-scanning upload: the whole rule catalogue in `tool.driver.rules`,
/// one result per finding with its physical location.
enum SARIFReport {
    /// The log up to the first result: results come before the tool, so each page's are
    /// written as soon as the page is verified.
    static let opening = "{\n  \"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\" : [\n    {\n      \"columnKind\" : \"unicodeCodePoints\",\n      \"results\" : ["

    /// The nesting level of the results array in the log.
    static let resultsLevel = 3

    static func result(_ finding: Finding) -> JSONValue {
        var message = finding.message
        if let suggestion = finding.suggestion { message += " (did you mean '\(suggestion)'?)" }
        let region = JSONValue.members([
            ("startLine", .int(finding.range.start.line)), ("startColumn", .int(finding.range.start.column)),
            ("endLine", .int(finding.range.end.line)), ("endColumn", .int(finding.range.end.column)),
        ])
        let location = JSONValue.members([("physicalLocation", .members([
            ("artifactLocation", .members([("uri", .string(uri(finding.file)))])), ("region", region),
        ]))])
        return .members([
            ("ruleId", .string(finding.rule.id)), ("ruleIndex", .int(ruleIndex[finding.rule.id] ?? 0)), ("level", .string(level(finding.severity))),
            ("message", .members([("text", .string(message))])), ("locations", .array([location])),
            ("relatedLocations", finding.pages.isEmpty ? nil : .array(finding.pages.enumerated().map { index, page in
                .members([
                    ("id", .int(index + 1)),
                    ("message", .members([("text", .string(page.product.map { "published through this page's source: for \($0)" } ?? "published through this page's source:"))])),
                    ("physicalLocation", .members([("artifactLocation", .members([("uri", .string(uri(page.path)))]))])),
                ])
            })),
        ])
    }

    /// Each rule's place in the catalogue (the first, should an ID repeat).
    private static let ruleIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (position, rule) in Rule.catalogue.enumerated() where index[rule.id] == nil { index[rule.id] = position }
        return index
    }()

    /// Everything after the results: the tool with the whole rule catalogue.
    static func closing(results: Int, suppressed: Int?, into out: inout [UInt8]) {
        out += (results == 0 ? "\n\n      ]" : "\n      ]").utf8
        if let suppressed {
            out += ",\n      \"properties\" : ".utf8
            PrettyJSON.write(.members([("suppressedByBaseline", .int(suppressed))]), level: resultsLevel, into: &out)
        }
        out += ",\n      \"tool\" : ".utf8
        let rules = Rule.catalogue.map { rule in
            JSONValue.members([
                ("id", .string(rule.id)), ("shortDescription", .members([("text", .string(rule.summary))])),
                ("fullDescription", .members([("text", .string(rule.explanation))])),
                ("defaultConfiguration", .members([("level", .string(level(rule.severity)))])),
            ])
        }
        let driver = JSONValue.members([
            ("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version)), ("informationUri", .string(ToolInfo.informationURI)),
            ("rules", .array(rules)),
        ])
        PrettyJSON.write(.members([("driver", driver)]), level: resultsLevel, into: &out)
        out += "\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n".utf8
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
