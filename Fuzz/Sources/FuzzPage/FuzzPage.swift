import FuzzSupport
import Reporting
import Verification

/// Fuzzes the whole check of one page: any bytes, checked as the page `fuzz.md` exactly as
/// `docverify check` would (extraction, lexing, parsing, the simulated cluster, every check),
/// then rendered in every report format. Only a crash, a hang or an empty report fails.
@main enum FuzzPage {
    static func main() {
        runLibFuzzer(fuzzPage)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let contents = bytes(data, size)
    let options = VerificationOptions()
    let page = Runner.verify(path: "fuzz.md", contents: contents, options: options)
    let report = RunReport(influxctlVersion: options.release.description, pages: [page], inputErrors: [], durationMs: 0)
    let lines = String(decoding: contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for format in ReportFormat.allCases {
        let rendered = ReportRenderer.render(report, format: format) { _, line in
            lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
        }
        check(!rendered.isEmpty, "empty \(format) report")
    }
    return 0
}
