#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Reads one cmark tree in document order and collects code blocks, prose, directives and
/// diagnostics. Positions are worked out in the parsed text's own lines and columns, then
/// turned into file positions by `mapping`.
struct MarkdownWalker {
    /// The text being read and how its positions map to the file: the page's, or, while a
    /// shortcode Hugo renders apart is read, that shortcode's inner text.
    private(set) var text: TextLines
    private(set) var mapping: PositionMapping
    /// The shortcode tags of `text`, found by the Hugo stage, and the first not yet passed.
    private var shortcodes: ShortcodeIndex
    private var nextTag = 0
    let origin: BlockOrigin
    let languages: Set<String>

    private(set) var blocks: [CodeBlock] = []
    private(set) var pageDirectives: [PageDirective] = []
    private(set) var diagnostics: [Diagnostic] = []

    private var headings: [(level: Int, text: String, range: SourceRange)] = []
    private var expandTitles: [(title: String, range: SourceRange)] = []
    private var placeholderScopes: [[DeclaredPlaceholder]] = []
    /// How many `expand` and `code-placeholders` shortcodes are open. Only the outermost
    /// `maximumRecordedNesting` of each are recorded: every block copies what encloses it,
    /// so unbounded nesting would cost (blocks × depth) time and memory.
    private var expandDepth = 0
    private var placeholderScopeDepth = 0
    private static let maximumRecordedNesting = 64
    private var tabs = TabState()
    /// The texts of the paragraphs and headings read, one after the other: spans and the
    /// preceding paragraph are ranges of it, not a String each.
    private var proseText: [UInt8] = []
    private var proseSpans: [ProseSpanRange] = []
    /// The source lines of all spans, each span holding a range of them.
    private var proseLines: [ProseLineRange] = []
    /// The texts the spans' lines are ranges of: the page's, then each shortcode's inner text
    /// that holds a span.
    private var proseSources: [[UInt8]] = []
    /// Where the text being read is kept in `proseSources`: -1 for the page's text, nil for an
    /// inner text not kept yet.
    private var currentSource: Int? = -1
    /// The shortcodes cut out of the text being read that are still to be read, in order.
    private var pendingRegions: ArraySlice<HugoDocument.Region> = []
    /// The text of the nearest paragraph before what is read, in `proseText`.
    private var precedingParagraph: Range<Int>?
    private var pendingDirectives: [BlockDirective] = []
    private var blockQuoteDepth = 0
    /// The inline text of the paragraph or heading being read; its buffers are reused.
    private var inline = InlineText()
    private var collectingInline = false
    private var paragraphHoldsTabLabels = false
    /// Where the last inline comment was found: the next one on that line is searched for
    /// after it, not from the line's start.
    private var inlineCommentSearch: (line: Int, from: Int)?

    /// What the value shortcodes in prose print for the page's product.
    private let values: ShortcodeValues

    init(text: TextLines, mapping: PositionMapping, shortcodes: ShortcodeIndex, origin: BlockOrigin, languages: Set<String>,
         values: ShortcodeValues = .none) {
        self.values = values
        self.text = text
        self.mapping = mapping
        self.shortcodes = shortcodes
        self.origin = origin
        self.languages = languages
        proseText.reserveCapacity(text.bytes.count)
        // Room for a span per four lines, so that few pages grow the array.
        proseSpans.reserveCapacity(text.count / 4)
        // A line belongs to one span at most.
        proseLines.reserveCapacity(text.count)
    }

    /// Headings and paragraphs of the body, in document order; their texts share one buffer.
    var prose: [ProseSpan] {
        proseSpans.map {
            ProseSpan(kind: $0.kind, textBytes: proseText[$0.text], start: $0.start,
                      sourceLines: ProseLines(source: $0.source < 0 ? text.bytes : proseSources[$0.source], ranges: proseLines[$0.lines]))
        }
    }

    /// Reads `document`, the parse of the walker's text, and each shortcode cut out of it
    /// (`regions`) where its placeholder stands.
    mutating func walk(_ document: CMarkDocument, regions: [HugoDocument.Region] = []) {
        pendingRegions = regions[...]
        document.walk { node, entering in
            visit(node, entering: entering)
        }
        readRegions(before: Int.max)
    }

    /// Reads the cut-out shortcodes whose placeholder stands on a line before `line`.
    private mutating func readRegions(before line: Int) {
        while let region = pendingRegions.first, region.line < line {
            pendingRegions = pendingRegions.dropFirst()
            read(region)
        }
    }

    /// Reads a shortcode's inner text as Hugo renders it: as Markdown of its own, or raw with
    /// only the shortcodes inside it rendered; then applies its closing tag.
    private mutating func read(_ region: HugoDocument.Region) {
        let saved = (text, mapping, pendingRegions, blockQuoteDepth, inlineCommentSearch, currentSource, shortcodes, nextTag)
        let savedInline = (inline, collectingInline, paragraphHoldsTabLabels)
        let inner = region.inner
        currentSource = nil
        pendingRegions = []
        text = inner.text
        mapping = inner.mapping
        shortcodes = inner.shortcodes
        nextTag = 0
        blockQuoteDepth = 0
        inlineCommentSearch = nil
        switch inner.kind {
        case .markdown:
            if let document = CMarkDocument(parsing: (shortcodes.blankingFenceTails(of: text) ?? text.bytes)[...]) {
                walk(document, regions: inner.regions)
            }
        case .raw:
            for nested in inner.regions {
                let start = text.start(ofLine: nested.line)
                _ = applyStructure(line: nested.line, within: (start + nested.opening.lowerBound)..<(start + nested.opening.upperBound))
                read(nested)
            }
        }
        (text, mapping, pendingRegions, blockQuoteDepth, inlineCommentSearch, currentSource, shortcodes, nextTag) = saved
        (inline, collectingInline, paragraphHoldsTabLabels) = savedInline
        apply(region.closing, line: 0)
    }

