/// A minimal line protocol check for the simulated write endpoint: each line needs a
/// measurement, optional `key=value` tags, at least one `key=value` field with a valid
/// value, and may end with an integer timestamp. Blank lines and `#` comments are skipped.
enum LineProtocol {
    /// Why `text` is not acceptable line protocol, or nil if it is.
    static func problem(in text: String) -> String? {
        var dataLines = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8).trimmingWhitespace()
            if bytes.isEmpty || bytes.first == UInt8(ascii: "#") { continue }
            dataLines += 1
            var scanner = LineScanner(bytes: bytes)
            if let problem = scanner.validate() {
                return "unable to parse line \(offset + 1): \(problem)"
            }
        }
        return dataLines == 0 ? "no line protocol data to write" : nil
    }
}

private extension Array where Element == UInt8 {
    func trimmingWhitespace() -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return Array(self[first...last])
    }
}

private struct LineScanner {
    let bytes: [UInt8]
    var index = 0

    private static let space = UInt8(ascii: " ")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func validate() -> String? {
        let measurement = readToken(stoppingAt: [Self.comma, Self.space])
        guard !measurement.isEmpty else { return "missing measurement" }
        if current == Self.comma {
            index += 1
            if let problem = readPairs(isFieldSet: false) { return problem }
        }
        guard current == Self.space else { return "missing fields" }
        skipSpaces()
        guard index < bytes.count else { return "missing fields" }
        if let problem = readPairs(isFieldSet: true) { return problem }
        skipSpaces()
        guard index < bytes.count else { return nil }
        let timestamp = Array(bytes[index...])
        let digits = timestamp.first == UInt8(ascii: "-") ? Array(timestamp.dropFirst()) : timestamp
        guard !digits.isEmpty, digits.allSatisfy(Self.isDigit) else {
            return "invalid timestamp \"\(String(decoding: timestamp, as: UTF8.self))\""
        }
        return nil
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads `key=value` pairs separated by commas, up to a space or the end of the line.
    private mutating func readPairs(isFieldSet: Bool) -> String? {
        let kind = isFieldSet ? "field" : "tag"
        while true {
            let key = readToken(stoppingAt: [Self.equals, Self.comma, Self.space])
            guard !key.isEmpty else { return "missing \(kind) key" }
            guard current == Self.equals else { return "missing \(kind) value for \"\(key)\"" }
            index += 1
            if isFieldSet {
                if let problem = readFieldValue(key: key) { return problem }
            } else {
                let value = readToken(stoppingAt: [Self.comma, Self.space])
                guard !value.isEmpty else { return "missing tag value for \"\(key)\"" }
            }
            guard current == Self.comma else { return nil }
            index += 1
        }
    }

    private mutating func readFieldValue(key: String) -> String? {
        if current == Self.quote {
            index += 1
            while let byte = current, byte != Self.quote {
                index += byte == Self.backslash ? 2 : 1
            }
            guard current == Self.quote else { return "unterminated string value for field \"\(key)\"" }
            index += 1
            guard current == nil || current == Self.comma || current == Self.space else {
                return "unexpected text after the string value of field \"\(key)\""
            }
            return nil
        }
        let value = readToken(stoppingAt: [Self.comma, Self.space])
        guard !value.isEmpty else { return "missing field value for \"\(key)\"" }
        guard Self.isValidScalar(Array(value.utf8)) else { return "invalid value \"\(value)\" for field \"\(key)\"" }
        return nil
    }

    /// Reads up to an unescaped stop byte; a backslash escapes the byte after it.
    private mutating func readToken(stoppingAt stops: [UInt8]) -> String {
        let start = index
        while let byte = current, !stops.contains(byte) {
            index += byte == Self.backslash && index + 1 < bytes.count ? 2 : 1
        }
        return String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while current == Self.space { index += 1 }
    }

    private static let booleans: Set<String> = ["t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"]

    /// Booleans, integers (`12i`), unsigned integers (`12u`) and floats (`1.5`, `-2e3`).
    private static func isValidScalar(_ value: [UInt8]) -> Bool {
        if booleans.contains(String(decoding: value, as: UTF8.self)) { return true }
        if value.last == UInt8(ascii: "i") { return isInteger(value.dropLast(), signed: true) }
        if value.last == UInt8(ascii: "u") { return isInteger(value.dropLast(), signed: false) }
        return isFloat(value)
    }

    private static func isInteger(_ value: ArraySlice<UInt8>, signed: Bool) -> Bool {
        let digits = signed && value.first == UInt8(ascii: "-") ? value.dropFirst() : value
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    private static func isFloat(_ value: [UInt8]) -> Bool {
        var rest = value[...]
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var mantissa = rest
        var exponent: ArraySlice<UInt8>?
        if let marker = rest.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = rest[..<marker]
            var digits = rest[rest.index(after: marker)...]
            if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            exponent = digits
        }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }),
              parts.allSatisfy({ $0.allSatisfy(isDigit) })
        else { return false }
        if let exponent { return !exponent.isEmpty && exponent.allSatisfy(isDigit) }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
