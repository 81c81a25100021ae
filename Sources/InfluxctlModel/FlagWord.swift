import Diagnostics
import ShellSyntax

/// How Go's flag package (which urfave/cli v2 uses) reads one word of argv.
enum WordShape {
    /// `--`: the end of the flags.
    case terminator
    /// `-name`, `--name` or `--name=value`.
    case flag(FlagWord)
    /// Anything else, including `-` alone (stdin) and words that start with a value only a
    /// running shell knows.
    case positional

    init(_ word: Word) {
        guard case .literal(let text, _)? = word.parts.first, text.hasPrefix("-"), let flag = FlagWord(word) else {
            self = .positional
            return
        }
        if word.literalValue == "--" {
            self = .terminator
        } else {
            self = .flag(flag)
        }
    }
}

/// A word read as a flag, split into its name and an optional `=value`.
struct FlagWord {
    var word: Word
    /// `-` or `--`.
    var dashes: String
    /// The name without dashes; nil when part of it is only known to a running shell.
    var name: String?
    /// The dashes and the name, without `=value`.
    var nameRange: SourceRange
    /// The text after the first `=`, as a word of its own.
    var inlineValue: Word?

    /// The flag as written, for messages: `--read-databse`.
    var written: String { dashes + (name ?? "") }

    /// Go's "bad flag syntax": `---x`, `-=x`, `--=`.
    var hasBadSyntax: Bool {
        guard let name else { return false }
        return name.isEmpty || name.hasPrefix("-") || name.hasPrefix("=")
    }

    /// Nil for `-` alone, which is an argument.
    init?(_ word: Word) {
        var nameText = ""
        var nameIsKnown = true
        var equalsPosition: SourcePosition?
        var foundEquals = false
        var valueParts: [WordPart] = []
        for part in word.parts {
            if foundEquals {
                valueParts.append(part)
                continue
            }
            switch part {
            case .literal(var text, let positions):
                let scalars = text.unicodeScalars
                guard let equalsOffset = text.withUTF8({ $0.firstIndex(of: UInt8(ascii: "=")) }) else {
                    nameText += text
                    continue
                }
                let equalsIndex = text.utf8.index(text.utf8.startIndex, offsetBy: equalsOffset)
                let equals = scalars.distance(from: scalars.startIndex, to: equalsIndex)
                nameText += String(scalars[..<equalsIndex])
                foundEquals = true
                equalsPosition = equals < positions.count ? positions[equals] : nil
                let rest = scalars[scalars.index(after: equalsIndex)...]
                if !rest.isEmpty {
                    valueParts.append(.literal(String(rest), positions: positions[min(equals + 1, positions.count)..<positions.count]))
                }
            case .unknown:
                nameIsKnown = false
            }
        }
        // ASCII text without a carriage return (which joins a following line feed) is one
        // Character per byte, so the Character-level cuts below can be made on bytes.
        let isOneCharacterPerByte = nameText.withUTF8 { $0.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }
        let hasTwoCharacters = isOneCharacterPerByte ? nameText.utf8.count >= 2 : !nameText.dropFirst().isEmpty
        guard hasTwoCharacters || foundEquals || !nameIsKnown else { return nil }
        self.word = word
        let hasTwoDashes = isOneCharacterPerByte ? nameText.utf8.starts(with: "--".utf8) : nameText.hasPrefix("--")
        dashes = hasTwoDashes ? "--" : "-"
        let dashCount = hasTwoDashes ? 2 : 1
        if !nameIsKnown {
            name = nil
        } else if isOneCharacterPerByte {
            name = String(decoding: nameText.utf8.dropFirst(dashCount), as: UTF8.self)
        } else {
            name = String(nameText.dropFirst(dashCount))
        }
        nameRange = SourceRange(start: word.range.start, end: equalsPosition ?? word.range.end)
        if foundEquals {
            inlineValue = Self.valueWord(of: word, parts: valueParts, afterEqualsAt: equalsPosition)
        }
    }

    /// The part after `=` as a word: its range starts just after the `=` and ends with the
    /// word; its raw text is the matching tail of the raw word.
    private static func valueWord(of word: Word, parts: [WordPart], afterEqualsAt equalsPosition: SourcePosition?) -> Word {
        let start = equalsPosition.map { $0.advanced(by: 1) } ?? firstPosition(of: parts) ?? word.range.end
        let range = SourceRange(start: min(start, word.range.end), end: word.range.end)
        let raw = rawTail(of: word, from: range.start)
        var value = Word(raw: raw, range: range, parts: parts, placeholder: word.placeholder)
        if value.placeholder == nil, let text = value.literalValue {
            value.placeholder = angleBracketPlaceholder(text)
        }
        return value
    }

    private static func firstPosition(of parts: [WordPart]) -> SourcePosition? {
        switch parts.first {
        case .literal(_, let positions)?: positions.first
        case .unknown(_, let range)?: range.start
        case nil: nil
        }
    }

    /// The raw word's text from `position` on, walking lines and columns from the word's start.
    static func rawTail(of word: Word, from position: SourcePosition) -> String {
        var current = word.range.start
        var scalars = Substring(word.raw).unicodeScalars[...]
        while let scalar = scalars.first, current < position {
            scalars = scalars.dropFirst()
            current = scalar == "\n" ? SourcePosition(line: current.line + 1, column: 1) : current.advanced(by: 1)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `DATABASE_NAME` for `<DATABASE_NAME>`: the whole text is one placeholder.
    static func angleBracketPlaceholder(_ text: String) -> String? {
        guard text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 else { return nil }
        let inner = text.dropFirst().dropLast()
        return inner.unicodeScalars.allSatisfy(isPlaceholderScalar) ? String(inner) : nil
    }

    /// True when a `<UPPER_SNAKE>` placeholder stands somewhere in `text` (`<DB>_archive`).
    static func containsAngleBracketPlaceholder(_ text: String) -> Bool {
        var inside: Int?
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                inside = 0
            } else if scalar == ">", let length = inside, length > 0 {
                return true
            } else if let length = inside {
                inside = isPlaceholderScalar(scalar) ? length + 1 : nil
            }
        }
        return false
    }

    static func isPlaceholderScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