    private mutating func visit(_ node: CMarkNode, entering: Bool) {
        if entering, !pendingRegions.isEmpty, node.isBlock { readRegions(before: node.startLine) }
        switch node.kind {
        case .blockQuote:
            blockQuoteDepth += entering ? 1 : -1
        case .codeBlock:
            codeBlock(node)
            pendingDirectives = []
        case .htmlBlock:
            htmlBlock(node)
        case .paragraph:
            if entering { beginParagraph(node) } else { endParagraph(node) }
        case .heading:
            if entering { beginInline() } else { endHeading(node) }
        case .thematicBreak:
            pendingDirectives = []
        case .text, .code:
            if collectingInline { inline.append(node.literalBuffer, isProse: true) }
        case .softBreak, .lineBreak:
            if collectingInline { inline.breakLine() }
        case .htmlInline:
            let literal = node.literalBuffer
            if collectingInline { inline.append(literal, isProse: false) }
            inlineComments(literal, node: node)
        case .document, .list, .item, .emphasis, .strong, .link, .image, .other:
            break
        }
    }

    // MARK: Positions

    private func position(line: Int, byteOffset: Int) -> SourcePosition {
        mapping.map(SourcePosition(line: line, column: text.column(line: line, byteOffset: byteOffset)))
    }

    private func range(line: Int, byteOffset: Int, scalarLength: Int) -> SourceRange {
        let start = SourcePosition(line: line, column: text.column(line: line, byteOffset: byteOffset))
        return mapping.map(SourceRange(start: start, length: scalarLength))
    }

    // MARK: Code blocks

    private mutating func codeBlock(_ node: CMarkNode) {
        let openingLine = node.startLine
        let raw = text.line(openingLine)
        let fenceOffset = node.startColumn - 1
        guard fenceOffset >= 0, fenceOffset < raw.count else { return }
        let fenceStart = raw.startIndex + fenceOffset
        let fenceChar = raw[fenceStart]
        let literal = node.literalBuffer
        let infoBytes = node.fenceInfo
        // An indented block: its first content line is its first line (a fenced block's
        // content starts after its fence, and a line like the fence would close it).
        if infoBytes.isEmpty, LiteralLines.firstLine(of: literal).elementsEqual(raw[fenceStart...]) {
            if Self.mayHoldFence(literal) { fencesShownAsCode(node, literal: LiteralLines(Array(literal))) }
            return
        }
        guard fenceChar == UInt8(ascii: "`") || fenceChar == UInt8(ascii: "~") else { return }
        let fenceEnd = raw[fenceStart...].firstIndex { $0 != fenceChar } ?? raw.endIndex
        let fenceLength = fenceEnd - fenceStart
        let fenceColumn = text.column(line: openingLine, byteOffset: fenceOffset)
        let openingFence = mapping.map(SourcePosition(line: openingLine, column: fenceColumn))

        // The content is split into lines only for a block that is extracted.
        let contentLineCount = LiteralLines.count(in: literal)
        let closed = isClosed(node, openingLine: openingLine, contentLineCount: contentLineCount, fenceChar: fenceChar, fenceLength: fenceLength)
        let info = InfoString(infoBytes[...])
        // Shortcodes after the closing fence come after the block.
        defer {
            if closed, let tail = shortcodes.fenceTails[node.endLine] {
                _ = applyStructure(line: node.endLine, within: tail)
            }
        }
        if !closed {
            reportUnclosedFence(node, at: openingFence, fence: [UInt8](repeating: fenceChar, count: fenceLength), language: info.language)
        }
        guard languages.contains(info.language) else { return }
        let content = LiteralLines(Array(literal)).lines.enumerated().map { (line: openingLine + 1 + $0.offset, bytes: $0.element) }
        appendBlock(info: info, infoBytes: infoBytes[...], openingLine: openingLine, fenceEnd: fenceEnd, fenceColumn: fenceColumn,
                    content: content, closingLine: closed ? node.endLine : openingLine + contentLineCount)
    }

