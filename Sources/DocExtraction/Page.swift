import Diagnostics

/// Where a block was found on the page.
public enum BlockOrigin: String, Hashable, Sendable, Codable {
    case body
    case frontMatter = "front-matter"
}

/// An HTML-comment directive right before a block.
public enum BlockDirective: Hashable, Sendable {
    /// `<!-- docverify:skip -->` (docs-v2's pytest skip markers are not: the simulated
    /// cluster runs what a live one cannot).
    case skip(range: SourceRange)
    /// `<!-- docverify:expect RULE[, RULE...] -->`: the rule ids exactly as written.
    case expect(ruleIDs: [String], range: SourceRange)
}

/// Why a block is not checked.
public enum SkipReason: String, Hashable, Sendable, Codable {
    /// A `<!-- docverify:skip -->` directive stands before it.
    case directive
    /// Its page is a draft (`draft: true`, its own or cascaded): Hugo does not publish it
    /// (`--include-drafts` checks it).
    case draft
    /// Its page says `test_only: true`: a page for the site's own tests, never published
    /// (`--include-drafts` checks it).
    case testOnly = "test-only"
    /// The site's configuration leaves the file out (`ignoreFiles`): Hugo never reads it
    /// (`--include-drafts` checks it).
    case ignoredByHugo = "ignored-by-hugo"
}

/// A placeholder declared for a block, by its fence's `placeholders` attribute or by an
/// enclosing `{{% code-placeholders "..." %}}` shortcode. Each alternative of the declared
/// regular expression is one declaration.
public struct DeclaredPlaceholder: Hashable, Sendable {
    /// Where a declaration comes from.
    public enum Source: String, Hashable, Sendable {
        /// The fence's `placeholders` attribute: it covers that block alone.
        case attribute
        /// A `code-placeholders` shortcode: it covers every block it wraps.
        case shortcode
    }

    /// The alternative as written, a regular expression such as `INFLUXDB_(HOST|PORT)`.
    public var pattern: String
    /// Where the declaration stands (the attribute or the shortcode).
    public var range: SourceRange

    public var source: Source

    public init(pattern: String, range: SourceRange, source: Source) {
        self.pattern = pattern
        self.range = range
        self.source = source
    }
}

/// What surrounds a block on the page: what a reader sees before reaching it.
public struct BlockContext: Hashable, Sendable {
    /// The heading path, outermost first (ATX and setext; headings inside shortcodes count).
    public var headings: [String]
    /// Titles of the enclosing `{{% expand "..." %}}` shortcodes, outermost first (the
    /// outermost 64 when they nest deeper).
    public var titles: [String]
    /// The label of the tab (`tab-content` or `code-tab-content`) the block sits in.
    public var tab: String?
    /// Identifies the tabs group the block's tab belongs to, so sibling tabs can be paired.
    public var tabGroup: Int?
    /// The text of the nearest paragraph before the block.
    public var precedingParagraph: String?
    /// Where each heading of `headings` stands (its first text character), in the same order.
    public var headingRanges: [SourceRange]
    /// Where each title of `titles` stands (inside the quotes), in the same order.
    public var titleRanges: [SourceRange]
    /// Where the tab label stands (the link text in the tabs group).
    public var tabRange: SourceRange?

    public init(
        headings: [String] = [], titles: [String] = [], tab: String? = nil, tabGroup: Int? = nil, precedingParagraph: String? = nil,
        headingRanges: [SourceRange] = [], titleRanges: [SourceRange] = [], tabRange: SourceRange? = nil
    ) {
        self.headings = headings
        self.titles = titles
        self.tab = tab
        self.tabGroup = tabGroup
        self.precedingParagraph = precedingParagraph
        self.headingRanges = headingRanges
        self.titleRanges = titleRanges
        self.tabRange = tabRange
    }
}

