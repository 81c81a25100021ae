import Diagnostics
import DocExtraction
import Testing

/// Smaller pages written inline, one behaviour each.
@Suite struct BlockDetailsTests {
    @Test(arguments: [
        ("sh", "sh"), ("SH", "sh"), ("bash{ placeholders=\"X\" }", "bash"), ("console title=\"x\"", "console"),
        ("  zsh  ", "zsh"), ("shell{}", "shell"),
    ])
    func languageIsTheFirstWordOfTheInfoString(info: String, language: String) throws {
        let page = extract("```\(info)\necho hi\n```\n")
        let block = try #require(page.blocks.first)
        #expect(block.language == language)
    }

    @Test func attributesTakeBothQuoteStyles() throws {
        let page = extract("```sh { placeholders='A|B' title=\"Run it\" .wide #anchor }\necho\n```\n")
        let block = try #require(page.blocks.first)
        #expect(block.attributes == ["placeholders": "A|B", "title": "Run it"])
    }

    @Test(arguments: [
        ("A|B", ["A", "B"]),
        ("A | B |C", ["A", "B", "C"]),
        ("INFLUXDB_(HOST|PORT)|TOKEN", ["INFLUXDB_(HOST|PORT)", "TOKEN"]),
        (#"(TAG_KEY(_\d)?)|FIELD_[A|B]"#, [#"(TAG_KEY(_\d)?)"#, "FIELD_[A|B]"]),
        ("A||B|", ["A", "B"]),
    ])
    func declaredAlternativesSplitAtTopLevelBars(declaration: String, patterns: [String]) throws {
        let page = extract("```sh { placeholders=\"\(declaration)\" }\necho\n```\n")
        let block = try #require(page.blocks.first)
        #expect(block.declaredPlaceholders.map(\.pattern) == patterns)
    }

    @Test func anglePlaceholdersAreDistinctUpperSnakeNames() throws {
        let page = extract("```sh\ncmd <B_2> <A> <lower> <Mixed> < A> <B_2> <_X> <A-B> > out <C>\n```\n")
        #expect(page.blocks.first?.anglePlaceholders == ["B_2", "A", "C"])
    }

    @Test func indentedCodeIsNotExtractedButFencesAnywhereAre() {
        let page = extract("""
            Text.

                indented --not-a-fence

            - item

              ~~~sh
              in list
              ~~~

            > quote
            >
            > ```bash
            > in quote
            > ```

            1. First
               - nested
                 ````console
                 $ deep
                 ````
            """)
        #expect(page.blocks.map(\.text) == ["in list", "in quote", "$ deep"])
        #expect(page.blocks.map(\.openingFence) == [position(7, 3), position(13, 3), position(19, 6)])
        #expect(page.blocks.map { $0.lines.first?.start } == [position(8, 3), position(14, 3), position(20, 6)])
    }

    @Test func emptyContentLinesGetTheContainerColumn() {
        let page = extract("> ```sh\n> one\n>\n> two\n> ```\n\n```sh\n\n```\n")
        #expect(page.blocks[0].lines == [
            SourceLine(text: "one", start: position(2, 3)),
            SourceLine(text: "", start: position(3, 2)),
            SourceLine(text: "two", start: position(4, 3)),
        ])
        #expect(page.blocks[1].lines == [SourceLine(text: "", start: position(8, 1))])
    }

    @Test func emptyBlockHasNoLines() throws {
        let block = try #require(extract("```sh\n```\n").blocks.first)
        #expect(block.lines.isEmpty)
        #expect(block.closingLine == 2)
    }

    @Test func fenceIndentationIsRemovedFromContent() throws {
        let block = try #require(extract("  ```sh\n  echo one\n    echo two\n echo three\n  ```\n").blocks.first)
        #expect(block.lines == [
            SourceLine(text: "echo one", start: position(2, 3)),
            SourceLine(text: "  echo two", start: position(3, 3)),
            SourceLine(text: "echo three", start: position(4, 2)),
        ])
        #expect(block.openingFence == position(1, 3))
    }

    @Test func anExpectationBeforeProseCoversItsLinesAndOneBeforeABlockStaysWithTheBlock() throws {
        let page = extract("""
            <!-- docverify:expect claim.outdated -->

            A paragraph
            on two lines.

            <!-- docverify:expect reference.flag-table -->
            | Flag | Description |
            | :--- | :---------- |

            <!-- docverify:expect cli.unknown-flag -->

            ```sh
            influxctl token list --bogus
            ```
            """)
        let prose = page.pageDirectives.compactMap { directive -> ([String], ClosedRange<Int>)? in
            guard case let .expectInProse(ids, _, lines) = directive else { return nil }
            return (ids, lines)
        }
        #expect(prose.map(\.0) == [["claim.outdated"], ["reference.flag-table"]])
        #expect(prose.map(\.1) == [3...4, 7...8])
        #expect(page.blocks.first?.directives.count == 1)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let page = extract("""
            > ```sh { title="héllo wörld" placeholders="ÉTAPE|B" }
            > echo 'ünïcode' <NAME>
            > ```

            Café ☕ <!-- docverify:influxctl-version 2.1.0 -->
            """)
        let block = try #require(page.blocks.first)
        #expect(block.declaredPlaceholders.map(\.range) == [range(1, 45, 50), range(1, 51, 52)])
        #expect(block.lines.first?.start == position(2, 3))
        #expect(page.pageDirectives == [.influxctlVersion("2.1.0", range: range(5, 8, 50))])
    }

    @Test func tabsInContainerPrefixesAreBestEffort() throws {
        let block = try #require(extract("- a\n\n\t```sh\n\t\techo\n\t```\n").blocks.first)
        #expect(block.openingFence == position(3, 2))
        #expect(block.lines.first?.start == position(4, 1))
        #expect(block.lines.first?.text == " \techo")
    }

    @Test func longerClosingFenceCloses() {
        let page = extract("```sh\necho\n`````\n\n~~~sh\necho\n~~~ \n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.closingLine) == [3, 7])
    }

    @Test func unclosedFenceInListItem() throws {
        let page = extract("- step\n\n  ```sh\n  echo\n\nafter\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownUnclosedFence)
        #expect(diagnostic.range == range(3, 3, 6))
        #expect(diagnostic.message.contains("list item"))
        #expect(page.blocks.first?.lines.map(\.text) == ["echo", ""])
    }

    @Test func unclosedFenceOfOtherLanguagesIsStillReported() {
        let page = extract("```python\nprint()\n")
        #expect(page.blocks.isEmpty)
        #expect(page.diagnostics.map(\.rule) == [.markdownUnclosedFence])
    }

    @Test func fenceLookalikeAfterAQuoteIsNotItsClosingFence() {
        // The quote ends at line 3, so the ``` there opens a new block instead.
        let page = extract("> ```sh\n> echo\n```\nnot closed\n")
        #expect(page.diagnostics.count == 2)
        #expect(page.diagnostics.map(\.range.start) == [position(1, 3), position(3, 1)])
    }
}