    /// Adds a block of language `info.language` whose fence is on `openingLine` (its run
    /// ending at `fenceEnd`, an index of that line) and whose content lines are `content`.
    private mutating func appendBlock(info: InfoString, infoBytes: ArraySlice<UInt8>, openingLine: Int, fenceEnd: Int, fenceColumn: Int,
                                      content: [(line: Int, bytes: ArraySlice<UInt8>)], closingLine: Int) {
        var lines: [SourceLine] = []
        lines.reserveCapacity(content.count)
        for (lineNumber, line) in content {
            let column = text.column(line: lineNumber, content: line, emptyColumn: fenceColumn)
            lines.append(SourceLine(text: ByteClass.string(line), start: mapping.map(SourcePosition(line: lineNumber, column: column))))
        }

        var attributes: [String: String] = [:]
        for attribute in info.attributes {
            attributes[attribute.key] = ByteClass.string(attribute.value)
        }
        let declared = fencePlaceholders(line: openingLine, info: text.line(openingLine)[fenceEnd...]) + placeholderScopes.joined()

        blocks.append(CodeBlock(
            language: info.language,
            info: ByteClass.string(infoBytes),
            attributes: attributes,
            origin: origin,
            openingFence: mapping.map(SourcePosition(line: openingLine, column: fenceColumn)),
            closingLine: mapping.map(SourcePosition(line: closingLine, column: 1)).line,
            lines: lines,
            directives: pendingDirectives,
            context: BlockContext(
                headings: headings.map(\.text), titles: expandTitles.map(\.title),
                tab: tabs.currentLabel?.label, tabGroup: tabs.currentGroup,
                precedingParagraph: precedingParagraph.map { String(decoding: proseText[$0], as: UTF8.self) },
                headingRanges: headings.map(\.range), titleRanges: expandTitles.map(\.range), tabRange: tabs.currentLabel?.range
            ),
            anglePlaceholders: Placeholders.angleNames(in: content.map(\.bytes)),
            declaredPlaceholders: declared
        ))
    }

