/// A JSON document with object keys in a fixed order, written without Foundation so that
/// the bytes are exactly the same on every platform.
enum JSONValue: Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([(String, JSONValue)])

    /// No whitespace at all: `{"code":404,"message":"not found"}`.
    var compact: String {
        var output = ""
        output.reserveCapacity(512)
        write(to: &output, indent: nil, depth: 0)
        return output
    }

    /// Go's `json.MarshalIndent(value, "", "  ")`: two-space indentation, `"key": value`,
    /// empty arrays and objects as `[]` and `{}`.
    var indented: String {
        var output = ""
        output.reserveCapacity(1024)
        write(to: &output, indent: "  ", depth: 0)
        return output
    }

    private func write(to output: inout String, indent: String?, depth: Int) {
        switch self {
        case .string(let text):
            Self.appendQuoted(text, to: &output)
        case .integer(let number):
            output += String(number)
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                Self.startElement(index, to: &output, indent: indent, depth: depth + 1)
                element.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.close("]", isEmpty: elements.isEmpty, to: &output, indent: indent, depth: depth)
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                Self.startElement(index, to: &output, indent: indent, depth: depth + 1)
                Self.appendQuoted(key, to: &output)
                output += indent == nil ? ":" : ": "
                value.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.close("}", isEmpty: members.isEmpty, to: &output, indent: indent, depth: depth)
        }
    }

    private static func startElement(_ index: Int, to output: inout String, indent: String?, depth: Int) {
        if index > 0 { output += "," }
        newline(to: &output, indent: indent, depth: depth)
    }

    private static func close(_ bracket: String, isEmpty: Bool, to output: inout String, indent: String?, depth: Int) {
        if !isEmpty { newline(to: &output, indent: indent, depth: depth) }
        output += bracket
    }

    private static func newline(to output: inout String, indent: String?, depth: Int) {
        guard let indent else { return }
        output += "\n"
        for _ in 0..<depth { output += indent }
    }

    /// A JSON string literal, escaped as Go's encoding/json does (including its HTML-safe
    /// escapes of `<`, `>` and `&`, and of U+2028 and U+2029).
    static func quoted(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        defer { output += "\"" }
        if !text.utf8.contains(where: needsEscape) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    output += unicodeEscape(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// Whether a UTF-8 byte starts something `quoted` writes escaped: a control character,
    /// a quote, a backslash, `<`, `>`, `&`, or the lead byte of U+2028 and U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2: true
        default: false
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
