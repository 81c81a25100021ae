import DocExtraction
import Foundation
import Testing
@testable import Verification

/// A site of two products: one ships a Management API spec, the other a broken one.
private let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SpecFixtures")

@Suite("Management API bodies checked against the spec the site ships")
struct APISpecLibraryTests {
    private func findings(_ path: String) -> [Finding] {
        Runner.check(paths: [site.appendingPathComponent(path).path], context: RunContext(jobs: 1), measureTime: false)
            .pages.flatMap(\.findings).filter { $0.rule.id == "api.schema" }
    }

    @Test("a page's product finds its spec beside content/, and the finding names it")
    func theProductsSpecJudges() throws {
        let found = findings("content/widget/clustered/tokens.md")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("unknown field \"ttl\""))
        #expect(finding.message.hasSuffix("(schema: api-docs/widget/clustered/management/openapi.yml)"))
    }

    @Test("a product whose spec cannot be read is checked with the built-in model, which the message names")
    func anUnreadableSpecFallsBack() throws {
        let finding = try #require(findings("content/widget/dedicated/tokens.md").first)
        #expect(finding.message.hasSuffix("(schema: docverify's built-in Management API model, as api-docs/widget/dedicated/management/openapi.yml could not be read)"))
        let plan = Runner.plan(paths: [site.appendingPathComponent("content").path], context: RunContext(jobs: 1)).0
        let library = APISpecLibrary(plan: plan)
        #expect(library.unreadable.map(\.file) == ["api-docs/widget/dedicated/management/openapi.yml"])
    }

    @Test("a page outside any site is checked with the built-in model")
    func outsideASite() throws {
        let contents = try Data(contentsOf: site.appendingPathComponent("content/widget/clustered/tokens.md"))
        let report = Runner.verify(path: "tokens.md", contents: Array(contents), context: RunContext(jobs: 1))
        let finding = try #require(report.findings.first { $0.rule.id == "api.schema" })
        #expect(finding.message.hasSuffix("(schema: docverify's built-in Management API model)"))
    }
}