    /// Whether the bytes hold three backticks or tildes in a row.
    private static func mayHoldFence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = FenceRun()
        return bytes.contains { run.isComplete(after: $0) }
    }

    /// The fences inside an indented code block: the reader sees their backticks as text.
    /// Each is reported, and the block it opens (up to its closing fence) is still extracted.
    private mutating func fencesShownAsCode(_ node: CMarkNode, literal: LiteralLines) {
        let lines = literal.lines
        var index = 0
        var reason: String?
        while index < lines.count {
            defer { index += 1 }
            guard let opener = FenceOpener(lines[index]) else { continue }
            // Comments before the indented block are directives of a fence on its first line only.
            if index > 0 { pendingDirectives = [] }
            let openingLine = node.startLine + index
            let raw = text.line(openingLine)
            let body = lines[index].dropFirst(opener.indent)
            guard raw.hasSuffix(body) else { continue }
            let fenceStart = raw.endIndex - body.count
            let fenceColumn = text.column(line: openingLine, byteOffset: fenceStart - raw.startIndex)
            let fenceText = ByteClass.string(raw[fenceStart..<(fenceStart + opener.length)])
            let info = InfoString(opener.info)
            let why = reason ?? Self.whyIndentedCode(node, text: text, mapping: mapping)
            reason = why
            diagnostics.append(Diagnostic(
                rule: .markdownFenceShownAsCode,
                range: mapping.map(SourceRange(start: SourcePosition(line: openingLine, column: fenceColumn), length: opener.length)),
                message: "the \(fenceText)\(info.language) fence is shown as text, backticks and all, not as a code block: \(why)"
            ))
            var content: [(line: Int, bytes: ArraySlice<UInt8>)] = []
            var closingLine = node.startLine + lines.count - 1
            while index + 1 < lines.count {
                index += 1
                if opener.isClosed(by: lines[index]) {
                    closingLine = node.startLine + index
                    break
                }
                // Like a fence's own content, each line loses up to the fence's indentation.
                let indent = lines[index].prefix(opener.indent).prefix { $0 == UInt8(ascii: " ") }.count
                content.append((node.startLine + index, lines[index].dropFirst(indent)))
            }
            guard languages.contains(info.language) else { continue }
            appendBlock(info: info, infoBytes: opener.info, openingLine: openingLine,
                        fenceEnd: fenceStart + opener.length, fenceColumn: fenceColumn, content: content, closingLine: closingLine)
        }
    }

    /// Why `node` (an indented code block) is one: the line that ended the list it was
    /// indented for (and the nearest line at column 1 after it), or its indentation.
    private static func whyIndentedCode(_ node: CMarkNode, text: TextLines, mapping: PositionMapping) -> String {
        var nearestAtColumnOne: CMarkNode?
        var ender: CMarkNode?
        var sibling = node.previous
        while let current = sibling, current.kind != .list {
            if current.startColumn == 1, nearestAtColumnOne == nil { nearestAtColumnOne = current }
            ender = current
            sibling = current.previous
        }
        guard sibling != nil, let ender else {
            return "it is indented 4 or more columns past the text of its container, which makes an indented code block of it; indent it less"
        }
        func cited(_ node: CMarkNode) -> (line: Int, text: String) {
            let position = mapping.map(SourcePosition(line: node.startLine, column: text.column(line: node.startLine, byteOffset: node.startColumn - 1)))
            var shown = ByteClass.string(ByteClass.trimmed(text.line(node.startLine)))
            if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
            let quoted = shown.contains("`") ? "\"\(shown)\"" : "`\(shown)`"
            return (position.line, "line \(position.line) (\(quoted)) starts at column \(position.column)")
        }
        let ended = cited(ender)
        var because = "\(ended.text), left of the list item's text, and so ends the list above"
        if let nearest = nearestAtColumnOne, nearest.startLine != ender.startLine {
            because += "; \(cited(nearest).text) too"
        }
        return because + "; the indentation meant for the item makes an indented code block. Indent the lines from line \(ended.line) on like the item's text"
    }

    /// A fence is closed when cmark ended the block on the line right after its content,
    /// that line still belongs to the block's container, and it is a closing fence. cmark
    /// also ends an unclosed block on the line that ends its container, one line further.
    private func isClosed(_ node: CMarkNode, openingLine: Int, contentLineCount: Int, fenceChar: UInt8, fenceLength: Int) -> Bool {
        let endLine = node.endLine
        guard endLine == openingLine + contentLineCount + 1 else { return false }
        if let parent = node.parent, parent.endLine < endLine { return false }
        var closing = text.line(endLine)
        // Shortcode tags after a closing fence are Hugo's, taken out before Markdown is read.
        if let tail = shortcodes.fenceTails[endLine] { closing = closing[..<tail.lowerBound] }
        while let last = closing.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            closing = closing.dropLast()
        }
        let run = closing.reversed().prefix { $0 == fenceChar }.count
        guard run >= fenceLength else { return false }
        let before = closing.dropLast(run).last
        return before == nil || before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") || before == UInt8(ascii: ">")
    }

    private mutating func reportUnclosedFence(_ node: CMarkNode, at position: SourcePosition, fence: [UInt8], language: String) {
        let fenceText = ByteClass.string(fence[...])
        let container: String
        switch node.parent?.kind {
        case .blockQuote?: container = "its block quote"
        case .item?: container = "its list item"
        default: container = origin == .frontMatter ? "the front-matter value" : isReadingInnerText ? "its shortcode" : "the file"
        }
        let opened = language.isEmpty ? fenceText : fenceText + language
        let end = origin == .frontMatter ? "the front-matter value" : "the file"
        if runsToTheEnd(node), !isReadingInnerText, !LiteralLines(Array(node.literalBuffer)).lines.contains(where: { FenceOpener($0) != nil }) {
            // Nothing after it was swallowed, and no fence of its own is missing: it shows as meant.
            diagnostics.append(Diagnostic(
                rule: .markdownUnclosedFence,
                range: SourceRange(start: position, length: fence.count),
                message: "the \(opened) fence opened here is never closed; the code runs to the end of \(end), so it shows as meant, but whatever is added after it will be code too",
                suggestion: fenceText,
                severity: .warning
            ))
            return
        }
        // Cut off at once: the next line is outside the block quote or list item, so the block
        // is empty, and the fence meant to close it opens a new one.
        if node.literalBuffer.isEmpty, node.parent?.kind == .blockQuote || node.parent?.kind == .item,
           let stray = nextFenceLine(after: node.startLine, marker: fence[0], length: fence.count) {
            let outside = node.parent?.kind == .blockQuote ? "is not in the block quote" : "is indented less than the list item's text"
            diagnostics.append(Diagnostic(
                rule: .markdownUnclosedFence,
                range: SourceRange(start: position, length: fence.count),
                message: "the \(opened) fence opened here is cut off at once: the line after it \(outside), so the code block is empty, and the fence on line \(mapping.map(SourcePosition(line: stray, column: 1)).line) meant to close it opens a new one that swallows what follows",
                suggestion: fenceText
            ))
            return
        }
        diagnostics.append(Diagnostic(
            rule: .markdownUnclosedFence,
            range: SourceRange(start: position, length: fence.count),
            message: "the \(opened) fence opened here is never closed: everything to the end of \(container) became code",
            suggestion: fenceText
        ))
    }

    /// The first line after `line` that holds only a run of at least `length` `marker`s (a
    /// fence that could close one), if any.
    private func nextFenceLine(after line: Int, marker: UInt8, length: Int) -> Int? {
        guard line < text.count else { return nil }
        return ((line + 1)...text.count).first { number in
            let body = ByteClass.trimmed(text.line(number)).drop { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ") }
            return body.count >= length && body.allSatisfy { $0 == marker }
        }
    }

    /// Whether the text being read is a shortcode's inner text, not the page's.
    private var isReadingInnerText: Bool { currentSource != -1 }

    /// Whether nothing follows the block: neither it nor any container of it has a next sibling.
    private func runsToTheEnd(_ node: CMarkNode) -> Bool {
        var current: CMarkNode? = node
        while let ancestor = current {
            if ancestor.next != nil { return false }
            current = ancestor.parent
        }
        return true
    }

    /// The alternatives of the fence's `placeholders` attribute, each at its place on the line.
    private func fencePlaceholders(line: Int, info: ArraySlice<UInt8>) -> [DeclaredPlaceholder] {
        let raw = text.line(line)
        guard let attribute = InfoString.attributes(of: info).last(where: { $0.key == "placeholders" }) else { return [] }
        return Placeholders.alternatives(in: attribute.value).map { alternative in
            let length = UTF8Scalars.count(raw[alternative.range])
            return DeclaredPlaceholder(
                pattern: alternative.pattern,
                range: range(line: line, byteOffset: alternative.range.lowerBound - raw.startIndex, scalarLength: length),
                source: .attribute
            )
        }
    }

    // MARK: HTML

    private mutating func htmlBlock(_ node: CMarkNode) {
        var insideComment = false
        for lineNumber in node.startLine...max(node.startLine, node.endLine) {
            for segment in Self.outsideComments(text.line(lineNumber), insideComment: &insideComment) {
                _ = applyStructure(line: lineNumber, within: segment.startIndex..<segment.endIndex)
            }
        }
        let literal = node.literal
        var columns = LiteralColumns(content: LiteralLines(literal), firstLine: node.startLine)
        let comments = HTMLComment.scan(literal[...])
        let onlyComments = HTMLComment.removingComments(from: literal[...]).allSatisfy(ByteClass.isSpace)
        if !onlyComments { pendingDirectives = [] }
        for comment in comments {
            let range = SourceRange(start: mapping.map(columns.position(of: comment.start, in: text)),
                                    end: mapping.map(columns.position(of: comment.end, in: text)))
            switch CommentDirective(comment) {
            case .skip:
                pendingDirectives.append(.skip(range: range))
            case let .expect(rules):
                pendingDirectives.append(.expect(ruleIDs: rules, range: range))
            case let .influxctlVersion(version):
                if origin == .body { pageDirectives.append(.influxctlVersion(version, range: range)) }
            case let .unknown(message, suggestion):
                diagnostics.append(Diagnostic(rule: .directiveUnknown, range: range, message: message, suggestion: suggestion))
            case .none:
                break
            }
        }
    }

    /// Comments inside a paragraph: only page directives and unknown directives matter there.
    private mutating func inlineComments(_ literalBuffer: UnsafeBufferPointer<UInt8>, node: CMarkNode) {
        guard HTMLComment.holdsOpener(literalBuffer) else { return }
        let literal = Array(literalBuffer)
        for comment in HTMLComment.scan(literal[...]) {
            let directive = CommentDirective(comment)
            switch directive {
            case .influxctlVersion, .unknown:
                break
            case .skip, .expect, .none:
                continue
            }
            let lineNumber = node.startLine
            let raw = text.line(lineNumber)
            let firstLine = literal[comment.start...].prefix { $0 != UInt8(ascii: "\n") }
            let searchStart = inlineCommentSearch.flatMap { $0.line == lineNumber ? $0.from : nil } ?? raw.startIndex
            let found = HTMLComment.find(Array(firstLine), in: raw, from: searchStart)
            if let found { inlineCommentSearch = (lineNumber, found + firstLine.count) }
            let offset = found.map { $0 - raw.startIndex } ?? max(0, node.startColumn - 1)
            let range = range(line: lineNumber, byteOffset: offset, scalarLength: UTF8Scalars.count(firstLine))
            switch directive {
            case let .influxctlVersion(version):
                if origin == .body { pageDirectives.append(.influxctlVersion(version, range: range)) }
            case let .unknown(message, suggestion):
                diagnostics.append(Diagnostic(rule: .directiveUnknown, range: range, message: message, suggestion: suggestion))
            case .skip, .expect, .none:
                break
            }
        }
    }

    /// The parts of a line outside HTML comments; `insideComment` carries over between lines.
    private static func outsideComments(_ line: ArraySlice<UInt8>, insideComment: inout Bool) -> [ArraySlice<UInt8>] {
        var segments: [ArraySlice<UInt8>] = []
        var index = line.startIndex
        while index < line.endIndex {
            if insideComment {
                guard let close = HTMLComment.find(Array("-->".utf8), in: line, from: index) else { return segments }
                insideComment = false
                index = close + 3
            } else {
                guard let open = HTMLComment.find(Array("<!--".utf8), in: line, from: index) else {
                    segments.append(line[index...])
                    return segments
                }
                segments.append(line[index..<open])
                insideComment = true
                index = open + 4
            }
        }
        return segments
    }

    // MARK: Paragraphs and headings

    /// Turns the `docverify:expect` directives waiting before a paragraph or heading into
    /// page directives over its lines (body only), and clears the waiting directives.
    private mutating func takeProseExpectations(lines: ClosedRange<Int>) {
        defer { pendingDirectives = [] }
        guard origin == .body else { return }
        for case let .expect(ruleIDs, range) in pendingDirectives {
            let first = mapping.map(SourcePosition(line: lines.lowerBound, column: 1)).line
            let last = mapping.map(SourcePosition(line: lines.upperBound, column: 1)).line
            pageDirectives.append(.expectInProse(ruleIDs: ruleIDs, range: range, lines: first...max(first, last)))
        }
    }

    private mutating func beginInline() {
        inline.removeAll()
        collectingInline = true
    }

    private mutating func beginParagraph(_ node: CMarkNode) {
        beginInline()
        paragraphHoldsTabLabels = false
        for lineNumber in node.startLine...max(node.startLine, node.endLine) {
            if applyStructure(line: lineNumber, within: text.lineRange(lineNumber)) { paragraphHoldsTabLabels = true }
        }
    }

    private mutating func endParagraph(_ node: CMarkNode) {
        guard collectingInline else { return }
        collectingInline = false
        let textStart = takeInlineText(droppingShortcodeOnlyLines: true).lowerBound
        guard proseText.count > textStart, !paragraphHoldsTabLabels else {
            proseText.removeLast(proseText.count - textStart)
            return
        }
        precedingParagraph = textStart..<proseText.count
        takeProseExpectations(lines: node.startLine...max(node.startLine, node.endLine))
        if origin == .body {
            proseSpans.append(proseSpan(.paragraph, text: textStart..<proseText.count, node: node, lines: node.startLine...max(node.startLine, node.endLine)))
        }
    }

    private mutating func endHeading(_ node: CMarkNode) {
        guard collectingInline else { return }
        collectingInline = false
        takeProseExpectations(lines: node.startLine...max(node.startLine, node.endLine))
        let titleRange = takeInlineText(droppingShortcodeOnlyLines: false)
        let title = String(decoding: proseText[titleRange], as: UTF8.self)
        let level = node.headingLevel
        let raw = text.line(node.startLine)
        let offset = min(max(node.startColumn - 1, 0), raw.count)
        let isATX = offset < raw.count && raw[raw.startIndex + offset] == UInt8(ascii: "#")
        while let last = headings.last, last.level >= level { headings.removeLast() }
        headings.append((level, title, headingTextRange(raw, line: node.startLine, offset: offset, isATX: isATX)))
        guard origin == .body else { return }
        let lines = isATX ? node.startLine...node.startLine : node.startLine...setextTextEnd(node)
        proseSpans.append(proseSpan(.heading, text: titleRange, node: node, lines: lines))
    }

    /// Appends the inline text read to `proseText`, with the value shortcodes in it printed as
    /// the page's product shows them (`{{% product-name %}}`: InfluxDB 3 Core); returns where it
    /// went. Positions come from the source lines, which keep the shortcodes as written.
    private mutating func takeInlineText(droppingShortcodeOnlyLines: Bool) -> Range<Int> {
        let start = proseText.count
        inline.appendProse(droppingShortcodeOnlyLines: droppingShortcodeOnlyLines, to: &proseText)
        if let resolved = values.resolving(proseText[start...]) {
            proseText.replaceSubrange(start..., with: resolved)
        }
        return start..<proseText.count
    }

    /// The last text line of a setext heading: the line before its underline.
    private func setextTextEnd(_ node: CMarkNode) -> Int {
        var lineNumber = node.startLine + 1
        while lineNumber < node.endLine {
            let raw = text.line(lineNumber)
            let underline = ByteClass.trimmed(raw.dropFirst(continuationStart(raw)))
            if let first = underline.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-"), underline.allSatisfy({ $0 == first }) {
                break
            }
            lineNumber += 1
        }
        return lineNumber - 1
    }

    /// The heading's text on its (first) line: after the `#` marks, before a closing sequence.
    private func headingTextRange(_ raw: ArraySlice<UInt8>, line: Int, offset: Int, isATX: Bool) -> SourceRange {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = raw.startIndex + offset
        if isATX {
            while start < raw.endIndex, raw[start] == UInt8(ascii: "#") { start += 1 }
            while start < raw.endIndex, isBlank(raw[start]) { start += 1 }
        }
        var end = raw.endIndex
        while end > start, isBlank(raw[end - 1]) { end -= 1 }
        if isATX {
            var closing = end
            while closing > start, raw[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
            if closing == start || isBlank(raw[closing - 1]) {
                end = closing
                while end > start, isBlank(raw[end - 1]) { end -= 1 }
            }
        }
        return range(line: line, byteOffset: start - raw.startIndex, scalarLength: UTF8Scalars.count(raw[start..<end]))
    }

    private mutating func proseSpan(_ kind: ProseSpan.Kind, text spanText: Range<Int>, node: CMarkNode, lines range: ClosedRange<Int>) -> ProseSpanRange {
        let firstLine = proseLines.count
        let bytes = text.bytes
        // The lines are read in place, not sliced (and retained) one by one.
        bytes.withUnsafeBufferPointer { buffer in
            for lineNumber in range {
                let raw = text.lineRange(lineNumber)
                let offset = lineNumber == node.startLine ? min(max(node.startColumn - 1, 0), raw.count) : continuationStart(buffer[raw])
                proseLines.append(ProseLineRange(bytes: (raw.lowerBound + offset)..<raw.upperBound, start: position(line: lineNumber, byteOffset: offset)))
            }
        }
        let start = proseLines.count > firstLine ? proseLines[firstLine].start : position(line: node.startLine, byteOffset: max(node.startColumn - 1, 0))
        // An inner text is kept for its spans.
        let source = currentSource ?? {
            proseSources.append(bytes)
            return proseSources.count - 1
        }()
        currentSource = source
        return ProseSpanRange(kind: kind, text: spanText, start: start, lines: firstLine..<proseLines.count, source: source)
    }

    /// Where the text of a paragraph's continuation line starts: after block-quote markers
    /// (up to the current depth) and indentation.
    private func continuationStart<Line: Collection<UInt8>>(_ raw: Line) -> Int where Line.Index == Int {
        var index = raw.startIndex
        var markers = blockQuoteDepth
        while index < raw.endIndex {
            if raw[index] == UInt8(ascii: " ") || raw[index] == UInt8(ascii: "\t") {
                index += 1
            } else if markers > 0, raw[index] == UInt8(ascii: ">") {
                markers -= 1
                index += 1
            } else {
                break
            }
        }
        return index - raw.startIndex
    }

    // MARK: Shortcodes

    /// The tags the Hugo stage found on `line`: those of earlier lines are passed for good, as
    /// the walk reads lines in order (tags in code blocks and headings shape nothing).
    private mutating func tags(onLine line: Int) -> ArraySlice<(line: Int, tag: ShortcodeTag)> {
        let all = shortcodes.tags
        while nextTag < all.count, all[nextTag].line < line { nextTag += 1 }
        var end = nextTag
        while end < all.count, all[end].line == line { end += 1 }
        return all[nextTag..<end]
    }

    /// Applies the shortcodes and tab labels of the bytes `range` of line `line`, in order.
    /// Returns whether they held tab labels.
    private mutating func applyStructure(line: Int, within range: Range<Int>) -> Bool {
        let onLine = tags(onLine: line).filter { range.contains($0.tag.start) }
        // Without a shortcode and with no labels to collect, a line changes nothing.
        guard !onLine.isEmpty || tabs.collectingLabels else { return false }
        let segment = text.bytes[range]
        var foundLabels = false
        var index = segment.startIndex
        for (_, tag) in onLine {
            if tabs.collectingLabels, collectLabels(segment[index..<tag.start], line: line) { foundLabels = true }
            apply(tag, line: line)
            index = tag.end
            // A shortcode cut out here is read right after its opening tag, before what follows.
            if let region = pendingRegions.first, region.line == line, region.opening.lowerBound == tag.start - text.line(line).startIndex {
                pendingRegions = pendingRegions.dropFirst()
                read(region)
            }
        }
        if tabs.collectingLabels, collectLabels(segment[index...], line: line) { foundLabels = true }
        return foundLabels
    }

    private mutating func collectLabels(_ segment: ArraySlice<UInt8>, line: Int) -> Bool {
        let lineStart = text.line(line).startIndex
        var found = false
        var index = segment.startIndex
        while let link = TabLabelLink.next(in: segment, from: index) {
            let labelRange = range(line: line, byteOffset: link.labelRange.lowerBound - lineStart, scalarLength: UTF8Scalars.count(segment[link.labelRange]))
            tabs.addLabel(link.label, range: labelRange)
            found = true
            index = link.end
        }
        return found
    }

    private mutating func apply(_ tag: ShortcodeTag, line: Int) {
        switch (tag.kind, tag.isClosing) {
        case (.expand, false):
            expandDepth += 1
            guard expandDepth <= Self.maximumRecordedNesting else { return }
            let title = tag.arguments.first ?? text.line(line)[tag.end..<tag.end]
            let titleRange = range(line: line, byteOffset: title.startIndex - text.line(line).startIndex, scalarLength: UTF8Scalars.count(title))
            expandTitles.append((ByteClass.string(title), titleRange))
        case (.expand, true):
            expandDepth = max(0, expandDepth - 1)
            if expandTitles.count > expandDepth { expandTitles.removeLast() }
        case (.tabs, false):
            tabs.openGroup()
        case (.tabs, true):
            tabs.collectingLabels = false
        case (.tabContent, false):
            tabs.enterContent()
        case (.tabContent, true):
            tabs.leaveContent()
        case (.tabsWrapper, true):
            tabs.closeGroup()
        case (.codePlaceholders, false):
            placeholderScopeDepth += 1
            guard placeholderScopeDepth <= Self.maximumRecordedNesting else { return }
            placeholderScopes.append(shortcodePlaceholders(tag, line: line))
        case (.codePlaceholders, true):
            placeholderScopeDepth = max(0, placeholderScopeDepth - 1)
            if placeholderScopes.count > placeholderScopeDepth { placeholderScopes.removeLast() }
        default:
            break
        }
    }

    private func shortcodePlaceholders(_ tag: ShortcodeTag, line: Int) -> [DeclaredPlaceholder] {
        guard let argument = tag.arguments.first else { return [] }
        let raw = text.line(line)
        return Placeholders.alternatives(in: argument).map { alternative in
            DeclaredPlaceholder(
                pattern: alternative.pattern,
                range: range(line: line, byteOffset: alternative.range.lowerBound - raw.startIndex, scalarLength: UTF8Scalars.count(raw[alternative.range])),
                source: .shortcode
            )
        }
    }
}

