import Diagnostics

/// A recursive-descent JSON reader over positioned shell elements. Every error names the
/// offending element: the first character that cannot continue the text (a trailing comma is
/// reported at the comma itself, the character to delete); a body that ends early is reported
/// at the bracket or quote that is never closed.
struct JSONReader {
    typealias SyntaxError = PositionedJSON.SyntaxError

    private let elements: [ShellElement]
    private let unknownSources: [String]
    private let emptyRange: SourceRange
    private var index = 0

    init(text: ShellText, emptyRange: SourceRange) {
        elements = text.elements
        unknownSources = text.unknownSources
        self.emptyRange = emptyRange
    }

    mutating func readDocument() throws(SyntaxError) -> PositionedJSON {
        skipWhitespace()
        guard index < elements.count else {
            throw SyntaxError(message: "the body is empty; a JSON value was expected", range: emptyRange)
        }
        let value = try readValue(depth: 0)
        skipWhitespace()
        if index < elements.count {
            let extra = elements[index]
            throw SyntaxError(message: "unexpected \(describe(extra)) after the end of the JSON value", range: extra.range)
        }
        return value
    }

    // MARK: Values

    private mutating func readValue(depth: Int) throws(SyntaxError) -> PositionedJSON {
        let element = elements[index]
        switch element.scalar {
        case "{": return try readObject(depth: depth)
        case "[": return try readArray(depth: depth)
        case "\"":
            let string = try readString()
            return PositionedJSON(value: .string(string.text, hasUnknownParts: string.hasUnknownParts), range: string.range)
        default: return try readBareToken()
        }
    }

    private mutating func readObject(depth: Int) throws(SyntaxError) -> PositionedJSON {
        let open = elements[index]
        try checkDepth(depth, opener: open)
        index += 1
        var members: [PositionedJSON.Member] = []
        var lastComma: ShellElement?
        while true {
            skipWhitespace()
            let keyStart = try next(closing: "}", opener: open)
            if keyStart.is("}") {
                if let lastComma { throw trailingComma(lastComma, before: "}") }
                index += 1
                return PositionedJSON(value: .object(members), range: open.range.union(keyStart.range))
            }
            guard keyStart.is("\"") else {
                throw SyntaxError(message: "expected a field name in double quotes, found \(describe(keyStart))\(hint(for: keyStart))", range: keyStart.range)
            }
            let key = try readString()
            skipWhitespace()
            let colon = try next(closing: "}", opener: open)
            guard colon.is(":") else {
                let misplaced = key.text.hasSuffix(":") ? " (the colon is inside the quotes of \"\(key.text)\")" : ""
                throw SyntaxError(message: "expected `:` after the field name \"\(key.text)\", found \(describe(colon))\(misplaced)", range: colon.range)
            }
            index += 1
            skipWhitespace()
            let valueStart = try next(closing: "}", opener: open)
            if valueStart.is("}") || valueStart.is(",") {
                throw SyntaxError(message: "the field \"\(key.text)\" has no value before \(describe(valueStart))", range: valueStart.range)
            }
            let value = try readValue(depth: depth + 1)
            members.append(PositionedJSON.Member(key: key.text, keyRange: key.range, keyHasUnknownParts: key.hasUnknownParts, value: value))
            skipWhitespace()
            let separator = try next(closing: "}", opener: open)
            if separator.is(",") {
                lastComma = separator
                index += 1
            } else if separator.is("}") {
                index += 1
                return PositionedJSON(value: .object(members), range: open.range.union(separator.range))
            } else {
                throw SyntaxError(message: "expected `,` or `}` after the value of \"\(key.text)\", found \(describe(separator))", range: separator.range)
            }
        }
    }

