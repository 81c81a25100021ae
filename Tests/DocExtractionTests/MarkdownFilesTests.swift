import DocExtraction
import Testing

/// Finding the Markdown files named on the command line.
@Suite struct MarkdownFilesTests {
    let tree = Fixtures.path("tree")

    @Test func folderIsSearchedRecursivelyAndSortedByBytes() throws {
        let found = try MarkdownFiles.find(in: [tree])
        // "Z" < "a", and "-" < "/"; hidden folders and other extensions are skipped.
        #expect(found == ["Z.md", "a-b.md", "a/b.md", "a/z.md", "b.md"].map { tree + "/" + $0 })
    }

    @Test func trailingSlashIsNotDoubled() throws {
        let found = try MarkdownFiles.find(in: [tree + "/"])
        #expect(found.first == tree + "/Z.md")
    }

    @Test func filesAreTakenAsGivenAndDuplicatesDropped() throws {
        let found = try MarkdownFiles.find(in: [tree + "/readme.txt", tree + "/b.md", tree, tree + "/b.md"])
        #expect(found == ["Z.md", "a-b.md", "a/b.md", "a/z.md", "b.md", "readme.txt"].map { tree + "/" + $0 })
    }

    @Test func missingPathIsUnreadable() {
        let missing = Fixtures.path("no-such-folder")
        #expect(throws: ExtractionError.unreadable(path: missing, reason: "no such file or directory")) {
            try MarkdownFiles.find(in: [tree, missing])
        }
    }

    @Test func folderWithoutMarkdownIsAnError() {
        let folder = Fixtures.path("no-markdown")
        #expect(throws: ExtractionError.noMarkdown(path: folder)) {
            try MarkdownFiles.find(in: [folder])
        }
    }

    @Test(arguments: [
        (["b", "a", "b", "a/b", "a-b", "Z"], ["Z", "a", "a-b", "a/b", "b"]),
        (["a", "a", "b", "c", "c"], ["a", "b", "c"]),
        (["a", "ab", "abc"], ["a", "ab", "abc"]),
        (["", "é", "e", "", "z"], ["", "e", "z", "é"]),
        ([], []),
    ])
    func pathsAreOrderedByBytesAndKeptOnce(paths: [String], expected: [String]) {
        #expect(MarkdownFiles.uniqueInByteOrder(paths) == expected)
    }

    @Test func noPathsFindNothing() throws {
        #expect(try MarkdownFiles.find(in: []).isEmpty)
    }
}
