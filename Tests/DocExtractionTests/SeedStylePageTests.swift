import Diagnostics
import DocExtraction
import Testing

/// A page written in the style of the docs' token-creation page (fixture token-guide.md).
@Suite struct SeedStylePageTests {
    let page: Page

    init() throws {
        page = try Fixtures.page("token-guide.md")
    }

    @Test func findsEveryShellBlockInDocumentOrder() {
        #expect(page.blocks.map(\.openingFence) == [position(11, 3), position(29, 1), position(50, 1), position(60, 1)])
        #expect(page.blocks.map(\.origin) == [.frontMatter, .body, .body, .body])
        #expect(page.blocks.allSatisfy { $0.language == "sh" && $0.info == "sh" && $0.attributes.isEmpty })
        #expect(page.blocks.map(\.closingLine) == [15, 34, 55, 65])
        #expect(page.diagnostics.isEmpty)
        #expect(page.inputProblems.isEmpty)
    }

    @Test func frontMatterExampleMapsToTheFileLines() throws {
        let block = try #require(page.blocks.first)
        #expect(block.lines == [
            SourceLine(text: #"influxctl token create \"#, start: position(12, 3)),
            SourceLine(text: #"  --read-database <DB_NAME> \"#, start: position(13, 3)),
            SourceLine(text: "  <DESCRIPTION>", start: position(14, 3)),
        ])
        #expect(block.anglePlaceholders == ["DB_NAME", "DESCRIPTION"])
        #expect(block.context == BlockContext())
    }

    @Test func blockAfterTheNumberedList() throws {
        let block = page.blocks[1]
        #expect(block.lineStarts == (30...33).map { position($0, 1) })
        #expect(block.text == """
            influxctl token create \\
              --read-database <DB_NAME> \\
              --write-database <DB_NAME> \\
              <DESCRIPTION>
            """)
        #expect(block.anglePlaceholders == ["DB_NAME", "DESCRIPTION"])
        #expect(block.context.headings.isEmpty)
        #expect(block.context.titles.isEmpty)
        #expect(block.context.precedingParagraph == "A description of the token")
        #expect(block.directives.isEmpty)
        #expect(block.declaredPlaceholders.isEmpty)
    }

    @Test func expandBlocksKnowTheirTitleAndHeading() {
        let first = page.blocks[2]
        let second = page.blocks[3]
        #expect(first.context.titles == ["Token that reads and writes one database"])
        #expect(second.context.titles == ["Token that only reads two databases"])
        // The h4 inside the note is replaced by the later h4.
        #expect(first.context.headings == ["Sample commands"])
        #expect(second.context.headings == ["Sample commands"])
        #expect(first.context.headingRanges == [range(45, 6, 21)])
        #expect(first.context.titleRanges == [range(48, 13, 53)])
        #expect(second.context.titleRanges == [range(58, 13, 48)])
        #expect(first.context.tab == nil && first.context.tabGroup == nil)
        #expect(first.lineStarts == (51...54).map { position($0, 1) })
        #expect(first.lines.last?.text == #"  "Read and write sensors""#)
        #expect(first.anglePlaceholders.isEmpty)
        #expect(first.context.precedingParagraph == "Put the token string in a secret manager.")
    }

    @Test func proseHoldsHeadingsAndParagraphsWithoutShortcodeLines() throws {
        #expect(page.prose.filter { $0.kind == .heading }.map(\.text) == [
            "Keep the token string safe", "Sample commands", "A token never changes",
        ])
        #expect(!page.prose.contains { $0.text.contains("{{") })
        let intro = try #require(page.prose.first)
        #expect(intro.kind == .paragraph)
        #expect(intro.text == "With the influxctl token create command you generate a token that can read or write the databases of your cluster.")
        #expect(intro.start == position(18, 1))
        #expect(intro.lines.map(\.start) == [position(18, 1), position(19, 1)])
        let listItem = try #require(page.prose.first { $0.text.hasPrefix("`--read-database`") || $0.text.hasPrefix("--read-database") })
        #expect(listItem.text == "--read-database: the token may query a database")
        #expect(listItem.start == position(25, 9))
        let claim = try #require(page.prose.first { $0.text.contains("only this once") })
        #expect(claim.text == "The output holds the token ID and the token string. You see the token string only this once.")
        #expect(claim.lines[1] == SourceLine(text: "**You see the token string only this once.**", start: position(37, 1)))
        let noteParagraph = try #require(page.prose.first { $0.text.hasPrefix("Put the token") })
        #expect(noteParagraph.text == "Put the token string in a secret manager.")
    }

    @Test func sameBytesGiveTheSamePage() throws {
        let again = try Fixtures.page("token-guide.md")
        #expect(again == page)
    }
}
