import Diagnostics
import DocExtraction
import Foundation
import InfluxctlModel
import RunSettings
import Testing
@testable import Verification

/// `.docverify.yml`: what it sets, what wins over what, and every mistake in it reported at
/// its line and column.
@Suite struct ConfigFileTests {
    static let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/site").path
    static let config = site + "/.docverify.yml"

    func settings(flag: String? = nil) throws -> Settings {
        Settings(file: try ConfigFile(path: Self.config), flagRelease: flag)
    }

    @Test func theFileIsFoundInTheFolderOrAbove() {
        func absolute(_ path: String?) -> String? { path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } }
        #expect(absolute(ConfigFile.find(for: Self.site + "/docs/legacy/expires.md")) == Self.config)
        #expect(absolute(ConfigFile.find(for: Self.site + "/docs")) == Self.config)
    }

    /// A flag wins over an override, an override over the file, the file over the default.
    @Test func aFlagWinsOverAnOverrideOverTheFileOverTheDefault() throws {
        let legacy = Self.site + "/docs/legacy/expires.md"
        let plain = Self.site + "/docs/expires.md"
        #expect(try settings(flag: "2.10.0").release(for: legacy).release.description == "2.10.0")
        #expect(try settings().release(for: legacy).release.description == "2.12.1")
        #expect(try settings().release(for: legacy).source == .override(0))
        #expect(try settings().release(for: plain).release.description == "2.9.0")
        #expect(try settings().release(for: plain).source == .file)
        #expect(Settings().release(for: plain).source == .defaultValue)
        #expect(try settings().level(of: "cli.unknown-flag", for: legacy)?.level == .error)
        #expect(try settings().level(of: "cli.unknown-flag", for: plain)?.level == .warning)
        #expect(try settings().level(of: "cli.unknown-command", for: plain) == nil)
    }

    /// The whole run: the release, the levels and the excluded folder take effect per file.
    @Test func aRunFollowsTheSettingsOfEachFile() throws {
        let context = RunContext(jobs: 1, settings: try settings())
        let report = Runner.check(paths: [Self.site + "/docs"], context: context, measureTime: false)
        let found = report.pages.flatMap(\.findings).map { "\($0.rule.id)/\($0.severity.rawValue)@\(String($0.file.dropFirst(Self.site.count + 1))):\($0.range.start.line)" }
        #expect(found.sorted() == [
            "cli.unavailable-in-version/error@docs/expires.md:6",
            "cli.unknown-flag/error@docs/legacy/expires.md:10",
            "cli.unknown-flag/warning@docs/expires.md:10",
        ])
        #expect(!report.pages.contains { $0.path.contains("drafts") })
    }

    /// A configured placeholder value is what the simulated cluster gets, on every page.
    @Test func aConfiguredPlaceholderValueIsUsed() throws {
        let context = RunContext(jobs: 1, recordTranscripts: true, settings: try settings())
        let page = Runner.verifyFile(Self.site + "/docs/legacy/expires.md", context: context)
        let actions = page.blocks.first?.commands.first?.transcript.map(\.action) ?? []
        #expect(actions.contains { $0.contains("[read:sensors]") }, "\(actions)")
        #expect(!page.findings.contains { $0.rule == .placeholderUndeclared })
    }

    @Test(arguments: [
        ("influxctl-verison: 2.9.0\n", 1, 1, "unknown setting 'influxctl-verison'; did you mean 'influxctl-version'?"),
        ("languages: sh\n", 1, 12, "languages must be a list"),
        ("include-drafts: maybe\n", 1, 17, "include-drafts must be true or false"),
        ("rules:\n  cli.unknown-flagg: off\n", 2, 3, "unknown rule 'cli.unknown-flagg'; did you mean 'cli.unknown-flag'?"),
        ("rules:\n  cli.unknown-flag: loud\n", 2, 21, "rules.cli.unknown-flag must be off, note, warning or error, not 'loud'"),
        ("exclude:\n  - \"docs/[a\"\n", 2, 5, "'docs/[a' is not a path pattern"),
        ("influxctl-version: latest\n", 1, 20, "unknown influxctl release 'latest'"),
        ("overrides:\n  - influxctl-version: 2.9.0\n", 2, 5, "an override needs paths"),
        ("overrides:\n  - paths: [docs]\n    prodct: clustered\n", 3, 5, "unknown override setting 'prodct'; did you mean 'product'?"),
        ("rules: [\n", 2, 1, "not valid YAML"),
        ("- a\n- b\n", 1, 1, "the configuration must be a mapping"),
    ])
    func aBadFileIsAnErrorAtItsPosition(yaml: String, line: Int, column: Int, message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".docverify.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: ConfigError.self) { try ConfigFile(path: path) }
        #expect(error.message.contains(message), "\(error.message)")
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.description.hasPrefix("\(path):\(line):\(column): error: "))
    }

    @Test(arguments: [
        ("docs/drafts", "docs/drafts/a.md", true),
        ("docs/*/old.md", "docs/a/b/old.md", true),
        ("*.md", "docs/a.md", true),
        ("docs/[ab].md", "docs/c.md", false),
        ("content/shared", "content/shared-other/a.md", false),
    ])
    func globsMatchPathsAndTheirFolders(pattern: String, path: String, matches: Bool) throws {
        let glob = try #require(Glob(pattern))
        #expect(glob.matches(path) == matches)
    }
}
