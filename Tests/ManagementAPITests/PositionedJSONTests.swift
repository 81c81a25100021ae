import Diagnostics
import ManagementAPI
import ShellSyntax
import Testing

/// A compact spelling of a JSON value: `{k:v}`, `[a,b]`, `"text"` (`"text"?` with unknown
/// parts), numbers and literals as written, `?source` for a shell value.
private func spelled(_ json: PositionedJSON) -> String {
    switch json.value {
    case .object(let members): "{" + members.map { "\($0.key):\(spelled($0.value))" }.joined(separator: ",") + "}"
    case .array(let items): "[" + items.map(spelled).joined(separator: ",") + "]"
    case .string(let text, let hasUnknownParts): "\"\(text)\"" + (hasUnknownParts ? "?" : "")
    case .number(let text): text
    case .bool(let value): "\(value)"
    case .null: "null"
    case .unknown(let source): "?" + source
    }
}

struct JSONCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: String
    var testDescription: String { text }
}

struct JSONErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var message: String
    var position: String
    var testDescription: String { text }
}

private let validCases: [JSONCase] = [
    JSONCase(text: #"{"a": 1, "b": [true, false, null], "c": {}}"#, expected: #"{a:1,b:[true,false,null],c:{}}"#),
    JSONCase(text: #" [ -0.5e+3 , 0 , 12E-2 ] "#, expected: "[-0.5e+3,0,12E-2]"),
    JSONCase(text: #""tab\tquote\" slash\/ \u00e9 \ud83d\ude00""#, expected: "\"tab\tquote\" slash/ é 😀\""),
    JSONCase(text: "[]", expected: "[]"),
    JSONCase(text: "\"\"", expected: "\"\""),
    JSONCase(text: "{\r\n\t\"k\" :\n\"v\"\r\n}", expected: "{k:\"v\"}"),
]

private let invalidCases: [JSONErrorCase] = [
    JSONErrorCase(text: "", message: "the body is empty", position: "1:1"),
    JSONErrorCase(text: "   ", message: "the body is empty", position: "1:1"),
    JSONErrorCase(text: #"{"a": 1,}"#, message: "trailing comma", position: "1:8"),
    JSONErrorCase(text: "[1, 2,]", message: "trailing comma", position: "1:6"),
    JSONErrorCase(text: "{\n  \"a\": [1,\n  ]\n}", message: "trailing comma", position: "2:10"),
    JSONErrorCase(text: #"{"a" 1}"#, message: "expected `:` after the field name \"a\", found `1`", position: "1:6"),
    JSONErrorCase(text: #"{"a": tru}"#, message: "`tru` is cut short; expected `true`", position: "1:10"),
    JSONErrorCase(text: #"{"a": nulL}"#, message: "expected `null`, found `L`", position: "1:10"),
    JSONErrorCase(text: #"{"a": truest}"#, message: "unexpected `s` after `true`", position: "1:11"),
    JSONErrorCase(text: #"{"a": True}"#, message: "JSON spells it `true`", position: "1:7"),
    JSONErrorCase(text: #"{'a': 1}"#, message: "JSON strings take double quotes", position: "1:2"),
    JSONErrorCase(text: #"{\"a\": 1}"#, message: "a backslash stays in the text", position: "1:2"),
    JSONErrorCase(text: #"{"a": 01}"#, message: "leading zero", position: "1:8"),
    JSONErrorCase(text: #"{"a": 1.}"#, message: "a digit must follow `.`", position: "1:9"),
    JSONErrorCase(text: #"{"a": -}"#, message: "a digit must follow `-`", position: "1:8"),
    JSONErrorCase(text: #"{"a": 1e}"#, message: "a digit must follow the exponent", position: "1:9"),
    JSONErrorCase(text: #"{"a": 12x}"#, message: "unexpected `x` in the number `12x`", position: "1:9"),
    JSONErrorCase(text: #"{"a": "x\qy"}"#, message: "`\\q` is not a JSON escape", position: "1:10"),
    JSONErrorCase(text: #"{"a": "\u12G4"}"#, message: "four hexadecimal digits", position: "1:12"),
    JSONErrorCase(text: "{\"a\": \"two\nlines\"}", message: "a line break cannot stand inside a JSON string", position: "1:11"),
    JSONErrorCase(text: #"{"a": 1"#, message: "`{` is never closed", position: "1:1"),
    JSONErrorCase(text: #"["abc"#, message: "the string is never closed", position: "1:2"),
    JSONErrorCase(text: #"{"a": 1} x"#, message: "unexpected `x` after the end of the JSON value", position: "1:10"),
    JSONErrorCase(text: #"{"a": 1 "b": 2}"#, message: "expected `,` or `}` after the value of \"a\", found `\"`", position: "1:9"),
    JSONErrorCase(text: "[1 2]", message: "expected `,` or `]` after an array element", position: "1:4"),
    JSONErrorCase(text: #"{"a":}"#, message: "the field \"a\" has no value", position: "1:6"),
    JSONErrorCase(text: "[,1]", message: "expected a value, found `,`", position: "1:2"),
    JSONErrorCase(text: "{,}", message: "expected a field name in double quotes", position: "1:2"),
    JSONErrorCase(text: #"{"é": x}"#, message: "expected a value, found `x`", position: "1:7"),
]

@Suite("Positioned JSON")
struct PositionedJSONTests {
    @Test("valid JSON reads into values", arguments: validCases)
    func valid(_ example: JSONCase) throws {
        let json = try PositionedJSON.parse(example.text).get()
        #expect(spelled(json) == example.expected)
    }

    @Test("invalid JSON is reported at the offending character", arguments: invalidCases)
    func invalid(_ example: JSONErrorCase) {
        guard case .failure(let error) = PositionedJSON.parse(example.text) else {
            Issue.record("\(example.text) parsed")
            return
        }
        #expect(error.message.contains(example.message), "\(error.message)")
        #expect(error.range.start.description == example.position)
    }

    @Test("values know their ranges, keys included")
    func ranges() throws {
        let json = try PositionedJSON.parse("{\n  \"name\": \"db\",\n  \"max\": 12\n}", start: SourcePosition(line: 10, column: 3)).get()
        #expect(json.range.description == "10:3-13:2")
        let name = try #require(json["name"])
        #expect(name.keyRange.description == "11:3-11:9")
        #expect(name.value.range.description == "11:11-11:15")
        #expect(json["max"]?.value.range.description == "12:10-12:12")
        #expect(json["missing"] == nil)
    }

    @Test("nesting deeper than the limit is an error, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        guard case .failure(let error) = PositionedJSON.parse(text) else {
            Issue.record("parsed")
            return
        }
        #expect(error.message.contains("nested more than \(PositionedJSON.maximumDepth) levels"))
        #expect(error.range.start.column == PositionedJSON.maximumDepth + 1)
    }

    @Test("a nesting at the limit still parses")
    func nestingAtTheLimit() throws {
        let depth = PositionedJSON.maximumDepth
        let json = try PositionedJSON.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).get()
        #expect(json.kindDescription == "an array")
    }
}

/// The body word of `curl -d BODY`, lexed from a shell line.
private func bodyWord(_ shell: String) throws -> Word {
    try #require(CurlParser.parse(command(shell)).body?.word)
}

@Suite("JSON read from shell words")
struct ShellJSONTests {
    @Test("positions follow the shell's quoting")
    func quotingPositions() throws {
        // Escaped quotes inside double quotes: each `"` of the JSON is the one after its backslash.
        let word = try bodyWord(#"curl -d "{\"a\": 1,}""#)
        guard case .failure(let error) = PositionedJSON.parse(word) else {
            Issue.record("parsed")
            return
        }
        #expect(error.range.description == "1:19-1:20")
    }

    @Test("a line continuation inside double quotes joins the lines")
    func continuation() throws {
        let word = try bodyWord("curl -d \"{\\\"a\\\": \\\n  1,}\"")
        guard case .failure(let error) = PositionedJSON.parse(word) else {
            Issue.record("parsed")
            return
        }
        #expect(error.message.contains("trailing comma"))
        #expect(error.range.start.description == "2:4")
    }

    @Test("a shell value inside a string is unknown characters of the string")
    func unknownInString() throws {
        let json = try PositionedJSON.parse(try bodyWord(#"curl -d "{\"at\": \"$(date +%s)Z\"}""#)).get()
        #expect(json["at"]?.value.value == .string("$(date +%s)Z", hasUnknownParts: true))
    }

    @Test("a shell value outside a string is one unknown value, with the characters it touches")
    func unknownValue() throws {
        let json = try PositionedJSON.parse(try bodyWord(#"curl -d '{"n": '$N', "m": '${M}'00}'"#)).get()
        #expect(json["n"]?.value.value == .unknown(source: "$N"))
        #expect(json["m"]?.value.value == .unknown(source: "${M}00"))
        let whole = try PositionedJSON.parse(try bodyWord(#"curl -d "$BODY""#)).get()
        #expect(whole.value == .unknown(source: "$BODY"))
    }

    @Test("text that cannot be JSON whatever the shell value holds is still an error")
    func invalidWhateverTheValue() throws {
        guard case .failure(let missingComma) = PositionedJSON.parse(try bodyWord(#"curl -d '{"a": '"$X"' "b": 1}'"#)) else {
            Issue.record("parsed")
            return
        }
        #expect(missingComma.range.start.description == "1:23")
        guard case .failure(let unquotedKey) = PositionedJSON.parse(try bodyWord(#"curl -d '{'"$K"': 1}'"#)) else {
            Issue.record("parsed")
            return
        }
        #expect(unquotedKey.message.contains("the shell value `$K`"))
        #expect(unquotedKey.range.description == "1:13-1:15")
    }
}

@Suite("Damaged JSON")
struct DamagedJSONTests {
    private static let document = """
        {"description": "Team \\u00e9 \\"ops\\"", "permissions": [{"action": "read", "resource": "*"}],
         "n": -12.5e+3, "ok": true, "none": null, "nested": [[], {}, [1, [2, [3]]]]}
        """

    /// Every prefix of the document and every copy with one character removed.
    private static var variants: [String] {
        let scalars = Array(document.unicodeScalars)
        let prefixes = (0..<scalars.count).map { String(String.UnicodeScalarView(scalars[..<$0])) }
        let deletions = scalars.indices.map { index in
            var copy = scalars
            copy.remove(at: index)
            return String(String.UnicodeScalarView(copy))
        }
        return prefixes + deletions
    }

    @Test("damaged text never crashes, and every error points into the text")
    func errorsPointIntoTheText() {
        var failures = 0
        for text in Self.variants {
            guard case .failure(let error) = PositionedJSON.parse(text) else { continue }
            failures += 1
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = error.range.start.line
            #expect(line >= 1 && line <= lines.count, "\(text)")
            if line >= 1 && line <= lines.count {
                #expect(error.range.start.column >= 1 && error.range.start.column <= lines[line - 1].unicodeScalars.count + 1, "\(text)")
            }
        }
        #expect(failures > Self.variants.count / 2)
    }
}