/// A prose span whose text is a range of the walker's `proseText`.
struct ProseSpanRange {
    var kind: ProseSpan.Kind
    var text: Range<Int>
    var start: SourcePosition
    /// The span's lines in the walker's `proseLines`.
    var lines: Range<Int>
    /// The text its lines are ranges of: an index of the walker's `proseSources`, or -1 for
    /// the page's text.
    var source: Int
}

/// The tabs group being read: labels from `{{% tabs %}}`, then one `tab-content` per label.
struct TabState {
    private var groupCount = 0
    private var labels: [(label: String, range: SourceRange)] = []
    private var nextContent = 0
    private var group: Int?
    var collectingLabels = false
    private(set) var currentLabel: (label: String, range: SourceRange)?
    private(set) var currentGroup: Int?

    mutating func openGroup() {
        groupCount += 1
        group = groupCount
        labels = []
        nextContent = 0
        collectingLabels = true
    }

    mutating func addLabel(_ label: String, range: SourceRange) {
        labels.append((label, range))
    }

    mutating func enterContent() {
        collectingLabels = false
        guard let group else { return }
        currentGroup = group
        currentLabel = nextContent < labels.count ? labels[nextContent] : nil
        nextContent += 1
    }

    mutating func leaveContent() {
        currentLabel = nil
        currentGroup = nil
    }

