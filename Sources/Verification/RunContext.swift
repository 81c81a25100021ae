import RunSettings
import Diagnostics
import DocExtraction
import Foundation
import InfluxctlModel

/// The settings of one run, made once from the command line and passed down to every stage:
/// what to read, which release to check against, how many files at once.
public struct RunContext: Hashable, Sendable {
    /// The release pages are checked against unless their settings or a pin say otherwise.
    public var release: CLIVersion
    /// What the configuration file and the flags say per file (release, product, rule levels,
    /// excluded paths, placeholder values).
    public var settings: Settings
    public var extraction: ExtractionOptions
    /// Files read and verified in parallel.
    public var jobs: Int
    /// Seeds every simulated cluster, so a page gives the same outputs on every run.
    public var seed: UInt64
    /// Keep each command's simulated exchanges for `docverify explain`.
    public var recordTranscripts: Bool
    /// The products' OpenAPI specs, read once a run's plan says which products it reads.
    public var apiSpecs = APISpecLibrary()

    public init(release: CLIVersion = InfluxctlReleases.newest, extraction: ExtractionOptions = ExtractionOptions(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, seed: UInt64 = 0x646f_6376_6572_6966, recordTranscripts: Bool = false,
                settings: Settings = Settings()) {
        self.release = release
        self.settings = settings
        self.extraction = extraction
        self.jobs = max(1, jobs)
        self.seed = seed
        self.recordTranscripts = recordTranscripts
    }

    /// The release `file` is checked against (a page's own pin still wins).
    public func release(for file: String) -> CLIVersion {
        let (release, source) = settings.release(for: file)
        return source == .defaultValue ? self.release : release
    }

    /// The findings as the settings of `file` report them: a rule turned off drops its
    /// findings, a level sets their severity.
    func leveled(_ findings: [Finding], file: String) -> [Finding] {
        guard settings.file != nil else { return findings }
        return findings.compactMap { finding in
            guard let (level, _) = settings.level(of: finding.rule.id, for: file) else { return finding }
            guard let severity = level.severity else { return nil }
            var finding = finding
            finding.severity = severity
            return finding
        }
    }
}
