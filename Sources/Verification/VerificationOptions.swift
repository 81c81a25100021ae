import DocExtraction
import InfluxctlModel

/// How a run verifies pages.
public struct VerificationOptions: Hashable, Sendable {
    /// The release pages are checked against unless they pin one.
    public var release: CLIVersion
    public var extraction: ExtractionOptions
    /// Seeds every simulated cluster, so a page gives the same outputs on every run.
    public var seed: UInt64
    /// Keep each command's simulated exchanges for `docverify explain`.
    public var recordTranscripts: Bool

    public init(release: CLIVersion = InfluxctlReleases.newest, extraction: ExtractionOptions = ExtractionOptions(), seed: UInt64 = 0x646f_6376_6572_6966, recordTranscripts: Bool = false) {
        self.release = release
        self.extraction = extraction
        self.seed = seed
        self.recordTranscripts = recordTranscripts
    }
}
