import Foundation
import Synchronization
import Testing
@testable import Verification

/// The parallel checker with more jobs than cores: `scripts/tsan` runs this suite under
/// ThreadSanitizer, so a data race between pages fails it.
@Suite struct ParallelRunnerTests {
    /// Every fixture page, copied eight times into a fresh folder: 64 or more pages, with
    /// passing and failing blocks, API tabs and directives.
    private static func manyPages() throws -> (folder: URL, count: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-parallel-\(UUID().uuidString)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".md") }.sorted()
        for copy in 0..<8 {
            let section = folder.appendingPathComponent("section\(copy)")
            try FileManager.default.createDirectory(at: section, withIntermediateDirectories: true)
            for page in pages {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(page), to: section.appendingPathComponent(page))
            }
        }
        return (folder, pages.count * 8)
    }

    @Test(arguments: [2, 16, 64])
    func manyJobsGiveTheReportOfOne(jobs: Int) throws {
        let (folder, count) = try Self.manyPages()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(count >= 64)
        let sequential = Runner.check(paths: [folder.path], context: RunContext(jobs: 1), measureTime: false)
        let calls = Atomic<Int>(0)
        let highest = Atomic<Int>(0)
        let parallel = Runner.check(paths: [folder.path], context: RunContext(jobs: jobs), measureTime: false, progress: { done, total in
            calls.wrappingAdd(1, ordering: .relaxed)
            highest.max(done, ordering: .relaxed)
            #expect(total == count)
        })
        #expect(parallel == sequential)
        #expect(parallel.pages.count == count)
        #expect(parallel.pages.contains { !$0.findings.isEmpty })
        #expect(calls.load(ordering: .relaxed) == count)
        #expect(highest.load(ordering: .relaxed) == count)
    }
}
