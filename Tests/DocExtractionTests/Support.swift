import Diagnostics
import DocExtraction
import Foundation

/// Where the fixtures of this target live.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static func page(_ name: String, options: ExtractionOptions = ExtractionOptions()) throws -> Page {
        try PageExtractor.extract(fileAt: path(name), options: options)
    }
}

/// Extracts a page written inline in a test.
func extract(_ markdown: String, options: ExtractionOptions = ExtractionOptions()) -> Page {
    PageExtractor.extract(path: "inline.md", contents: Array(markdown.utf8), options: options)
}

func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: endColumn))
}

extension CodeBlock {
    /// The file position of each content line, in order.
    var lineStarts: [SourcePosition] { lines.map(\.start) }
}
