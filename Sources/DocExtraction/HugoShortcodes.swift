#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Foundation

/// What a site's shortcode templates tell about the text between a shortcode's tags: which
/// `{{% %}}` templates say `$_hugo_config` version 1 (Hugo renders their inner text as
/// Markdown of its own and puts the result in after the page's Markdown), and which `{{< >}}`
/// templates render their inner text as Markdown (`markdownify`, `RenderString`) rather than
/// passing it on raw.
public struct ShortcodeTemplates: Hashable, Sendable {
    public private(set) var versionOne: Set<String>
    public private(set) var markdownInner: Set<String>
    /// Where the templates were read from; nil when the site has none and Hugo's defaults
    /// hold (`{{% %}}` inner text is part of the page's Markdown, `{{< >}}` inner text is raw).
    public private(set) var folder: String?

    /// Hugo's defaults, for a tree without templates.
    public static let hugoDefaults = ShortcodeTemplates(versionOne: [], markdownInner: [], folder: nil)

    init(versionOne: Set<String>, markdownInner: Set<String>, folder: String?) {
        self.versionOne = versionOne
        self.markdownInner = markdownInner
        self.folder = folder
    }

    /// The templates in `layouts/shortcodes` (or `layouts/_shortcodes`) beside a content root;
    /// Hugo's defaults when there are none.
    public init(contentRoot: String) {
        let site = (contentRoot as NSString).deletingLastPathComponent
        let layouts = site.isEmpty ? "layouts" : site + "/layouts"
        self = .hugoDefaults
        for folder in [layouts + "/shortcodes", layouts + "/_shortcodes"] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            self.folder = self.folder ?? folder
            for file in names.sorted() where file.hasSuffix(".html") {
                guard let bytes = try? FileSystem.contents(of: folder + "/" + file) else { continue }
                let name = String(file.dropLast(".html".count))
                let template = String(decoding: bytes, as: UTF8.self)
                if Self.saysVersionOne(template) { versionOne.insert(name) }
                if template.contains(".Inner"), template.contains("markdownify") || template.contains("RenderString") {
                    markdownInner.insert(name)
                }
            }
        }
    }

    /// `{{ $_hugo_config := `{ "version": 1 }` }}`, spaced in any way.
    private static func saysVersionOne(_ template: String) -> Bool {
        guard let config = template.range(of: "$_hugo_config") else { return false }
        let rest = template[config.upperBound...].prefix(80).filter { !$0.isWhitespace }
        return rest.contains("\"version\":1")
    }
}

/// One text as Hugo hands it to Markdown: each shortcode that Hugo renders apart is cut out,
/// inner text and closing tag, leaving its opening tag as the placeholder Hugo leaves. What
/// was cut out is a document of its own, read where its placeholder stands. Every line keeps
/// the file position of its first byte.
///
/// Hugo renders apart, in the page's Markdown, a `{{< >}}` pair and a `{{% %}}` pair whose
/// template is version 1 (both stand as placeholders while the page's Markdown is rendered);
/// inside another shortcode, a `{{% %}}` pair (its inner text is rendered as Markdown of its
/// own) and a `{{< >}}` pair whose template renders its inner text as Markdown. The others
/// are part of the text around them: a `{{% %}}` pair in the page, whose output Hugo puts in
/// the page before Markdown reads it, and a raw `{{< >}}` pair inside a shortcode, whose
/// output joins its parent's inner text. In a raw text every pair is rendered apart.
struct HugoDocument {
    /// How Hugo treats a document's text.
    enum Kind {
        /// Markdown: the page body, and inner text Hugo renders as Markdown.
        case markdown
        /// Passed on as it is written: only the shortcodes inside it are rendered.
        case raw
    }

    /// A shortcode cut out of the document.
    struct Region {
        /// The document's line that holds the opening tag, and the tag's bytes on it.
        var line: Int
        var opening: Range<Int>
        var closing: ShortcodeTag
        var inner: HugoDocument
    }

    var kind: Kind
    var text: TextLines
    var mapping: PositionMapping
    /// The shortcode tags left in the text (the opening tags of what was cut out among them).
    var shortcodes: ShortcodeIndex
    /// The regions cut out, in document order.
    var regions: [Region]

