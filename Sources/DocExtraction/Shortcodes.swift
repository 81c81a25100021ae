#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Hugo shortcode tag on a line: `{{% expand "Title" %}}`, `{{< /tabs-wrapper >}}`.
struct ShortcodeTag {
    /// The shortcodes that shape what surrounds a block; a `code-` form acts as the plain one.
    enum Kind {
        case expand, tabs, tabContent, tabsWrapper, codePlaceholders, showIn, hideIn, other

        private static let names: [(name: [UInt8], kind: Kind)] = [
            ("expand", Kind.expand), ("tabs", .tabs), ("code-tabs", .tabs), ("tab-content", .tabContent),
            ("code-tab-content", .tabContent), ("tabs-wrapper", .tabsWrapper), ("code-tabs-wrapper", .tabsWrapper),
            ("code-placeholders", .codePlaceholders), ("show-in", .showIn), ("hide-in", .hideIn),
        ].map { (Array($0.utf8), $1) }

        /// The kind of the shortcode named `name`, compared without building a String.
        init(name: ArraySlice<UInt8>) {
            self = .other
            for entry in Self.names where entry.name.count == name.count && entry.name.elementsEqual(name) {
                self = entry.kind
                return
            }
        }
    }

    var kind: Kind
    var isClosing: Bool
    /// The shortcode's name as written (`expand-wrapper`).
    var name: ArraySlice<UInt8>
    /// `<` for `{{< >}}`, `%` for `{{% %}}`.
    var delimiter: UInt8
    /// `{{< name />}}`: a tag that closes itself.
    var isSelfClosing: Bool
    /// What follows the name, up to the closing delimiter.
    private var argumentText: ArraySlice<UInt8>
    /// Byte offsets of `{{` and just past `}}`.
    var start: Int
    var end: Int

    /// Unnamed arguments, unquoted, in order.
    var arguments: [ArraySlice<UInt8>] { Self.parsedArguments(argumentText).positional }

    /// The value of the named argument `name` (`omit=" Clustered"`), unquoted.
    func namedArgument(_ name: String) -> ArraySlice<UInt8>? {
        Self.parsedArguments(argumentText).named.first { $0.name.elementsEqual(name.utf8) }?.value
    }

    var hasNamedArguments: Bool { !Self.parsedArguments(argumentText).named.isEmpty }

    /// The tags on one line, left to right. A tag must close on the line it opens; one
    /// inside a code span (`` `{{% note %}}` ``) is text, not a tag. Linear in the line's
    /// length, however many `{{` or code spans it holds.
    static func scan(_ line: ArraySlice<UInt8>) -> ShortcodeTags {
        ShortcodeTags(line)
    }

    /// The first `%}}` and `>}}` at or after a position that only grows, remembered between
    /// the openings of one line so that each closer is searched for once, not once per `{{`.
    struct CloserSearch {
        /// Per closer (`%}}`, `>}}`): where the last search started and what it found (nil: none after it).
        private var percent: (from: Int, at: Int?)?
        private var angle: (from: Int, at: Int?)?

        /// The first closer of the tag opened with `delimiter` (`%` or `<`).
        mutating func first(after delimiter: UInt8, in line: ArraySlice<UInt8>, from start: Int) -> Int? {
            let isPercent = delimiter == UInt8(ascii: "%")
            if let last = isPercent ? percent : angle, last.from <= start, last.at.map({ $0 >= start }) ?? true {
                return last.at
            }
            let at = ShortcodeTag.firstCloser(isPercent ? UInt8(ascii: "%") : UInt8(ascii: ">"), in: line, from: start)
            if isPercent { percent = (start, at) } else { angle = (start, at) }
            return at
        }
    }

    /// Whether the line holds nothing but shortcode tags and white space.
    static func holdsOnlyTags(_ line: ArraySlice<UInt8>) -> Bool {
        // The first tag must start at the first byte that is not white space.
        guard let first = line.first(where: { !ByteClass.isSpace($0) }) else { return true }
        guard first == UInt8(ascii: "{") else { return false }
        var index = line.startIndex
        for tag in scan(line) {
            guard line[index..<tag.start].allSatisfy(ByteClass.isSpace) else { return false }
            index = tag.end
        }
        return line[index...].allSatisfy(ByteClass.isSpace)
    }

