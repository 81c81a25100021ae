import Diagnostics
import DocExtraction
import Testing

/// Fences that Markdown reads as the text of an indented code block, backticks and all.
@Suite struct FenceShownAsCodeTests {
    @Test func aColumnOneCommentPushesTheFenceOutOfItsItem() throws {
        let page = extract("""
            1. Create the database.

               It keeps a month of data.

            <!-- a note for the test runner -->

                ```sh
                influxctl database create --retention-period 30d mydb
                ```

            2. Write to it.
            """)
        let diagnostic = try #require(page.diagnostics.first)
        #expect(page.diagnostics.count == 1)
        #expect(diagnostic.rule == .markdownFenceShownAsCode)
        #expect(diagnostic.range == range(7, 5, 8))
        #expect(diagnostic.message.contains("line 5 (`<!-- a note for the test runner -->`) starts at column 1"))
        let block = try #require(page.blocks.first)
        #expect(block.language == "sh")
        #expect(block.openingFence == position(7, 5))
        #expect(block.closingLine == 9)
        #expect(block.lines == [SourceLine(text: "influxctl database create --retention-period 30d mydb", start: position(8, 5))])
    }

    @Test func aFenceAfterProseInTheSameIndentedBlockIsFoundToo() throws {
        let page = extract("""
            - First step

            {{% /note %}}

                Then list the databases:

                ```bash { placeholders="CLUSTER_ID" }
                influxctl database list --cluster CLUSTER_ID
                ```

                ~~~sh
                influxctl cluster list
                ~~~
            """)
        #expect(page.diagnostics.map(\.rule) == [.markdownFenceShownAsCode, .markdownFenceShownAsCode])
        #expect(page.diagnostics.map(\.range.start) == [position(7, 5), position(11, 5)])
        #expect(page.diagnostics[0].message.contains("line 3 (`{{% /note %}}`)"))
        #expect(page.blocks.map(\.language) == ["bash", "sh"])
        #expect(page.blocks.map(\.closingLine) == [9, 13])
        #expect(page.blocks[0].lines.map(\.start) == [position(8, 5)])
        #expect(page.blocks[0].declaredPlaceholders.map(\.pattern) == ["CLUSTER_ID"])
        #expect(page.blocks[1].text == "influxctl cluster list")
    }

    @Test func aFenceIndentedTooFarInsideItsItemIsNamedSo() throws {
        let page = extract("- Item text\n\n      ```sh\n      ls\n      ```\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownFenceShownAsCode)
        #expect(diagnostic.range.start == position(3, 7))
        #expect(diagnostic.message.contains("indented 4 or more columns"))
        #expect(page.blocks.map(\.text) == ["ls"])
    }

    @Test func aDirectiveBeforeTheIndentedBlockBelongsToItsFirstFence() {
        let page = extract("1. Step\n\n<!-- docverify:skip -->\n\n    ```sh\n    ls\n    ```\n")
        #expect(page.blocks.count == 1)
        #expect(page.blocks.first?.skipReason == .directive)
    }

    @Test func aFenceInAnotherLanguageIsReportedButNotExtracted() {
        let page = extract("1. Step\n\n<!-- x -->\n\n    ```python\n    print(1)\n    ```\n")
        #expect(page.diagnostics.map(\.rule) == [.markdownFenceShownAsCode])
        #expect(page.blocks.isEmpty)
    }

    @Test(arguments: [
        "Text.\n\n    plain indented code\n    with no fence\n",
        "Text.\n\n    `` two backticks are no fence\n",
        "Text.\n\n    ```sh `a backtick in the info`\n",
        "```\nls\n```\n",
        "- item\n\n  ```sh\n  ls\n  ```\n",
    ])
    func otherBlocksAreLeftAlone(markdown: String) {
        let page = extract(markdown)
        #expect(page.diagnostics.isEmpty)
    }
}

/// How sure an unclosed fence is to break the page, and fences Hugo closes.
@Suite struct UnclosedFenceSeverityTests {
    @Test func aFenceCutOffByItsListItemIsAnError() throws {
        let page = extract("1. Run:\n\n   ```sh\n  ls\n   ```\n\n2. Next.\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownUnclosedFence)
        #expect(diagnostic.severity == .error)
    }

    @Test func aFenceRunningToTheEndOfTheFileIsAWarning() throws {
        let page = extract("Output:\n\n```\nError: timeout\n\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownUnclosedFence)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("shows as meant"))
    }

    @Test func aFenceSwallowingAnotherFenceIsAnError() throws {
        let page = extract("```sh\nls\n\nMore text.\n\n```sh\npwd\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.severity == .error)
    }

    @Test func aFenceRunningToTheEndOfAFrontMatterValueIsAWarning() throws {
        let page = extract("---\nexample: |\n  ```sh\n  influxctl cluster list\n---\n\nBody.\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(page.blocks.map(\.text) == ["influxctl cluster list"])
    }

    @Test func shortcodeTagsAfterAClosingFenceCloseItAsHugoReadsIt() throws {
        let page = extract("""
            {{% expand "Output" %}}
            ```sh
            influxctl cluster list
            ```{{% /expand %}}

            ```sh
            influxctl database list
            ```
            """)
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.text) == ["influxctl cluster list", "influxctl database list"])
        #expect(page.blocks.map(\.closingLine) == [4, 8])
        #expect(page.blocks.map(\.context.titles) == [["Output"], []])
    }
}

/// A fence cut off by the end of its block quote or list item on the very next line: the
/// block is empty, and the fence meant to close it opens a new one.
@Suite struct CutOffFenceTests {
    @Test(arguments: [
        ("> Run:\n>\n> ```sql\nKILL QUERY 1\n```\n\nAfter.\n", 3, "is not in the block quote", 5),
        ("1. Create the client:\n\n   ```js\n  const api = client()\n   ```\n\n2. Next.\n", 3, "is indented less than the list item's text", 5),
    ])
    func aFenceCutOffAtOnceSaysWhatItSwallows(text: String, line: Int, why: String, stray: Int) throws {
        let page = extract(text)
        let finding = try #require(page.diagnostics.first { $0.rule == .markdownUnclosedFence })
        #expect(finding.range.start.line == line)
        #expect(finding.message.contains(why), "\(finding.message)")
        #expect(finding.message.contains("the fence on line \(stray) meant to close it opens a new one"))
    }
}
