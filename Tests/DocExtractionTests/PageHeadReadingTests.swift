import DocExtraction
import Foundation
import Testing

/// A page's head is read from the file's first chunks only, until its front matter closes.
@Suite struct PageHeadReadingTests {
    private func head(of text: String) throws -> HugoPageHead {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID().uuidString).md")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return HugoPageHead(fileAt: file.path)
    }

    @Test func frontMatterLongerThanAChunkIsReadToItsEnd() throws {
        let description = String(repeating: "  A long line of description text.\n", count: 800)
        let read = try head(of: "---\ndescription: >\n\(description)product: widget_core\nsource: /shared/a.md\n---\n\nBody.\n")
        #expect(read.product == "widget_core")
        #expect(read.source?.path == "/shared/a.md")
    }

    @Test func aDelimiterCutByAChunkBoundaryIsNotTakenForTheEnd() throws {
        // The first 8,192 bytes end in `---`, but the line is `----`, which closes nothing.
        var text = "---\ntitle: x\nnote: |\n"
        while text.utf8.count + 4 <= 8_189 - 8 { text += "  y\n" }
        text += "  " + String(repeating: "z", count: 8_189 - text.utf8.count - 3) + "\n"
        text += "----\nproduct: late\n---\n"
        #expect(Array(Array(text.utf8)[8_189..<8_192]) == Array("---".utf8))
        let read = try head(of: text)
        #expect(read.product == "late")
        #expect(HugoPageHead(bytes: Array(text.utf8)).product == "late")
    }

    @Test func pagesWithoutFrontMatterAndUnreadablePathsHaveEmptyHeads() throws {
        #expect(try head(of: "").source == nil)
        #expect(try head(of: "# Title\n\nproduct: not front matter\n").product == nil)
        #expect(HugoPageHead(fileAt: FileManager.default.temporaryDirectory.path).product == nil)
        #expect(HugoPageHead(fileAt: "/nonexistent/page.md").product == nil)
    }
}
