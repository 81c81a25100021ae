import Foundation
import InfluxctlModel

/// A finding that appears or disappears between two releases, with what changed for it.
public struct ImpactEntry: Hashable, Sendable {
    /// The command, flag or behaviour the finding is about: `--expires-at`, `token update`.
    public var subject: String
    public var finding: Finding
}

/// A behaviour check whose verdict or account changed between two releases.
public struct CheckChange: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var rule: String
    public var before: String
    public var after: String
}

/// What moving the docs from one influxctl release to another changes.
public struct ImpactReport: Hashable, Sendable {
    public var from: CLIVersion
    public var to: CLIVersion
    /// Commands, flags and behaviours that differ between the two releases.
    public var modelChanges: [String]
    /// Findings under `to` that `from` did not have: what the new release breaks.
    public var appeared: [ImpactEntry]
    /// Findings under `from` that `to` no longer has: what the new release fixes.
    public var disappeared: [ImpactEntry]
    public var changedChecks: [CheckChange]
}

/// Compares two runs of the same docs under two releases.
public enum Impact {
    public static func compare(_ before: RunReport, _ after: RunReport, from: CLIVersion, to: CLIVersion) -> ImpactReport {
        let oldKeys = Set(before.findings.map(key))
        let newKeys = Set(after.findings.map(key))
        let appeared = after.findings.filter { !oldKeys.contains(key($0)) }.map { ImpactEntry(subject: subject(of: $0), finding: $0) }
        let disappeared = before.findings.filter { !newKeys.contains(key($0)) }.map { ImpactEntry(subject: subject(of: $0), finding: $0) }
        var changes: [CheckChange] = []
        for (oldPage, newPage) in zip(before.pages, after.pages) where oldPage.path == newPage.path {
            for (oldBlock, newBlock) in zip(oldPage.blocks, newPage.blocks) {
                for old in oldBlock.checks {
                    guard let new = newBlock.checks.first(where: { $0.rule == old.rule }) else { continue }
                    let was = verdict(old, release: from)
                    let now = verdict(new, release: to)
                    if was != now {
                        changes.append(CheckChange(file: oldPage.path, line: oldBlock.block.openingFence.line, rule: old.rule.id, before: was, after: now))
                    }
                }
            }
        }
        return ImpactReport(from: from, to: to, modelChanges: modelChanges(from: from, to: to),
                            appeared: appeared, disappeared: disappeared, changedChecks: changes)
    }

    /// The commands, flags and behaviours that differ between two releases.
    public static func modelChanges(from: CLIVersion, to: CLIVersion) -> [String] {
        let old = InfluxctlReleases.commandTree(for: from)
        let new = InfluxctlReleases.commandTree(for: to)
        var changes: [String] = []
        let oldCommands = Dictionary(old.leafCommands.map { ($0.path.joined(separator: " "), $0.command) }, uniquingKeysWith: { first, _ in first })
        let newCommands = Dictionary(new.leafCommands.map { ($0.path.joined(separator: " "), $0.command) }, uniquingKeysWith: { first, _ in first })
        for path in newCommands.keys.sorted() where oldCommands[path] == nil { changes.append("+ command \(path)") }
        for path in oldCommands.keys.sorted() where newCommands[path] == nil { changes.append("- command \(path)") }
        for path in newCommands.keys.sorted() {
            guard let was = oldCommands[path], let now = newCommands[path] else { continue }
            let wasFlags = Set(was.flags.map(\.name))
            let nowFlags = Set(now.flags.map(\.name))
            for flag in nowFlags.subtracting(wasFlags).sorted() { changes.append("+ flag \(path) --\(flag)") }
            for flag in wasFlags.subtracting(nowFlags).sorted() { changes.append("- flag \(path) --\(flag)") }
        }
        let oldGlobals = Set(old.globalFlags.map(\.name))
        let newGlobals = Set(new.globalFlags.map(\.name))
        for flag in newGlobals.subtracting(oldGlobals).sorted() { changes.append("+ global flag --\(flag)") }
        for flag in oldGlobals.subtracting(newGlobals).sorted() { changes.append("- global flag --\(flag)") }
        let was = InfluxctlReleases.behaviour(of: from)
        let now = InfluxctlReleases.behaviour(of: to)
        if was.tokenCreateOutput != now.tokenCreateOutput {
            changes.append("~ token create output: \(was.tokenCreateOutput) -> \(now.tokenCreateOutput)")
        }
        if was.tokenUpdate != now.tokenUpdate {
            changes.append("~ token update: \(was.tokenUpdate) -> \(now.tokenUpdate)")
        }
        return changes
    }

    /// Findings are the same across releases when rule and place are; messages name releases.
    private static func key(_ finding: Finding) -> String {
        "\(finding.file)|\(finding.range)|\(finding.rule.id)"
    }

    private static func verdict(_ check: CheckResult, release: CLIVersion) -> String {
        let detail = (check.detail ?? "").replacingOccurrences(of: "influxctl \(release) ", with: "")
        return detail.isEmpty ? check.status.rawValue : "\(check.status.rawValue): \(detail)"
    }

    /// What a finding is about: the flag or command it names, or the behaviour a claim states.
    static func subject(of finding: Finding) -> String {
        switch finding.rule {
        case .claimOutdated:
            if TextSearch.contains(finding.message, "cannot be updated") { return "token update" }
            if TextSearch.contains(finding.message, "token ID") { return "token create output" }
            return "behaviour"
        case .cliUnknownFlag, .cliUnavailableInVersion, .cliInvalidValue, .cliNotRepeatable, .cliMissingValue, .referenceFlagTable:
            if let flag = finding.message.split(separator: " ").first(where: { $0.hasPrefix("--") || $0.hasPrefix("'--") }) {
                return flag.trimmingCharacters(in: CharacterSet(charactersIn: "',:;()"))
            }
            return quoted(in: finding.message) ?? finding.rule.id
        case .cliUnknownCommand:
            return quoted(in: finding.message).map { "command \($0)" } ?? finding.rule.id
        default:
            return finding.rule.id
        }
    }

    private static func quoted(in message: String) -> String? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }
}
