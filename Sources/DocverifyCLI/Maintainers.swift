import ArgumentParser
import Foundation
import InfluxctlModel
import Reporting
import Verification

/// `docverify impact --from A --to B [PATH ...]`: what a new influxctl release changes in the docs.
struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Check the docs under two influxctl releases and list the findings that appear or disappear, by what changed."
    )

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "Files or folders (searched recursively for *.md).")
    var paths: [String] = ["docs"]

    @Option(help: "The release the docs are checked against now.")
    var from: String

    @Option(help: "The release to compare with.")
    var to: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        for version in [from, to] where InfluxctlReleases.resolve(version) == nil {
            throw ValidationError("unknown influxctl release '\(version)'; modelled releases: \(InfluxctlReleases.all.map(\.description).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let old = InfluxctlReleases.resolve(from), let new = InfluxctlReleases.resolve(to) else { throw ExitCode(2) }
        // The two releases are the point of the comparison: they win over any configured one.
        let before = Runner.check(paths: paths, context: try reading.context(paths: paths, release: old, flagRelease: from), measureTime: false)
        let after = Runner.check(paths: paths, context: try reading.context(paths: paths, release: new, flagRelease: to), measureTime: false)
        if !before.inputErrors.isEmpty {
            for problem in before.inputErrors { FileHandle.standardError.write(Data("\(problem.file): error: \(problem.message)\n".utf8)) }
            throw ExitCode(2)
        }
        let report = Impact.compare(before, after, from: old, to: new)
        let text = format == .json ? MaintainerReports.impactJSON(report) : MaintainerReports.impactText(report)
        FileHandle.standardOutput.write(Data(text.utf8))
        if !report.appeared.isEmpty { throw ExitCode(1) }
    }
}

/// `docverify coverage [PATH ...]`: which commands and flags the examples exercise.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List every command and flag of a release with the examples that use it; those with none first."
    )

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "Files or folders (searched recursively for *.md).")
    var paths: [String] = ["docs"]

    @OptionGroup var options: RunOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let context = try options.context(paths: paths)
        let run = Runner.check(paths: paths, context: context, measureTime: false)
        if !run.inputErrors.isEmpty {
            for problem in run.inputErrors { FileHandle.standardError.write(Data("\(problem.file): error: \(problem.message)\n".utf8)) }
            throw ExitCode(2)
        }
        let report = Coverage.compute(run, release: context.release)
        let text = format == .json ? MaintainerReports.coverageJSON(report) : MaintainerReports.coverageText(report)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
