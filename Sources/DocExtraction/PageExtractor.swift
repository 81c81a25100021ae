import Diagnostics

/// Which fenced blocks to extract.
public struct ExtractionOptions: Hashable, Sendable {
    /// The shell languages docverify reads by default.
    public static let defaultLanguages: [String] = ["sh", "bash", "shell", "zsh", "console"]

    /// Info-string first words whose blocks are extracted, lower-cased: compared without
    /// regard to case.
    public private(set) var languages: Set<String>
    /// Whether the blocks of unpublished pages (drafts, test-only pages) are checked; by
    /// default they are skipped, as Hugo does not publish such pages.
    public var includeDrafts: Bool

    /// Extracts blocks in `languages` (stored lowercased).
    public init(languages: Set<String> = Set(ExtractionOptions.defaultLanguages), includeDrafts: Bool = false) {
        self.languages = Set(languages.map { $0.lowercased() })
        self.includeDrafts = includeDrafts
    }
}

/// Why a path given by the user could not be read.
public enum ExtractionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist, cannot be read, or is a directory where a file was needed.
    case unreadable(path: String, reason: String)
    /// A folder holds no `*.md` file.
    case noMarkdown(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
        case let .noMarkdown(path): "\(path): no Markdown files (*.md) in this folder"
        }
    }
}

/// Turns one Markdown file into a `Page`.
public enum PageExtractor {
    /// Extracts from bytes already read, as `reading` says Hugo publishes them (by default,
    /// as the page's own front matter says); never throws, never crashes.
    public static func extract(path: String, contents: [UInt8], options: ExtractionOptions, reading: PageReading? = nil) -> Page {
        let languages = options.languages
        let decoded = InputDecoder.decode(contents)
        var inputProblems = decoded.problems
        if decoded.text.allSatisfy(ByteClass.isSpace) {
            let what = decoded.text.isEmpty ? "the file is empty" : "the file holds only white space"
            inputProblems.append(InputProblem(position: SourcePosition(line: 1, column: 1), message: what))
        }
        let reading = reading ?? PageReading(head: HugoPageHead(file: TextLines(decoded.text, isASCII: decoded.isASCII)))
        let shown = reading.product.flatMap { ProductFilter.blanked(decoded.text, for: $0) }
        let file = TextLines(shown ?? decoded.text, isASCII: decoded.isASCII)
        let frontMatter = FrontMatter(file: file, languages: languages)
        // Hugo's order: front matter, shortcodes (those rendered apart are cut out), Markdown.
        // cmark reads the body of what Hugo hands it; the walker reads it with its map to `file`.
        let hugo = HugoDocument.page(file, bodyStart: frontMatter.lastLine + 1, templates: reading.templates)
        let body = hugo.text
        let bodyStart = frontMatter.lastLine < body.count ? body.start(ofLine: frontMatter.lastLine + 1) : body.bytes.count
        var walker = MarkdownWalker(text: body, mapping: hugo.mapping, shortcodes: hugo.shortcodes, origin: .body, languages: languages,
                                    values: reading.values)
        inputProblems += frontMatter.inputProblems
        let blanked = hugo.shortcodes.blankingFenceTails(of: body)
        if let document = CMarkDocument(parsing: (blanked ?? body.bytes)[bodyStart...], lineOffset: frontMatter.lastLine) {
            if let (count, first) = document.imageOpenersReadAsLinks {
                let offset = bodyStart + first
                let line = body.lineNumber(containingByte: offset)
                inputProblems.append(InputProblem(
                    position: hugo.mapping.map(SourcePosition(line: line, column: body.column(line: line, byteOffset: offset - body.start(ofLine: line)))),
                    message: ImageOpenerGuard.problem(count: count)
                ))
            }
            walker.walk(document, regions: hugo.regions)
        } else {
            inputProblems.append(InputProblem(position: SourcePosition(line: 1, column: 1), message: "cmark could not parse the file (out of memory)"))
        }
        var blocks = frontMatter.blocks.isEmpty ? walker.blocks : frontMatter.blocks + walker.blocks
        if let unpublished = reading.unpublished, !options.includeDrafts {
            for index in blocks.indices { blocks[index].unpublished = unpublished }
        }
        return Page(
            path: path,
            blocks: blocks,
            prose: walker.prose,
            pageDirectives: walker.pageDirectives,
            diagnostics: frontMatter.diagnostics.isEmpty ? walker.diagnostics : frontMatter.diagnostics + walker.diagnostics,
            inputProblems: inputProblems,
            reading: reading
        )
    }

    /// Reads the file and extracts; throws `ExtractionError.unreadable` for a missing or
    /// unreadable file or a directory.
    /// The bytes of the file at `path`, for extracting it more than once.
    public static func contents(of path: String) throws -> [UInt8] {
        try FileSystem.contents(of: path)
    }

    public static func extract(fileAt path: String, options: ExtractionOptions, reading: PageReading? = nil) throws -> Page {
        extract(path: path, contents: try FileSystem.contents(of: path), options: options, reading: reading)
    }
}