    mutating func closeGroup() {
        leaveContent()
        group = nil
        collectingLabels = false
    }
}

/// The inline text of a paragraph or heading, line by line.
struct InlineText {
    /// What a reader sees: text and code spans.
    private var prose: [UInt8] = []
    /// Where each line of `prose` but the last ends.
    private var proseBreaks: [Int] = []
    /// The same plus raw inline HTML, to tell shortcode-only lines (`{{<tab-content>}}`);
    /// kept only once some HTML came, `prose` being the same before.
    private var raw: [UInt8] = []
    private var rawBreaks: [Int] = []
    private var holdsHTML = false

    /// Empties the text, keeping the buffers.
    mutating func removeAll() {
        if !prose.isEmpty { prose.removeAll(keepingCapacity: true) }
        if !proseBreaks.isEmpty { proseBreaks.removeAll(keepingCapacity: true) }
        // Only text holding HTML filled the raw buffers.
        guard holdsHTML else { return }
        raw.removeAll(keepingCapacity: true)
        rawBreaks.removeAll(keepingCapacity: true)
        holdsHTML = false
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, isProse: Bool) {
        if !isProse, !holdsHTML {
            holdsHTML = true
            raw.append(contentsOf: prose)
            rawBreaks.append(contentsOf: proseBreaks)
        }
        if isProse { prose.append(contentsOf: bytes) }
        if holdsHTML { raw.append(contentsOf: bytes) }
    }

