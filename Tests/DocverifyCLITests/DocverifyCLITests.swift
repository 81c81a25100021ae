import Foundation
import Testing
import Yams
@testable import DocverifyCLI

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

/// A folder of one test's own under the temporary directory, for the reports it writes;
/// the test removes it when it ends, so a run of the suite leaves nothing behind.
struct ScratchFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-cli-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite struct ExitCodeTests {
    @Test func aCleanPageExitsZero() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        #expect(Docverify.run(arguments: ["check", fixture("tree/good.md"), "--output", scratch.path("out.txt")]) == 0)
    }

    @Test func anErrorExitsOne() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        #expect(Docverify.run(arguments: ["check", fixture("tree"), "--output", scratch.path("out.txt")]) == 1)
    }

    @Test func warningsFailOnlyWithFailOnWarning() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        #expect(Docverify.run(arguments: ["check", fixture("warning.md"), "--output", scratch.path("a.txt")]) == 0)
        #expect(Docverify.run(arguments: ["check", fixture("warning.md"), "--fail-on", "warning", "--output", scratch.path("b.txt")]) == 1)
    }

    @Test(arguments: [
        ["check", "--format", "yaml"],
        ["check", "--influxctl-version", "0.9.0"],
        ["check", "--jobs", "0"],
        ["check", "--fail-on", "note"],
        ["check", "/nonexistent/docverify/path"],
        ["explain", "no-line-number"],
        ["frobnicate"],
    ])
    func usageErrorsAndUnreadablePathsExitTwo(arguments: [String]) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = arguments.first == "check" ? ["--output", scratch.path("x.txt")] : []
        #expect(Docverify.run(arguments: arguments + output) == 2)
    }
}

@Suite struct ReportFileTests {
    @Test func theJSONReportPointsAtTheMisspeltFlag() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = scratch.path("report.json")
        #expect(Docverify.run(arguments: ["check", fixture("tree"), "--format", "json", "--output", output, "--no-timing"]) == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let finding = try #require(findings.first)
        #expect(finding["rule"] as? String == "cli.unknown-flag")
        #expect(finding["line"] as? Int == 5)
        #expect(finding["column"] as? Int == 3)
        #expect(finding["suggestion"] as? String == "--write-database")
        #expect((finding["file"] as? String)?.hasSuffix("tree/sub/broken.md") == true)
    }

    @Test func identicalRunsGiveIdenticalBytes() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let first = scratch.path("1.json")
        let second = scratch.path("2.json")
        _ = Docverify.run(arguments: ["check", fixture("tree"), "--format", "json", "--output", first, "--no-timing", "--jobs", "1"])
        _ = Docverify.run(arguments: ["check", fixture("tree"), "--format", "json", "--output", second, "--no-timing", "--jobs", "4"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func shardsCoverTheTreeOnce() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var files: [String] = []
        for index in 1...3 {
            let output = scratch.path("shard\(index).json")
            _ = Docverify.run(arguments: ["check", fixtures.path, "--format", "json", "--output", output, "--shard", "\(index)/3"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
            let blocks = try #require(object["blocks"] as? [[String: Any]])
            files += Set(blocks.compactMap { $0["file"] as? String })
        }
        #expect(files.count == 4)
        #expect(Set(files).count == 4)
    }

    @Test func everyFormatWritesAReport() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        for format in ["text", "json", "junit", "github", "sarif"] {
            let output = scratch.path("report.\(format)")
            _ = Docverify.run(arguments: ["check", fixture("tree"), "--format", format, "--output", output])
            let text = try String(contentsOfFile: output, encoding: .utf8)
            #expect(text.contains("broken.md"), "\(format)")
        }
    }
}

@Suite struct MaintainerCommandTests {
    @Test func impactExitsOneWhenTheNewReleaseBreaksSomething() {
        #expect(Docverify.run(arguments: ["impact", "--from", "2.12.1", "--to", "2.12.1", fixture("tree"), "--format", "json"]) == 0)
        #expect(Docverify.run(arguments: ["impact", "--from", "2.12.1", "--to", "9.x", fixture("tree")]) == 2)
    }

    @Test func coverageRunsOverATree() {
        #expect(Docverify.run(arguments: ["coverage", fixture("tree"), "--format", "json"]) == 0)
        #expect(Docverify.run(arguments: ["coverage", "/nonexistent/docverify"]) == 2)
    }
}

@Suite struct ModelImportHelpTests {
    static let helpTexts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InfluxctlModelTests/Fixtures/help-2.10.0").path

    @Test func importsAReleaseFromItsHelpTexts() {
        #expect(Docverify.run(arguments: ["model", "import-help", Self.helpTexts, "--release", "2.10.0"]) == 0)
    }

    @Test(arguments: [["model", "import-help", "/nonexistent/docverify", "--release", "2.10.0"], ["model", "import-help", "/tmp", "--release", "two"]])
    func badInputExitsTwo(arguments: [String]) {
        #expect(Docverify.run(arguments: arguments) == 2)
    }
}

@Suite struct DraftFlagTests {
    @Test func aDraftIsSkippedUnlessDraftsAreIncluded() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        #expect(Docverify.run(arguments: ["check", fixture("draft.md"), "--format", "json", "--no-timing", "--output", scratch.path("a.json")]) == 0)
        let report = try String(contentsOfFile: scratch.path("a.json"), encoding: .utf8)
        #expect(report.contains(#""reason" : "draft""#))
        #expect(report.contains(#""skipped" : 1"#))
        #expect(Docverify.run(arguments: ["check", fixture("draft.md"), "--include-drafts", "--output", scratch.path("b.txt")]) == 1)
    }
}

