/// Writes a JSON document straight into one byte buffer, object keys in the order they are
/// written, without Foundation so that the bytes are exactly the same on every platform.
///
/// Containers are opened and closed explicitly; a member is a `key` followed by one value.
public struct JSONWriter {
    /// The UTF-8 of the document written so far.
    private var bytes: [UInt8] = []
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
        bytes.reserveCapacity(capacity)
    }

    /// The document written so far.
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the open object; `name` must need no escaping.
    mutating func key(_ name: StaticString) {
        startElement()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(literal: name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if isIndented { bytes.append(UInt8(ascii: " ")) }
        isAfterKey = true
    }

    mutating func string(_ value: String) {
        startValue()
        Self.appendQuoted(value, to: &bytes)
    }

    mutating func integer(_ value: Int64) {
        startValue()
        bytes.append(utf8: String(value))
    }

    /// A member whose value is a string.
    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// A member whose string value needs no escaping (a token ID, a timestamp, an action),
    /// written without scanning it.
    mutating func member(_ name: StaticString, verbatim value: String) {
        key(name)
        startValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(utf8: value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A member whose value is an integer.
    mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        integer(value)
    }

    /// Ends the document with a newline, as influxctl prints it.
    mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func open() {
        depth += 1
        isEmptyContainer = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmptyContainer { newline() }
        bytes.append(bracket)
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
        if !isEmptyContainer { bytes.append(UInt8(ascii: ",")) }
        isEmptyContainer = false
        newline()
    }

    private mutating func newline() {
        guard isIndented else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(run: ByteRun.spaces, count: 2 * depth)
    }

    /// A JSON string literal, escaped as Go's encoding/json does (including its HTML-safe
    /// escapes of `<`, `>` and `&`, and of U+2028 and U+2029).
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let isCopied = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsEscape(byte) { return false }
            output.append(contentsOf: bytes)
            return true
        } ?? false
        if !isCopied { appendEscaped(text, to: &output) }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(literal: #"\""#)
            case "\\": output.append(literal: #"\\"#)
            case "\n": output.append(literal: #"\n"#)
            case "\r": output.append(literal: #"\r"#)
            case "\t": output.append(literal: #"\t"#)
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output.append(utf8: unicodeEscape(scalar.value))
            default:
                if scalar.value < 0x20 {
                    output.append(utf8: unicodeEscape(scalar.value))
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
    }

    /// Of the bytes below 0x40, those `needsEscape` is true for: controls, `"`, `&`, `<`, `>`.
    private static let escapedBelow0x40: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// Whether a UTF-8 byte starts something `quoted` writes escaped: a control character,
    /// a quote, a backslash, `<`, `>`, `&`, or the lead byte of U+2028 and U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x40 ? escapedBelow0x40 >> byte & 1 == 1 : byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
