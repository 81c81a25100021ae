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

    @Option(help: "Fence info words that are extracted, comma-separated.")
    var languages: String = ExtractionOptions.defaultLanguages.joined(separator: ",")

    @Flag(help: "List the blocks of draft pages (draft: true) as checked, not skipped.")
    var includeDrafts = false

    @Option(help: "Files read in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let options = ExtractionOptions(languages: Set(languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                                        includeDrafts: includeDrafts)
        var files: [String] = []
        var failed = false
        for path in paths {
            do {
                files += try MarkdownFiles.find(in: [path])
            } catch {
                FileHandle.standardError.write(Data("docverify: \(error)\n".utf8))
                failed = true
            }
        }
        let results = Runner.parallelMap(MarkdownFiles.uniqueInByteOrder(files), jobs: jobs) { file in
            Result { try PageExtractor.extract(fileAt: file, options: options) }
        }
        var pages: [Page] = []
        for result in results {
            switch result {
            case .success(let page): pages.append(page)
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