    /// The page body of `file` (lines before `bodyStart` are left as written).
    static func page(_ file: TextLines, bodyStart: Int, templates: ShortcodeTemplates) -> HugoDocument {
        let start = bodyStart <= file.count ? file.start(ofLine: bodyStart) : file.bytes.count
        return HugoDocument(file: file, range: 0..<file.bytes.count, scanFrom: start, kind: .markdown, level: 0, templates: templates)
    }

    /// The deepest nesting of cut-out shortcodes that is followed; deeper ones stay in their text.
    private static let maximumDepth = 32

    /// The document of the bytes `range` of `file`, whose shortcodes from `scanFrom` on are cut
    /// out as Hugo renders them apart; `level` is how many shortcodes enclose the text.
    private init(file: TextLines, range: Range<Int>, scanFrom: Int, kind: Kind, level: Int, templates: ShortcodeTemplates) {
        self.kind = kind
        let scanned = ShortcodeIndex(text: file, range: scanFrom..<range.upperBound)
        let cuts = level < Self.maximumDepth ? Self.cuts(scanned.tags, level: level, kind: kind, templates: templates) : []
        if cuts.isEmpty, range == 0..<file.bytes.count {
            // Nearly every page: Hugo hands the file's own text to Markdown.
            text = file
            mapping = .identity
            regions = []
            shortcodes = scanned
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        /// The file position of each line's first byte: its line and the columns before it.
        var lineStarts: [(line: Int, shift: Int)] = []
        var pending: [(open: ShortcodeTag, close: ShortcodeTag, level: Int, textLine: Int, tagEnd: Int)] = []
        func append(_ piece: Range<Int>) {
            guard !piece.isEmpty else { return }
            var line = file.lineNumber(containingByte: piece.lowerBound)
            if lineStarts.isEmpty || bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r") {
                lineStarts.append((line, file.column(line: line, byteOffset: piece.lowerBound - file.start(ofLine: line)) - 1))
            }
            bytes.append(contentsOf: file.bytes[piece])
            // The file's lines that start inside the piece start lines of the text.
            while line < file.count, file.start(ofLine: line + 1) < piece.upperBound {
                line += 1
                lineStarts.append((line, 0))
            }
        }
        var cursor = range.lowerBound
        for cut in cuts {
            append(cursor..<cut.open.end)
            pending.append((cut.open, cut.close, cut.level, max(1, lineStarts.count), bytes.count))
            cursor = cut.close.end
        }
        append(cursor..<range.upperBound)
        text = TextLines(bytes)
        // The text before `scanFrom` (the front matter) is the file's own, byte for byte.
        shortcodes = ShortcodeIndex(text: text, range: min(bytes.count, scanFrom - range.lowerBound)..<bytes.count)
        let table = lineStarts
        mapping = .lines(table.map(\.line), shifts: table.map(\.shift), fallback: SourcePosition(line: table.first?.line ?? 1, column: 1 + (table.first?.shift ?? 0)))
        var regions: [Region] = []
        for (open, close, openLevel, textLine, tagEnd) in pending {
            let innerKind: Kind = open.delimiter == UInt8(ascii: "%") || templates.markdownInner.contains(ByteClass.string(open.name)) ? .markdown : .raw
            let inner = HugoDocument(file: file, range: open.end..<close.start, scanFrom: open.end, kind: innerKind, level: openLevel + 1,
                                     templates: templates)
            // The opening tag's place on its line of this document's text.
            let lineStart = text.start(ofLine: textLine)
            let tagStart = max(lineStart, tagEnd - (open.end - open.start))
            regions.append(Region(line: textLine, opening: (tagStart - lineStart)..<(tagEnd - lineStart), closing: close, inner: inner))
        }
        self.regions = regions
    }

