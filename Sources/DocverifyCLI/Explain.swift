import ArgumentParser
import DocExtraction
import Foundation
import Reporting
import Verification

/// `docverify explain FILE:LINE`: everything the tool did with one block, read as `check`
/// reads it (its products, the pages that publish it).
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the block at a line: its commands, the parsed requests, the simulated output and every check's verdict."
    )

    @Argument(help: "FILE:LINE, a line anywhere inside the block (fences included).")
    var location: String

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard parsedLocation != nil else { throw ValidationError("expected FILE:LINE, e.g. docs/tokens/create.md:42") }
    }

    private var parsedLocation: (file: String, line: Int)? {
        guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]), line >= 1 else { return nil }
        return (String(location[..<colon]), line)
    }

    /// Where the Hugo shortcode templates that shaped the reading came from.
    static func shortcodeSource(of file: String) -> String {
        let templates = HugoSite.contentRoot(of: file).map { ShortcodeTemplates(contentRoot: $0) } ?? .hugoDefaults
        guard let folder = templates.folder else {
            return "shortcodes: Hugo's defaults (no layouts/shortcodes beside a content folder): {{< >}} pairs are rendered apart, {{% %}} pairs are part of the page's Markdown"
        }
        return "shortcodes: templates in \(folder) (\(templates.versionOne.count) version 1, \(templates.markdownInner.count) {{< >}} with Markdown inside)"
    }

    func run() throws {
        guard let (file, line) = parsedLocation else { throw ExitCode(2) }
        let page = Runner.verifyFile(file, context: try options.context(paths: [file], recordTranscripts: true))
        if let problem = page.inputErrors.first, page.blocks.isEmpty {
            FileHandle.standardError.write(Data("\(file): error: \(problem.message)\n".utf8))
            throw ExitCode(2)
        }
        // A shared file read for several products has the block once per product.
        let indexes = page.blocks.indices.filter { page.blocks[$0].block.openingFence.line <= line && line <= page.blocks[$0].block.closingLine }
        guard !indexes.isEmpty else {
            let lines = page.blocks.map { "\($0.block.openingFence.line)-\($0.block.closingLine)" }
            let unique = lines.enumerated().filter { !lines[..<$0.offset].contains($0.element) }.map(\.element).joined(separator: ", ")
            FileHandle.standardError.write(Data("\(file):\(line): error: no extracted block at this line (blocks: \(unique.isEmpty ? "none" : unique))\n".utf8))
            throw ExitCode(2)
        }
        let text = indexes.map { BlockExplanation.render(page: page, blockIndex: $0) }.joined(separator: "\n")
        FileHandle.standardOutput.write(Data((text + "\n" + Self.shortcodeSource(of: file) + "\n").utf8))
        if page.findings.contains(where: { finding in finding.blockIndex.map(indexes.contains) == true && finding.severity == .error }) { throw ExitCode(1) }
    }
}
