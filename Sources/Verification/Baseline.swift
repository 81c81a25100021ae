import Diagnostics
import Foundation

/// The findings a docs tree already had when it adopted docverify, so a run reports only new
/// ones. A finding is known by a fingerprint of its rule, its file, the text around it (its
/// block's lines, or its own line outside a block, each trimmed) and its place in that text:
/// lines added above it or edits elsewhere on the page leave it as it was; a change to the
/// mistake itself, or to the block that holds it, makes it new.
public struct Baseline: Hashable, Sendable {
    /// One recorded finding; the rule, file and message are there for the reader of the file.
    public struct Entry: Codable, Hashable, Sendable, Comparable {
        public var file: String
        public var fingerprint: String
        public var message: String
        public var rule: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.file, lhs.rule, lhs.fingerprint, lhs.message) < (rhs.file, rhs.rule, rhs.fingerprint, rhs.message)
        }
    }

    private struct File: Codable {
        var version: Int
        var findings: [Entry]
    }

    public private(set) var entries: [Entry]
    /// How many findings each fingerprint may still hold back in this run.
    private var remaining: [String: Int]

    public init(entries: [Entry]) {
        self.entries = entries.sorted()
        remaining = Dictionary(entries.map { ($0.fingerprint, 1) }, uniquingKeysWith: +)
    }

    /// Reads a baseline written by `encoded()`.
    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let file = try JSONDecoder().decode(File.self, from: data)
        self.init(entries: file.findings)
    }

    /// Sorted, stable JSON: the same findings give the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(File(version: 1, findings: entries))) ?? Data()) + Data("\n".utf8)
    }

    /// The entry that stands for `finding` of `page`. `sourceLine` gives a file's line, for
    /// findings outside a block.
    public static func entry(for finding: Finding, in page: PageReport, sourceLine: (String, Int) -> String?) -> Entry {
        let (context, place) = Self.context(of: finding, in: page, sourceLine: sourceLine)
        return Entry(file: finding.file, fingerprint: fingerprint("\(finding.rule.id)\u{0}\(finding.file)\u{0}\(place)\u{0}\(context)"),
                     message: finding.message, rule: finding.rule.id)
    }

    /// The entry that stands for a problem with a file itself (an empty file, invalid UTF-8).
    public static func entry(for problem: InputError) -> Entry {
        Entry(file: problem.file, fingerprint: fingerprint("input\u{0}\(problem.file)\u{0}\(problem.message)"), message: problem.message, rule: "input")
    }

    /// 16 hex digits of a stable hash of `key`.
    private static func fingerprint(_ key: String) -> String {
        let hex = String(StableHash.fnv1a(key.utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The entries for everything `page` reports: its findings and its input problems.
    public static func entries(for page: PageReport, sourceLine: (String, Int) -> String?) -> [Entry] {
        page.findings.map { entry(for: $0, in: page, sourceLine: sourceLine) } + page.inputErrors.map(entry(for:))
    }

    /// The text a finding stands in and its place there: its block's trimmed lines and the
    /// line and column inside them, or its own trimmed line and the column in it.
    private static func context(of finding: Finding, in page: PageReport, sourceLine: (String, Int) -> String?) -> (String, String) {
        let start = finding.range.start
        if let index = finding.blockIndex, index < page.blocks.count {
            let block = page.blocks[index].block
            let trimmed = block.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
            if let row = block.lines.firstIndex(where: { $0.start.line == start.line }) {
                let line = block.lines[row]
                let indent = line.text.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
                return (trimmed.joined(separator: "\n"), "\(row):\(start.column - line.start.column - indent)")
            }
            return (block.info + "\n" + trimmed.joined(separator: "\n"), "fence:\(start.line - block.openingFence.line)")
        }
        let text = sourceLine(finding.file, start.line) ?? ""
        let indent = text.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
        return (text.trimmingCharacters(in: .whitespaces), "\(start.column - 1 - indent)")
    }

    /// Takes the findings and input problems of `page` the baseline holds out of it, each entry
    /// standing for one; returns how many it took. Block statuses follow what is left.
    public mutating func suppress(in page: inout PageReport, sourceLine: (String, Int) -> String?) -> Int {
        guard !page.findings.isEmpty || !page.inputErrors.isEmpty else { return 0 }
        var kept: [Finding] = []
        for finding in page.findings {
            let entry = Self.entry(for: finding, in: page, sourceLine: sourceLine)
            if let count = remaining[entry.fingerprint], count > 0 {
                remaining[entry.fingerprint] = count - 1
                continue
            }
            kept.append(finding)
        }
        let problems = page.inputErrors.filter { problem in
            let entry = Self.entry(for: problem)
            guard let count = remaining[entry.fingerprint], count > 0 else { return true }
            remaining[entry.fingerprint] = count - 1
            return false
        }
        let suppressed = page.findings.count - kept.count + page.inputErrors.count - problems.count
        guard suppressed > 0 else { return 0 }
        page.findings = kept
        page.inputErrors = problems
        BlockStatus.settle(&page.blocks, findings: kept)
        return suppressed
    }

    /// The entries no finding of the run matched: what the file can be pruned of.
    public var stale: [Entry] {
        var unmatched = remaining
        return entries.filter { entry in
            guard let count = unmatched[entry.fingerprint], count > 0 else { return false }
            unmatched[entry.fingerprint] = count - 1
            return true
        }
    }
}
