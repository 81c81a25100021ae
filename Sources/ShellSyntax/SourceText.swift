import Diagnostics

/// A block's lines as one array of Unicode scalars joined by "\n", with the way back from an
/// index to the file position of that scalar. A "\r" ending a line is dropped (CRLF files), so
/// a backslash before CRLF continues the line as one before LF does.
struct SourceText {
    let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]
    private let lineOrigins: [SourcePosition]
    /// The index of the last scalar that is not a space, tab or newline, or -1.
    let lastSignificantIndex: Int
    /// True when every scalar is ASCII, so that a scalar's value is its UTF-8 byte.
    private let isASCII: Bool

    /// `lines` must not be empty. A line whose text holds "\n" is read as several lines, the
    /// later ones starting at column 1 of the following file lines.
    init(lines: [SourceLine]) {
        var scalars: [Unicode.Scalar] = []
        var lineStarts: [Int] = []
        var lineOrigins: [SourcePosition] = []
        var isASCII = true
        scalars.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
        lineStarts.reserveCapacity(lines.count)
        lineOrigins.reserveCapacity(lines.count)
        func endLine() {
            if let start = lineStarts.last, scalars.count > start, scalars.last == "\r" { scalars.removeLast() }
        }
        for line in lines {
            var origin = line.start
            if !lineStarts.isEmpty {
                endLine()
                scalars.append("\n")
            }
            lineStarts.append(scalars.count)
            lineOrigins.append(origin)
            var text = line.text
            let isPlainASCII = text.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\n") }) else { return false }
                for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
                return true
            }
            if isPlainASCII { continue }
            for scalar in line.text.unicodeScalars {
                if scalar == "\n" {
                    endLine()
                    scalars.append("\n")
                    origin = SourcePosition(line: origin.line + 1, column: 1)
                    lineStarts.append(scalars.count)
                    lineOrigins.append(origin)
                } else {
                    if !scalar.isASCII { isASCII = false }
                    scalars.append(scalar)
                }
            }
        }
        endLine()
        self.scalars = scalars
        self.lineStarts = lineStarts
        self.lineOrigins = lineOrigins
        self.isASCII = isASCII
        var last = scalars.count - 1
        while last >= 0, isBlankOrNewline(scalars[last]) { last -= 1 }
        self.lastSignificantIndex = last
    }

    /// The scalars `range` of `text`, each still at its file position: the content of a
    /// command substitution, lexed on its own.
    init(_ text: SourceText, range: Range<Int>) {
        scalars = Array(text.scalars[range])
        var lineStarts = [0]
        var lineOrigins = [text.position(range.lowerBound)]
        for index in range where text.scalars[index] == "\n" && index + 1 < range.upperBound {
            lineStarts.append(index + 1 - range.lowerBound)
            lineOrigins.append(text.position(index + 1))
        }
        self.lineStarts = lineStarts
        self.lineOrigins = lineOrigins
        isASCII = text.isASCII
        var last = scalars.count - 1
        while last >= 0, isBlankOrNewline(scalars[last]) { last -= 1 }
        lastSignificantIndex = last
    }

    var count: Int { scalars.count }
    var lineCount: Int { lineStarts.count }

    /// The scalar at `index`, or nil past the end.
    subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    func lineStart(_ line: Int) -> Int { lineStarts[line] }

    /// The line (0-based, in the block) that holds `index`; a newline belongs to the line it ends.
    func line(containing index: Int) -> Int {
        LineStarts(lineStarts).line(containing: index)
    }

    /// The file position of the scalar at `index`; `count` gives the position after the last one.
    func position(_ index: Int) -> SourcePosition {
        let line = line(containing: index)
        return lineOrigins[line].advanced(by: index - lineStarts[line])
    }

    /// Appends the file positions of the scalars in `range`, one line at a time.
    func appendPositions(of range: Range<Int>, to positions: inout ScalarPositions) {
        guard !range.isEmpty else { return }
        var line = line(containing: range.lowerBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] : scalars.count
            let runEnd = min(range.upperBound, lineEnd)
            let origin = lineOrigins[line]
            let lineStart = lineStarts[line]
            positions.append(runFrom: origin.advanced(by: index - lineStart), count: runEnd - index)
            index = runEnd
            line += 1
        }
    }

    /// The file range of the scalars `start..<end`.
    func range(_ start: Int, _ end: Int) -> SourceRange {
        if end <= start { return SourceRange(start: position(start), length: 0) }
        return SourceRange(start: position(start), end: position(end - 1).advanced(by: 1))
    }

    /// True when the text holds exactly `expected` from `start` on.
    func spells(_ expected: String, at start: Int) -> Bool {
        guard start >= 0 else { return false }
        var expected = expected
        return scalars.withUnsafeBufferPointer { scalars in
            let asciiResult = expected.withUTF8 { utf8 -> Bool? in
                guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard start + utf8.count <= scalars.count else { return false }
                for offset in utf8.indices where scalars[start + offset].value != UInt32(utf8[offset]) { return false }
                return true
            }
            if let asciiResult { return asciiResult }
            var index = start
            for scalar in expected.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { return false }
                index += 1
            }
            return true
        }
    }

    /// The scalars `start..<end` as a string.
    func string(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        guard isASCII else { return String(scalars: scalars[start..<end]) }
        return scalars.withUnsafeBufferPointer { scalars in
            String(unsafeUninitializedCapacity: end - start) { utf8 in
                for offset in 0..<(end - start) { utf8[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
                return end - start
            }
        }
    }
}

func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

func isBlankOrNewline(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" }

func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
}

func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool { isNameStart(scalar) || isDigit(scalar) }

func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

/// Scalars that end an unquoted word: blanks, newline and the operator characters.
func endsWord(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">": true
    default: false
    }
}

extension String {
    /// The string of these scalars, encoded straight into the string's storage.
    init(scalars: some Collection<Unicode.Scalar>) {
        var length = 0
        for scalar in scalars {
            let value = scalar.value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: length) { utf8 in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    utf8[index] = UInt8(value)
                    index += 1
                case 0x80..<0x800:
                    utf8[index] = UInt8(0xC0 | value >> 6)
                    utf8[index + 1] = UInt8(0x80 | value & 0x3F)
                    index += 2
                case 0x800..<0x10000:
                    utf8[index] = UInt8(0xE0 | value >> 12)
                    utf8[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    utf8[index + 2] = UInt8(0x80 | value & 0x3F)
                    index += 3
                default:
                    utf8[index] = UInt8(0xF0 | value >> 18)
                    utf8[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    utf8[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    utf8[index + 3] = UInt8(0x80 | value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }
}
