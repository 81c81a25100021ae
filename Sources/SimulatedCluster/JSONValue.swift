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
        write(to: &output, indent: nil, depth: 0)
        return output
    }

    /// Go's `json.MarshalIndent(value, "", "  ")`: two-space indentation, `"key": value`,
    /// empty arrays and objects as `[]` and `{}`.
    var indented: String {
        var output = ""
        write(to: &output, indent: "  ", depth: 0)
        return output
    }

    private func write(to output: inout String, indent: String?, depth: Int) {
        switch self {
        case .string(let text):
            output += Self.quoted(text)
        case .integer(let number):
            output += String(number)
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .array(let elements):
            writeContainer(
                to: &output, open: "[", close: "]", count: elements.count, indent: indent, depth: depth
            ) { output, index in
                elements[index].write(to: &output, indent: indent, depth: depth + 1)
            }
        case .object(let members):
            writeContainer(
                to: &output, open: "{", close: "}", count: members.count, indent: indent, depth: depth
            ) { output, index in
                output += Self.quoted(members[index].0) + (indent == nil ? ":" : ": ")
                members[index].1.write(to: &output, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        to output: inout String, open: String, close: String, count: Int, indent: String?, depth: Int,
        element: (inout String, Int) -> Void
    ) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: indent, count: depth + 1) }
            element(&output, index)
        }
        if let indent { output += "\n" + String(repeating: indent, count: depth) }
        output += close
    }

    /// A JSON string literal, escaped as Go's encoding/json does (including its HTML-safe
    /// escapes of `<`, `>` and `&`, and of U+2028 and U+2029).
    static func quoted(_ text: String) -> String {
        var output = "\""
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
        return output + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
