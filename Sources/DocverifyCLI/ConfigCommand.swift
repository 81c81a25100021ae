import ArgumentParser
import Diagnostics
import Foundation
import RunSettings
import Verification

/// `docverify config [PATH]`: the settings a check of PATH would use, and where each comes from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings for a path: the configuration file, the release, languages, drafts, excluded paths, rule levels and placeholder values."
    )

    @Argument(help: "A file or folder (default: docs).")
    var path: String = "docs"

    @OptionGroup var options: RunOptions

    func run() throws {
        let context = try options.context(paths: [path])
        let settings = context.settings
        var out = "path: \(path)\n"
        out += "configuration: \(settings.file?.path ?? "none (no .docverify.yml in the path's folder or above it)")\n"
        let (release, source) = settings.release(for: path)
        out += "influxctl-version: \(release) (\(source))\n"
        out += "languages: \(context.extraction.languages.sorted().joined(separator: ","))\n"
        out += "include-drafts: \(context.extraction.includeDrafts)\n"
        if let product = settings.product(for: path) { out += "product: \(product) (override)\n" }
        out += "excluded: \(settings.isExcluded(path))\n"
        let levels = settings.levels(for: path)
        out += "rules:" + (levels.isEmpty ? " catalogue severities\n" : "\n")
        for (rule, level, source) in levels {
            let standard = Rule.named(rule).map { $0.severity.rawValue } ?? "?"
            out += "  \(rule): \(level.rawValue) (\(source); catalogue: \(standard))\n"
        }
        if !settings.placeholders.isEmpty {
            out += "placeholders:\n"
            for (name, value) in settings.placeholders.sorted(by: { $0.key < $1.key }) { out += "  \(name): \(value)\n" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
