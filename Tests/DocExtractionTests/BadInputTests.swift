import Diagnostics
import DocExtraction
import Foundation
import Testing

/// Every kind of bad input gives a page with a clear diagnostic or problem, or an error,
/// and never a crash or a hang.
@Suite struct BadInputTests {
    @Test(arguments: [("bad/empty.md", "the file is empty"), ("bad/whitespace-only.md", "the file holds only white space")])
    func emptyPagesSayWhy(fixture: String, message: String) throws {
        let page = try Fixtures.page(fixture)
        #expect(page.blocks.isEmpty)
        #expect(page.prose.isEmpty)
        #expect(page.diagnostics.isEmpty)
        #expect(page.inputProblems == [InputProblem(position: position(1, 1), message: message)])
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let page = try Fixtures.page("bad/bom.md")
        #expect(page.inputProblems.isEmpty)
        #expect(page.prose.first?.start == position(1, 1))
        #expect(page.prose.first?.text == "Título")
        let block = try #require(page.blocks.first)
        #expect(block.openingFence == position(3, 1))
        #expect(block.lines == [SourceLine(text: "écho <NAME>", start: position(4, 1))])
        #expect(block.context.headings == ["Título"])
        #expect(block.context.headingRanges == [range(1, 3, 9)])
    }

    @Test func crlfLineEndingsKeepExactPositions() throws {
        let page = try Fixtures.page("bad/crlf.md")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.count == 2)
        let frontMatter = page.blocks[0]
        #expect(frontMatter.origin == .frontMatter)
        #expect(frontMatter.openingFence == position(4, 3))
        #expect(frontMatter.lines == [SourceLine(text: "influxctl cluster list", start: position(5, 3))])
        #expect(frontMatter.closingLine == 6)
        let body = page.blocks[1]
        #expect(body.openingFence == position(13, 3))
        #expect(body.lines == [
            SourceLine(text: #"influxctl token list \"#, start: position(14, 3)),
            SourceLine(text: "  --format json", start: position(15, 3)),
        ])
        #expect(body.closingLine == 16)
        #expect(body.context.headings == ["Windows"])
        #expect(!page.prose.contains { $0.text.contains("\r") || $0.lines.contains { $0.text.contains("\r") } })
    }

    /// Found by `scripts/fuzz extract`: YAML folds a plain multi-line scalar, so its lines
    /// cannot be mapped back to the file; the block and its lines all stand at the scalar's
    /// start (where a finding can still point), rather than at lines the value never had.
    @Test func aFenceFoldedIntoAPlainScalarStandsAtTheScalar() throws {
        let page = try Fixtures.page("bad/front-matter-plain-scalar-fence.md")
        let block = try #require(page.blocks.first)
        #expect(page.blocks.count == 1)
        #expect(block.origin == .frontMatter)
        #expect(block.openingFence == position(3, 10))
        #expect(block.lines == [SourceLine(text: "influxctl token list", start: position(3, 10))])
        #expect(block.closingLine == 3)
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        let page = try Fixtures.page("bad/invalid-utf8.md")
        #expect(page.inputProblems == [
            InputProblem(position: position(1, 7), message: "invalid UTF-8 byte 0xFF"),
            InputProblem(position: position(4, 9), message: "invalid UTF-8 byte 0xC3"),
        ])
        let block = try #require(page.blocks.first)
        #expect(block.lines == [SourceLine(text: "echo caf\u{FFFD} ok", start: position(4, 1))])
        #expect(page.prose.first?.text == "Bad \u{FFFD} bytes")
    }

    @Test func truncatedSequencesAndOverlongFormsAreInvalid() {
        // Overlong "/", a lone continuation byte, a surrogate, and a sequence cut by the end.
        let bytes: [UInt8] = Array("a".utf8) + [0xC0, 0xAF] + Array("b".utf8) + [0x80] + [0xED, 0xA0, 0x80] + Array("é".utf8) + [0xE2, 0x82]
        let page = PageExtractor.extract(path: "x.md", contents: bytes, options: ExtractionOptions())
        #expect(page.inputProblems.map(\.position.column) == [2, 3, 5, 6, 7, 8, 10])
        #expect(page.inputProblems.first?.message == "invalid UTF-8 byte 0xC0")
    }

    @Test func manyInvalidBytesAreCountedNotListed() {
        let page = PageExtractor.extract(path: "x.md", contents: [UInt8](repeating: 0xFF, count: 1000), options: ExtractionOptions())
        #expect(page.inputProblems.count == 51)
        #expect(page.inputProblems.last == InputProblem(position: position(1, 51), message: "950 more invalid bytes from here on are not listed"))
    }

    @Test func nulBytesAreReported() throws {
        let page = try Fixtures.page("bad/nul-byte.md")
        #expect(page.inputProblems == [
            InputProblem(position: position(1, 13), message: "NUL byte"),
            InputProblem(position: position(4, 7), message: "NUL byte"),
        ])
        #expect(page.blocks.first?.lines == [SourceLine(text: "echo a\u{FFFD}b", start: position(4, 1))])
    }

    @Test func unclosedFencesPointAtTheirOpeningFence() throws {
        let page = try Fixtures.page("bad/unclosed-fence.md")
        #expect(page.diagnostics.map(\.rule) == [.markdownUnclosedFence, .markdownUnclosedFence])
        #expect(page.diagnostics.map(\.range) == [range(3, 3, 6), range(6, 1, 5)])
        #expect(page.diagnostics[0].message.contains("block quote"))
        #expect(page.diagnostics[1].message.contains("end of the file"))
        #expect(page.diagnostics[1].suggestion == "````")
        // Both blocks are still extracted; the closing line is their last content line.
        #expect(page.blocks.map(\.closingLine) == [4, 9])
        #expect(page.blocks[0].lines == [SourceLine(text: "influxctl token list", start: position(4, 3))])
        // A shorter fence does not close a longer one: it is content.
        #expect(page.blocks[1].lines.map(\.text) == ["influxctl database list", "```", "still code"])
    }

    @Test func frontMatterThatIsNotYAML() throws {
        let page = try Fixtures.page("bad/front-matter-invalid.md")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(page.diagnostics.count == 1)
        #expect(diagnostic.rule == .markdownFrontMatter)
        #expect(diagnostic.range.start.line == 3)
        #expect(diagnostic.message.contains("started at line 2"))
        // The body is still read, with file line numbers.
        #expect(page.blocks.map(\.openingFence) == [position(6, 1)])
        #expect(page.blocks.first?.origin == .body)
    }

    @Test func frontMatterThatNeverCloses() throws {
        let page = try Fixtures.page("bad/front-matter-unclosed.md")
        #expect(page.diagnostics.map(\.rule) == [.markdownFrontMatter])
        #expect(page.diagnostics.first?.range == range(1, 1, 4))
        #expect(page.blocks.map(\.openingFence) == [position(5, 1)])
        #expect(page.blocks.first?.lines == [SourceLine(text: "influxctl version", start: position(6, 1))])
    }

    @Test func tenMegabyteLine() {
        let line = String(repeating: "token ", count: 10 * 1024 * 1024 / 6)
        let page = extract("```sh\n" + line + "\n```\n" + line)
        #expect(page.blocks.first?.lines.first?.text.utf8.count == line.utf8.count)
        #expect(page.blocks.first?.lines.first?.start == position(2, 1))
        #expect(page.prose.first?.start == position(4, 1))
        #expect(page.prose.first?.lines.first?.text.utf8.count == line.utf8.count)
    }

    @Test func oneHundredThousandFences() throws {
        let count = 100_000
        var markdown = ""
        markdown.reserveCapacity(count * 24)
        for index in 0..<count {
            markdown += "```sh\necho \(index)\n```\n"
        }
        let page = extract(markdown)
        #expect(page.blocks.count == count)
        let last = try #require(page.blocks.last)
        #expect(last.openingFence == position(3 * count - 2, 1))
        #expect(last.lines == [SourceLine(text: "echo \(count - 1)", start: position(3 * count - 1, 1))])
        #expect(page.diagnostics.isEmpty)
    }

    @Test func oneHundredThousandNestedBlockQuotes() throws {
        let depth = 100_000
        let quotes = String(repeating: "> ", count: depth)
        let markdown = quotes + "Deep thoughts\n" + quotes + "```sh\n" + quotes + "echo deep\n" + quotes + "```\n"
        let clock = ContinuousClock()
        var page: Page?
        let elapsed = clock.measure {
            page = extract(markdown)
        }
        let block = try #require(page?.blocks.first)
        #expect(block.openingFence == position(2, 2 * depth + 1))
        #expect(block.lines == [SourceLine(text: "echo deep", start: position(3, 2 * depth + 1))])
        #expect(block.closingLine == 4)
        #expect(page?.prose.first?.text == "Deep thoughts")
        #expect(elapsed < .seconds(30))
    }

    @Test func deeplyNestedFrontMatterIsADiagnostic() {
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let page = extract("---\nkey: \(nested)\n---\n\n```sh\necho ok\n```\n")
        #expect(page.diagnostics.map(\.rule) == [.markdownFrontMatter])
        #expect(page.blocks.count == 1)
    }

    @Test func missingFileIsUnreadable() {
        let path = Fixtures.path("bad/does-not-exist.md")
        #expect(throws: ExtractionError.unreadable(path: path, reason: "no such file or directory")) {
            try PageExtractor.extract(fileAt: path, options: ExtractionOptions())
        }
    }

    @Test func directoryIsUnreadableAsAPage() {
        let path = Fixtures.path("tree")
        #expect(throws: ExtractionError.unreadable(path: path, reason: "is a directory")) {
            try PageExtractor.extract(fileAt: path, options: ExtractionOptions())
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect(ExtractionError.unreadable(path: "docs/x.md", reason: "permission denied").description == "docs/x.md: cannot read: permission denied")
        #expect(ExtractionError.noMarkdown(path: "docs").description == "docs: no Markdown files (*.md) in this folder")
    }
}
