import Foundation
import InfluxctlModel
import Testing
@testable import Verification

/// The impact of moving from one release to another on the seed-style page with its version
/// pin removed (so the run's release decides), written to a temporary file for the run.
func impactOnUnpinnedSeedPage(from: String, to: String) throws -> ImpactReport {
    let text = try fixtureText("create-token-1.0.md").replacingOccurrences(of: "<!-- docverify:influxctl-version 1.0.0 -->", with: "")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-seed-\(UUID().uuidString).md").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try impact(path, from: from, to: to)
}

func impact(_ path: String, from: String, to: String) throws -> ImpactReport {
    let old = try #require(InfluxctlReleases.resolve(from))
    let new = try #require(InfluxctlReleases.resolve(to))
    let before = Runner.check(paths: [path], context: RunContext(release: old, jobs: 1), measureTime: false)
    let after = Runner.check(paths: [path], context: RunContext(release: new, jobs: 1), measureTime: false)
    return Impact.compare(before, after, from: old, to: new)
}

@Suite struct ImpactTests {
    @Test func fromOnePointZeroToTwoTheImmutabilityPromiseBreaksAndTokenUpdateAppears() throws {
        let report = try impactOnUnpinnedSeedPage(from: "1.0.0", to: "2.0.0")
        #expect(report.modelChanges.contains("+ command token update"))
        #expect(report.appeared.contains { $0.subject == "token update" && $0.finding.rule == .claimOutdated })
        #expect(report.disappeared.isEmpty)
        #expect(report.changedChecks.contains { $0.rule == "token.immutable" })
    }

    @Test func fromTwoPointTenToElevenTheCreateOutputChanges() throws {
        let report = try impactOnUnpinnedSeedPage(from: "2.10.0", to: "2.11.0")
        #expect(report.modelChanges.contains { $0.hasPrefix("~ token create output") })
        #expect(report.disappeared.map(\.subject) == ["token create output"])
        #expect(report.changedChecks.contains { $0.rule == "token.create-output" && $0.after.contains("details table") })
    }

    @Test func theSameReleaseChangesNothing() throws {
        let report = try impactOnUnpinnedSeedPage(from: "2.12.1", to: "2.12.1")
        #expect(report.modelChanges.isEmpty && report.appeared.isEmpty && report.disappeared.isEmpty && report.changedChecks.isEmpty)
    }
}

@Suite struct CoverageTests {
    @Test func usedAndUnusedCommandsAndFlags() throws {
        let release = InfluxctlReleases.newest
        let run = Runner.check(paths: [fixtures.appendingPathComponent("lifecycle.md").path], context: RunContext(release: release, jobs: 1), measureTime: false)
        let report = Coverage.compute(run, release: release)
        let create = try #require(report.commands.first { $0.path == ["token", "create"] })
        #expect(create.uses.count == 2)
        #expect(create.flags.first { $0.name == "expires-at" }?.uses.map(\.line) == [8])
        #expect(report.unusedCommands.contains(["database", "list"]))
        #expect(!report.unusedCommands.contains(["token", "revoke"]))
        #expect(report.unusedFlags.contains("token create --format"))
    }
}
