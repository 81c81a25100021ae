import Diagnostics
import ManagementAPI
import ShellSyntax
import Testing

/// A URL whose host is a Hugo shortcode (`https://{{< influxdb/host >}}/api/v3/…`) is a call
/// like one whose host is a shell value: its path and query are read and checked.
@Suite struct HostShortcodeTests {
    @Test(arguments: [
        "curl \"https://{{< influxdb/host >}}/api/v3/write_lp?db=sensors\" --header \"Authorization: Bearer TOKEN\" --data-raw \"home temp=1\"",
        "curl \"http://{{% influxdb/host %}}/api/v3/write_lp?db=sensors\" --header \"Authorization: Bearer TOKEN\" --data-raw \"home temp=1\"",
    ])
    func aShortcodeHostIsReadAsAnUnknownHost(shell: String) throws {
        let parse = APIParser.parse(command(shell))
        #expect(parse.isAPICall)
        #expect(parse.request != nil)
    }

    /// `-user` is `-u ser`: a user with no password, so the v1 endpoint gets no token. The
    /// finding points at the user word, not at `curl`.
    @Test func aUserWithoutAPasswordIsReportedAtTheUser() throws {
        let parse = APIParser.parse(command("curl \"https://{{< influxdb/host >}}/write?db=sensors\" -user \"ignored\":\"TOKEN\" --data-binary \"home temp=1\""))
        let finding = try #require(parse.diagnostics.first { $0.rule == .apiMissingHeader })
        #expect(finding.message.hasPrefix("`ser` gives curl a user and no password"))
        #expect(finding.range == SourceRange(start: SourcePosition(line: 1, column: 57), length: 3))
        #expect(finding.suggestion == "--user \"ser:DATABASE_TOKEN\"")
    }
}
