import DocExtraction
import Testing

/// Pages whose front matter says `draft: true`, which Hugo does not publish.
@Suite struct DraftPageTests {
    static let draftPage = """
        ---
        title: Not yet published
        draft: true
        ---

        ```sh
        influxctl cluster list
        ```

        <!-- docverify:skip -->
        ```sh
        influxctl cluster get
        ```
        """

    @Test func blocksOfADraftAreSkippedAsDrafts() {
        let page = extract(Self.draftPage)
        #expect(page.reading.unpublished == .draft)
        #expect(page.blocks.map(\.skipReason) == [.draft, .directive])
    }

    @Test func includingDraftsLeavesOnlyTheDirective() {
        let page = extract(Self.draftPage, options: ExtractionOptions(includeDrafts: true))
        #expect(page.reading.unpublished == .draft)
        #expect(page.blocks.map(\.skipReason) == [nil, .directive])
    }

    @Test(arguments: [
        ("draft: true", true),
        ("draft: True # until the release", true),
        ("\"draft\" :  TRUE", true),
        ("draft: false", false),
        // Hugo reads a string as Go's strconv.ParseBool does.
        ("draft: \"true\"", true),
        ("draft: 't'", true),
        ("draft: \"yes\"", false),
        ("drafts: true", false),
        ("params:\n  draft: true", false),
        ("# draft: true", false),
    ])
    func onlyATopLevelTrueDraftKeyCounts(line: String, isDraft: Bool) {
        let page = extract("---\ntitle: T\n\(line)\n---\n\n```sh\nls\n```\n")
        #expect((page.reading.unpublished == .draft) == isDraft)
        #expect((page.blocks.first?.skipReason == .draft) == isDraft)
    }

    @Test func aPageWithoutFrontMatterIsNoDraft() {
        let page = extract("draft: true\n\n```sh\nls\n```\n")
        #expect(page.reading.unpublished == nil)
        #expect(page.blocks.first?.skipReason == nil)
    }
}
