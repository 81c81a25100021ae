import ArgumentParser
import Diagnostics
import DocExtraction
import Foundation
import InfluxctlModel
import Reporting
import RunSettings
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

    @Option(help: "Check only the pages changed since this git revision (as `git diff REV` and untracked files tell), and every page that publishes a changed shared file.")
    var changedSince: String?

    @Option(help: "Report only findings this baseline file does not hold (see --write-baseline); the report counts the others as suppressed.")
    var baseline: String?

    @Option(help: "Write every finding of the run to this baseline file (sorted, stable JSON), for --baseline.")
    var writeBaseline: String?

    @Flag(help: "With --baseline: list on standard error the baseline's entries no finding matched, so the file can be pruned.")
    var baselineStale = false

    func validate() throws {
        if baselineStale, baseline == nil { throw ValidationError("--baseline-stale needs --baseline FILE") }
    }

    func run() throws {
        let progress = ProgressLine(quiet: output == nil && Terminal.isTerminal(STDOUT_FILENO) && format.writesAsItGoes)
        let style: TextStyle = output == nil && Terminal.supportsColor ? .color : .plain
        let context = try options.context(paths: paths)
        var held: Baseline?
        if let baseline {
            do {
                held = try Baseline(path: baseline)
            } catch {
                FileHandle.standardError.write(Data("docverify: cannot read the baseline \(baseline): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        let changed = try changedSince.map { try ChangedFiles.since($0, in: paths.first ?? ".") }
        var recorded: [Baseline.Entry] = []
        var suppressed = 0
        let sink = try ReportSink(path: output)
        var writer: ReportWriter?
        var unreadable = false
        var failing = false
        // Each page is written, or reduced to what the report prints at its end, as it comes,
        // and dropped: the run holds no page's blocks longer than it takes to write them.
        let durationMs = Runner.check(paths: paths, context: context, measureTime: !noTiming,
                                      select: { path in shard?.contains(path) ?? true }, changed: changed, progress: progress.update,
                                      start: { problems in
                                          unreadable = !problems.isEmpty
                                          writer = ReportWriter(format: format, style: style, influxctlVersion: context.release.description,
                                                                inputErrors: problems, emit: sink.write)
                                      },
                                      page: { page in
                                          var page = page
                                          var sources = SourceLines()
                                          if writeBaseline != nil {
                                              recorded += Baseline.entries(for: page) { file, line in sources.line(line, of: file) }
                                          }
                                          if held != nil {
                                              suppressed += held?.suppress(in: &page) { file, line in sources.line(line, of: file) } ?? 0
                                          }
                                          writer?.add(page) { file, line in sources.line(line, of: file) }
                                          if !page.inputErrors.isEmpty || page.findings.contains(where: { $0.severity >= failOn }) { failing = true }
                                      })
        progress.finish()
        writer?.finish(durationMs: durationMs, suppressed: held == nil ? nil : suppressed)
        try sink.close()
        if let writeBaseline {
            do {
                try Baseline(entries: recorded).encoded().write(to: URL(fileURLWithPath: writeBaseline))
            } catch {
                FileHandle.standardError.write(Data("docverify: cannot write the baseline \(writeBaseline): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        if baselineStale, let held {
            for entry in held.stale {
                FileHandle.standardError.write(Data("\(entry.file): stale baseline entry \(entry.fingerprint) [\(entry.rule)]: \(entry.message)\n".utf8))
            }
        }
        // A path that cannot be read is a usage error; bytes a page should not hold (invalid
        // UTF-8, NUL) are errors in the docs, like findings.
        if unreadable { throw ExitCode(2) }
        if failing { throw ExitCode(1) }
    }
}

extension ReportFormat {
    /// Whether the report's text comes out while the run goes on (blocks, results), rather
    /// than mostly at its end.
    var writesAsItGoes: Bool { self == .json || self == .sarif }
}

/// How pages are read, for every command that reads them: the configuration file, which
/// fences, whether unpublished pages count, how many files at once. A flag wins over the
/// configuration file.
struct ReadingOptions: ParsableArguments {
    @Option(help: "The configuration file (default: the nearest .docverify.yml in the checked path's folder or above it, up to the repository root).")
    var config: String?

    @Option(help: "Fence info words that are extracted, comma-separated (default: sh,bash,shell,zsh,console).")
    var languages: String?

    @Flag(inversion: .prefixedNo, help: "Check unpublished pages too: drafts (draft: true, set on the page or by a cascade) and test-only pages (test_only: true). By default their blocks are skipped, as Hugo does not publish them.")
    var includeDrafts: Bool?

    @Option(help: "Files read and verified in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let languages, Self.languageSet(languages).isEmpty { throw ValidationError("--languages needs at least one fence info word") }
    }

    static func languageSet(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    /// The configuration file for `paths`: `--config`, else the nearest one. A bad file, or paths
    /// under different files, is a usage error (exit 2) with the file's position.
    func configFile(for paths: [String]) throws -> ConfigFile? {
        let found = config.map { [$0] } ?? Array(Set(paths.compactMap(ConfigFile.find(for:)))).sorted()
        guard found.count <= 1 else {
            FileHandle.standardError.write(Data("docverify: the paths lie under different configurations (\(found.joined(separator: ", "))); check them separately, or name one with --config\n".utf8))
            throw ExitCode(2)
        }
        guard let path = found.first else { return nil }
        do {
            return try ConfigFile(path: path)
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The run's context for `paths`: the configuration, then the flags over it.
    func context(paths: [String], release: CLIVersion = InfluxctlReleases.newest, flagRelease: String? = nil, recordTranscripts: Bool = false) throws -> RunContext {
        let file = try configFile(for: paths)
        let languageList = languages.map(Self.languageSet) ?? file?.languages.map(Set.init) ?? Set(ExtractionOptions.defaultLanguages)
        let drafts = includeDrafts ?? file?.includeDrafts ?? false
        return RunContext(release: release, extraction: ExtractionOptions(languages: languageList, includeDrafts: drafts), jobs: jobs,
                          recordTranscripts: recordTranscripts, settings: Settings(file: file, flagRelease: flagRelease))
    }
}

/// Options shared by the commands that verify pages against one release.
struct RunOptions: ParsableArguments {
    @Option(help: "The influxctl release to check against (default: the configuration's, else the newest modelled release).")
    var influxctlVersion: String?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if let version = influxctlVersion, InfluxctlReleases.resolve(version) == nil {
            let known = InfluxctlReleases.all.map(\.description).joined(separator: ", ")
            throw ValidationError("unknown influxctl release '\(version)'; modelled releases: \(known)")
        }
    }

    /// The run's context for `paths`, made once from the configuration and the command line.
    func context(paths: [String], recordTranscripts: Bool = false) throws -> RunContext {
        try reading.context(paths: paths, flagRelease: influxctlVersion, recordTranscripts: recordTranscripts)
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument == "error" || argument == "warning" else { return nil }
        self.init(rawValue: argument)
    }
}

extension Shard: ExpressibleByArgument {}

/// `checked 1200/5000 files` on standard error, for runs on a terminal that take more than
/// a second; nothing when standard error is not a terminal, or when `quiet` (the report
/// itself is coming out on the same terminal).
final class ProgressLine: Sendable {
    private let started = ContinuousClock.now
    private let enabled: Bool
    private let shown = Mutex(false)

    init(quiet: Bool = false) {
        enabled = !quiet && Terminal.isTerminal(STDERR_FILENO)
    }

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
        isTerminal(STDOUT_FILENO) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0
    }
}

/// Where a report goes, piece by piece: standard output, or a file created (or emptied) when
/// the sink is made, so an unwritable path fails before the run.
final class ReportSink {
    private let handle: FileHandle
    private let path: String?
    private var failure: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.cannotWrite(path, String(cString: strerror(errno))) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Writes `bytes`; a failure is kept and reported by `close`.
    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            failure = error.localizedDescription
        }
    }

    /// Reports a write that failed.
    func close() throws {
        if let failure { throw Self.cannotWrite(path ?? "standard output", failure) }
    }

    private static func cannotWrite(_ path: String, _ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("docverify: cannot write \(path): \(reason)\n".utf8))
        return ExitCode(2)
    }
}

/// The lines of a file, read on first use, for the text report's excerpts.
struct SourceLines {
    /// Each file read so far: its bytes (a byte order mark dropped) and where each line starts.
    private var files: [String: (bytes: [UInt8], lineStarts: [Int])] = [:]

    mutating func line(_ number: Int, of file: String) -> String? {
        if files[file] == nil {
            var bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            var lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
            files[file] = (bytes, lineStarts)
        }
        guard let (bytes, lineStarts) = files[file], number >= 1, number <= lineStarts.count else { return nil }
        // Only the line asked for is decoded (a line feed, with the carriage return before it, dropped).
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// The files git says changed since a revision in the repository that holds a checked path:
/// those `git diff REV` lists (committed since, staged or not) and the untracked ones, as
/// absolute paths.
enum ChangedFiles {
    static func since(_ revision: String, in path: String) throws -> Set<String> {
        var isFolder: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let place = folder.isEmpty ? "." : folder
        let root = try git(["rev-parse", "--show-toplevel"], in: place).trimmingCharacters(in: .whitespacesAndNewlines)
        let diffed = try git(["diff", "--name-only", "--no-renames", revision, "--"], in: root)
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "--full-name"], in: root)
        return Set((diffed + untracked).split(separator: "\n").map { root + "/" + $0 })
    }

    /// The standard output of `git -C FOLDER ARGUMENTS`; git's own message and exit 2 when it fails.
    private static func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("docverify: --changed-since needs git: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("docverify: --changed-since: git \(arguments.first ?? ""): ".utf8) + message)
            throw ExitCode(2)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
