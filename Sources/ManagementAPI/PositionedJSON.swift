import Diagnostics
import ShellSyntax

/// A JSON value (RFC 8259) that remembers where each of its pieces stands in the file.
///
/// Text read from a shell word may hold parts only a running shell knows (`$(date ...)`,
/// `$VAR`). Inside a string such a part is unknown characters of the string; outside a string
/// it is one unknown JSON value, together with any literal characters it touches
/// (`${N}00`). Whatever the parts hold, a text that cannot be JSON is still an error.
///
/// A syntax error points at the first character that cannot continue the text, with two
/// exceptions: a trailing comma (`[1, 2,]`) is reported at the comma, the character to delete,
/// and a text that ends early is reported at the bracket or quote it never closes.
public struct PositionedJSON: Hashable, Sendable {
    /// The kinds of JSON value, plus a value only a running shell knows.
    public enum Value: Hashable, Sendable {
        case object([Member])
        case array([PositionedJSON])
        /// The string's content with escapes decoded; unknown parts spelt as written.
        case string(String, hasUnknownParts: Bool)
        /// The number as written.
        case number(String)
        case bool(Bool)
        case null
        /// A shell value standing where a JSON value goes, spelt as written.
        case unknown(source: String)
    }

    /// One `"key": value` member of an object.
    public struct Member: Hashable, Sendable {
        /// The key's content with escapes decoded.
        public var key: String
        /// The key's string literal, quotes included.
        public var keyRange: SourceRange
        public var keyHasUnknownParts: Bool
        public var value: PositionedJSON

        public init(key: String, keyRange: SourceRange, keyHasUnknownParts: Bool, value: PositionedJSON) {
            self.key = key
            self.keyRange = keyRange
            self.keyHasUnknownParts = keyHasUnknownParts
            self.value = value
        }
    }

    /// Why a text is not JSON: a message and the offending character.
    public struct SyntaxError: Error, Hashable, Sendable {
        public var message: String
        public var range: SourceRange

        public init(message: String, range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    public var value: Value
    /// From the first to the last character of the value (quotes and brackets included).
    public var range: SourceRange

    public init(value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }

    /// The deepest nesting of arrays and objects accepted; deeper text is reported, not read.
    public static let maximumDepth = 256

    /// Parses a shell word's value, with each literal scalar at its file position.
    public static func parse(_ word: Word) -> Result<PositionedJSON, SyntaxError> {
        parse(ShellText(word), emptyAt: SourceRange(start: word.range.start, length: 0))
    }

    /// Parses plain text whose first character stands at `start` (line feeds start new lines
    /// at column 1).
    public static func parse(_ text: String, start: SourcePosition = SourcePosition(line: 1, column: 1)) -> Result<PositionedJSON, SyntaxError> {
        var elements: [ShellElement] = []
        var position = start
        for scalar in text.unicodeScalars {
            elements.append(.scalar(scalar, position))
            position = scalar == "\n" ? SourcePosition(line: position.line + 1, column: 1) : position.advanced(by: 1)
        }
        return parse(ShellText(elements), emptyAt: SourceRange(start: start, length: 0))
    }

    static func parse(_ text: ShellText, emptyAt emptyRange: SourceRange) -> Result<PositionedJSON, SyntaxError> {
        var reader = JSONReader(text: text, emptyRange: emptyRange)
        do throws(SyntaxError) {
            return .success(try reader.readDocument())
        } catch {
            return .failure(error)
        }
    }

    /// The member named `key`, if this is an object that has one (the last one when repeated).
    public subscript(key: String) -> Member? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }
    }

    /// A short name of the value's kind, for messages: `a string`, `a number`, ...
    public var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .unknown: "a shell value"
        }
    }
}
