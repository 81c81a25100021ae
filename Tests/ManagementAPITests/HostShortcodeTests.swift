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
}
