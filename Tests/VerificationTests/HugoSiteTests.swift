import Foundation
import Diagnostics
import DocExtraction
import Testing
@testable import Verification

/// A Hugo tree of two products sharing one file: `source:` pages, show-in and hide-in
/// (nested), a missing `source:` target and a loop of includes.
@Suite struct HugoSiteTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("HugoFixtures").appendingPathComponent("content").path
    static let shared = content + "/shared/plant/tokens.md"

    func check(_ paths: [String]) -> RunReport {
        Runner.check(paths: paths, context: RunContext(jobs: 2), measureTime: false)
    }

    func findings(_ report: RunReport) -> [String] {
        report.pages.flatMap(\.findings).map { finding in
            let file = String(finding.file.dropFirst(Self.content.count + 1))
            let pages = finding.pages.map { "\($0.product ?? "-")" }.joined(separator: ",")
            return "\(finding.rule.id)@\(file):\(finding.range.start.line) [\(pages)]"
        }
    }

    @Test func theWholeTreeReadsTheSharedFileOncePerProduct() {
        let report = check([Self.content])
        #expect(findings(report) == [
            "markdown.source@plant/core/loop-a.md:3 []",
            "markdown.source@plant/core/loop-b.md:3 []",
            "markdown.source@plant/edge/missing.md:3 []",
            "cli.unknown-command@shared/plant/tokens.md:11 [edge]",
            "cli.unknown-command@shared/plant/tokens.md:19 [core]",
            "cli.unknown-command@shared/plant/tokens.md:24 [core]",
            "cli.unknown-flag@shared/plant/tokens.md:32 [core,edge]",
        ])
        let shared = report.pages.first { $0.path == Self.shared }
        #expect(shared?.blocks.map { "\($0.product ?? "-"):\($0.block.openingFence.line)" } == ["core:3", "core:18", "core:23", "core:31", "edge:3", "edge:10", "edge:31"])
        #expect(shared?.publishedBy.map(\.product) == ["core", "edge"])
    }

    @Test func valueShortcodesInProseReadAsEachProductPublishesThem() throws {
        let file = Self.content + "/shared/plant/names.md"
        let report = check([file])
        let page = try #require(report.pages.first)
        #expect(page.blocks.map { "\($0.product ?? "-"): \($0.block.context.headings.joined(separator: " > "))" } == [
            "core: Install Plant Core 2.1.0",
            "edge: Install Plant Edge Clustered 1.4.2",
        ])
        let plan = Runner.plan(paths: [file], context: RunContext(jobs: 1)).0
        let unit = try #require(plan.unit(for: file))
        let paragraphs = try Runner.extract(unit, context: RunContext(jobs: 1)).map { page in
            page.prose.filter { $0.kind == .paragraph }.map(\.text)
        }
        #expect(paragraphs == [
            ["Download plant-core for Core, or Plant Core without the word."],
            ["Download plant-edge for Edge, or Plant Edge without the word."],
        ])
        // Positions stay the file's: the heading's span starts where it is written.
        let heading = try Runner.extract(unit, context: RunContext(jobs: 1)).first?.prose.first
        #expect(heading?.start == SourcePosition(line: 1, column: 1))
        #expect(heading?.sourceLines.first?.sourceLine.text == "## Install {{% product-name %}} {{< latest-patch >}}")
    }

    @Test func oneProductsFolderFollowsItsPagesIntoTheSharedFile() {
        let report = check([Self.content + "/plant/edge"])
        #expect(findings(report) == [
            "markdown.source@plant/edge/missing.md:3 []",
            "cli.unknown-command@shared/plant/tokens.md:11 [edge]",
            "cli.unknown-flag@shared/plant/tokens.md:32 [edge]",
        ])
    }

    @Test func aSharedFileNamedItselfIsReadAsEveryPageThatPublishesIt() {
        let report = check([Self.shared])
        #expect(report.pages.count == 1)
        #expect(report.pages.first?.publishedBy.count == 2)
        #expect(findings(report).count == 4)
    }

    @Test(arguments: [
        ("plant/edge/tokens.md", "plant_edge", "edge"),
        ("plant/core/loop-a.md", "plant_core", "core"),
        ("plant/edge/guides/nested.md", "plant_edge", "edge"),
    ])
    func theProductComesFromTheNearestCascade(page: String, product: String, version: String) throws {
        let heads = try FileManager.default.subpathsOfDirectory(atPath: Self.content).filter { $0.hasSuffix(".md") }
        let site = HugoSite(root: Self.content, heads: Dictionary(uniqueKeysWithValues: heads.map { ($0, HugoPageHead(fileAt: Self.content + "/" + $0)) }))
        #expect(site.product(of: page) == HugoProduct(product: product, version: version))
        #expect(site.product(of: "shared/plant/tokens.md") == nil)
    }

    @Test(arguments: [("edge", 2), ("core", 2), ("clustered", 3)])
    func showInAndHideInKeepOnlyWhatTheProductShows(version: String, blocks: Int) {
        let text = "{{% show-in \"edge\" %}}\n```sh\necho a\n```\n{{% /show-in %}}\n{{% hide-in \"edge,core\" %}}\n```sh\necho b\n```\n{{% /hide-in %}}\n"
            + "{{% show-in %}}\n```sh\necho c\n```\n{{% /show-in %}}\n```sh\necho d\n```\n"
        let page = PageExtractor.extract(path: "page.md", contents: Array(text.utf8), options: ExtractionOptions(),
                                         reading: PageReading(product: HugoProduct(product: nil, version: version)))
        #expect(page.blocks.count == blocks)
        #expect(page.blocks.last?.lines.first?.start == SourcePosition(line: 17, column: 1))
    }

    /// What an outer show-in or hide-in hides stays hidden, whatever a tag inside it says.
    @Test(arguments: [("edge", ["echo outer"]), ("core", ["echo inner"])])
    func anInnerTagCannotShowWhatAnOuterOneHides(version: String, shown: [String]) {
        let text = "{{% show-in \"edge\" %}}\n```sh\necho outer\n```\n{{% /show-in %}}\n"
            + "{{% hide-in \"edge\" %}}\n{{% hide-in \"clustered\" %}}\n```sh\necho inner\n```\n{{% /hide-in %}}\n{{% /hide-in %}}\n"
            + "{{% show-in \"core\" %}}\n{{% hide-in \"clustered\" %}}\n{{% /hide-in %}}\n{{% /show-in %}}\n"
        let page = PageExtractor.extract(path: "page.md", contents: Array(text.utf8), options: ExtractionOptions(),
                                         reading: PageReading(product: HugoProduct(product: nil, version: version)))
        #expect(page.blocks.map(\.text) == shown)
        // For edge, `hide-in "clustered"` shows, but the `hide-in "edge"` around it does not.
        let edge = PageExtractor.extract(path: "page.md", contents: Array(("{{% hide-in \"edge\" %}}\n{{% hide-in \"core\" %}}\n```sh\necho x\n```\n{{% /hide-in %}}\n{{% /hide-in %}}\n").utf8),
                                         options: ExtractionOptions(), reading: PageReading(product: HugoProduct(product: nil, version: "edge")))
        #expect(edge.blocks.isEmpty)
    }

    /// Pages Hugo does not publish: a draft set by a cascade, a quoted `draft: "true"` (which
    /// Hugo reads as true) whose `source:` is then not followed, a `test_only: true` page.
    @Test func unpublishedPagesAreSkippedWithTheirReason() throws {
        let report = check([Self.content])
        func page(_ inside: String) -> PageReport? { report.pages.first { $0.path == Self.content + "/" + inside } }
        let draftByCascade = try #require(page("plant/drafts/upcoming.md"))
        #expect(draftByCascade.blocks.map(\.block.skipReason) == [.draft])
        #expect(draftByCascade.findings.isEmpty)
        let testOnly = try #require(page("plant/core/__tests__/shortcodes.md"))
        #expect(testOnly.blocks.map(\.block.skipReason) == [.testOnly])
        // The quoted draft publishes nothing, so its shared file is read as itself: a draft too.
        let quoted = try #require(page("shared/plant/quoted.md"))
        #expect(quoted.publishedBy.isEmpty)
        #expect(quoted.blocks.map(\.block.skipReason) == [.draft])
        #expect(report.pages.flatMap(\.findings).allSatisfy { !$0.file.contains("drafts/") && !$0.file.contains("quoted") && !$0.file.contains("__tests__") })
        // The site configuration's ignoreFiles leaves NOTES.md out.
        let ignored = try #require(page("NOTES.md"))
        #expect(ignored.blocks.map(\.block.skipReason) == [.ignoredByHugo])
        #expect(ignored.findings.isEmpty)
    }

    @Test func includingDraftsFollowsTheQuotedDraftIntoItsSharedFile() throws {
        let report = Runner.check(paths: [Self.content], context: RunContext(extraction: ExtractionOptions(includeDrafts: true), jobs: 2), measureTime: false)
        let found = findings(report)
        #expect(found.contains("cli.unknown-command@shared/plant/quoted.md:4 [core]"))
        #expect(found.contains("cli.unknown-command@plant/drafts/upcoming.md:6 []"))
        #expect(found.contains("cli.unknown-command@plant/core/__tests__/shortcodes.md:7 []"))
        #expect(found.contains("cli.unknown-command@NOTES.md:4 []"))
    }

    /// A CI matrix of N shards reports what one run reports: every planned file in one shard.
    @Test(arguments: [2, 3, 5])
    func theShardsOfARunPartitionIt(count: Int) throws {
        let whole = findings(check([Self.content])).sorted()
        var union: [String] = []
        var files: [String] = []
        for index in 1...count {
            let shard = try #require(Shard(argument: "\(index)/\(count)"))
            let part = Runner.check(paths: [Self.content], context: RunContext(jobs: 2), measureTime: false, select: shard.contains)
            union += findings(part)
            files += part.pages.map(\.path)
        }
        #expect(union.sorted() == whole)
        #expect(files.sorted() == check([Self.content]).pages.map(\.path).sorted())
    }

    /// `explain` reads a file as `check` does: every block has the same product, status and
    /// findings in both.
    @Test func explainingAFileReadsItAsTheCheckDoes() {
        let report = check([Self.content])
        for page in report.pages {
            let alone = Runner.verifyFile(page.path, context: RunContext(jobs: 2))
            #expect(alone.blocks.map { "\($0.product ?? "-"):\($0.block.openingFence.line):\($0.status)" }
                == page.blocks.map { "\($0.product ?? "-"):\($0.block.openingFence.line):\($0.status)" }, "\(page.path)")
            #expect(alone.findings == page.findings, "\(page.path)")
        }
    }

    /// A command one product lacks is an error for that product only, naming the page that
    /// publishes the text; a page that says so itself gets a note.
    @Test(arguments: [("clustered", Severity?.some(.error)), ("cloud-dedicated", nil)])
    func aCommandTheProductLacksIsReportedForThatProduct(version: String, severity: Severity?) {
        let text = "```sh\ninfluxctl cluster list\n```\n"
        let reading = PageReading(product: HugoProduct(product: nil, version: version), publishers: ["content/\(version)/clusters.md"])
        let page = PageExtractor.extract(path: "shared/clusters.md", contents: Array(text.utf8), options: ExtractionOptions(), reading: reading)
        let report = PageScenario.verify(page, options: RunContext(jobs: 1))
        let finding = report.findings.first { $0.rule == .cliUnsupportedInProduct }
        #expect(finding?.severity == severity)
        if let finding {
            #expect(finding.message.contains("InfluxDB Clustered") && finding.message.contains("published by content/clustered/clusters.md"))
            #expect(finding.range == SourceRange(start: SourcePosition(line: 2, column: 11), length: 12))
        }
        let admitted = PageExtractor.extract(path: "list.md", contents: Array(("The `influxctl cluster list` command won't work with InfluxDB Clustered.\n\n" + text).utf8),
                                             options: ExtractionOptions(), reading: reading)
        let note = PageScenario.verify(admitted, options: RunContext(jobs: 1)).findings.first { $0.rule == .cliUnsupportedInProduct }
        #expect(note?.severity == severity.map { _ in .note })
    }

    /// Each product's Management API paths: Clustered's have no account and cluster, Cloud
    /// Dedicated's start with them; the other form is an unknown endpoint for that product.
    @Test(arguments: [
        ("clustered", "accounts/ACCOUNT_ID/clusters/CLUSTER_ID/databases", 39),
        ("cloud-dedicated", "databases", 9),
        ("clustered", "databases", nil),
        ("cloud-dedicated", "accounts/ACCOUNT_ID/clusters/CLUSTER_ID/databases", nil),
    ] as [(String, String, Int?)])
    func eachProductHasItsOwnManagementPaths(version: String, path: String, length: Int?) {
        let text = "```sh { placeholders=\"ACCOUNT_ID|CLUSTER_ID|TOKEN\" }\ncurl \"https://console.influxdata.com/api/v0/\(path)\" \\\n  --header \"Authorization: Bearer TOKEN\"\n```\n"
        let page = PageExtractor.extract(path: "p.md", contents: Array(text.utf8), options: ExtractionOptions(),
                                         reading: PageReading(product: HugoProduct(product: nil, version: version)))
        let finding = PageScenario.verify(page, options: RunContext(jobs: 1)).findings.first { $0.rule == .apiUnknownEndpoint }
        // The path after `/api/v0/` starts at column 45: the segments that differ.
        #expect(finding?.range.start == length.map { _ in SourcePosition(line: 2, column: 45) })
        #expect(finding.map { $0.range.end.column - $0.range.start.column } == length)
    }
}
