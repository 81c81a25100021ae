import ArgumentParser
import DocExtraction
import Foundation
import Reporting
import Verification

/// `docverify extract [PATH ...]`: list the extracted blocks.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "List the extracted blocks, their positions and context.")

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "Files or folders (searched recursively for *.md).")
    var paths: [String] = ["docs"]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let context = try reading.context(paths: paths)
        let (plan, problems) = Runner.plan(paths: paths, context: context)
        var failed = !problems.isEmpty
        for problem in problems {
            FileHandle.standardError.write(Data("docverify: \(problem.file): \(problem.message)\n".utf8))
        }
        let results = Parallel.map(plan.units, jobs: context.jobs) { unit in
            Result { try Runner.extract(unit, context: context) }
        }
        var pages: [Page] = []
        for result in results {
            switch result {
            case .success(let readings): pages += readings
            case .failure(let error):
                FileHandle.standardError.write(Data("docverify: \(error)\n".utf8))
                failed = true
            }
        }
        let text = format == .json ? BlockListing.json(pages) : BlockListing.text(pages)
        FileHandle.standardOutput.write(Data(text.utf8))
        if failed { throw ExitCode(2) }
        if pages.contains(where: { page in page.diagnostics.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
}
