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
        Runner.check(paths: paths, options: VerificationOptions(), jobs: 2, measureTime: false)
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
        let options = ExtractionOptions(product: HugoProduct(product: nil, version: version))
        let page = PageExtractor.extract(path: "page.md", contents: Array(text.utf8), options: options)
        #expect(page.blocks.count == blocks)
        #expect(page.blocks.last?.lines.first?.start == SourcePosition(line: 17, column: 1))
    }
}