    private mutating func readArray(depth: Int) throws(SyntaxError) -> PositionedJSON {
        let open = elements[index]
        try checkDepth(depth, opener: open)
        index += 1
        var items: [PositionedJSON] = []
        var lastComma: ShellElement?
        while true {
            skipWhitespace()
            let itemStart = try next(closing: "]", opener: open)
            if itemStart.is("]") {
                if let lastComma { throw trailingComma(lastComma, before: "]") }
                index += 1
                return PositionedJSON(value: .array(items), range: open.range.union(itemStart.range))
            }
            items.append(try readValue(depth: depth + 1))
            skipWhitespace()
            let separator = try next(closing: "]", opener: open)
            if separator.is(",") {
                lastComma = separator
                index += 1
            } else if separator.is("]") {
                index += 1
                return PositionedJSON(value: .array(items), range: open.range.union(separator.range))
            } else {
                throw SyntaxError(message: "expected `,` or `]` after an array element, found \(describe(separator))", range: separator.range)
            }
        }
    }

    /// Reads a string literal; the cursor is on its opening quote.
    private mutating func readString() throws(SyntaxError) -> (text: String, hasUnknownParts: Bool, range: SourceRange) {
        let open = elements[index]
        index += 1
        var text = ""
        var hasUnknownParts = false
        while index < elements.count {
            let element = elements[index]
            index += 1
            switch element {
            case .unknown(let sourceIndex, _):
                text += unknownSources[sourceIndex]
                hasUnknownParts = true
            case .scalar("\"", _):
                return (text, hasUnknownParts, open.range.union(element.range))
            case .scalar("\\", _):
                try readEscape(into: &text, hasUnknownParts: &hasUnknownParts, stringOpener: open)
            case .scalar(let scalar, _) where scalar.value < 0x20:
                let advice = scalar == "\n" ? "write \\n, or keep the string on one line" : "write it as an escape"
                throw SyntaxError(message: "\(describe(element)) cannot stand inside a JSON string; \(advice)", range: element.range)
            case .scalar:
                appendPlainRun(from: index - 1, to: &text)
            }
        }
        throw SyntaxError(message: "the string is never closed: the body ends before its closing `\"`", range: open.range)
    }

    /// Appends the scalars from `start` up to the next quote, backslash, control character or
    /// shell value in one piece, and moves the cursor past them.
    private mutating func appendPlainRun(from start: Int, to text: inout String) {
        index = start
        var length = 0
        while index < elements.count, case .scalar(let scalar, _) = elements[index],
              scalar != "\"", scalar != "\\", scalar.value >= 0x20 {
            length += UTF8.width(scalar)
            index += 1
        }
        guard length > 0 else { return }
        text += String(unsafeUninitializedCapacity: length) { utf8 in
            var offset = 0
            for case .scalar(let scalar, _) in elements[start..<index] {
                UTF8.encode(scalar) { byte in
                    utf8[offset] = byte
                    offset += 1
                }
            }
            return offset
        }
    }