/// A fenced code block in one of the extracted languages.
public struct CodeBlock: Hashable, Sendable {
    /// The first word of the info string, e.g. `sh`.
    public var language: String
    /// The whole info string as written.
    public var info: String
    /// `key="value"` attributes of the info string (`{ placeholders="A|B" }`).
    public var attributes: [String: String]
    public var origin: BlockOrigin
    /// The opening fence's first character.
    public var openingFence: SourcePosition
    /// The line of the closing fence (the last content line when the fence is unclosed).
    public var closingLine: Int
    /// The content lines, each with the file position of its first character.
    public var lines: [SourceLine]
    /// Directives in the HTML comments right before the block.
    public var directives: [BlockDirective]
    public var context: BlockContext
    /// Names written in angle form in the text: `DATABASE_NAME` for `<DATABASE_NAME>`.
    public var anglePlaceholders: [String]
    /// Placeholders declared by the fence attribute or an enclosing shortcode.
    public var declaredPlaceholders: [DeclaredPlaceholder]
    /// Why the block's page is not published, when such pages are not checked.
    public var unpublished: SkipReason?

    public init(
        language: String, info: String, attributes: [String: String], origin: BlockOrigin,
        openingFence: SourcePosition, closingLine: Int, lines: [SourceLine],
        directives: [BlockDirective], context: BlockContext,
        anglePlaceholders: [String], declaredPlaceholders: [DeclaredPlaceholder], unpublished: SkipReason? = nil
    ) {
        self.language = language
        self.info = info
        self.attributes = attributes
        self.origin = origin
        self.openingFence = openingFence
        self.closingLine = closingLine
        self.lines = lines
        self.directives = directives
        self.context = context
        self.anglePlaceholders = anglePlaceholders
        self.declaredPlaceholders = declaredPlaceholders
        self.unpublished = unpublished
    }

    /// Why the block is not checked; nil when it is. A directive wins over the page's reason.
    public var skipReason: SkipReason? {
        if directives.contains(where: { if case .skip = $0 { true } else { false } }) { return .directive }
        return unpublished
    }

    /// Whether a line of the block is a shortcode alone (`{{% get-shared-text "a.sh" %}}`),
    /// which Hugo replaces with text docverify does not see.
    public var holdsShortcodeLines: Bool {
        lines.contains { line in
            line.text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: "{")
                && ShortcodeTag.holdsOnlyTags(Array(line.text.utf8)[...])
        }
    }

    /// The block's text: its lines joined with newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// A heading or paragraph of prose, as plain text, for checks that read what a page claims.
public struct ProseSpan: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case heading, paragraph
    }

    public var kind: Kind
    /// The text with inline markup removed and soft breaks turned into spaces.
    public var text: String {
        get { String(decoding: textBytes, as: UTF8.self) }
        set { textBytes = Array(newValue.utf8)[...] }
    }
    /// The UTF-8 of `text`: extraction slices one buffer that all spans of a page share, so
    /// a page does not hold a String per span that few checks read.
    private var textBytes: ArraySlice<UInt8>
    /// Where the span starts in the file.
    public var start: SourcePosition
    /// Each source line of the span as UTF-8, read in place: a check that searches every
    /// line makes a String only of a line it finds something in.
    public let sourceLines: ProseLines
    /// Each source line of the span, so a sentence inside it can be located exactly.
    public var lines: [SourceLine] { sourceLines.map(\.sourceLine) }

    public init(kind: Kind, text: String, start: SourcePosition, lines: [SourceLine]) {
        self.init(kind: kind, textBytes: Array(text.utf8)[...], start: start, sourceLines: ProseLines(lines))
    }

    /// A span whose text is `textBytes`, valid UTF-8.
    init(kind: Kind, textBytes: ArraySlice<UInt8>, start: SourcePosition, sourceLines: ProseLines) {
        self.kind = kind
        self.textBytes = textBytes
        self.start = start
        self.sourceLines = sourceLines
    }
}