    mutating func breakLine() {
        proseBreaks.append(prose.count)
        if holdsHTML { rawBreaks.append(raw.count) }
    }

    /// Appends the trimmed, non-empty lines of prose joined by spaces to `joined`;
    /// optionally without lines that hold only shortcodes.
    func appendProse(droppingShortcodeOnlyLines: Bool, to joined: inout [UInt8]) {
        let joinedStart = joined.count
        var proseStart = 0
        var rawStart = 0
        for index in 0...proseBreaks.count {
            let proseEnd = index < proseBreaks.count ? proseBreaks[index] : prose.count
            let proseLine = prose[proseStart..<proseEnd]
            proseStart = proseEnd
            if droppingShortcodeOnlyLines {
                let rawLine: ArraySlice<UInt8>
                if holdsHTML {
                    let rawEnd = index < rawBreaks.count ? rawBreaks[index] : raw.count
                    rawLine = raw[rawStart..<rawEnd]
                    rawStart = rawEnd
                } else {
                    rawLine = proseLine
                }
                if ShortcodeTag.holdsOnlyTags(rawLine) { continue }
            }
            let trimmed = ByteClass.trimmed(proseLine)
            guard !trimmed.isEmpty else { continue }
            if joined.count > joinedStart { joined.append(UInt8(ascii: " ")) }
            joined.append(contentsOf: trimmed)
        }
    }
}

