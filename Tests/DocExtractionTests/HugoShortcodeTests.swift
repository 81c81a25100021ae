import Diagnostics
@testable import DocExtraction
import Foundation
import Testing

/// Shortcodes Hugo renders apart from the page's Markdown, read as Hugo reads them, and the
/// real `hugo` binary as the judge of which fences are code blocks.
@Suite struct HugoShortcodeTests {
    static let site = Fixtures.path("hugo-site")
    static let page = site + "/content/oracle.md"
    static let templates = ShortcodeTemplates(contentRoot: site + "/content")
    static let languages = ExtractionOptions(languages: ["sh", "bash"])

    func extracted() throws -> Page {
        try PageExtractor.extract(fileAt: Self.page, options: Self.languages, reading: PageReading(templates: Self.templates))
    }

    @Test func theTemplatesTellVersionOneAndMarkdownInnerText() {
        #expect(Self.templates.versionOne == ["note"])
        #expect(Self.templates.markdownInner == ["callout"])
        #expect(Self.templates.folder?.hasSuffix("hugo-site/layouts/shortcodes") == true)
        #expect(ShortcodeTemplates(contentRoot: "/nonexistent/content") == .hugoDefaults)
    }

    /// A wrapper inside a list item takes its inner text out of the list: the fence inside it
    /// at column 3 ends nothing, and the fences of the next items are code blocks.
    @Test func aWrapperInsideAListEndsNothing() throws {
        let page = try extracted()
        #expect(page.blocks.map(\.openingFence) == [position(10, 3), position(18, 8), position(24, 8), position(30, 5), position(44, 1), position(52, 1), position(63, 5)])
        #expect(page.blocks.first?.context.titles == ["Get the counts"])
        #expect(page.blocks.first?.lines.first?.start == position(11, 3))
        #expect(page.blocks[4].context.titles == ["Nested"])
        // A version-1 note at column 1 is a placeholder at column 1: it ends the list.
        #expect(page.diagnostics.map(\.rule) == [.markdownFenceShownAsCode])
        #expect(page.diagnostics.first?.range.start == position(63, 5))
        #expect(page.diagnostics.first?.message.contains("line 59 (`{{% note %}}`)") == true)
    }

    /// Without templates, Hugo's defaults: a `{{% %}}` pair in the page is part of its Markdown.
    @Test func withoutTemplatesAPercentPairIsPartOfThePage() {
        let text = "- item:\n\n{{% note %}}\ntext\n{{% /note %}}\n\n    ```sh\n    ls\n    ```\n"
        let page = extract(text)
        #expect(page.diagnostics.map(\.rule) == [.markdownFenceShownAsCode])
        let wrapped = extract("- item:\n  {{< wrapper >}}\n{{% note %}}\ntext\n{{% /note %}}\n  {{< /wrapper >}}\n\n  ```sh\n  ls\n  ```\n")
        #expect(wrapped.diagnostics.isEmpty)
        #expect(wrapped.blocks.map(\.openingFence) == [position(8, 3)])
    }

    /// Names hold `/`: the closing tag of `a/b` does not pair with an `a/c` tag before it.
    @Test func aClosingTagPairsWithItsWholeName() {
        let text = "{{< wrapper >}}\n{{% tab %}}\n{{% site/span %}}\n```sh\necho \"{{< site/host >}}\"\n```\n{{% /site/span %}}\n{{% /tab %}}\n{{< /wrapper >}}\n"
        let page = extract(text)
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.text) == ["echo \"{{< site/host >}}\""])
    }

    /// A fence that never closes inside a shortcode runs to the end of the shortcode, not of
    /// the file: an error, whatever follows the shortcode.
    @Test func aFenceUnclosedInsideAShortcodeIsAnError() {
        let page = extract("{{< wrapper >}}\n{{% tab %}}\n| a |\n|---|\n| 1 |\n```\n\nText swallowed.\n{{% /tab %}}\n{{< /wrapper >}}\n")
        #expect(page.diagnostics.map(\.rule) == [.markdownUnclosedFence])
        #expect(page.diagnostics.first?.severity == .error)
        #expect(page.diagnostics.first?.message.contains("its shortcode") == true)
    }

    /// Hugo renders the fixture site: the blocks docverify extracts are exactly the fenced
    /// blocks in Hugo's HTML (a render hook marks them), and each fence docverify reports as
    /// shown as code is a `<pre>` holding its backticks.
    @Test func theBlocksAreTheOnesHugoRenders() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-hugo-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let hugo = Process()
        hugo.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        hugo.arguments = ["hugo", "--quiet", "--source", Self.site, "--destination", output]
        try hugo.run()
        hugo.waitUntilExit()
        try #require(hugo.terminationStatus == 0, "hugo is needed (apt-get install hugo)")
        let html = try String(contentsOfFile: output + "/oracle/index.html", encoding: .utf8)
        let rendered = Self.markedBlocks(in: html)
        let page = try extracted()
        let shownAsCode = Set(page.diagnostics.filter { $0.rule == .markdownFenceShownAsCode }.map(\.range.start))
        let codeBlocks = page.blocks.filter { !shownAsCode.contains($0.openingFence) }
        #expect(codeBlocks.map { "\($0.language): \($0.text)" } == rendered.map { "\($0.language): \($0.text)" })
        for block in page.blocks where shownAsCode.contains(block.openingFence) {
            #expect(html.contains("<pre><code>```\(block.language)\n\(block.text)\n```"))
        }
    }

    /// `<pre class="docverify-block" data-lang="X">TEXT</pre>`, unescaped.
    static func markedBlocks(in html: String) -> [(language: String, text: String)] {
        html.components(separatedBy: "<pre class=\"docverify-block\" data-lang=\"").dropFirst().compactMap { part in
            guard let quote = part.firstIndex(of: "\""), let end = part.range(of: "</pre>") else { return nil }
            let body = part[part.index(quote, offsetBy: 2)..<end.lowerBound]
            let text = body.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            return (String(part[..<quote]), text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
    }
}