/// One source line of a prose span, as the UTF-8 bytes of the page.
public struct ProseLine: Sendable {
    /// The line's bytes (valid UTF-8) from where the span's text starts on it.
    public let bytes: ArraySlice<UInt8>
    /// The file position of the line's first byte.
    public let start: SourcePosition

    /// The line as text.
    public var sourceLine: SourceLine {
        SourceLine(text: String(decoding: bytes, as: UTF8.self), start: start)
    }
}

/// Where a prose line stands: its bytes in the page's text and its file position.
struct ProseLineRange: Sendable {
    var bytes: Range<Int>
    var start: SourcePosition
}

/// The source lines of a prose span: ranges of the page's text, with their positions in one
/// table that all spans of a page share.
public struct ProseLines: RandomAccessCollection, Hashable, Sendable {
    private let source: [UInt8]
    private let ranges: ArraySlice<ProseLineRange>

    /// Lines at `ranges` of `source`, valid UTF-8.
    init(source: [UInt8], ranges: ArraySlice<ProseLineRange>) {
        self.source = source
        self.ranges = ranges
    }

    /// The lines of `lines`, copied into one buffer.
    init(_ lines: [SourceLine]) {
        var source: [UInt8] = []
        var ranges: [ProseLineRange] = []
        for line in lines {
            let start = source.count
            source.append(contentsOf: line.text.utf8)
            ranges.append(ProseLineRange(bytes: start..<source.count, start: line.start))
        }
        self.init(source: source, ranges: ranges[...])
    }

    public var startIndex: Int { ranges.startIndex }
    public var endIndex: Int { ranges.endIndex }

    public subscript(position: Int) -> ProseLine {
        let range = ranges[position]
        return ProseLine(bytes: source[range.bytes], start: range.start)
    }

    /// Lines are equal when their bytes and positions are, wherever they are stored.
    public static func == (lhs: ProseLines, rhs: ProseLines) -> Bool {
        lhs.elementsEqual(rhs) { $0.bytes == $1.bytes && $0.start == $1.start }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for line in self {
            hasher.combine(line.bytes)
            hasher.combine(line.start)
        }
    }
}

/// A page-wide directive.
public enum PageDirective: Hashable, Sendable {
    /// `<!-- docverify:influxctl-version VERSION -->`
    case influxctlVersion(String, range: SourceRange)
    /// `<!-- docverify:expect RULE[, RULE...] -->` right before a paragraph, a heading or a
    /// table: a negative example in prose. It anticipates the findings outside blocks that
    /// point into `lines`, the file lines of that paragraph, heading or table.
    case expectInProse(ruleIDs: [String], range: SourceRange, lines: ClosedRange<Int>)
}

/// A problem with the file itself rather than its Markdown: invalid UTF-8, a NUL byte.
/// The page is still read (with U+FFFD in place of the bad bytes).
public struct InputProblem: Hashable, Sendable {
    public var position: SourcePosition
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
}

/// Everything later stages need from one Markdown file.
public struct Page: Hashable, Sendable {
    /// The path as the user gave it (relative paths stay relative).
    public var path: String
    /// The blocks in document order: front matter first, then the body.
    public var blocks: [CodeBlock]
    /// Headings and paragraphs of the body, in document order.
    public var prose: [ProseSpan]
    public var pageDirectives: [PageDirective]
    /// `markdown.unclosed-fence`, `markdown.front-matter` and `directive.unknown` diagnostics.
    public var diagnostics: [Diagnostic]
    public var inputProblems: [InputProblem]
    /// How the page was read: its product, the pages that publish it, whether Hugo does.
    public var reading: PageReading

    public init(path: String, blocks: [CodeBlock], prose: [ProseSpan], pageDirectives: [PageDirective], diagnostics: [Diagnostic], inputProblems: [InputProblem],
                reading: PageReading = PageReading()) {
        self.reading = reading
        self.path = path
        self.blocks = blocks
        self.prose = prose
        self.pageDirectives = pageDirectives
        self.diagnostics = diagnostics
        self.inputProblems = inputProblems
    }
}
