import Diagnostics
import DocExtraction
import Testing

/// cmark's own pathological inputs (its test/pathological_tests.py categories) and
/// docverify's (shortcodes, directives, fences, front matter), each followed by a shell block:
/// the page is read to its end and the block after the pathological part is still found at
/// its file position. Time bounds are not asserted here: `scripts/pathological` times these
/// shapes on the release build.
@Suite struct PathologicalMarkdownTests {
    /// A generated page, described by a short name rather than its megabytes.
    struct Input: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        init(_ name: String, _ markdown: String) {
            testDescription = name
            self.markdown = markdown
        }
    }

    static let cmarkCategories: [Input] = [
        Input("nested strong emphasis", String(repeating: "*a **a ", count: 50_000) + "b" + String(repeating: " a** a*", count: 50_000)),
        Input("emphasis closers with no openers", String(repeating: "a_ ", count: 50_000)),
        Input("emphasis openers with no closers", String(repeating: "_a ", count: 50_000)),
        Input("link closers with no openers", String(repeating: "a]", count: 50_000)),
        Input("link openers with no closers", String(repeating: "[a", count: 50_000)),
        Input("mismatched openers and closers", String(repeating: "*a_ ", count: 50_000)),
        Input("openers and closers multiple of 3", "a**b" + String(repeating: "c* ", count: 50_000)),
        Input("link openers and emphasis closers", String(repeating: "[ a_", count: 50_000)),
        Input("pattern [ (]( repeated", String(repeating: "[ (](", count: 50_000)),
        Input("pattern ![[]() repeated", String(repeating: "![[]()", count: 160_000)),
        Input("nested brackets", String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000)),
        Input("nested block quotes", String(repeating: ">", count: 50_000) + "a"),
        Input("deeply nested lists", (0..<1_000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()),
        Input("backticks", (1..<2_000).map { "e" + String(repeating: "`", count: $0) }.joined()),
        Input("unclosed links A", String(repeating: "[a](<b", count: 30_000)),
        Input("unclosed links B", String(repeating: "[a](b", count: 30_000)),
        Input("unclosed HTML comments", "</" + String(repeating: "<!--", count: 100_000)),
        Input("nested inlines", String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000)),
        Input("many references", (0..<20_000).map { "[\($0)]: u\n" }.joined() + String(repeating: "[0] ", count: 20_000)),
        Input("unclosed code spans", String(repeating: "``a` ", count: 50_000)),
    ]

    static let docverifyCategories: [Input] = [
        Input("20,000 unclosed expand shortcodes", String(repeating: "{{% expand \"t\" %}}\n", count: 20_000)),
        Input("20,000 unbalanced closing shortcodes", String(repeating: "{{% /expand %}}{{% /code-placeholders %}}{{% /tabs %}}\n", count: 20_000)),
        Input("20,000 unclosed tabs groups", String(repeating: "{{% tabs %}}\n[A](#)\n", count: 20_000)),
        Input("100,000 shortcode openers on one line", String(repeating: "{{% ", count: 100_000)),
        Input("20,000 directives before nothing", String(repeating: "<!-- docverify:expect cli.unknown-flag -->\n", count: 20_000)),
        Input("20,000 unknown directive lines", String(repeating: "<!-- docverify:skipp -->\n", count: 20_000)),
        Input("an unclosed HTML comment in a paragraph", "Text <!-- docverify:skip " + String(repeating: "x", count: 1_000_000)),
        Input("100,000 unknown directives in a paragraph", "Text" + String(repeating: " <!-- docverify:skipp -->", count: 100_000)),
        Input("100,000 directives on one HTML line", String(repeating: "<!-- docverify:skipp -->", count: 100_000)),
        Input("100,000 shortcodes on one line", String(repeating: "{{% expand \"é\" %}}", count: 100_000)),
        Input("100,000 code spans and openers on one line", String(repeating: "`a` {{ ", count: 100_000)),
        Input("100,000 unpaired tab label brackets", "{{% tabs %}}\n" + String(repeating: "[", count: 100_000) + "]" + String(repeating: "[a](#", count: 50_000) + "\n{{% /tabs %}}"),
        Input("a 1 MB heading", "# " + String(repeating: "title ", count: 170_000)),
        Input("100,000 headings", String(repeating: "# a\n## b\n", count: 50_000)),
        Input("100,000 placeholders in prose", String(repeating: "<DATABASE_NAME> ", count: 100_000)),
        Input("a fence of 100,000 backticks", String(repeating: "`", count: 100_000) + "sh\necho inside\n" + String(repeating: "`", count: 100_000)),
        Input("100,000 placeholders in an info string", "```sh { placeholders=\"" + String(repeating: "É|", count: 100_000) + "B\" }\necho <A>\n```"),
        Input("10,000 nested lists holding a fence", String(repeating: "* ", count: 10_000) + "```sh\n"
            + String(repeating: " ", count: 20_000) + "echo deep\n" + String(repeating: " ", count: 20_000) + "```"),
        Input("100,000 NUL bytes", String(repeating: "\u{0}", count: 100_000)),
        Input("100,000 CR-only line ends", String(repeating: "\rtext", count: 100_000)),
    ]

    @Test(arguments: cmarkCategories + docverifyCategories)
    func blockAfterThePathologicalPartIsFound(_ input: Input) throws {
        let page = extract(input.markdown + "\n\n```sh\necho after\n```\n")
        let block = try #require(page.blocks.last)
        let lineBreaks = input.markdown.unicodeScalars.count { $0 == "\n" || $0 == "\r" }
        #expect(block.lines == [SourceLine(text: "echo after", start: position(lineBreaks + 4, 1))])
        #expect(page.inputProblems.count <= 51)
    }

    /// Regression: every block copied every enclosing title, so N unclosed expands around N
    /// blocks cost N² (3,000 of each took 8 s and 900 MB in release). Only the outermost 64
    /// levels are recorded now, for expands and for code-placeholders scopes alike.
    @Test func deepShortcodeNestingIsRecordedToSixtyFourLevels() throws {
        let count = 10_000
        let expands = extract(String(repeating: "{{% expand \"t\" %}}\n", count: count) + String(repeating: "```sh\necho a\n```\n", count: count))
        #expect(expands.blocks.count == count)
        let last = try #require(expands.blocks.last)
        #expect(last.lines.first?.start == position(4 * count - 1, 1))
        #expect(last.context.titles.count == 64)
        #expect(last.context.titleRanges.last == range(64, 13, 14))

        let scopes = (0..<100).map { "{{% code-placeholders \"P\($0)\" %}}\n" }.joined()
        let placeholders = extract(scopes + "```sh\necho\n```\n" + String(repeating: "{{% /code-placeholders %}}\n", count: 99) + "```sh\necho\n```\n")
        #expect(placeholders.blocks.map(\.declaredPlaceholders.count) == [64, 1])
        #expect(placeholders.blocks.first?.declaredPlaceholders.last?.pattern == "P63")
        #expect(placeholders.blocks.last?.declaredPlaceholders.map(\.pattern) == ["P0"])
    }

    /// Thousands of open shortcodes, then thousands of closing tags of another name, then their
    /// own: each still pairs with its own, and the page is read to its end (each name keeps its
    /// own open tags, so a closing tag never searches the others). What the `{{< a >}}` pairs
    /// hold is raw text to Hugo (no template says otherwise), not Markdown.
    @Test func thousandsOfUnmatchedClosingTagsStillPairTheirOwn() throws {
        let count = 5_000
        let text = String(repeating: "{{< a >}}\n", count: count) + String(repeating: "{{< /b >}}\n", count: count)
            + "```sh\necho inside\n```\n" + String(repeating: "{{< /a >}}\n", count: count) + "```sh\necho after\n```\n"
        let page = extract(text)
        #expect(page.blocks.map(\.text) == ["echo after"])
        #expect(page.blocks.last?.openingFence == position(3 * count + 4, 1))
    }

    /// libcmark 0.30 takes unbounded time over many image openers (CVE-2023-22486); past
    /// 10,000 they are read as links, with an input problem at the first, and nothing moves.
    @Test(arguments: [10_000, 10_001])
    func manyImageOpenersAreReadAsLinks(count: Int) throws {
        let page = extract("Text\n\n  " + String(repeating: "![a](u) ", count: count) + "\n\n```sh\necho after\n```\n")
        #expect(page.inputProblems.map(\.position) == (count > 10_000 ? [position(3, 3)] : []))
        #expect(page.inputProblems.first?.message.hasPrefix("10001 image openers") ?? (count == 10_000))
        let block = try #require(page.blocks.last)
        #expect(block.lines == [SourceLine(text: "echo after", start: position(6, 1))])
    }

    @Test func aFrontMatterValueWithManyImageOpenersIsReadToo() throws {
        let page = extract("---\nexample: |\n  ```sh\n  echo one\n  ```\n  " + String(repeating: "![[]()", count: 10_001) + "\n---\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.inputProblems.map(\.position) == [position(2, 10)])
        #expect(page.inputProblems.first?.message.hasPrefix("in this front-matter value, 10001 image openers") == true)
        #expect(page.blocks.first?.lines.first?.text == "echo one")
    }

    // Regressions: each of these was quadratic in the length of one line.

    /// A `{{` whose closer is missing or whose body is no tag searched to the end of the
    /// line again for every later `{{`; the closer found once is now reused.
    @Test func closerFoundOnceServesLaterOpenings() throws {
        let page = extract("{{%/* {{% expand \"A\" %}} {{% {{< expand \"B\" >}}\n```sh\necho\n```\n")
        let block = try #require(page.blocks.first)
        #expect(block.context.titles == ["A", "B"])
        #expect(block.context.titleRanges == [range(1, 19, 20), range(1, 42, 43)])
    }

    /// Every `[` before an unpaired `]` was tried against that same `]` again.
    @Test func tabLabelsAfterUnpairedBrackets() throws {
        let page = extract("{{< tabs-wrapper >}}\n{{% tabs %}}\n[[x] [[A](#a) [B](#b\n{{% /tabs %}}\n{{% tab-content %}}\n```sh\necho\n```\n{{% /tab-content %}}\n")
        let block = try #require(page.blocks.first)
        #expect(block.context.tab == "[A")
        #expect(block.context.tabRange == range(3, 7, 9))
    }

    /// Columns were counted from the line's start for every item on it; they are now read
    /// from a table of scalar counts, also across multi-byte characters.
    @Test func columnsFarAlongALineOfMultiByteCharacters() throws {
        let prefix = String(repeating: "é", count: 200)
        let page = extract(prefix + " {{% expand \"T\" %}}\n```sh { placeholders=\"" + prefix + "|B\" }\necho\n```\n")
        let block = try #require(page.blocks.first)
        #expect(block.context.titleRanges == [range(1, 214, 215)])
        #expect(block.declaredPlaceholders.map(\.range) == [range(2, 23, 223), range(2, 224, 225)])
    }

    /// Each inline comment was looked for from its line's start, so identical comments all
    /// took the first one's position.
    @Test func identicalInlineCommentsKeepTheirOwnPositions() {
        let page = extract("Text <!-- docverify:bogus --> and <!-- docverify:bogus -->\n")
        #expect(page.diagnostics.map(\.rule) == [.directiveUnknown, .directiveUnknown])
        #expect(page.diagnostics.map(\.range) == [range(1, 6, 30), range(1, 35, 59)])
    }

    /// Each comment of an HTML block counted its line from the start.
    @Test func commentsSharingAnHTMLLineKeepTheirPositions() {
        let page = extract("<!-- docverify:bogus --><!-- docverify:skip --> <!-- docverify:bogus -->\n\nText\n")
        #expect(page.diagnostics.map(\.range) == [range(1, 1, 25), range(1, 49, 73)])
    }
}
