import Diagnostics
import DocExtraction
import Testing

/// Fenced blocks inside YAML front-matter values, and front matter that is wrong.
@Suite struct FrontMatterTests {
    @Test func blockScalarsMapEveryLineBackToTheFile() throws {
        let page = extract("""
            ---
            title: Example
            examples:
              - name: first
                code: |
                  Run this:

                  ```bash
                  influxctl database list \\
                    --format json
                  ```
              - name: second
                code: |4
                      ~~~sh
                      influxctl version
                      ~~~
            ...

            # Body
            """)
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.count == 2)
        let first = page.blocks[0]
        #expect(first.origin == .frontMatter)
        #expect(first.language == "bash")
        #expect(first.openingFence == position(8, 7))
        #expect(first.lines == [
            SourceLine(text: #"influxctl database list \"#, start: position(9, 7)),
            SourceLine(text: "  --format json", start: position(10, 7)),
        ])
        #expect(first.closingLine == 11)
        #expect(first.context.precedingParagraph == "Run this:")
        let second = page.blocks[1]
        #expect(second.openingFence == position(14, 11))
        #expect(second.lines == [SourceLine(text: "influxctl version", start: position(15, 11))])
        #expect(page.prose.map(\.text) == ["Body"])
        #expect(page.prose.first?.start == position(19, 1))
    }

    @Test func quotedValuesPointAtTheValue() throws {
        let page = extract("""
            ---
            example: "```sh\\necho quoted\\n```"
            ---
            """)
        let block = try #require(page.blocks.first)
        #expect(block.origin == .frontMatter)
        #expect(block.text == "echo quoted")
        #expect(block.openingFence == position(2, 10))
        #expect(block.lines.first?.start == position(2, 10))
    }

    @Test func aliasedValuesAreReadOnce() {
        let page = extract("""
            ---
            original: &code |
              ```sh
              echo once
              ```
            copy: *code
            ---
            """)
        #expect(page.blocks.map(\.text) == ["echo once"])
    }

    @Test func nestedAliasValuesAreWalkedOnce() {
        var yaml = "base: &level0 \"```sh\\necho lol\\n```\"\n"
        for level in 1...20 {
            yaml += "l\(level): &level\(level) [" + Array(repeating: "*level\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let page = extract("---\n" + yaml + "---\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.text) == ["echo lol"])
    }

    @Test func aliasesInKeysAreRefusedRatherThanExpanded() throws {
        var yaml = "l0: &level0 lol\n"
        for level in 1...8 {
            yaml += "l\(level): &level\(level) {" + (0..<9).map { "k\($0): *level\(level - 1)" }.joined(separator: ", ") + "}\n"
        }
        yaml += "? *level8\n: boom\n"
        let page = extract("---\n" + yaml + "---\n\n```sh\necho body\n```\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownFrontMatter)
        #expect(diagnostic.range.start.line == 11)
        #expect(page.blocks.map(\.text) == ["echo body"])
    }

    @Test func mergeKeysWithAliasesStillParse() {
        let page = extract("---\nbase: &base\n  weight: 1\npage:\n  <<: *base\n  code: |\n    ```sh\n    echo merged\n    ```\n---\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.text) == ["echo merged"])
        #expect(page.blocks.first?.openingFence == position(7, 5))
    }

    @Test func keysAndValuesWithoutFencesAreIgnored() {
        let page = extract("""
            ---
            "```sh": plain
            description: Uses `influxctl` inline only.
            ---
            """)
        #expect(page.blocks.isEmpty)
        #expect(page.diagnostics.isEmpty)
    }

    @Test func fencesAndBackslashesInCommentsOfPlainFrontMatterAreIgnored() {
        let page = extract("---\ntitle: A\n# ```sh \\ not a value\nmenu:\n  # ~~~\n  main: x `~~~ y\n---\n")
        #expect(page.blocks.isEmpty)
        #expect(page.diagnostics.isEmpty)
    }

    @Test func unclosedFenceInAValueIsReportedAtItsLine() throws {
        let page = extract("""
            ---
            list_code_example: |
              ```sh
              influxctl token list
            ---
            """)
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownUnclosedFence)
        #expect(diagnostic.range == range(3, 3, 6))
        #expect(diagnostic.message.contains("front-matter value"))
        #expect(page.blocks.first?.lines == [SourceLine(text: "influxctl token list", start: position(4, 3))])
    }

    @Test func duplicateKeysAreAFrontMatterDiagnostic() throws {
        let page = extract("---\ntitle: One\ntitle: Two\n---\n\n```sh\necho\n```\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownFrontMatter)
        #expect(diagnostic.range.start.line == 2)
        #expect(diagnostic.message.contains("title"))
        #expect(page.blocks.map(\.openingFence) == [position(6, 1)])
    }

    @Test func tabsInYAMLAreAFrontMatterDiagnostic() throws {
        let page = extract("---\nmenu:\n\tparent: x\n---\n")
        let diagnostic = try #require(page.diagnostics.first)
        #expect(diagnostic.rule == .markdownFrontMatter)
        #expect(diagnostic.range.start.line == 3)
    }

    @Test func emptyFrontMatterIsFine() {
        let page = extract("---\n---\n```sh\necho\n```\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.openingFence) == [position(3, 1)])
    }

    @Test func dashesLaterInThePageAreNotFrontMatter() {
        let page = extract("Intro\n\n---\ntitle: no\n---\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.isEmpty)
    }
}
