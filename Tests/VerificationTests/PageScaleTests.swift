import Foundation
import Testing
import TokenCore
@testable import Verification

/// What keeps a page's cost linear: the permission probes sample the page's databases, the
/// claim check sees only the databases a block's texts name, and the runner hands pages
/// over in order while it verifies the next ones.
@Suite struct PageScaleTests {
    /// A page of `count` blocks, each creating a token that reads its own database.
    private static func page(databases count: Int) -> String {
        (0..<count).map { "Block \($0).\n\n```sh\ninfluxctl token create --read-database db\($0) \"Read-only access to db\($0)\"\n```\n" }.joined(separator: "\n")
    }

    private static func permissionDetail(_ block: BlockReport) -> String? {
        block.checks.first { $0.rule == .tokenPermissions }?.detail
    }

    @Test func aSmallPageProbesEveryDatabase() {
        let report = verify(Self.page(databases: 3))
        #expect(report.findings.isEmpty)
        #expect(Self.permissionDetail(report.blocks[1]) == "probed read and write on db0, db1, db2, docverify_unnamed_db: allowed exactly where granted")
    }

    @Test func aLargePageProbesTheTokensDatabasesAndASample() throws {
        let count = DatabaseWords.filterAbove + 16
        let report = verify(Self.page(databases: count))
        #expect(report.findings.isEmpty)
        #expect(report.blocks.allSatisfy { $0.status == .passed })
        let last = try #require(Self.permissionDetail(report.blocks[count - 1]))
        let sample = (0..<ProbeDatabases.sampleSize).map { "db\($0)" }.joined(separator: ", ")
        #expect(last == "probed read and write on \(sample), db\(count - 1), docverify_unnamed_db (9 of the page's \(count) databases: those the token names and the first 8 others): allowed exactly where granted")
        // The claim "Read-only access to db5" is checked against the database the block names.
        #expect(report.blocks[5].checks.contains { $0.rule == .claimPermissions && $0.status == .passed })
    }

    @Test func aClaimNamingAnotherOfManyDatabasesStillFails() {
        let count = DatabaseWords.filterAbove + 16
        let wrong = "```sh\ninfluxctl token create --read-database db1 \"Read-only access to db\(count - 2)\"\n```\n"
        let report = verify(Self.page(databases: count) + "\n" + wrong)
        #expect(report.findings.map(\.rule) == [.claimPermissions])
        #expect(report.findings.first?.message.contains("read-only on db\(count - 2)") == true)
    }

    @Test func theSampleKeepsThePagesOrder() {
        let databases = ProbeDatabases(pageDatabases: (0..<40).map { "db\($0)" }, unnamed: "none")
        let probed = databases.probed(for: [Permission(action: .read, resource: .database("db30")), Permission(action: .write, resource: .database("db3"))])
        // db3 is the token's, so the eight others are db0-db2 and db4-db8.
        #expect(probed == (0...8).map { "db\($0)" } + ["db30", "none"])
        #expect(databases.probed(for: []).count == ProbeDatabases.sampleSize + 1)
        let everything = ProbeDatabases(pageDatabases: ["a", "b"], unnamed: "none")
        #expect(everything.describe(everything.probed(for: [])) == "a, b, none")
    }

    @Test(arguments: [1, 2, 5])
    func orderedMapHandsResultsOverInOrder(jobs: Int) {
        let items = Array(0..<300)
        var seen: [Int] = []
        Runner.orderedMap(items, jobs: jobs, { item in
            // Later items finish first now and then, so the order has to be restored.
            if item % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            return item * 2
        }, consume: { seen.append($0) })
        #expect(seen == items.map { $0 * 2 })
    }
}
