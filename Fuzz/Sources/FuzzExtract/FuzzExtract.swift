import Diagnostics
import DocExtraction
import FuzzSupport

/// Fuzzes the Markdown extractor: any bytes, read as a page, give a page with well-formed
/// positions; anything else traps, and libFuzzer keeps the input.
@main enum FuzzExtract {
    static func main() {
        runLibFuzzer(fuzzExtract)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let page = PageExtractor.extract(path: "fuzz.md", contents: bytes(data, size), options: ExtractionOptions())
    let origin = SourcePosition(line: 1, column: 1)
    for block in page.blocks {
        check(block.openingFence >= origin, "opening fence at \(block.openingFence)")
        for line in block.lines {
            // A front-matter value that YAML folded cannot be mapped line by line: its lines
            // stand at the value's start (BadInputTests.aFenceFoldedIntoAPlainScalarStandsAtTheScalar).
            let placed = block.origin == .frontMatter ? line.start >= origin : line.start.line > block.openingFence.line
            check(placed, "content line at \(line.start), not after its fence at \(block.openingFence)")
        }
        check(block.closingLine >= block.openingFence.line, "closing line \(block.closingLine) before the fence at \(block.openingFence)")
    }
    for diagnostic in page.diagnostics {
        check(diagnostic.range.start >= origin && diagnostic.range.start <= diagnostic.range.end, "diagnostic range \(diagnostic.range)")
    }
    for problem in page.inputProblems {
        check(problem.position >= origin, "input problem at \(problem.position)")
    }
    for span in page.prose {
        check(span.start >= origin, "prose at \(span.start)")
    }
    return 0
}