    /// The byte ranges of the line's code spans: a run of backticks up to the next run of
    /// the same length, as CommonMark pairs them.
    static func codeSpans(in line: ArraySlice<UInt8>) -> [Range<Int>] {
        let backtick = UInt8(ascii: "`")
        var spans: [Range<Int>] = []
        var index = line.startIndex
        while let open = line[index...].firstIndex(of: backtick) {
            let openEnd = line[open...].firstIndex { $0 != backtick } ?? line.endIndex
            let length = openEnd - open
            var search = openEnd
            var closeEnd: Int?
            while let close = line[search...].firstIndex(of: backtick) {
                let end = line[close...].firstIndex { $0 != backtick } ?? line.endIndex
                if end - close == length {
                    closeEnd = end
                    break
                }
                search = end
            }
            guard let closeEnd else { return spans }
            spans.append(open..<closeEnd)
            index = closeEnd
        }
        return spans
    }

    fileprivate static func nextOpening(in line: ArraySlice<UInt8>, from start: Int) -> Int? {
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            // A `{` on the last byte cannot open a tag: search the bytes before it.
            var offset = start - line.startIndex
            while offset + 1 < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "{")), buffer.count - 1 - offset) {
                let brace = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if buffer[brace + 1] == UInt8(ascii: "{") { return line.startIndex + brace }
                offset = brace + 1
            }
            return nil
        }
    }

    /// The tag whose `{{` is at `open`, if one is.
    fileprivate static func tag(in line: ArraySlice<UInt8>, at open: Int, closers: inout CloserSearch) -> ShortcodeTag? {
        var index = open + 2
        while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.endIndex else { return nil }
        let delimiter = line[index]
        guard delimiter == UInt8(ascii: "%") || delimiter == UInt8(ascii: "<") else { return nil }
        let bodyStart = index + 1
        guard let bodyEnd = closers.first(after: delimiter, in: line, from: bodyStart) else { return nil }
        let body = ByteClass.trimmed(line[bodyStart..<bodyEnd])
        // A comment: `{{</* tabs */>}}`.
        guard body.first != UInt8(ascii: "/") || body.dropFirst().first != UInt8(ascii: "*") else { return nil }
        var cursor = body.startIndex
        let isClosing = cursor < body.endIndex && body[cursor] == UInt8(ascii: "/")
        if isClosing { cursor += 1 }
        while cursor < body.endIndex, ByteClass.isSpace(body[cursor]) { cursor += 1 }
        let nameStart = cursor
        // Names may hold `/` (`influxdb/host`, a template in a folder); a `/` that ends the
        // body closes the tag itself (`{{< name/>}}`).
        while cursor < body.endIndex, !ByteClass.isSpace(body[cursor]) { cursor += 1 }
        if cursor == body.endIndex, cursor > nameStart, body[cursor - 1] == UInt8(ascii: "/") { cursor -= 1 }
        guard cursor > nameStart else { return nil }
        let name = body[nameStart..<cursor]
        let isSelfClosing = !isClosing && body.last == UInt8(ascii: "/")
        return ShortcodeTag(
            kind: Kind(name: name), isClosing: isClosing, name: name, delimiter: delimiter, isSelfClosing: isSelfClosing,
            argumentText: isSelfClosing ? body[cursor..<(body.endIndex - 1)] : body[cursor...],
            start: open, end: bodyEnd + 3
        )
    }

    /// The arguments after a tag's name: the unnamed ones in order, and the named ones
    /// (`name=value`, `name="value"`), values unquoted.
    private static func parsedArguments(_ bytes: ArraySlice<UInt8>)
        -> (positional: [ArraySlice<UInt8>], named: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)]) {
        var positional: [ArraySlice<UInt8>] = []
        var named: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if ByteClass.isSpace(byte) {
                index += 1
            } else if let (value, next) = quotedValue(bytes, at: index) {
                positional.append(value)
                index = next
            } else {
                let wordStart = index
                while index < bytes.endIndex, !ByteClass.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "=") else {
                    if bytes[wordStart..<index] != [UInt8(ascii: "/")] { positional.append(bytes[wordStart..<index]) }
                    continue
                }
                let name = bytes[wordStart..<index]
                if let (value, next) = quotedValue(bytes, at: index + 1) {
                    named.append((name, value))
                    index = next
                } else {
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.endIndex, !ByteClass.isSpace(bytes[index]) { index += 1 }
                    named.append((name, bytes[valueStart..<index]))
                }
            }
        }
        return (positional, named)
    }

    /// The value of the `"…"` (backslash escapes skipped) or `` `…` `` at `start`, unquoted,
    /// and where reading goes on after it; nil when no quote stands there.
    private static func quotedValue(_ bytes: ArraySlice<UInt8>, at start: Int) -> (ArraySlice<UInt8>, Int)? {
        guard start < bytes.endIndex else { return nil }
        let quote = bytes[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") else { return nil }
        var cursor = start + 1
        while cursor < bytes.endIndex, bytes[cursor] != quote {
            cursor += (quote == UInt8(ascii: "\"") && bytes[cursor] == UInt8(ascii: "\\")) ? 2 : 1
        }
        let valueEnd = min(cursor, bytes.endIndex)
        return (bytes[(start + 1)..<valueEnd], min(valueEnd + 1, bytes.endIndex))
    }

    /// The first `}}` preceded by `delimiter` at or after `start`: a memchr for the delimiter.
    private static func firstCloser(_ delimiter: UInt8, in line: ArraySlice<UInt8>, from start: Int) -> Int? {
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = start - line.startIndex
            while offset + 3 <= buffer.count, let found = memchr(base + offset, Int32(delimiter), buffer.count - 2 - offset) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if buffer[at + 1] == UInt8(ascii: "}"), buffer[at + 2] == UInt8(ascii: "}") { return line.startIndex + at }
                offset = at + 1
            }
            return nil
        }
    }
}

