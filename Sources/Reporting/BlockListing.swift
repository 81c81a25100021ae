import Diagnostics
import DocExtraction
import Foundation

/// What `docverify extract` prints: every block with its position, language, origin,
/// context, directives and placeholders.
public enum BlockListing {
    public static func text(_ pages: [Page]) -> String {
        var out = ""
        for page in pages {
            for problem in page.inputProblems {
                out += "\(page.path):\(problem.position.line):\(problem.position.column): error: \(problem.message)\n"
            }
            for diagnostic in page.diagnostics {
                out += "\(page.path):\(diagnostic.range.start.line):\(diagnostic.range.start.column): \(diagnostic.severity.rawValue)[\(diagnostic.rule.id)]: \(diagnostic.message)\n"
            }
            for block in page.blocks {
                out += "\(page.path):\(block.openingFence.line):\(block.openingFence.column): \(block.language) block, lines \(block.openingFence.line)-\(block.closingLine)"
                out += block.origin == .frontMatter ? " (front matter)\n" : "\n"
                let context = block.context
                if !context.headings.isEmpty { out += "  headings: \(context.headings.joined(separator: " > "))\n" }
                if !context.titles.isEmpty { out += "  titles: \(context.titles.joined(separator: " > "))\n" }
                if let tab = context.tab { out += "  tab: \(tab)\n" }
                let directives = block.directives.map(describe)
                if !directives.isEmpty { out += "  directives: \(directives.joined(separator: ", "))\n" }
                if let product = page.reading.product { out += "  product: \(product)\n" }
                switch block.unpublished {
                case .draft?: out += "  skipped: draft page (--include-drafts checks it)\n"
                case .testOnly?: out += "  skipped: test-only page (--include-drafts checks it)\n"
                case .ignoredByHugo?: out += "  skipped: the site's ignoreFiles leaves it out (--include-drafts checks it)\n"
                case .directive?, nil: break
                }
                let placeholders = block.anglePlaceholders.map { "<\($0)>" } + block.declaredPlaceholders.map(\.pattern)
                if !placeholders.isEmpty { out += "  placeholders: \(placeholders.joined(separator: ", "))\n" }
                for line in block.lines {
                    out += "  \(String(line.start.line).leftPadded(to: 5)):\(String(line.start.column).rightPadded(to: 3)) \(line.text)\n"
                }
            }
        }
        let blocks = pages.reduce(0) { $0 + $1.blocks.count }
        out += "\(blocks) block\(blocks == 1 ? "" : "s") in \(pages.count) file\(pages.count == 1 ? "" : "s")\n"
        return out
    }

    struct PageObject: Encodable {
        var file: String
        var blocks: [BlockObject]
        var diagnostics: [DiagnosticObject]
    }

    struct BlockObject: Encodable {
        var line, column, endLine: Int
        var language, info, origin: String
        var attributes: [String: String]
        var headings, titles: [String]
        var tab: String?
        var precedingParagraph: String?
        var directives: [String]
        /// Why `check` skips the block (`directive` or `draft`); absent when it checks it.
        var skipped: String?
        var anglePlaceholders: [String]
        var declaredPlaceholders: [String]
        var lines: [LineObject]
    }

    struct LineObject: Encodable {
        var line, column: Int
        var text: String
    }

    struct DiagnosticObject: Encodable {
        var rule: String
        var line, column: Int
        var message: String
    }

    public static func json(_ pages: [Page]) -> String {
        let objects = pages.map { page in
            PageObject(
                file: page.path,
                blocks: page.blocks.map { block in
                    BlockObject(
                        line: block.openingFence.line, column: block.openingFence.column, endLine: block.closingLine,
                        language: block.language, info: block.info, origin: block.origin.rawValue, attributes: block.attributes,
                        headings: block.context.headings, titles: block.context.titles, tab: block.context.tab,
                        precedingParagraph: block.context.precedingParagraph, directives: block.directives.map(describe),
                        skipped: block.skipReason?.rawValue,
                        anglePlaceholders: block.anglePlaceholders, declaredPlaceholders: block.declaredPlaceholders.map(\.pattern),
                        lines: block.lines.map { LineObject(line: $0.start.line, column: $0.start.column, text: $0.text) })
                },
                diagnostics: page.diagnostics.map { DiagnosticObject(rule: $0.rule.id, line: $0.range.start.line, column: $0.range.start.column, message: $0.message) }
                    + page.inputProblems.map { DiagnosticObject(rule: "input", line: $0.position.line, column: $0.position.column, message: $0.message) }
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(objects) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func describe(_ directive: BlockDirective) -> String {
        switch directive {
        case .skip: "skip"
        case .expect(let ids, _): "expect \(ids.joined(separator: ","))"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }

    func rightPadded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
