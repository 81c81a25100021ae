import Diagnostics
import Testing
@testable import InfluxctlModel

@Suite struct SynopsisTests {
    struct SynopsisCase: Sendable, CustomTestStringConvertible {
        var line: String
        var release: String
        var rule: Rule?
        var at: String
        var testDescription: String { "\(release): \(line)" }
    }

    @Test(arguments: [
        SynopsisCase(line: "influxctl token create [--read-database=<DATABASE_NAME>] [--write-database=<DATABASE_NAME>] [flags] <TOKEN_DESCRIPTION>",
                     release: "2.12.1", rule: nil, at: ""),
        SynopsisCase(line: "influxctl [global-flags] [command]", release: "1.0.0", rule: nil, at: ""),
        SynopsisCase(line: "influxctl [--debug] token [command]", release: "1.0.0", rule: nil, at: ""),
        SynopsisCase(line: "influxctl token revoke [--force] <TOKEN_ID> [<TOKEN_ID_N>...]", release: "2.12.1", rule: nil, at: ""),
        SynopsisCase(line: "influxctl token create [--read-database=<DATABASE_NAME>]... [--help] <TOKEN_DESCRIPTION>", release: "1.0.0", rule: nil, at: ""),
        SynopsisCase(line: "influxctl token create [--expires-at=<RFC3339_TIMESTAMP>] [flags] <TOKEN_DESCRIPTION>",
                     release: "1.0.0", rule: .cliUnavailableInVersion, at: "--expires-at"),
        SynopsisCase(line: "influxctl token create [--read-databse=<DATABASE_NAME>] <TOKEN_DESCRIPTION>",
                     release: "2.12.1", rule: .cliUnknownFlag, at: "--read-databse"),
        SynopsisCase(line: "influxctl tokn create [flags] <TOKEN_DESCRIPTION>", release: "2.12.1", rule: .cliUnknownCommand, at: "tokn"),
        SynopsisCase(line: "influxctl token revoke [--force] <TOKEN_ID>", release: "2.9.9", rule: .cliUnavailableInVersion, at: "revoke"),
    ])
    func synopsis(_ testCase: SynopsisCase) throws {
        let release = try #require(CLIVersion(testCase.release))
        let parse = InfluxctlParser(release: release).parse(TestCommands.command(testCase.line))
        #expect(parse.isSynopsis)
        #expect(parse.invocation == nil)
        guard let rule = testCase.rule else {
            #expect(parse.diagnostics.isEmpty, "\(parse.diagnostics.map(\.message))")
            return
        }
        #expect(parse.diagnostics.map(\.rule) == [rule])
        #expect(parse.diagnostics.first?.range == TestCommands.range(of: testCase.at, in: testCase.line))
    }

    @Test func unknownFlagInASynopsisIsSuggested() {
        let parse = InfluxctlParser(release: InfluxctlReleases.newest)
            .parse(TestCommands.command("influxctl token create [--read-databse=<DATABASE_NAME>] <TOKEN_DESCRIPTION>"))
        #expect(parse.diagnostics.first?.suggestion == "--read-database")
    }
}