    /// The pairs of `tags` (in order) to cut out, outermost only, in order, with how many
    /// shortcodes enclose each.
    private static func cuts(_ found: [(line: Int, tag: ShortcodeTag)], level: Int, kind: Kind, templates: ShortcodeTemplates)
        -> [(open: ShortcodeTag, close: ShortcodeTag, level: Int)] {
        guard found.contains(where: { $0.tag.isClosing }) else { return [] }
        let tags = found.map(\.tag)
        // Pair each closing tag with the nearest open tag of its name; the tags left open inside
        // the pair, and those never closed, stand alone. Each name keeps the places of its open
        // tags in `open`, checked when taken, so pairing is linear however tags nest.
        var open: [Int] = []
        // Keyed by a hash of the name; a stack may hold names that share it, told apart by bytes.
        var byName: [UInt64: [(place: Int, tag: Int)]] = [:]
        var closes: [Int: Int] = [:]
        for (index, tag) in tags.enumerated() where !tag.isSelfClosing {
            let key = StableHash.fnv1a(tag.name)
            if !tag.isClosing {
                byName[key, default: []].append((open.count, index))
                open.append(index)
                continue
            }
            guard var stack = byName[key] else { continue }
            // An entry is still open while `open` holds its tag at its place.
            func isOpen(_ entry: (place: Int, tag: Int)) -> Bool { entry.place < open.count && open[entry.place] == entry.tag }
            // Entries an earlier pairing cut off are dropped as they come up.
            while let last = stack.last, !isOpen(last) { stack.removeLast() }
            if let match = stack.lastIndex(where: { isOpen($0) && tags[$0.tag].name.elementsEqual(tag.name) }) {
                let entry = stack[match]
                stack.removeSubrange(match...)
                closes[entry.tag] = index
                open.removeSubrange(entry.place...)
            }
            byName[key] = stack
        }
        var cuts: [(open: ShortcodeTag, close: ShortcodeTag, level: Int)] = []
        // The closing tags of the pairs left in the text that enclose the tag being read.
        var enclosing: [Int] = []
        var index = 0
        while index < tags.count {
            while let last = enclosing.last, last < index { enclosing.removeLast() }
            let tag = tags[index]
            if let close = closes[index] {
                let tagLevel = level + enclosing.count
                if isRenderedApart(tag, level: tagLevel, in: kind, templates: templates) {
                    cuts.append((tag, tags[close], tagLevel))
                    index = close + 1
                    continue
                }
                enclosing.append(close)
            }
            index += 1
        }
        return cuts
    }

    /// Whether Hugo renders the shortcode apart from the text around it.
    private static func isRenderedApart(_ tag: ShortcodeTag, level: Int, in kind: Kind, templates: ShortcodeTemplates) -> Bool {
        let name = ByteClass.string(tag.name)
        if kind == .raw { return true }
        if tag.delimiter == UInt8(ascii: "<") { return level == 0 || templates.markdownInner.contains(name) }
        return level > 0 || templates.versionOne.contains(name)
    }
}

/// Every shortcode tag of a text, found once by the Hugo stage: what the walker applies, line by
/// line, instead of scanning the lines itself, and the fence lines whose rest holds shortcode
/// tags alone (```` ```{{% /expand %}} ````), which Hugo takes out before Markdown reads them.
struct ShortcodeIndex {
    /// The tags in order, each with the line it stands on; a tag's offsets are bytes of the text.
    let tags: [(line: Int, tag: ShortcodeTag)]
    /// The byte range, in the text, of each such fence line's tags, by line.
    let fenceTails: [Int: Range<Int>]

    /// The tags standing wholly inside the bytes `range` of `text`. A tag closes on the line it
    /// opens, and one inside a code span is text. Only lines holding `{{` are read: the search
    /// jumps from one `{` to the next.
    init(text: TextLines, range: Range<Int>) {
        var tags: [(line: Int, tag: ShortcodeTag)] = []
        var fenceTails: [Int: Range<Int>] = [:]
        let bytes = text.bytes
        var offset = range.lowerBound
        while offset + 1 < range.upperBound {
            let found: Int? = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, let hit = memchr(base + offset, Int32(UInt8(ascii: "{")), range.upperBound - offset) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            guard let index = found, index + 1 < range.upperBound else { break }
            guard bytes[index + 1] == UInt8(ascii: "{") else {
                offset = index + 1
                continue
            }
            let number = text.lineNumber(containingByte: index)
            let whole = text.lineRange(number)
            let clipped = max(whole.lowerBound, range.lowerBound)..<min(whole.upperBound, range.upperBound)
            for tag in ShortcodeTag.scan(bytes[clipped]) { tags.append((number, tag)) }
            if clipped == whole, let tail = FenceShortcodeTails.tail(of: bytes[whole]) { fenceTails[number] = tail }
            offset = whole.upperBound + 1
        }
        self.tags = tags
        self.fenceTails = fenceTails
    }

    /// The bytes of `text` with every fence line's tags blanked, for cmark; nil when none has any.
    func blankingFenceTails(of text: TextLines) -> [UInt8]? {
        guard !fenceTails.isEmpty else { return nil }
        var copy = text.bytes
        for tail in fenceTails.values {
            for index in tail { copy[index] = UInt8(ascii: " ") }
        }
        return copy
    }
}
