import Diagnostics

/// A fenced block's info string taken apart: ```` ```sh { placeholders="A|B" } ````.
struct InfoString {
    /// One `key="value"` pair; the value's indices are those of the bytes that were parsed.
    struct Attribute {
        var key: String
        var value: ArraySlice<UInt8>
    }

    /// The first word, lowercased; it ends at white space or `{`.
    var language: String
    var attributes: [Attribute]

    init(_ bytes: ArraySlice<UInt8>) {
        let word = Self.firstWord(of: bytes)
        language = String(decoding: bytes[word], as: UTF8.self).lowercased()
        attributes = Self.attributes(in: bytes, after: word.upperBound)
    }

    /// The attributes alone, as `InfoString(bytes).attributes`.
    static func attributes(of bytes: ArraySlice<UInt8>) -> [Attribute] {
        attributes(in: bytes, after: firstWord(of: bytes).upperBound)
    }

    private static func firstWord(of bytes: ArraySlice<UInt8>) -> Range<Int> {
        var index = bytes.startIndex
        while index < bytes.endIndex, ByteClass.isSpace(bytes[index]) { index += 1 }
        let wordStart = index
        while index < bytes.endIndex, !ByteClass.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "{") { index += 1 }
        return wordStart..<index
    }

    /// The attributes between the first `{` at or after `start` and the next `}`.
    private static func attributes(in bytes: ArraySlice<UInt8>, after start: Int) -> [Attribute] {
        guard let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")) else { return [] }
        let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}")) ?? bytes.endIndex
        return attributes(in: bytes[(open + 1)..<close])
    }

    private static func attributes(in bytes: ArraySlice<UInt8>) -> [Attribute] {
        var result: [Attribute] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard ByteClass.isKey(bytes[index]) else {
                index += 1
                continue
            }
            let keyStart = index
            while index < bytes.endIndex, ByteClass.isKey(bytes[index]) { index += 1 }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            var cursor = index
            while cursor < bytes.endIndex, ByteClass.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < bytes.endIndex, ByteClass.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.endIndex else { break }
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = cursor + 1
                let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.endIndex
                result.append(Attribute(key: key, value: bytes[valueStart..<valueEnd]))
                index = min(valueEnd + 1, bytes.endIndex)
            } else {
                let valueStart = cursor
                while cursor < bytes.endIndex, !ByteClass.isSpace(bytes[cursor]) { cursor += 1 }
                result.append(Attribute(key: key, value: bytes[valueStart..<cursor]))
                index = cursor
            }
        }
        return result
    }
}

/// Byte classes used by the small scanners of this target.
/// Backticks or tildes in a row, read byte by byte: three of one kind start a fence.
struct FenceRun {
    private var length = 0
    private var marker: UInt8 = 0

    /// Adds the next byte; true when it is the third backtick or tilde of a run.
    mutating func isComplete(after byte: UInt8) -> Bool {
        if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") {
            length = length > 0 && byte == marker ? length + 1 : 1
            marker = byte
        } else {
            length = 0
        }
        return length >= 3
    }
}

enum ByteClass {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isKey(_ byte: UInt8) -> Bool {
        isName(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// A byte of a YAML name that needs no quoting: an ASCII letter or digit, `-` or `_`.
    static func isName(_ byte: UInt8) -> Bool {
        ASCIIByte.isUpper(byte) || ASCIIByte.isLower(byte) || ASCIIByte.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
