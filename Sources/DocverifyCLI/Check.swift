import ArgumentParser
import Diagnostics
import DocExtraction
import Foundation
import InfluxctlModel
import Reporting
import Synchronization
import Verification

/// `docverify check [PATH ...]`: verify docs.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Verify the shell examples of Markdown pages.")

    @Argument(help: "Files or folders (searched recursively for *.md).")
    var paths: [String] = ["docs"]

    @Option(help: "Report format: text, json, junit, github or sarif.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: RunOptions

    @Option(help: "Lowest severity that makes the exit code 1: error or warning.")
    var failOn: Severity = .error

    @Option(help: "Check only shard K of N (e.g. 2/4): a stable 1/N of the files, for a CI matrix.")
    var shard: Shard?

    @Flag(help: "Report 0 ms durations, so identical runs give byte-identical reports.")
    var noTiming = false

    func run() throws {
        let progress = ProgressLine()
        let report = Runner.check(paths: paths, options: try options.verificationOptions(), jobs: options.jobs, measureTime: !noTiming,
                                  select: { path in shard?.contains(path) ?? true }, progress: progress.update)
        progress.finish()
        let style: TextStyle = output == nil && Terminal.supportsColor ? .color : .plain
        var sources = SourceLines()
        let text = ReportRenderer.render(report, format: format, style: style) { file, line in sources.line(line, of: file) }
        try Output.write(text, to: output)
        // A path that cannot be read is a usage error; bytes a page should not hold (invalid
        // UTF-8, NUL) are errors in the docs, like findings.
        if !report.inputErrors.isEmpty { throw ExitCode(2) }
        if report.findings.contains(where: { $0.severity >= failOn }) || report.pages.contains(where: { !$0.inputErrors.isEmpty }) {
            throw ExitCode(1)
        }
    }
}

/// Options shared by the commands that verify pages.
struct RunOptions: ParsableArguments {
    @Option(help: "The influxctl release to check against (default: the newest modelled release).")
    var influxctlVersion: String?

    @Option(help: "Fence info words that are extracted, comma-separated.")
    var languages: String = ExtractionOptions.defaultLanguages.joined(separator: ",")

    @Flag(help: "Check draft pages (draft: true in the front matter) too; Hugo does not publish them, so by default their blocks are skipped.")
    var includeDrafts = false

    @Option(help: "Files verified in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let version = influxctlVersion, InfluxctlReleases.resolve(version) == nil {
            let known = InfluxctlReleases.all.map(\.description).joined(separator: ", ")
            throw ValidationError("unknown influxctl release '\(version)'; modelled releases: \(known)")
        }
        if languageSet.isEmpty { throw ValidationError("--languages needs at least one fence info word") }
    }

    var languageSet: Set<String> {
        Set(languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    func verificationOptions(recordTranscripts: Bool = false) throws -> VerificationOptions {
        let release = influxctlVersion.flatMap(InfluxctlReleases.resolve) ?? InfluxctlReleases.newest
        return VerificationOptions(release: release, extraction: ExtractionOptions(languages: languageSet, includeDrafts: includeDrafts), recordTranscripts: recordTranscripts)
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument == "error" || argument == "warning" else { return nil }
        self.init(rawValue: argument)
    }
}

/// `--shard K/N`: files whose path hashes to K-1 modulo N. A file's shard depends only on its
/// own path, so adding a file elsewhere never moves another one.
struct Shard: ExpressibleByArgument, Sendable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    func contains(_ path: String) -> Bool {
        var path = path
        let hash = path.withUTF8 { bytes in
            bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}

/// `checked 1200/5000 files` on standard error, for runs on a terminal that take more than
/// a second; nothing when standard error is not a terminal.
final class ProgressLine: Sendable {
    private let started = ContinuousClock.now
    private let enabled = isatty(STDERR_FILENO) != 0
    private let shown = Mutex(false)

    func update(done: Int, total: Int) {
        guard enabled, ContinuousClock.now - started > .seconds(1) else { return }
        shown.withLock { shown in
            shown = true
            FileHandle.standardError.write(Data("\rchecked \(done)/\(total) files".utf8))
        }
    }

    func finish() {
        shown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}

/// Whether standard output is a terminal that may get colour (never with NO_COLOR set).
enum Terminal {
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// Writes a report to standard output or a file.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("docverify: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The lines of files, read once each, for the text report's excerpts.
struct SourceLines {
    private var files: [String: [String]] = [:]

    mutating func line(_ number: Int, of file: String) -> String? {
        if files[file] == nil {
            let data = FileManager.default.contents(atPath: file) ?? Data()
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            files[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        }
        guard let lines = files[file], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
