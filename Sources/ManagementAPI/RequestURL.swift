import Diagnostics
import ShellSyntax

/// A URL word cut into authority, path segments and query parameters, each piece keeping the
/// file position of its characters.
struct RequestURL {
    /// One path segment: its text and where it starts among the URL's elements.
    struct Segment {
        var text: ShellText
        var elementOffset: Int
    }

    var word: Word
    var elements: ShellText
    /// The host part (with port and credentials); may hold shell values such as `$INFLUX_HOST`.
    var authority: ShellText
    /// The path segments; a single trailing `/` is ignored.
    var segments: [Segment]
    var query: [QueryParameter]

    init(_ word: Word) {
        self.word = word
        let text = ShellText(word)
        elements = text
        let withoutFragment = text.firstIndex(of: "#").map { text[0..<$0] } ?? text
        var offset = 0
        if let schemeEnd = Self.schemeLength(of: withoutFragment) { offset = schemeEnd }
        var authorityEnd = offset
        while authorityEnd < withoutFragment.count, !(withoutFragment.elements[authorityEnd].is("/") || withoutFragment.elements[authorityEnd].is("?")) {
            authorityEnd += 1
        }
        authority = withoutFragment[offset..<authorityEnd]
        var pathEnd = authorityEnd
        while pathEnd < withoutFragment.count, !withoutFragment.elements[pathEnd].is("?") { pathEnd += 1 }
        var segments: [Segment] = []
        if authorityEnd < pathEnd {
            var start = authorityEnd + 1
            for index in start...pathEnd where index == pathEnd || withoutFragment.elements[index].is("/") {
                segments.append(Segment(text: withoutFragment[start..<index], elementOffset: start))
                start = index + 1
            }
        }
        if segments.count > 1, segments.last?.text.isEmpty == true { segments.removeLast() }
        self.segments = segments
        query = pathEnd < withoutFragment.count
            ? QueryParameter.parse(withoutFragment.dropFirst(pathEnd + 1))
            : []
    }

    /// The port the authority spells out (`8086` in `http://localhost:8086`), if it spells one.
    var explicitPort: Int? {
        let display = authority.display
        guard let colon = display.lastIndex(of: ":") else { return nil }
        let digits = display[display.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// The length of `http://` or `https://` at the start, if there.
    private static func schemeLength(of text: ShellText) -> Int? {
        for scheme in ["https://", "http://", "HTTPS://", "HTTP://"] where text.hasPrefix(scheme) {
            return scheme.unicodeScalars.count
        }
        return nil
    }

    /// The path segments' texts as written.
    var segmentTexts: [String] { segments.map(\.text.display) }

    /// The URL as written with one path segment replaced, for suggestions.
    func replacingSegment(_ index: Int, with replacement: String) -> String {
        let segment = segments[index]
        let before = elements[0..<segment.elementOffset].display
        let after = elements.dropFirst(segment.elementOffset + segment.text.count).display
        return before + replacement + after
    }

    /// The URL with one misspelt literal segment (at `start` or after) corrected, when that
    /// makes it fit one of `paths`: each a path's segments from `start` on, nil standing for a
    /// parameter. Nil when no single correction of at most two edits does.
    func correctingOneSegment(from start: Int, toFit paths: [[String?]]) -> String? {
        let tail = segments[start...].map(\.text)
        for path in paths where path.count == tail.count {
            var correction: (index: Int, text: String)?
            var fits = true
            for (index, (expected, segment)) in zip(path, tail).enumerated() {
                guard let expected, segment.literal != expected, !segment.hasUnknownParts else { continue }
                if correction == nil, let written = segment.literal, ValueRules.editDistance(written.lowercased(), expected) <= 2 {
                    correction = (index, expected)
                } else {
                    fits = false
                }
            }
            if fits, let correction { return replacingSegment(start + correction.index, with: correction.text) }
        }
        return nil
    }
}

/// A `name=value` pair of a query string or of form data.
struct QueryParameter {
    var name: String
    var value: ShellText
    /// Where the value stands; empty just after `=` when the value is empty.
    var valueRange: SourceRange

    /// Splits `a=1&b=2`; pieces without `=` are skipped.
    static func parse(_ text: ShellText) -> [QueryParameter] {
        var parameters: [QueryParameter] = []
        for piece in text.split(separator: "&") {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let value = piece.dropFirst(equals + 1)
            let afterEquals = SourceRange(start: piece.elements[equals].range.end, length: 0)
            parameters.append(QueryParameter(name: piece[0..<equals].display, value: value, valueRange: value.range ?? afterEquals))
        }
        return parameters
    }

    var apiValue: APIValue {
        APIValue(text: value.display, range: valueRange, isUnknown: value.hasUnknownParts)
    }
}
