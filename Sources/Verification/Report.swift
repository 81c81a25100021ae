import Diagnostics
import DocExtraction

/// A diagnostic tied to a file: what every reporter prints.
public struct Finding: Hashable, Sendable {
    public var rule: Rule
    public var severity: Severity
    /// The path as the user gave it.
    public var file: String
    public var range: SourceRange
    public var message: String
    public var suggestion: String?
    /// Index of the block in its page's `blocks`, when the finding belongs to one.
    public var blockIndex: Int?
    /// The pages that publish the file through their `source:`, each with the product it was
    /// read for, when the finding was seen through them; empty for a page read on its own.
    public var pages: [PublishingPage] = []

    public init(rule: Rule, severity: Severity? = nil, file: String, range: SourceRange, message: String, suggestion: String? = nil, blockIndex: Int? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.file = file
        self.range = range
        self.message = message
        self.suggestion = suggestion
        self.blockIndex = blockIndex
    }

    init(_ diagnostic: Diagnostic, file: String, blockIndex: Int?) {
        self.init(rule: diagnostic.rule, severity: diagnostic.severity, file: file, range: diagnostic.range, message: diagnostic.message,
                  suggestion: diagnostic.suggestion, blockIndex: blockIndex)
    }
}

/// A page that publishes a shared file, and the product it publishes it in.
public struct PublishingPage: Hashable, Sendable, Comparable {
    public var path: String
    public var product: String?
    public init(path: String, product: String?) {
        self.path = path
        self.product = product
    }

    public static func < (lhs: PublishingPage, rhs: PublishingPage) -> Bool {
        (lhs.path, lhs.product ?? "") < (rhs.path, rhs.product ?? "")
    }
}

/// The verdict of one check on one block.
public enum CheckStatus: String, Hashable, Sendable, Codable {
    case passed, failed, expected
}

/// One check that ran on a block, with what it established.
public struct CheckResult: Hashable, Sendable {
    public var rule: Rule
    public var status: CheckStatus
    /// What the check saw, in a sentence (shown by `docverify explain`).
    public var detail: String?

    public init(rule: Rule, status: CheckStatus, detail: String? = nil) {
        self.rule = rule
        self.status = status
        self.detail = detail
    }
}

/// What a block came to.
public enum BlockStatus: String, Hashable, Sendable, Codable {
    /// Every check on it passed.
    case passed
    /// A finding of severity error.
    case failed
    /// Behind a skip directive.
    case skipped
    /// Nothing in it that the tool models.
    case unverified
}

extension BlockStatus {
    /// Sets the status of every block that was not skipped from the findings that point into
    /// it: failed with an error, else unverified when it ran nothing (no check, and every
    /// command unverified, as `influxctl ...` is), else passed.
    static func settle(_ reports: inout [BlockReport], findings: [Finding]) {
        var worst = [Severity?](repeating: nil, count: reports.count)
        for finding in findings {
            guard let index = finding.blockIndex, worst.indices.contains(index) else { continue }
            if let current = worst[index], current >= finding.severity { continue }
            worst[index] = finding.severity
        }
        for index in reports.indices where reports[index].status != .skipped {
            let ranNothing = reports[index].checks.isEmpty && reports[index].commands.allSatisfy { $0.unverifiedReason != nil }
            reports[index].status = worst[index] == .error ? .failed : ranNothing ? .unverified : .passed
        }
    }
}

/// A field value of a request summary.
public enum RequestValue: Hashable, Sendable {
    case text(String)
    case list([String])
    case flag(Bool)
}

/// A typed request in the form reports print: a kind (`token.create`) and its fields, in a
/// fixed order, values spelt as the page spells them.
public struct RequestSummary: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var value: RequestValue

        public init(_ name: String, _ value: RequestValue) {
            self.name = name
            self.value = value
        }
    }

    public var kind: String
    public var fields: [Field]

    public init(kind: String, fields: [Field] = []) {
        self.kind = kind
        self.fields = fields
    }
}

/// One step of a page's scenario as `docverify explain` shows it: what was run, what came back.
public struct TranscriptEntry: Hashable, Sendable {
    public var action: String
    public var result: String

    public init(action: String, result: String) {
        self.action = action
        self.result = result
    }
}

