import ArgumentParser
import Foundation
import Reporting
import Verification

/// `docverify explain FILE:LINE`: everything the tool did with one block.
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

    func run() throws {
        guard let (file, line) = parsedLocation else { throw ExitCode(2) }
        let page = Runner.verifyFile(file, options: try options.verificationOptions(recordTranscripts: true))
        if let problem = page.inputErrors.first, page.blocks.isEmpty {
            FileHandle.standardError.write(Data("\(file): error: \(problem.message)\n".utf8))
            throw ExitCode(2)
        }
        guard let index = page.blocks.firstIndex(where: { $0.block.openingFence.line <= line && line <= $0.block.closingLine }) else {
            let lines = page.blocks.map { "\($0.block.openingFence.line)-\($0.block.closingLine)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("\(file):\(line): error: no extracted block at this line (blocks: \(lines.isEmpty ? "none" : lines))\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(BlockExplanation.render(page: page, blockIndex: index).utf8))
        if page.findings.contains(where: { $0.blockIndex == index && $0.severity == .error }) { throw ExitCode(1) }
    }
}
