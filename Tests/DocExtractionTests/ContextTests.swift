import Diagnostics
import DocExtraction
import Testing

/// Headings, shortcodes, tabs and directives around blocks.
@Suite struct ContextTests {
    @Test func headingPathKeepsOuterLevels() {
        let page = extract("""
            # Tokens

            ## Create

            ### Read only

            ```sh
            one
            ```

            ## Revoke

            ```sh
            two
            ```

            Setext title
            ------------

            ```sh
            three
            ```
            """)
        #expect(page.blocks.map(\.context.headings) == [
            ["Tokens", "Create", "Read only"], ["Tokens", "Revoke"], ["Tokens", "Setext title"],
        ])
        #expect(page.blocks[2].context.headingRanges == [range(1, 3, 9), range(17, 1, 13)])
        let setext = page.prose.first { $0.text == "Setext title" }
        #expect(setext?.lines == [SourceLine(text: "Setext title", start: position(17, 1))])
        #expect(setext?.kind == .heading)
    }

    @Test func headingTextDropsMarkupAndClosingHashes() {
        let page = extract("## The `token` **create** command ##\n\n```sh\nx\n```\n")
        #expect(page.blocks.first?.context.headings == ["The token create command"])
        #expect(page.blocks.first?.context.headingRanges == [range(1, 4, 34)])
    }

    @Test func nestedExpandsStackTheirTitles() {
        let page = extract("""
            {{< expand-wrapper >}}
            {{% expand "Outer" %}}
            {{< expand "Inner one" >}}

            ```sh
            a
            ```

            {{< /expand >}}

            ```sh
            b
            ```

            {{% /expand %}}
            {{< /expand-wrapper >}}

            ```sh
            c
            ```
            """)
        #expect(page.blocks.map(\.context.titles) == [["Outer", "Inner one"], ["Outer"], []])
        #expect(page.blocks[0].context.titleRanges == [range(2, 13, 18), range(3, 13, 22)])
    }

    @Test func codeTabsPairLabelsWithContentsInOrder() {
        let page = extract("""
            {{< code-tabs-wrapper >}}
            {{% code-tabs %}}
            [CLI](#)[API](#)
            {{% /code-tabs %}}
            {{% code-tab-content %}}
            ```sh
            cli
            ```
            {{% /code-tab-content %}}
            {{% code-tab-content %}}
            ```sh
            api
            ```
            {{% /code-tab-content %}}
            {{< /code-tabs-wrapper >}}

            {{< tabs-wrapper >}}
            {{% tabs %}}
            [Linux](#linux)
            {{% /tabs %}}
            {{% tab-content %}}
            ```sh
            linux
            ```
            {{% /tab-content %}}
            {{< /tabs-wrapper >}}

            ```sh
            outside
            ```
            """)
        #expect(page.blocks.map(\.context.tab) == ["CLI", "API", "Linux", nil])
        #expect(page.blocks.map(\.context.tabGroup) == [1, 1, 2, nil])
        #expect(page.blocks[1].context.tabRange == range(3, 10, 13))
        // The label links are not prose.
        #expect(!page.prose.contains { $0.text.contains("CLI") })
    }

    @Test func precedingParagraphSkipsShortcodeOnlyParagraphs() {
        let page = extract("""
            Create the token first.

            {{% code-placeholders "DB" %}}
            {{% note %}}

            ```sh
            influxctl token create DB
            ```
            {{% /code-placeholders %}}
            """)
        #expect(page.blocks.first?.context.precedingParagraph == "Create the token first.")
        #expect(page.prose.map(\.text) == ["Create the token first."])
        #expect(page.blocks.first?.declaredPlaceholders == [DeclaredPlaceholder(pattern: "DB", range: range(3, 24, 26), source: .shortcode)])
    }

    @Test func paragraphMixingShortcodeLinesAndTextKeepsTheText() {
        let page = extract("{{% expand \"Title\" %}}\nSome words {{% product-name %}} here.\n")
        #expect(page.prose.map(\.text) == ["Some words {{% product-name %}} here."])
        #expect(page.prose.first?.lines.count == 2)
    }

    @Test func commentsRightBeforeABlockAreItsDirectives() {
        let page = extract("""
            <!-- docverify:skip --><!-- pytest-codeblocks:cont -->
            <!-- docverify:expect cli.unknown-flag -->

            ```sh
            first
            ```

            <!-- docverify:skip -->

            A paragraph in between.

            ```sh
            second
            ```

            <!-- pytest.mark.skip -->
            {{% code-placeholders "X" %}}
            ```sh
            third
            ```
            {{% /code-placeholders %}}

            <!--pytest-codeblocks:expected-output-->

            ```sh
            fourth
            ```
            """)
        #expect(page.blocks[0].directives == [
            .skip(range: range(1, 1, 24)),
            .expect(ruleIDs: ["cli.unknown-flag"], range: range(2, 1, 43)),
        ])
        #expect(page.blocks[1].directives.isEmpty)
        // docs-v2's pytest marker keeps a block off a live cluster; docverify still runs it.
        #expect(page.blocks[2].directives.isEmpty)
        #expect(page.blocks[3].directives.isEmpty)
        #expect(page.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("<!-- docverify:skipp -->", "docverify:skip"),
        ("<!-- docverify:expects cli.unknown-flag -->", "docverify:expect"),
        ("<!-- docverify:whatever -->", nil),
        ("<!-- docverify:skip now -->", "docverify:skip"),
    ] as [(String, String?)])
    func unknownDirectivesAreReported(comment: String, suggestion: String?) throws {
        let page = extract("Text.\n\n\(comment)\n```sh\necho\n```\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .directiveUnknown)
        #expect(diagnostic.range == range(3, 1, comment.unicodeScalars.count + 1))
        #expect(diagnostic.suggestion == suggestion)
        #expect(page.blocks.first?.directives.isEmpty == true)
    }

    @Test func expectWithoutRulesOrVersionWithoutValueAreReported() {
        let page = extract("<!-- docverify:expect -->\n```sh\nx\n```\n\n<!-- docverify:influxctl-version -->\n")
        #expect(page.diagnostics.map(\.rule) == [.directiveUnknown, .directiveUnknown])
        #expect(page.diagnostics.map(\.range.start) == [position(1, 1), position(6, 1)])
        #expect(page.pageDirectives.isEmpty)
    }

    @Test func multiLineCommentRangeEndsOnItsLastLine() {
        let page = extract("<!--\n  docverify:skip\n-->\n```sh\nx\n```\n")
        #expect(page.blocks.first?.directives == [.skip(range: SourceRange(start: position(1, 1), end: position(3, 4)))])
    }
}

@Suite struct ShortcodesInCodeSpansTests {
    @Test func aShortcodeWrittenInACodeSpanIsText() {
        let page = extract("""
        Wrap blocks in `{{% code-placeholders "DATABASE_NAME" %}}` or `{{% expand "Title" %}}`.

        ```sh
        influxctl database list
        ```
        """)
        let block = page.blocks[0]
        #expect(block.declaredPlaceholders.isEmpty)
        #expect(block.context.titles.isEmpty)
    }

    @Test func aShortcodeAfterACodeSpanStillCounts() {
        let page = extract("""
        Use `code` then {{% expand "Real title" %}}

        ```sh
        influxctl database list
        ```

        {{% /expand %}}
        """)
        #expect(page.blocks[0].context.titles == ["Real title"])
    }
}
