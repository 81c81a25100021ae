import Foundation
import Verification

/// What `docverify impact` and `docverify coverage` print, as text or JSON.
public enum MaintainerReports {
    // MARK: impact

    public static func impactText(_ report: ImpactReport) -> String {
        var out = "influxctl \(report.from) -> \(report.to)\n"
        out += "\nchanges in the model:\n"
        out += report.modelChanges.isEmpty ? "  none\n" : report.modelChanges.map { "  \($0)\n" }.joined()
        for (title, entries) in [("findings the new release adds", report.appeared), ("findings the new release removes", report.disappeared)] {
            out += "\n\(title) (\(entries.count)):\n"
            let groups = Dictionary(grouping: entries, by: \.subject)
            for subject in groups.keys.sorted() {
                out += "  \(subject)\n"
                for entry in groups[subject] ?? [] {
                    let finding = entry.finding
                    out += "    \(finding.file):\(finding.range.start.line):\(finding.range.start.column): \(finding.severity.rawValue)[\(finding.rule.id)]: \(finding.message)\n"
                }
            }
        }
        out += "\nbehaviour checks whose verdict changed (\(report.changedChecks.count)):\n"
        for change in report.changedChecks {
            out += "  \(change.file):\(change.line): \(change.rule)\n    before: \(change.before)\n    after:  \(change.after)\n"
        }
        return out
    }

    struct ImpactDocument: Encodable {
        struct Entry: Encodable {
            var subject, rule, severity, file, message: String
            var line, column: Int
        }

        struct Change: Encodable {
            var file, rule, before, after: String
            var line: Int
        }

        var from, to: String
        var modelChanges: [String]
        var appeared, disappeared: [Entry]
        var changedChecks: [Change]
    }

    public static func impactJSON(_ report: ImpactReport) -> String {
        func entry(_ item: ImpactEntry) -> ImpactDocument.Entry {
            ImpactDocument.Entry(subject: item.subject, rule: item.finding.rule.id, severity: item.finding.severity.rawValue, file: item.finding.file,
                                 message: item.finding.message, line: item.finding.range.start.line, column: item.finding.range.start.column)
        }
        let document = ImpactDocument(
            from: report.from.description, to: report.to.description, modelChanges: report.modelChanges,
            appeared: report.appeared.map(entry), disappeared: report.disappeared.map(entry),
            changedChecks: report.changedChecks.map { ImpactDocument.Change(file: $0.file, rule: $0.rule, before: $0.before, after: $0.after, line: $0.line) })
        return encode(document)
    }

    // MARK: coverage

    public static func coverageText(_ report: CoverageReport) -> String {
        var out = "influxctl \(report.release): \(report.commands.count) commands, \(report.unusedCommands.count) without an example\n"
        out += "\ncommands no example runs:\n"
        out += report.unusedCommands.isEmpty ? "  none\n" : report.unusedCommands.map { "  influxctl \($0.joined(separator: " "))\n" }.joined()
        out += "\nflags no example passes:\n"
        out += report.unusedFlags.isEmpty ? "  none\n" : report.unusedFlags.map { "  \($0)\n" }.joined()
        out += "\nexamples per command:\n"
        for command in report.commands where !command.uses.isEmpty {
            let sites = command.uses.prefix(3).map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            out += "  \(String(command.uses.count).leftPadded(to: 4))  influxctl \(command.path.joined(separator: " "))  (\(sites)\(command.uses.count > 3 ? ", ..." : ""))\n"
            for flag in command.flags where !flag.uses.isEmpty {
                out += "  \(String(flag.uses.count).leftPadded(to: 4))      --\(flag.name)\n"
            }
        }
        return out
    }

    struct CoverageDocument: Encodable {
        struct Site: Encodable {
            var file: String
            var line: Int
        }

        struct Flag: Encodable {
            var name: String
            var uses: [Site]
        }

        struct Command: Encodable {
            var path: [String]
            var uses: [Site]
            var flags: [Flag]
        }

        var influxctlVersion: String
        var unusedCommands: [String]
        var unusedFlags: [String]
        var commands: [Command]
        var globalFlags: [Flag]
    }

    public static func coverageJSON(_ report: CoverageReport) -> String {
        func sites(_ uses: [UseSite]) -> [CoverageDocument.Site] { uses.map { CoverageDocument.Site(file: $0.file, line: $0.line) } }
        let document = CoverageDocument(
            influxctlVersion: report.release.description,
            unusedCommands: report.unusedCommands.map { $0.joined(separator: " ") }, unusedFlags: report.unusedFlags,
            commands: report.commands.map { command in
                CoverageDocument.Command(path: command.path, uses: sites(command.uses),
                                         flags: command.flags.map { CoverageDocument.Flag(name: $0.name, uses: sites($0.uses)) })
            },
            globalFlags: report.globalFlags.map { CoverageDocument.Flag(name: $0.name, uses: sites($0.uses)) })
        return encode(document)
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