/// The shortcode tags of one line, found one at a time as they are asked for.
struct ShortcodeTags: Sequence, IteratorProtocol {
    private let line: ArraySlice<UInt8>
    private var index: Int
    /// The line's code spans, found at the first `{{`.
    private var codeSpans: [Range<Int>]?
    private var nextSpan = 0
    private var closers = ShortcodeTag.CloserSearch()

    init(_ line: ArraySlice<UInt8>) {
        self.line = line
        index = line.startIndex
    }

    mutating func next() -> ShortcodeTag? {
        while let open = ShortcodeTag.nextOpening(in: line, from: index) {
            let spans = codeSpans ?? ShortcodeTag.codeSpans(in: line)
            codeSpans = spans
            while nextSpan < spans.endIndex, spans[nextSpan].upperBound <= open { nextSpan += 1 }
            if nextSpan < spans.endIndex, spans[nextSpan].contains(open) {
                index = spans[nextSpan].upperBound
            } else if let tag = ShortcodeTag.tag(in: line, at: open, closers: &closers) {
                index = tag.end
                return tag
            } else {
                index = open + 2
            }
        }
        index = line.endIndex
        return nil
    }
}

/// A Markdown link `[label](#...)` that names a tab in a tabs group.
struct TabLabelLink {
    var label: String
    /// Byte offsets of the label text (trimmed) inside the brackets.
    var labelRange: Range<Int>
    /// Just past the closing parenthesis.
    var end: Int

    /// The first label link starting at or after `start`, if any. Every `[` before a `]`
    /// pairs with that same `]`, so a failed pairing skips them all: linear in the line.
    static func next(in line: ArraySlice<UInt8>, from start: Int) -> TabLabelLink? {
        var index = start
        while index < line.endIndex {
            guard let open = line[index...].firstIndex(of: UInt8(ascii: "[")) else { return nil }
            guard let close = line[(open + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let target = close + 1
            if target + 1 < line.endIndex, line[target] == UInt8(ascii: "("), line[target + 1] == UInt8(ascii: "#") {
                // No `)` after this target means none after any later one either.
                guard let end = line[target...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
                let label = ByteClass.trimmed(line[(open + 1)..<close])
                return TabLabelLink(label: ByteClass.string(label), labelRange: label.startIndex..<label.endIndex, end: end + 1)
            }
            index = close + 1
        }
        return nil
    }
}
