import Foundation
import Influxdb3Model
import Testing

private let helpDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/help").path

@Suite("influxdb3's --help output, as clap prints it, read into a command tree")
struct ClapHelpImportTests {
    @Test("a page's options, values, notes on continuation lines, and arguments")
    func onePage() throws {
        let text = try String(contentsOfFile: helpDirectory + "/create_database.txt", encoding: .utf8)
        let page = try ClapHelpImport.parse(text)
        #expect(page.summary == "Create a new database")
        #expect(page.arguments == [ClapArgument(name: "DATABASE_NAME", isRequired: true, environment: "INFLUXDB3_DATABASE_NAME")])
        #expect(page.flags.map(\.long) == ["host", "token", "retention-period", "format"])
        let host = try #require(page.flags.first)
        #expect(host.short == "H")
        #expect(host.environment == "INFLUXDB3_HOST_URL")
        #expect(host.defaultValue == "http://127.0.0.1:8181")
        #expect(page.flags.last?.value == .choice(["pretty", "json"]))
    }

    @Test("a directory of pages is a tree, command names with underscores included")
    func tree() throws {
        let tree = try ClapHelpImport.importTree(fromDirectory: helpDirectory)
        #expect(tree.subcommands.map(\.name) == ["create"])
        #expect(tree.flags.map(\.long) == ["num-io-threads"])
        let lastCache = try #require(tree.subcommand("create")?.subcommand("last_cache"))
        #expect(lastCache.flag(short: "t")?.long == "table")
        #expect(lastCache.arguments == [ClapArgument(name: "CACHE_NAME", isRequired: false)])
    }

    @Test("the differences from the model name what a new release changed")
    func differences() throws {
        let tree = try ClapHelpImport.importTree(fromDirectory: helpDirectory)
        let lines = ClapHelpImport.differences(between: tree, and: Influxdb3Catalog.core)
        #expect(lines.contains("new option: influxdb3 create database --format"))
        #expect(lines.contains("gone command: influxdb3 create token"))
        #expect(!lines.contains { $0.contains("--retention-period") && $0.hasPrefix("new") })
    }

    @Test("a file that is no clap help page is refused with its name")
    func notHelp() {
        #expect(throws: ClapHelpImport.Failure.self) { try ClapHelpImport.parse("just some text\n", file: "x.txt") }
    }
}
