/// A JSON value as the reports print it.
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Members in any order: they are printed sorted by key.
    case object([JSONMember])

    /// `.string(text)`, or nothing: an absent optional leaves its key out.
    static func optional(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// `.int(number)`, or nothing.
    static func optional(_ number: Int?) -> JSONValue? { number.map(JSONValue.int) }

    /// An object of the members whose value is present.
    static func members(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { member in member.1.map { JSONMember(key: member.0, value: $0) } })
    }
}

/// A member of a JSON object.
struct JSONMember {
    var key: String
    var value: JSONValue
}

/// Prints JSON byte for byte as Foundation's `JSONEncoder` does with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`: two spaces per level, `"key" : value`, keys in
/// UTF-8 order, an empty container as its brackets around an empty line. Reports print their
/// parts with it one at a time, so a part can be written and dropped before the next is made.
enum PrettyJSON {
    /// Appends `value`, its inner lines indented for nesting `level` deep (its first line is
    /// not indented: the caller has placed it).
    static func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .string(let text):
            writeString(text, into: &out)
        case .int(let number):
            out += String(number)
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .array(let elements):
            out += "[\n"
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ",\n" }
                indent(level + 1, into: &out)
                write(element, level: level + 1, into: &out)
            }
            out += "\n"
            indent(level, into: &out)
            out += "]"
        case .object(let members):
            out += "{\n"
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { out += ",\n" }
                indent(level + 1, into: &out)
                writeString(member.key, into: &out)
                out += " : "
                write(member.value, level: level + 1, into: &out)
            }
            out += "\n"
            indent(level, into: &out)
            out += "}"
        }
    }

    /// Two spaces per level.
    static func indent(_ level: Int, into out: inout String) {
        for _ in 0..<level { out += "  " }
    }

    /// A string in quotes: `"` and `\` escaped, backspace, form feed, newline, return and tab
    /// as their short escapes, other control characters as `\u00XX` (lower-case hex); `/` and
    /// everything from U+007F on as they are.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
                case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
                case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x00..<0x20:
                    bytes += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte / 16), hexDigit(byte % 16)]
                default: bytes.append(byte)
                }
            }
            out += String(decoding: bytes, as: UTF8.self)
        }
        out += "\""
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
