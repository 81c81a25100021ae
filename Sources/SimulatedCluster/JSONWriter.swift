/// Writes a JSON document straight into one string, object keys in the order they are
/// written, without Foundation so that the bytes are exactly the same on every platform.
///
/// Containers are opened and closed explicitly; a member is a `key` followed by one value.
struct JSONWriter {
    /// The document written so far.
    private(set) var text: String
    /// Whether to write Go's `json.MarshalIndent(value, "", "  ")` (two-space indentation,
    /// `"key": value`) rather than compact JSON with no whitespace at all.
    private let isIndented: Bool
    private var depth = 0
    /// Whether the innermost open container has no element yet.
    private var isEmptyContainer = true
    /// Whether a key was just written, so the next value is its member's value.
    private var isAfterKey = false

    init(indented: Bool, capacity: Int) {
        isIndented = indented
        text = ""
        text.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        startValue()
        text += "{"
        open()
    }

    mutating func endObject() {
        close("}")
    }

    mutating func beginArray() {
        startValue()
        text += "["
        open()
    }

    mutating func endArray() {
        close("]")
    }

    /// Starts a member of the open object.
    mutating func key(_ name: String) {
        startElement()
        Self.appendQuoted(name, to: &text)
        text += isIndented ? ": " : ":"
        isAfterKey = true
    }

    mutating func string(_ value: String) {
        startValue()
        Self.appendQuoted(value, to: &text)
    }

    mutating func integer(_ value: Int64) {
        startValue()
        text += String(value)
    }

    /// A member whose value is a string.
    mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// A member whose value is an integer.
    mutating func member(_ name: String, _ value: Int64) {
        key(name)
        integer(value)
    }

    /// Ends the document with a newline, as influxctl prints it.
    mutating func endLine() {
        text += "\n"
    }

    private mutating func open() {
        depth += 1
        isEmptyContainer = true
    }

    private mutating func close(_ bracket: String) {
        depth -= 1
        if !isEmptyContainer { newline() }
        text += bracket
        isEmptyContainer = false
    }

    /// A value is either a member's (after its key), an array element, or the document.
    private mutating func startValue() {
        if isAfterKey {
            isAfterKey = false
        } else if depth > 0 {
            startElement()
        }
    }

    private mutating func startElement() {
        if !isEmptyContainer { text += "," }
        isEmptyContainer = false
        newline()
    }

    private mutating func newline() {
        guard isIndented else { return }
        text += "\n"
        for _ in 0..<depth { text += "  " }
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
        let isPlain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) }
            ?? !text.utf8.contains(where: needsEscape)
        if isPlain {
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
