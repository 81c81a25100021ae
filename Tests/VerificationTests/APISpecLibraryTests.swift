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

    @Test("a run over a whole content root reads every spec ahead, and the plan's library takes those readings over")
    func readsAheadForAWholeSite() throws {
        let root = site.appendingPathComponent("content").path
        let plan = Runner.plan(paths: [root], context: RunContext(jobs: 1)).0
        for spelling in [root, root + "/", site.appendingPathComponent("content/../content").path] {
            let readAhead = APISpecLibrary(readingAheadFor: [spelling])
            #expect(APISpecLibrary(plan: plan, readAhead: readAhead).cache === readAhead.cache, "\(spelling)")
        }
        // A folder inside the content root reads nothing ahead: its pages may need few specs.
        let part = APISpecLibrary(readingAheadFor: [site.appendingPathComponent("content/widget/core").path])
        #expect(APISpecLibrary(plan: plan, readAhead: part).cache !== part.cache)
    }

    @Test("a page outside any site is checked with the built-in model")
    func outsideASite() throws {
        let contents = try Data(contentsOf: site.appendingPathComponent("content/widget/clustered/tokens.md"))
        let report = Runner.verify(path: "tokens.md", contents: Array(contents), context: RunContext(jobs: 1))
        let finding = try #require(report.findings.first { $0.rule.id == "api.schema" })
        #expect(finding.message.hasSuffix("(schema: docverify's built-in Management API model)"))
    }
}

@Suite("Calls to a product's server checked against the HTTP API spec the site ships")
struct ProductAPISpecTests {
    @Test("the product's spec beside content/ judges its pages' calls, and findings name it")
    func productSpec() throws {
        let report = Runner.check(paths: [site.appendingPathComponent("content/widget/core/databases.md").path], context: RunContext(jobs: 1), measureTime: false)
        let messages = report.pages.flatMap(\.findings).map(\.message)
        #expect(messages == [
            "missing required field \"db\" in the POST /api/v3/configure/database body (schema: api-docs/widget/core/widget-core-openapi.yaml)",
            "unknown field \"database\" in the POST /api/v3/configure/database body; its fields are db (schema: api-docs/widget/core/widget-core-openapi.yaml)",
        ])
    }
}