    /// Reads what follows a backslash inside a string; the cursor is after the backslash.
    private mutating func readEscape(into text: inout String, hasUnknownParts: inout Bool, stringOpener: ShellElement) throws(SyntaxError) {
        guard index < elements.count else {
            throw SyntaxError(message: "the string is never closed: the body ends before its closing `\"`", range: stringOpener.range)
        }
        let element = elements[index]
        index += 1
        guard let scalar = element.scalar else {
            text += "\\" + spelt([element])
            hasUnknownParts = true
            return
        }
        switch scalar {
        case "\"", "\\", "/": text.unicodeScalars.append(scalar)
        case "b": text.unicodeScalars.append("\u{08}")
        case "f": text.unicodeScalars.append("\u{0C}")
        case "n": text.unicodeScalars.append("\n")
        case "r": text.unicodeScalars.append("\r")
        case "t": text.unicodeScalars.append("\t")
        case "u": try readUnicodeEscape(into: &text, hasUnknownParts: &hasUnknownParts, stringOpener: stringOpener)
        default:
            throw SyntaxError(message: "`\\\(Character(scalar))` is not a JSON escape; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", range: element.range)
        }
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate, when the first is high).
    private mutating func readUnicodeEscape(into text: inout String, hasUnknownParts: inout Bool, stringOpener: ShellElement) throws(SyntaxError) {
        guard let first = try readHexQuad(stringOpener: stringOpener, into: &text, hasUnknownParts: &hasUnknownParts) else { return }
        var value = first
        if (0xD800...0xDBFF).contains(first), index + 1 < elements.count, elements[index].is("\\"), elements[index + 1].is("u") {
            let resume = index
            index += 2
            var ignored = false
            var scratch = ""
            if let second = try readHexQuad(stringOpener: stringOpener, into: &scratch, hasUnknownParts: &ignored), (0xDC00...0xDFFF).contains(second) {
                value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else {
                index = resume
            }
        }
        text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    /// Reads four hex digits; nil (with the escape kept as written) when a shell value stands among them.
    private mutating func readHexQuad(stringOpener: ShellElement, into text: inout String, hasUnknownParts: inout Bool) throws(SyntaxError) -> UInt32? {
        var value: UInt32 = 0
        var spelling = "\\u"
        for _ in 0..<4 {
            guard index < elements.count else {
                throw SyntaxError(message: "the string is never closed: the body ends before its closing `\"`", range: stringOpener.range)
            }
            let element = elements[index]
            index += 1
            guard let scalar = element.scalar else {
                spelling += spelt([element])
                text += spelling
                hasUnknownParts = true
                return nil
            }
            guard let digit = Character(scalar).hexDigitValue else {
                throw SyntaxError(message: "`\\u` needs four hexadecimal digits, found \(describe(element))", range: element.range)
            }
            spelling.unicodeScalars.append(scalar)
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    /// Reads a number, `true`, `false`, `null`, or a run holding a shell value.
    private mutating func readBareToken() throws(SyntaxError) -> PositionedJSON {
        let start = index
        while index < elements.count, !isDelimiter(elements[index]) { index += 1 }
        let token = Array(elements[start..<index])
        guard let first = token.first, let last = token.last else {
            let element = elements[start]
            throw SyntaxError(message: "expected a value, found \(describe(element))", range: element.range)
        }
        let range = first.range.union(last.range)
        if token.contains(where: \.isUnknown) {
            return PositionedJSON(value: .unknown(source: spelt(token)), range: range)
        }
        let spelling = spelt(token)
        // A bare capitalised word (`"count": COUNT`) is a placeholder the reader replaces with a
        // value, as a shell value would be: JSON has no such word of its own.
        if ValueRules.isPlaceholder(spelling) {
            return PositionedJSON(value: .unknown(source: spelling), range: range)
        }
        switch first.scalar ?? " " {
        case "t": try checkKeyword("true", token)
        case "f": try checkKeyword("false", token)
        case "n": try checkKeyword("null", token)
        case "-", "0"..."9": try checkNumber(token)
        default:
            let lowercase = ["true", "false", "null"].contains(spelling.lowercased()) ? "; JSON spells it `\(spelling.lowercased())`" : ""
            throw SyntaxError(message: "expected a value, found \(describe(first))\(lowercase)\(hint(for: first))", range: first.range)
        }
        let value: PositionedJSON.Value = switch spelling {
        case "true": .bool(true)
        case "false": .bool(false)
        case "null": .null
        default: .number(spelling)
        }
        return PositionedJSON(value: value, range: range)
    }

    private func checkKeyword(_ keyword: String, _ token: [ShellElement]) throws(SyntaxError) {
        let expected = Array(keyword.unicodeScalars)
        for (offset, element) in token.enumerated() {
            guard offset < expected.count else {
                throw SyntaxError(message: "unexpected \(describe(element)) after `\(keyword)`", range: element.range)
            }
            guard element.is(expected[offset]) else {
                throw SyntaxError(message: "expected `\(keyword)`, found \(describe(element)) in `\(spelt(token))`", range: element.range)
            }
        }
        if token.count < expected.count {
            throw SyntaxError(message: "`\(spelt(token))` is cut short; expected `\(keyword)`", range: elementAfter(token))
        }
    }

    /// Checks `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private func checkNumber(_ token: [ShellElement]) throws(SyntaxError) {
        let scalars = token.compactMap(\.scalar)
        var offset = 0
        func isDigit(_ at: Int) -> Bool { at < scalars.count && ("0"..."9").contains(scalars[at]) }
        func requireDigits(after what: String) throws(SyntaxError) {
            guard offset < scalars.count else {
                throw SyntaxError(message: "the number `\(spelt(token))` ends early: a digit must follow \(what)", range: elementAfter(token))
            }
            guard isDigit(offset) else {
                throw SyntaxError(message: "expected a digit after \(what) in a number, found \(describe(token[offset]))", range: token[offset].range)
            }
            while isDigit(offset) { offset += 1 }
        }
        if scalars.first == "-" { offset += 1 }
        if offset < scalars.count, scalars[offset] == "0" {
            offset += 1
            if isDigit(offset) {
                throw SyntaxError(message: "a JSON number cannot start with a leading zero", range: token[offset].range)
            }
        } else {
            try requireDigits(after: "`-`")
        }
        if offset < scalars.count, scalars[offset] == "." {
            offset += 1
            try requireDigits(after: "`.`")
        }
        if offset < scalars.count, scalars[offset] == "e" || scalars[offset] == "E" {
            offset += 1
            if offset < scalars.count, scalars[offset] == "+" || scalars[offset] == "-" { offset += 1 }
            try requireDigits(after: "the exponent")
        }
        if offset < scalars.count {
            throw SyntaxError(message: "unexpected \(describe(token[offset])) in the number `\(spelt(token))`", range: token[offset].range)
        }
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while index < elements.count, let scalar = elements[index].scalar, isBlankOrNewline(scalar) { index += 1 }
    }

    /// The element at the cursor, or the error for a container that the text never closes.
    private func next(closing: Character, opener: ShellElement) throws(SyntaxError) -> ShellElement {
        guard index < elements.count else {
            throw SyntaxError(message: "\(describe(opener)) is never closed: the body ends before its `\(closing)`", range: opener.range)
        }
        return elements[index]
    }

    private func checkDepth(_ depth: Int, opener: ShellElement) throws(SyntaxError) {
        if depth >= PositionedJSON.maximumDepth {
            throw SyntaxError(message: "arrays and objects are nested more than \(PositionedJSON.maximumDepth) levels deep", range: opener.range)
        }
    }

    private func trailingComma(_ comma: ShellElement, before closing: Character) -> SyntaxError {
        SyntaxError(message: "trailing comma: JSON allows no `,` after the last element, before `\(closing)`", range: comma.range)
    }

    /// Where a token that ends too early should be reported: the character after it, or its
    /// last character when the text ends there.
    private func elementAfter(_ token: [ShellElement]) -> SourceRange {
        if index < elements.count { return elements[index].range }
        return token.last?.range ?? emptyRange
    }

    /// The elements as written, with unknown parts spelt from their sources.
    private func spelt(_ token: [ShellElement]) -> String {
        ShellText(token, unknownSources: unknownSources).display
    }

    private func isDelimiter(_ element: ShellElement) -> Bool {
        guard let scalar = element.scalar else { return false }
        switch scalar {
        case "{", "}", "[", "]", ":", ",", "\"", " ", "\t", "\n", "\r": return true
        default: return false
        }
    }

    private func hint(for element: ShellElement) -> String {
        switch element.scalar {
        case "'": "; JSON strings take double quotes"
        case "\\": " (inside single quotes a backslash stays in the text)"
        default: ""
        }
    }

    private func describe(_ element: ShellElement) -> String {
        switch element {
        case .unknown(let sourceIndex, _): "the shell value `\(unknownSources[sourceIndex])`"
        case .scalar("\n", _): "a line break"
        case .scalar("\r", _): "a carriage return"
        case .scalar("\t", _): "a tab"
        case .scalar(let scalar, _) where scalar.value < 0x20 || scalar.value == 0x7F:
            "the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
        case .scalar(let scalar, _): "`\(Character(scalar))`"
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
