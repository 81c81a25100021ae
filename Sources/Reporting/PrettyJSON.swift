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
    static func write(_ value: JSONValue, level: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, into: &out)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            out.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            out.append(newline)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: separator) }
                indent(level + 1, into: &out)
                write(element, level: level + 1, into: &out)
            }
            out.append(newline)
            indent(level, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            out.append(newline)
            let inOrder = zip(members, members.dropFirst()).allSatisfy { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let sorted = inOrder ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { out.append(contentsOf: separator) }
                indent(level + 1, into: &out)
                writeString(member.key, into: &out)
                out.append(contentsOf: colon)
                write(member.value, level: level + 1, into: &out)
            }
            out.append(newline)
            indent(level, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let separator: [UInt8] = Array(",\n".utf8)
    private static let colon: [UInt8] = Array(" : ".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    /// Two spaces per level.
    static func indent(_ level: Int, into out: inout [UInt8]) {
        var left = 2 * level
        while left > 0 {
            let count = min(left, spaces.count)
            out.append(contentsOf: spaces[0..<count])
            left -= count
        }
    }

    /// A string in quotes: `"` and `\` escaped, backspace, form feed, newline, return and tab
    /// as their short escapes, other control characters as `\u00XX` (lower-case hex); `/` and
    /// everything from U+007F on as they are.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &out) }
        if done == nil { appendEscaped(Array(text.utf8), to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte / 16), hexDigit(byte % 16)]
            default: out.append(byte)
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
