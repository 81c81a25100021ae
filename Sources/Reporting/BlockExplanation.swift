import DocExtraction
import Verification

/// What `docverify explain` prints for one block.
public enum BlockExplanation {
    public static func render(page: PageReport, blockIndex: Int) -> String {
        let report = page.blocks[blockIndex]
        let block = report.block
        var out = "\(page.path):\(block.openingFence.line): \(block.language) block, lines \(block.openingFence.line)-\(block.closingLine), influxctl \(page.influxctlVersion)\n"
        let context = block.context
        if !context.headings.isEmpty { out += "headings: \(context.headings.joined(separator: " > "))\n" }
        if !context.titles.isEmpty { out += "titles: \(context.titles.joined(separator: " > "))\n" }
        if let tab = context.tab { out += "tab: \(tab)\n" }
        if let product = report.product {
            let pages = page.publishedBy.filter { $0.product == product }.map(\.path)
            out += "product: \(product)" + (pages.isEmpty ? "\n" : ", published by \(pages.joined(separator: ", "))\n")
        }
        out += "status: \(report.status.rawValue)"
        switch report.status == .skipped ? block.skipReason : nil {
        case .directive?: out += " (a docverify:skip directive)"
        case .draft?: out += " (draft page: its front matter or a cascade above it says draft: true; --include-drafts checks it)"
        case .testOnly?: out += " (test-only page: the front matter says test_only: true; --include-drafts checks it)"
        case .ignoredByHugo?: out += " (the site's ignoreFiles leaves the file out: Hugo never reads it; --include-drafts checks it)"
        case nil: break
        }
        out += "\n"
        for line in block.lines {
            out += "  \(String(line.start.line).leftPadded(to: 5)) | \(line.text)\n"
        }
        for command in report.commands {
            out += "\ncommand at line \(command.line): \(command.program) \(command.path.joined(separator: " "))\n"
            if let reason = command.unverifiedReason { out += "  \(reason)\n" }
            if let request = command.request {
                out += "  request \(request.kind)\n"
                for field in request.fields {
                    out += "    \(field.name): \(describe(field.value))\n"
                }
            }
            for entry in command.transcript {
                out += "  > \(entry.action)\n"
                for line in entry.result.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "    \(line)\n"
                }
            }
        }
        if !report.checks.isEmpty { out += "\nchecks:\n" }
        for check in report.checks {
            out += "  \(check.status.rawValue.rightPadded(to: 8)) \(check.rule.id)" + (check.detail.map { ": \($0)" } ?? "") + "\n"
        }
        let findings = page.findings.filter { $0.blockIndex == blockIndex }
        if !findings.isEmpty { out += "\nfindings:\n" }
        for finding in findings {
            out += "  \(finding.file):\(finding.range.start.line):\(finding.range.start.column): \(finding.severity.rawValue)[\(finding.rule.id)]: \(finding.message)\n"
        }
        return out
    }

    private static func describe(_ value: RequestValue) -> String {
        switch value {
        case .text(let text): "\"\(text)\""
        case .list(let list): "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .flag(let flag): "\(flag)"
        }
    }
}
