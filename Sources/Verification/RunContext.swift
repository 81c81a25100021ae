import DocExtraction
import Foundation
import InfluxctlModel

/// The settings of one run, made once from the command line and passed down to every stage:
/// what to read, which release to check against, how many files at once.
public struct RunContext: Hashable, Sendable {
    /// The release pages are checked against unless they pin one.
    public var release: CLIVersion
    public var extraction: ExtractionOptions
    /// Files read and verified in parallel.
    public var jobs: Int
    /// Seeds every simulated cluster, so a page gives the same outputs on every run.
    public var seed: UInt64
    /// Keep each command's simulated exchanges for `docverify explain`.
    public var recordTranscripts: Bool

    public init(release: CLIVersion = InfluxctlReleases.newest, extraction: ExtractionOptions = ExtractionOptions(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, seed: UInt64 = 0x646f_6376_6572_6966, recordTranscripts: Bool = false) {
        self.release = release
        self.extraction = extraction
        self.jobs = max(1, jobs)
        self.seed = seed
        self.recordTranscripts = recordTranscripts
    }
}
