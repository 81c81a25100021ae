import ArgumentParser
import Diagnostics
import Foundation

/// `docverify rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, severity, what it checks.")

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let text: String
        switch format {
        case .text:
            let width = Rule.catalogue.map(\.id.count).max() ?? 0
            text = Rule.catalogue.map { rule in
                rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.summary
            }.joined(separator: "\n") + "\n"
        case .json:
            struct Entry: Encodable {
                var id, severity, summary, explanation: String
                var behaviourCheck: Bool
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let entries = Rule.catalogue.map { Entry(id: $0.id, severity: $0.severity.rawValue, summary: $0.summary, explanation: $0.explanation, behaviourCheck: $0.isBehaviourCheck) }
            text = String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