/// Adopting docverify on a tree with mistakes: write a baseline, then report only new ones.
@Suite struct BaselineCommandTests {
    @Test func aBaselineWrittenTodayLetsTheSameTreePass() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let baseline = scratch.path("baseline.json")
        #expect(Docverify.run(arguments: ["check", fixture("tree"), "--write-baseline", baseline, "--output", scratch.path("a.txt")]) == 1)
        #expect(Docverify.run(arguments: ["check", fixture("tree"), "--baseline", baseline, "--format", "json", "--output", scratch.path("b.json")]) == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("b.json")))) as? [String: Any]
        let summary = report?["summary"] as? [String: Any]
        #expect((summary?["suppressed"] as? Int) == 1)
        #expect((report?["findings"] as? [Any])?.isEmpty == true)
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("\"rule\" : \"cli.unknown-flag\""))
    }

    @Test(arguments: [
        ["check", "--baseline-stale"],
        ["check", "--baseline", "/nonexistent/baseline.json"],
    ])
    func aMissingBaselineIsAUsageError(arguments: [String]) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        #expect(Docverify.run(arguments: arguments + [fixture("tree"), "--output", scratch.path("x.txt")]) == 2)
    }
}

/// `--changed-since REV`: the pages git says changed, and every page that publishes a changed
/// shared file.
@Suite struct ChangedSinceTests {
    func git(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=docverify", "-c", "user.email=docverify@example.com"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments)")
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aChangedSharedFileIsCheckedWithThePagesThatPublishIt() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let repo = scratch.path("repo")
        try write("```sh\ninfluxctl database list\n```\n", to: repo + "/content/shared/list.md")
        try write("---\ntitle: List\nsource: /shared/list.md\n---\n", to: repo + "/content/plant/list.md")
        try write("```sh\ninfluxctl token list\n```\n", to: repo + "/content/plant/tokens.md")
        try git(["init", "-q"], in: repo)
        try git(["add", "."], in: repo)
        try git(["commit", "-q", "-m", "pages"], in: repo)
        try write("```sh\ninfluxctl database lst\n```\n", to: repo + "/content/shared/list.md")
        let report = scratch.path("report.json")
        #expect(Docverify.run(arguments: ["check", repo + "/content", "--changed-since", "HEAD", "--format", "json", "--output", report]) == 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let files = Set(((json?["blocks"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files == [repo + "/content/shared/list.md"])
        #expect(((json?["summary"] as? [String: Any])?["files"] as? Int) == 2)
        #expect(Docverify.run(arguments: ["check", repo + "/content", "--changed-since", "no-such-revision", "--output", scratch.path("x.txt")]) == 2)
    }
}

/// The CI recipes of docs/ci.md are files of this repository: valid YAML with the steps the
/// page describes, and a hook whose command runs.
@Suite struct CIRecipeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func yaml(_ path: String) throws -> Any? {
        try Yams.load(yaml: String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8))
    }

    @Test func thePreCommitHookRunsDocverifyCheckOnTheFilesItIsGiven() throws {
        let hooks = try #require(try yaml(".pre-commit-hooks.yaml") as? [[String: Any]])
        let hook = try #require(hooks.first { $0["id"] as? String == "docverify" })
        let entry = try #require(hook["entry"] as? String).split(separator: " ").map(String.init)
        #expect(entry.first == "docverify")
        let files = try #require(hook["files"] as? String)
        #expect(fixture("tree/good.md").range(of: files, options: .regularExpression) != nil)
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // pre-commit appends the staged files to the entry.
        #expect(Docverify.run(arguments: Array(entry.dropFirst()) + [fixture("tree/good.md"), "--output", scratch.path("a.txt")]) == 0)
        #expect(Docverify.run(arguments: Array(entry.dropFirst()) + [fixture("tree/sub/broken.md"), "--output", scratch.path("b.txt")]) == 1)
    }

    @Test func theLefthookCommandPassesTheStagedFiles() throws {
        let config = try #require(try yaml("docs/ci/lefthook.yml") as? [String: Any])
        let commands = (config["pre-commit"] as? [String: Any])?["commands"] as? [String: Any]
        let run = try #require((commands?["docverify"] as? [String: Any])?["run"] as? String)
        #expect(run == "docverify check {staged_files}")
    }

    @Test func theWorkflowChecksTheChangedPagesUploadsSARIFAndAnnotates() throws {
        let workflow = try #require(try yaml("docs/ci/docverify.yml") as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["docverify"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.contains { $0.contains("--format sarif --output docverify.sarif") && $0.contains("--changed-since") && $0.contains("--baseline") })
        #expect(runs.contains { $0.contains("--format github") })
        #expect(runs.contains { $0.contains("apt-get install -y libcmark-dev libmimalloc-dev") })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        #expect((upload["with"] as? [String: Any])?["sarif_file"] as? String == "docverify.sarif")
        #expect((job["permissions"] as? [String: Any])?["security-events"] as? String == "write")
        // docs/ci.md shows the files as they are.
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        for file in ["docs/ci/docverify.yml", "docs/ci/lefthook.yml", ".pre-commit-hooks.yaml"] {
            #expect(page.contains(try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)), "\(file)")
        }
    }
}
