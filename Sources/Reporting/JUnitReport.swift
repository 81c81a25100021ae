import Verification

/// JUnit XML: one `<testsuite>` per file, one `<testcase>` per block (named by its line and
/// heading), findings as `<failure>`, skipped blocks as `<skipped/>`; page-level findings
/// go in a `page` test case.
enum JUnitReport {
    /// The document's first lines, which hold the run's totals.
    static func opening(summary: Summary, durationMs: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"docverify\" tests=\"\(summary.blocks)\" failures=\"\(summary.failed)\" skipped=\"\(summary.skipped)\" time=\"\(seconds(durationMs))\">\n"
            + (summary.suppressed.map { "  <properties><property name=\"suppressedByBaseline\" value=\"\($0)\"/></properties>\n" } ?? "")
    }

    static let closing = "</testsuites>\n"

    /// A page's `<testsuite>`.
    static func testSuite(_ page: PageReport) -> String {
        var onBlock = [[Finding]](repeating: [], count: page.blocks.count)
        var pageFindings: [Finding] = []
        for finding in page.findings {
            if let index = finding.blockIndex {
                if onBlock.indices.contains(index) { onBlock[index].append(finding) }
            } else {
                pageFindings.append(finding)
            }
        }
        let cases = page.blocks.count + (pageFindings.isEmpty ? 0 : 1)
        let failures = page.blocks.count { $0.status == .failed } + (pageFindings.isEmpty ? 0 : 1)
        let skipped = page.blocks.count { $0.status == .skipped }
        let path = escape(page.path)
        var out = "  <testsuite name=\"\(path)\" tests=\"\(cases)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
        if !pageFindings.isEmpty {
            out += "    <testcase classname=\"\(path)\" name=\"page\">\n"
            out += pageFindings.map(failure).joined()
            out += "    </testcase>\n"
        }
        for (index, block) in page.blocks.enumerated() {
            var name = "line \(block.block.openingFence.line)"
            if let heading = block.block.context.titles.last ?? block.block.context.headings.last { name += ": \(heading)" }
            out += "    <testcase classname=\"\(path)\" name=\"\(escape(name))\">\n"
            if block.status == .skipped { out += "      <skipped/>\n" }
            out += onBlock[index].map(failure).joined()
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n"
        return out
    }

    private static func failure(_ finding: Finding) -> String {
        let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
        let type = escape(finding.rule.id)
        return "      <failure type=\"\(type)\" message=\"\(escape(finding.message))\">\(escape("\(location): \(finding.severity.rawValue)[\(finding.rule.id)]: \(finding.message)"))</failure>\n"
    }

    private static func seconds(_ milliseconds: Int) -> String {
        "\(milliseconds / 1000).\(format3(milliseconds % 1000))"
    }

    private static func format3(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Escapes text for XML 1.0 attributes and content; characters XML cannot hold at all
    /// (most C0 controls) become U+FFFD so the document stays well-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