/// Positions of byte offsets into an HTML block's literal, asked for in increasing order (the
/// comments of the block): scalars are counted from the offset asked last, so a line holding
/// many comments is counted once, not once per comment.
struct LiteralColumns {
    let content: LiteralLines
    /// The file line (of the parsed text) of the literal's first line.
    let firstLine: Int
    private var last: (index: Int, offset: Int, column: Int)?

    init(content: LiteralLines, firstLine: Int) {
        self.content = content
        self.firstLine = firstLine
    }

    /// The line and column, in `text`, of byte `offset` of the literal.
    mutating func position(of offset: Int, in text: TextLines) -> SourcePosition {
        let (index, line) = content.line(containing: offset)
        let clamped = min(max(offset, line.startIndex), line.endIndex)
        let column: Int
        if let last, last.index == index, last.offset <= clamped {
            column = last.column + UTF8Scalars.count(line[last.offset..<clamped])
        } else {
            let lineStart = text.column(line: firstLine + index, content: line, emptyColumn: 1)
            column = lineStart + UTF8Scalars.count(line[line.startIndex..<clamped])
        }
        last = (index, clamped, column)
        return SourcePosition(line: firstLine + index, column: column)
    }
}

/// A literal split into lines at `\n`; a final newline ends the last line.
struct LiteralLines {
    let lines: [ArraySlice<UInt8>]

    init(_ literal: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        literal.withUnsafeBufferPointer { buffer in
            Self.forEachLine(in: buffer) { lines.append(literal[$0]) }
        }
        self.lines = lines
    }

    /// The first line of `literal`, without its `\n`.
    static func firstLine(of literal: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = literal.baseAddress else { return literal }
        guard let found = memchr(base, Int32(UInt8(ascii: "\n")), literal.count) else { return literal }
        return UnsafeBufferPointer(rebasing: literal[..<UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))])
    }

    /// How many lines `LiteralLines(literal)` has, counted without splitting.
    static func count(in literal: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLine(in: literal) { _ in count += 1 }
        return count
    }

    /// The byte range of each line, without its `\n`; a last line only if it holds a byte.
    private static func forEachLine(in literal: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let base = literal.baseAddress else { return }
        var offset = 0
        while offset < literal.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), literal.count - offset) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            body(offset..<end)
            offset = end + 1
        }
        if offset < literal.count { body(offset..<literal.count) }
    }

    /// The line holding byte `offset` of the literal (the last line for the end).
    func line(containing offset: Int) -> (index: Int, line: ArraySlice<UInt8>) {
        var low = 0
        var high = lines.count - 1
        guard high >= 0 else { return (0, []) }
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].startIndex <= offset { low = middle } else { high = middle - 1 }
        }
        return (low, lines[low])
    }
}

/// A fence opener read from a line of text: the run of backticks or tildes (3 or more) after
/// up to any indentation, and the info string after it.
struct FenceOpener {
    /// Spaces before the run.
    let indent: Int
    let marker: UInt8
    let length: Int
    /// The info string, trimmed.
    let info: ArraySlice<UInt8>

    /// nil when the line opens no fence (a backtick fence's info holds no backtick).
    init?(_ line: ArraySlice<UInt8>) {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard let marker = body.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let run = body.prefix { $0 == marker }.count
        guard run >= 3 else { return nil }
        let info = ByteClass.trimmed(body.dropFirst(run))
        if marker == UInt8(ascii: "`"), info.contains(marker) { return nil }
        self.indent = line.count - body.count
        self.marker = marker
        self.length = run
        self.info = info
    }

    /// Whether `line` closes this fence: a run as long or longer, then only blanks.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - body.count < 4 + indent else { return false }
        let run = body.prefix { $0 == marker }.count
        return run >= length && body.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
