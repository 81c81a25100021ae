import Diagnostics
import ShellSyntax

/// One piece of a shell word's value: a scalar with the file position it came from, or a
/// value only a running shell knows (`$(date ...)`, an unset `$VAR`), kept as an index into
/// its text's `unknownSources` so that elements are plain values that copy without retains.
enum ShellElement: Sendable {
    case scalar(Unicode.Scalar, SourcePosition)
    case unknown(sourceIndex: Int, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .scalar(_, let position): SourceRange(start: position, length: 1)
        case .unknown(_, let range): range
        }
    }

    var scalar: Unicode.Scalar? {
        if case .scalar(let scalar, _) = self { scalar } else { nil }
    }

    var isUnknown: Bool {
        if case .unknown = self { true } else { false }
    }

    func `is`(_ expected: Unicode.Scalar) -> Bool { scalar == expected }
}

/// A word's value as positioned elements, with helpers to cut it into pieces (a header's name
/// and value, a URL's path segments) that still know where each scalar stands.
struct ShellText: Sendable {
    var elements: [ShellElement]
    /// The spelling of each unknown element, indexed by its `sourceIndex`.
    var unknownSources: [String]

    init(_ elements: [ShellElement], unknownSources: [String] = []) {
        self.elements = elements
        self.unknownSources = unknownSources
    }

    init(_ word: Word) {
        var unknownSources: [String] = []
        let capacity = word.parts.reduce(0) { count, part in
            if case .literal(_, let positions) = part { count + positions.count } else { count + 1 }
        }
        elements = Array(unsafeUninitializedCapacity: capacity) { buffer, count in
            func append(_ element: ShellElement) {
                buffer.initializeElement(at: count, to: element)
                count += 1
            }
            for part in word.parts {
                switch part {
                case .literal(var text, let positions):
                    let isASCII = text.withUTF8 { bytes in
                        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                        positions.forEachRun { offset, start, runCount in
                            guard offset < bytes.count else { return }
                            var position = start
                            for byte in bytes[offset..<min(offset + runCount, bytes.count)] {
                                buffer.initializeElement(at: count, to: .scalar(Unicode.Scalar(byte), position))
                                count += 1
                                position.column += 1
                            }
                        }
                        return true
                    }
                    if isASCII { continue }
                    for (scalar, position) in zip(text.unicodeScalars, positions) {
                        append(.scalar(scalar, position))
                    }
                case .unknown(let source, let range):
                    append(.unknown(sourceIndex: unknownSources.count, range: range))
                    unknownSources.append(source)
                }
            }
        }
        self.unknownSources = unknownSources
    }

    /// The first element of the word's text when it is a literal scalar (nil when it is a
    /// shell value or the text is empty), found without building the text.
    static func firstScalar(of word: Word) -> Unicode.Scalar? {
        for part in word.parts {
            switch part {
            case .literal(let text, let positions):
                guard let scalar = text.unicodeScalars.first, !positions.isEmpty else { continue }
                return scalar
            case .unknown:
                return nil
            }
        }
        return nil
    }

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }
    var hasUnknownParts: Bool { elements.contains(where: \.isUnknown) }

    /// The text with unknown parts spelt as written.
    var display: String { display(elements.indices) }

    /// The text of the elements `bounds`, with unknown parts spelt as written.
    func display(_ bounds: Range<Int>) -> String {
        var length = 0
        for element in elements[bounds] {
            switch element {
            case .scalar(let scalar, _): length += UTF8.width(scalar)
            case .unknown(let sourceIndex, _): length += unknownSources[sourceIndex].utf8.count
            }
        }
        return String(unsafeUninitializedCapacity: length) { utf8 in
            var index = 0
            for element in elements[bounds] {
                switch element {
                case .scalar(let scalar, _) where scalar.isASCII:
                    utf8[index] = UInt8(truncatingIfNeeded: scalar.value)
                    index += 1
                case .scalar(let scalar, _):
                    UTF8.encode(scalar) { byte in
                        utf8[index] = byte
                        index += 1
                    }
                case .unknown(let sourceIndex, _):
                    for byte in unknownSources[sourceIndex].utf8 {
                        utf8[index] = byte
                        index += 1
                    }
                }
            }
            return index
        }
    }

    /// The text when every element is a literal scalar.
    var literal: String? { hasUnknownParts ? nil : display }

    /// From the first element's start to the last one's end; nil when empty.
    var range: SourceRange? {
        guard let first = elements.first, let last = elements.last else { return nil }
        return SourceRange(start: first.range.start, end: last.range.end)
    }

    subscript(bounds: Range<Int>) -> ShellText { ShellText(Array(elements[bounds]), unknownSources: unknownSources) }

    func dropFirst(_ count: Int) -> ShellText { ShellText(Array(elements.dropFirst(count)), unknownSources: unknownSources) }

    /// The index of the first literal `scalar`, if any.
    func firstIndex(of scalar: Unicode.Scalar) -> Int? {
        elements.firstIndex { $0.is(scalar) }
    }

    func hasPrefix(_ prefix: String) -> Bool {
        var offset = 0
        for expected in prefix.unicodeScalars {
            guard offset < elements.count, elements[offset].is(expected) else { return false }
            offset += 1
        }
        return true
    }

    /// Pieces between literal occurrences of `separator` (kept empty pieces included).
    func split(separator: Unicode.Scalar) -> [ShellText] {
        var pieces: [ShellText] = []
        var current: [ShellElement] = []
        for element in elements {
            if element.is(separator) {
                pieces.append(ShellText(current, unknownSources: unknownSources))
                current = []
            } else {
                current.append(element)
            }
        }
        pieces.append(ShellText(current, unknownSources: unknownSources))
        return pieces
    }

    /// The text without leading and trailing blanks (space, tab, newline, carriage return).
    var trimmed: ShellText { self[trimmed(elements.indices)] }

    /// `bounds` without the blank elements at either end.
    func trimmed(_ bounds: Range<Int>) -> Range<Int> {
        var lower = bounds.lowerBound
        var upper = bounds.upperBound
        while lower < upper, elements[lower].scalar.map(isBlankOrNewline) ?? false { lower += 1 }
        while upper > lower, elements[upper - 1].scalar.map(isBlankOrNewline) ?? false { upper -= 1 }
        return lower..<upper
    }

    /// The text without literal line feeds and carriage returns, as `curl -d @file` sends a file.
    var withoutLineBreaks: ShellText {
        ShellText(elements.filter { !($0.is("\n") || $0.is("\r")) }, unknownSources: unknownSources)
    }

    /// A word for this piece of `original`: its value is this text, its range runs from the
    /// first element to the end of the original word, and its raw text is the value as spelt.
    func word(endingLike original: Word) -> Word {
        var parts: [WordPart] = []
        var text = ""
        var positions = ScalarPositions()
        func flush() {
            if !text.isEmpty { parts.append(.literal(text, positions: positions)) }
            text = ""
            positions = ScalarPositions()
        }
        for element in elements {
            switch element {
            case .scalar(let scalar, let position):
                text.unicodeScalars.append(scalar)
                positions.append(position)
            case .unknown(let sourceIndex, let range):
                flush()
                parts.append(.unknown(source: unknownSources[sourceIndex], range: range))
            }
        }
        flush()
        let start = elements.first?.range.start ?? original.range.end
        return Word(raw: display, range: SourceRange(start: start, end: original.range.end), parts: parts)
    }
}

func isBlankOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
}
