/// Writes a JSON document straight into one byte buffer, object keys in the order they are
/// written, without Foundation so that the bytes are exactly the same on every platform.
///
/// Containers are opened and closed explicitly; a member is a `key` followed by one value.
struct JSONWriter {
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

    /// Starts a member of the open object.
    mutating func key(_ name: String) {
        startElement()
        Self.appendQuoted(name, to: &bytes)
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
        bytes.append(contentsOf: String(value).utf8)
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
    static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        defer { output.append(UInt8(ascii: "\"")) }
        let isPlain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) }
            ?? !text.utf8.contains(where: needsEscape)
        if isPlain {
            output.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: #"\""#.utf8)
            case "\\": output.append(contentsOf: #"\\"#.utf8)
            case "\n": output.append(contentsOf: #"\n"#.utf8)
            case "\r": output.append(contentsOf: #"\r"#.utf8)
            case "\t": output.append(contentsOf: #"\t"#.utf8)
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output.append(contentsOf: unicodeEscape(scalar.value).utf8)
            default:
                if scalar.value < 0x20 {
                    output.append(contentsOf: unicodeEscape(scalar.value).utf8)
                } else {
                    UTF8.encode(scalar) { output.append($0) }
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
