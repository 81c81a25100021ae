import Diagnostics
import ShellSyntax

/// Builds `SimpleCommand`s by hand, standing in for the lexer: tokens are laid out on line 1,
/// one space apart, starting at column 1.
///
/// Token conventions: `"..."` and `'...'` are quoted words (the value is the inside);
/// `<NAME>` is a placeholder; text from a `$` on is a value only a running shell knows.
enum TestCommands {
    /// Splits `line` on single spaces outside quotes.
    static func command(_ line: String) -> SimpleCommand {
        command(tokens: tokens(line))
    }

    static func tokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        for character in line {
            if character == " ", quote == nil {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            if character == "\"" || character == "'" {
                if quote == character { quote = nil } else if quote == nil { quote = character }
            }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func command(tokens: [String]) -> SimpleCommand {
        var column = 1
        var words: [Word] = []
        for token in tokens {
            words.append(word(token, column: column))
            column += token.unicodeScalars.count + 1
        }
        let start = SourcePosition(line: 1, column: 1)
        let end = words.last?.range.end ?? start
        return SimpleCommand(assignments: [], words: words, redirections: [], range: SourceRange(start: start, end: end), separator: .end)
    }

    static func word(_ token: String, column: Int) -> Word {
        let start = SourcePosition(line: 1, column: column)
        let range = SourceRange(start: start, length: token.unicodeScalars.count)
        let scalars = Array(token.unicodeScalars)
        if scalars.count >= 2, let first = scalars.first, first == "\"" || first == "'", scalars.last == first {
            let inner = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
            return Word(raw: token, range: range, parts: [literal(inner, from: start.advanced(by: 1))])
        }
        if token.hasPrefix("<"), token.hasSuffix(">"), token.count > 2 {
            return Word(raw: token, range: range, parts: [literal(token, from: start)], placeholder: String(token.dropFirst().dropLast()))
        }
        if let dollar = scalars.firstIndex(of: "$") {
            let prefix = String(String.UnicodeScalarView(scalars[..<dollar]))
            let unknownStart = start.advanced(by: dollar)
            let unknown = WordPart.unknown(source: String(String.UnicodeScalarView(scalars[dollar...])),
                                           range: SourceRange(start: unknownStart, end: range.end))
            let parts = prefix.isEmpty ? [unknown] : [literal(prefix, from: start), unknown]
            return Word(raw: token, range: range, parts: parts)
        }
        return Word(raw: token, range: range, parts: [literal(token, from: start)])
    }

    static func literal(_ text: String, from start: SourcePosition) -> WordPart {
        .literal(text, positions: ScalarPositions(runFrom: start, count: text.unicodeScalars.count))
    }

    /// The range of the `occurrence`-th (1-based) appearance of `text` in `line`, as the
    /// helper lays words out.
    static func range(of text: String, in line: String, occurrence: Int = 1) -> SourceRange? {
        let scalars = Array(line.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        var seen = 0
        for offset in 0...(scalars.count - needle.count) where Array(scalars[offset..<(offset + needle.count)]) == needle {
            seen += 1
            if seen == occurrence {
                return SourceRange(start: SourcePosition(line: 1, column: offset + 1), length: needle.count)
            }
        }
        return nil
    }
}
