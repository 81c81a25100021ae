/// A minimal line protocol check for the simulated write endpoint: each line needs a
/// measurement, optional `key=value` tags, at least one `key=value` field with a valid
/// value, and may end with an integer timestamp. Blank lines and `#` comments are skipped.
enum LineProtocol {
    /// Why `text` is not acceptable line protocol, or nil if it is.
    ///
    /// Works on the UTF-8 bytes without copying them; text is made only for a message.
    static func problem(in text: String) -> String? {
        var text = text
        return text.withUTF8(problem(in:))
    }

    private static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var dataLines = 0
        var lineNumber = 1
        var lineStart = 0
        var position = 0
        while position <= bytes.count {
            // A line ends at a line feed, except one after a carriage return: `\r\n` is one
            // Character, not the `\n` lines are split on.
            let endsLine = position == bytes.count
                || (bytes[position] == UInt8(ascii: "\n") && (position == 0 || bytes[position - 1] != UInt8(ascii: "\r")))
            guard endsLine else {
                position += 1
                continue
            }
            if let line = trimmedRange(lineStart..<position, of: bytes), bytes[line.lowerBound] != UInt8(ascii: "#") {
                dataLines += 1
                var scanner = LineScanner(bytes: bytes, line: line)
                if let problem = scanner.validate() {
                    return "unable to parse line \(lineNumber): \(problem)"
                }
            }
            lineNumber += 1
            position += 1
            lineStart = position
        }
        return dataLines == 0 ? "no line protocol data to write" : nil
    }

    /// `range` without leading and trailing spaces, tabs and carriage returns; nil if that
    /// leaves nothing.
    private static func trimmedRange(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

/// Reads one trimmed line of `bytes` (the bytes in `index..<end`).
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var index: Int

    private static let space = UInt8(ascii: " ")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    init(bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) {
        self.bytes = bytes
        self.index = line.lowerBound
        self.end = line.upperBound
    }

    mutating func validate() -> String? {
        let measurement = readToken(stoppingAt: Self.comma, Self.space)
        guard !measurement.isEmpty else { return "missing measurement" }
        if current == Self.comma {
            index += 1
            if let problem = readPairs(isFieldSet: false) { return problem }
        }
        guard current == Self.space else { return "missing fields" }
        skipSpaces()
        guard index < end else { return "missing fields" }
        if let problem = readPairs(isFieldSet: true) { return problem }
        skipSpaces()
        guard index < end else { return nil }
        let timestamp = index..<end
        let digits = bytes[index] == UInt8(ascii: "-") ? index + 1..<end : timestamp
        guard !digits.isEmpty, bytes[digits].allSatisfy(Self.isDigit) else {
            return "invalid timestamp \"\(text(timestamp))\""
        }
        return nil
    }

    private var current: UInt8? { index < end ? bytes[index] : nil }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Reads `key=value` pairs separated by commas, up to a space or the end of the line.
    private mutating func readPairs(isFieldSet: Bool) -> String? {
        let kind = isFieldSet ? "field" : "tag"
        while true {
            let key = readToken(stoppingAt: Self.equals, Self.comma, Self.space)
            guard !key.isEmpty else { return "missing \(kind) key" }
            guard current == Self.equals else { return "missing \(kind) value for \"\(text(key))\"" }
            index += 1
            if isFieldSet {
                if let problem = readFieldValue(key: key) { return problem }
            } else {
                let value = readToken(stoppingAt: Self.comma, Self.space)
                guard !value.isEmpty else { return "missing tag value for \"\(text(key))\"" }
            }
            guard current == Self.comma else { return nil }
            index += 1
        }
    }

    private mutating func readFieldValue(key: Range<Int>) -> String? {
        if current == Self.quote {
            index += 1
            while let byte = current, byte != Self.quote {
                index += byte == Self.backslash ? 2 : 1
            }
            guard current == Self.quote else { return "unterminated string value for field \"\(text(key))\"" }
            index += 1
            guard current == nil || current == Self.comma || current == Self.space else {
                return "unexpected text after the string value of field \"\(text(key))\""
            }
            return nil
        }
        let value = readToken(stoppingAt: Self.comma, Self.space)
        guard !value.isEmpty else { return "missing field value for \"\(text(key))\"" }
        guard Self.isValidScalar(bytes[value]) else { return "invalid value \"\(text(value))\" for field \"\(text(key))\"" }
        return nil
    }

    /// Reads up to an unescaped stop byte; a backslash escapes the byte after it. The stop
    /// bytes are `first`, `second` and, when given, `third`.
    private mutating func readToken(stoppingAt first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Range<Int> {
        let start = index
        while let byte = current, byte != first, byte != second, byte != third {
            index += byte == Self.backslash && index + 1 < end ? 2 : 1
        }
        return start..<min(index, end)
    }

    private mutating func skipSpaces() {
        while current == Self.space { index += 1 }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static let booleans: [[UInt8]] = ["t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"].map { Array($0.utf8) }

    /// Booleans, integers (`12i`), unsigned integers (`12u`) and floats (`1.5`, `-2e3`).
    private static func isValidScalar(_ value: Bytes) -> Bool {
        if booleans.contains(where: { $0.elementsEqual(value) }) { return true }
        if value.last == UInt8(ascii: "i") { return isInteger(value.dropLast(), signed: true) }
        if value.last == UInt8(ascii: "u") { return isInteger(value.dropLast(), signed: false) }
        return isFloat(value)
    }

    private static func isInteger(_ value: Bytes, signed: Bool) -> Bool {
        let digits = signed && value.first == UInt8(ascii: "-") ? value.dropFirst() : value
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// An optional sign, digits with at most one decimal point (at least one digit), and an
    /// optional exponent: `e` or `E`, an optional sign and at least one digit.
    private static func isFloat(_ value: Bytes) -> Bool {
        var rest = value
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var mantissa = rest
        var exponent: Bytes?
        if let marker = rest.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = rest[..<marker]
            var digits = rest[rest.index(after: marker)...]
            if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            exponent = digits
        }
        var points = 0
        var hasDigit = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                points += 1
            } else if isDigit(byte) {
                hasDigit = true
            } else {
                return false
            }
        }
        guard points <= 1, hasDigit else { return false }
        if let exponent { return !exponent.isEmpty && exponent.allSatisfy(isDigit) }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