/// One command of a block that the tool modelled.
public struct CommandReport: Hashable, Sendable {
    public var line: Int
    public var program: String
    /// The command path, e.g. `["token", "create"]`.
    public var path: [String]
    public var request: RequestSummary?
    /// The command's flags as the model names them (no dashes), in order.
    public var flags: [String]
    /// The global flags the command uses.
    public var globalFlags: [String]
    /// The simulated run, recorded only when asked for (explain).
    public var transcript: [TranscriptEntry]
    /// Why the command was not checked, when it was not (`influxctl ...`).
    public var unverifiedReason: String?

    public init(line: Int, program: String, path: [String], request: RequestSummary?, flags: [String] = [], globalFlags: [String] = [],
                transcript: [TranscriptEntry] = [], unverifiedReason: String? = nil) {
        self.unverifiedReason = unverifiedReason
        self.line = line
        self.program = program
        self.path = path
        self.request = request
        self.flags = flags
        self.globalFlags = globalFlags
        self.transcript = transcript
    }
}

/// A block with what the checks made of it.
public struct BlockReport: Hashable, Sendable {
    public var block: CodeBlock
    /// The product the block was read and run for, when the page is in one.
    public var product: String?
    public var status: BlockStatus
    public var commands: [CommandReport]
    public var checks: [CheckResult]

    public init(block: CodeBlock, status: BlockStatus, commands: [CommandReport], checks: [CheckResult]) {
        self.block = block
        self.status = status
        self.commands = commands
        self.checks = checks
    }
}

/// A file that could not be read as a page, or a problem with its bytes.
public struct InputError: Hashable, Sendable {
    public var file: String
    public var position: SourcePosition?
    public var message: String

    public init(file: String, position: SourcePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }
}

/// Everything verified on one page.
public struct PageReport: Hashable, Sendable {
    public var path: String
    /// The influxctl release the page was checked against.
    public var influxctlVersion: String
    public var blocks: [BlockReport]
    /// Sorted by position, then rule.
    public var findings: [Finding]
    public var inputErrors: [InputError]
    /// The pages whose `source:` the file was read through, with their products; empty for a
    /// page read on its own.
    public var publishedBy: [PublishingPage] = []

    public init(path: String, influxctlVersion: String, blocks: [BlockReport], findings: [Finding], inputErrors: [InputError], publishedBy: [PublishingPage] = []) {
        self.path = path
        self.influxctlVersion = influxctlVersion
        self.blocks = blocks
        self.findings = findings
        self.inputErrors = inputErrors
        self.publishedBy = publishedBy
    }
}

/// Totals over a run, as the summary of every report format shows them.
public struct Summary: Hashable, Sendable {
    public var files = 0
    public var blocks = 0
    public var commands = 0
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    public var unverified = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    /// Findings a baseline held back; nil when the run had no baseline.
    public var suppressed: Int?
    /// Files read through the `source:` of the pages that publish them, and those pages.
    public var sharedFiles = 0
    public var publishingPages = 0

    public init() {}

    /// Counts a page: its file, blocks, commands and findings, and its input problems as errors.
    public mutating func add(_ page: PageReport) {
        files += 1
        if !page.publishedBy.isEmpty {
            sharedFiles += 1
            publishingPages += Set(page.publishedBy.map(\.path)).count
        }
        errors += page.inputErrors.count
        blocks += page.blocks.count
        for block in page.blocks {
            commands += block.commands.count
            switch block.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            case .unverified: unverified += 1
            }
        }
        for finding in page.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }
}

/// The result of checking a set of files.
public struct RunReport: Hashable, Sendable {
    /// The release given on the command line (pages may pin another).
    public var influxctlVersion: String
    public var pages: [PageReport]
    /// Files that could not be read at all.
    public var inputErrors: [InputError]
    /// Wall time of the run in milliseconds (0 when timing is off, for byte-identical reports).
    public var durationMs: Int

    public init(influxctlVersion: String, pages: [PageReport], inputErrors: [InputError], durationMs: Int) {
        self.influxctlVersion = influxctlVersion
        self.pages = pages
        self.inputErrors = inputErrors
        self.durationMs = durationMs
    }

    /// Every finding of every page, in page order.
    public var findings: [Finding] { pages.flatMap(\.findings) }

    /// Every input problem, unreadable files first.
    public var allInputErrors: [InputError] { inputErrors + pages.flatMap(\.inputErrors) }

    public var summary: Summary {
        var summary = Summary()
        summary.errors = inputErrors.count
        for page in pages { summary.add(page) }
        return summary
    }
}
