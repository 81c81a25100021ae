import Diagnostics
import DocExtraction
import Testing

/// A page in the style of the docs-v2 repository (fixture tabbed-guide.md): tabs, fence
/// attributes, test markers and directives, code-placeholders, blocks in containers.
@Suite struct DocsV2StylePageTests {
    let page: Page

    init() throws {
        page = try Fixtures.page("tabbed-guide.md")
    }

    @Test func extractsOnlyShellFencesWithTheirPositions() {
        #expect(page.blocks.map(\.language) == ["sh", "bash", "sh", "shell", "sh", "console", "sh", "zsh", "sh", "sh"])
        #expect(page.blocks.map(\.openingFence) == [
            position(18, 1), position(27, 1), position(37, 1), position(43, 1), position(48, 1),
            position(53, 1), position(63, 4), position(67, 3), position(71, 1), position(82, 1),
        ])
        #expect(page.blocks.map(\.closingLine) == [20, 29, 39, 45, 50, 55, 65, 69, 73, 84])
        #expect(!page.blocks.contains { $0.text.contains("not extracted") || $0.text.contains("not-extracted") })
    }

    @Test func tabsPairTheirLabels() throws {
        let cli = page.blocks[0]
        let api = page.blocks[1]
        #expect(cli.context.tab == "influxctl")
        #expect(api.context.tab == "Management API")
        #expect(cli.context.tabGroup == 1)
        #expect(api.context.tabGroup == cli.context.tabGroup)
        #expect(cli.context.tabRange == range(11, 2, 11))
        #expect(api.context.tabRange == range(12, 2, 16))
        #expect(cli.context.headings == ["Create a token"])
        #expect(cli.context.precedingParagraph == "Run the command with your own values:")
        #expect(api.context.precedingParagraph == "Send a request to the Management API:")
        #expect(page.blocks[2...].allSatisfy { $0.context.tab == nil && $0.context.tabGroup == nil })
    }

    @Test func fenceAttributesAndDeclaredPlaceholders() {
        let cli = page.blocks[0]
        #expect(cli.info == #"sh { placeholders="DATABASE_NAME|TOKEN_ID" }"#)
        #expect(cli.attributes == ["placeholders": "DATABASE_NAME|TOKEN_ID"])
        #expect(cli.declaredPlaceholders == [
            DeclaredPlaceholder(pattern: "DATABASE_NAME", range: range(18, 23, 36), source: .attribute),
            DeclaredPlaceholder(pattern: "TOKEN_ID", range: range(18, 37, 45), source: .attribute),
        ])
        #expect(cli.anglePlaceholders.isEmpty)

        let api = page.blocks[1]
        #expect(api.info == #"bash{ placeholders='ACCOUNT_ID | CLUSTER_ID' title="request" }"#)
        #expect(api.attributes == ["placeholders": "ACCOUNT_ID | CLUSTER_ID", "title": "request"])
        #expect(api.declaredPlaceholders.map(\.pattern) == ["ACCOUNT_ID", "CLUSTER_ID"])
        #expect(api.declaredPlaceholders.map(\.range) == [range(27, 24, 34), range(27, 37, 47)])
    }

    @Test func codePlaceholdersShortcodeSplitsOnlyTopLevelAlternatives() {
        let console = page.blocks[5]
        #expect(console.text == #"$ influxctl query --database DATABASE_NAME "SELECT 1""#)
        #expect(console.declaredPlaceholders == [
            DeclaredPlaceholder(pattern: "INFLUXDB_(HOST|PORT)", range: range(52, 24, 44), source: .shortcode),
            DeclaredPlaceholder(pattern: "DATABASE_NAME", range: range(52, 45, 58), source: .shortcode),
        ])
        // The shortcode closed before the next block.
        #expect(page.blocks[6].declaredPlaceholders.isEmpty)
    }

    @Test func testMarkersAndDirectives() {
        #expect(page.blocks[0].directives.isEmpty)
        // pytest's skip markers are not docverify's: the simulated cluster runs these blocks.
        #expect(page.blocks[2].directives.isEmpty)
        #expect(page.blocks[3].directives.isEmpty)
        #expect(page.blocks[4].directives == [.expect(ruleIDs: ["cli.unknown-flag", "cli.missing-argument"], range: range(47, 1, 65))])
        #expect(page.blocks[5].directives.isEmpty)
        #expect(page.blocks[9].directives.isEmpty)
        #expect(page.pageDirectives == [.influxctlVersion("2.9.0", range: range(5, 1, 43))])
    }

    @Test func misspeltDirectiveIsReportedWithASuggestion() throws {
        let diagnostic = try #require(page.diagnostics.first)
        #expect(page.diagnostics.count == 1)
        #expect(diagnostic.rule == .directiveUnknown)
        #expect(diagnostic.range == range(81, 1, 23))
        #expect(diagnostic.suggestion == "docverify:skip")
        #expect(diagnostic.message.contains("docverify:skp"))
    }

    @Test func blocksInsideContainersKeepExactColumns() {
        let listItem = page.blocks[6]
        #expect(listItem.lines == [SourceLine(text: "influxctl cluster list", start: position(64, 4))])
        #expect(listItem.context.precedingParagraph == "List the clusters:")
        let quoted = page.blocks[7]
        #expect(quoted.lines == [SourceLine(text: "influxctl user list", start: position(68, 3))])
        let tildes = page.blocks[8]
        #expect(tildes.info == "sh")
        #expect(tildes.lines == [SourceLine(text: "influxctl management list", start: position(72, 1))])
        #expect(page.diagnostics.allSatisfy { $0.rule != .markdownUnclosedFence })
    }

    @Test func otherLanguagesCanBeChosen() {
        let python = (try? Fixtures.page("tabbed-guide.md", options: ExtractionOptions(languages: ["Python"]))) ?? page
        #expect(python.blocks.map(\.language) == ["python"])
        #expect(python.blocks.first?.lines == [SourceLine(text: #"print("not extracted")"#, start: position(76, 1))])
        #expect(ExtractionOptions.defaultLanguages == ["sh", "bash", "shell", "zsh", "console"])
        #expect(ExtractionOptions().languages == Set(ExtractionOptions.defaultLanguages))
    }
}
