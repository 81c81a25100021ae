import Diagnostics
import DocExtraction
import Foundation
import Testing
@testable import Verification

/// A baseline holds a tree's known findings back: it survives edits around them and lets
/// every new mistake through.
@Suite struct BaselineTests {
    static let page = """
        # Tokens

        <!-- docverify:skipp -->

        Create a token:

        ```sh
        influxctl token create \\
          --read-databse sensors \\
          "Sensor reader"
        ```

        List them:

        ```sh
        influxctl token list
        ```
        """

    func report(_ text: String) -> PageReport {
        Runner.verify(path: "tokens.md", contents: Array(text.utf8), context: RunContext(jobs: 1))
    }

    func lines(_ text: String) -> (String, Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return { _, number in number <= lines.count ? lines[number - 1] : nil }
    }

    func baseline(of text: String) -> Baseline {
        Baseline(entries: Baseline.entries(for: report(text), sourceLine: lines(text)))
    }

    @Test func theFindingsOfTheDayAreHeldBack() {
        var held = baseline(of: Self.page)
        #expect(held.entries.map(\.rule).sorted() == ["cli.unknown-flag", "directive.unknown"])
        var page = report(Self.page)
        #expect(held.suppress(in: &page, sourceLine: lines(Self.page)) == 2)
        #expect(page.findings.isEmpty)
        #expect(page.blocks.allSatisfy { $0.status != .failed })
        #expect(held.stale.isEmpty)
    }

    /// Three lines above and an unrelated edit leave every finding known; a new mistake is new.
    @Test func editsAroundAFindingKeepItKnownAndANewMistakeIsNew() {
        var held = baseline(of: Self.page)
        let edited = "---\ntitle: Tokens\n---\n" + Self.page.replacingOccurrences(of: "List them:", with: "List every token:")
        var page = report(edited)
        #expect(held.suppress(in: &page, sourceLine: lines(edited)) == 2)
        #expect(page.findings.isEmpty)

        let broken = edited.replacingOccurrences(of: "influxctl token list", with: "influxctl token lst")
        var again = baseline(of: Self.page)
        var newPage = report(broken)
        #expect(again.suppress(in: &newPage, sourceLine: lines(broken)) == 2)
        #expect(newPage.findings.map(\.rule) == [.cliUnknownCommand])
    }

    /// A change to the mistake itself is a new finding, and its old entry goes stale.
    @Test func changingTheMistakeMakesItNew() {
        var held = baseline(of: Self.page)
        let changed = Self.page.replacingOccurrences(of: "--read-databse", with: "--read-datbase")
        var page = report(changed)
        #expect(held.suppress(in: &page, sourceLine: lines(changed)) == 1)
        #expect(page.findings.map(\.rule) == [.cliUnknownFlag])
        #expect(held.stale.map(\.rule) == ["cli.unknown-flag"])
    }

    /// Two identical mistakes need two entries: one entry holds back one finding.
    @Test func eachEntryHoldsBackOneFinding() {
        let twice = Self.page + "\n\n```sh\ninfluxctl token create \\\n  --read-databse sensors \\\n  \"Sensor reader\"\n```\n"
        var held = baseline(of: Self.page)
        var page = report(twice)
        #expect(held.suppress(in: &page, sourceLine: lines(twice)) == 2)
        #expect(page.findings.map(\.rule) == [.cliUnknownFlag])
    }

    @Test func theFileIsTheSameBytesWhenWrittenTwice() throws {
        let first = baseline(of: Self.page).encoded()
        let second = Baseline(entries: baseline(of: Self.page).entries.reversed()).encoded()
        #expect(first == second)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.write(to: URL(fileURLWithPath: path))
        #expect(try Baseline(path: path).encoded() == first)
        #expect(String(decoding: first, as: UTF8.self).contains("\"fingerprint\" : "))
    }

    /// Holding a block's only error back leaves it as a block without one: a block that ran
    /// nothing (its shell does not lex) is unverified, not passed.
    @Test func aBlockWhoseErrorIsHeldBackIsStatusedAsWithoutIt() {
        let text = "```sh\ninfluxctl token list \"unclosed\n```\n"
        var held = baseline(of: text)
        var page = report(text)
        #expect(page.blocks.map(\.status) == [.failed])
        #expect(held.suppress(in: &page, sourceLine: lines(text)) == 1)
        #expect(page.blocks.map(\.status) == [.unverified])
    }
}
