import Diagnostics

/// Where text that expands `$` and backticks stops.
enum ExpandingContext {
    /// Inside `"..."` opened at the given index: ends at the closing quote.
    case doubleQuoted(open: Int)
    /// One line of an unquoted here-document body: ends after its newline.
    case hereDocumentLine
}

extension Lexer {
    /// Reads one word starting at `start`, cooking quotes, escapes and expansions.
    mutating func readWord(from start: Int) throws(LexError) -> WordToken {
        var accumulator = WordAccumulator(expansionBudget: expansionBudget)
        defer { expansionBudget = accumulator.expansionBudget }
        var index = text.scalars[start] == "~" ? readTildePrefix(at: start, into: &accumulator) : start
        reading: while let scalar = text[index] {
            switch scalar {
            case "<" where text[index + 1] == "(", ">" where text[index + 1] == "(":
                index = try readProcessSubstitution(at: index, into: &accumulator)
            case "(" where opensArrayValue(wordStart: start, at: index):
                let end = try scanConstruct(.arrayValue(at: index), contentStart: index + 1, limit: text.count)
                accumulator.appendUnknown(source: text.string(index, end), range: text.range(index, end))
                index = end
            case "{" where shortcodeLength(from: index, limit: text.count) != nil:
                index = appendShortcode(at: index, limit: text.count, into: &accumulator)
            case "<":
                guard let length = placeholderLength(text.scalars, from: index) else { break reading }
                accumulator.appendVerbatim(index..<(index + length), of: text)
                index += length
            case " ", "\t", "\n", ";", "&", "|", "(", ")", ">":
                break reading
            case "\\":
                try checkContinuationNotAtEnd(index)
                if let escaped = text[index + 1], escaped != "\n" {
                    accumulator.append(escaped, at: text.position(index + 1))
                    accumulator.markQuoted()
                }
                index += 2
            case "'":
                guard let close = firstIndex(of: "'", from: index + 1, limit: text.count) else {
                    throw unterminated(.singleQuote, at: index)
                }
                appendResolvingShortcodes((index + 1)..<close, into: &accumulator)
                accumulator.markQuoted()
                index = close + 1
            case "\"":
                accumulator.markQuoted()
                index = try readExpandingText(from: index + 1, limit: text.count, context: .doubleQuoted(open: index), into: &accumulator)
            case "$":
                index = try readDollar(at: index, limit: text.count, inDoubleQuotes: false, into: &accumulator)
            case "`":
                let end = try scanConstruct(.backtick(at: index), contentStart: index + 1, limit: text.count)
                accumulator.appendUnknown(source: text.string(index, end), range: text.range(index, end))
                lexBacktickSubstitution((index + 1)..<(end - 1), budget: &accumulator)
                index = end
            default:
                let scalars = text.scalars
                var runEnd = index + 1
                while runEnd < scalars.count, !isSpecialInWord(scalars[runEnd]) { runEnd += 1 }
                accumulator.appendVerbatim(index..<runEnd, of: text)
                index = runEnd
            }
        }
        return WordToken(start: start, end: index, value: accumulator.finish(), isQuoted: accumulator.isQuoted)
    }

    /// True when the `(` at `index` opens the list of an array assignment: the word so far is
    /// an unquoted `NAME=` or `NAME+=`, standing where an assignment may (before a command's
    /// program, or as an argument of `declare`, `local` and their kin).
    private func opensArrayValue(wordStart start: Int, at index: Int) -> Bool {
        guard current.words.isEmpty || current.isDeclarationCommand,
              index - start >= 2, text.scalars[index - 1] == "=", isNameStart(text.scalars[start]) else { return false }
        var nameEnd = start + 1
        while nameEnd < index, isNameCharacter(text.scalars[nameEnd]) { nameEnd += 1 }
        return nameEnd == index - 1 || (nameEnd == index - 2 && text.scalars[nameEnd] == "+")
    }

    /// `<(...)` or `>(...)`: a file name only the running shell knows, whose commands are read
    /// like those of `$(...)`. Returns the index after the closing `)`.
    private mutating func readProcessSubstitution(at start: Int, into accumulator: inout WordAccumulator) throws(LexError) -> Int {
        let end = try scanConstruct(.processSubstitution(at: start, input: text.scalars[start] == "<"), contentStart: start + 2, limit: text.count)
        accumulator.appendUnknown(source: text.string(start, end), range: text.range(start, end))
        lexSubstitution((start + 2)..<(end - 1), budget: &accumulator)
        return end
    }

    /// `~` or `~user` before `/` or the end of the word: the home directory, unknown here.
    private func readTildePrefix(at start: Int, into accumulator: inout WordAccumulator) -> Int {
        var index = start + 1
        while let scalar = text[index], isNameCharacter(scalar) || scalar == "." || scalar == "-" { index += 1 }
        guard text[index].map({ $0 == "/" || endsWord($0) }) ?? true else { return start }
        accumulator.appendUnknown(source: text.string(start, index), range: text.range(start, index))
        return index
    }

    /// Reads double-quoted text or a here-document line; returns the index after its end.
    mutating func readExpandingText(from start: Int, limit: Int, context: ExpandingContext, into accumulator: inout WordAccumulator) throws(LexError) -> Int {
        var isDoubleQuoted = false
        if case .doubleQuoted = context { isDoubleQuoted = true }
        var index = start
        while index < limit {
            let scalar = text.scalars[index]
            switch scalar {
            case "\"" where isDoubleQuoted:
                return index + 1
            case "\\":
                let next = index + 1 < limit ? text.scalars[index + 1] : nil
                switch next {
                case "\n":
                    index += 2
                case "\\", "$", "`":
                    accumulator.append(text.scalars[index + 1], at: text.position(index + 1))
                    index += 2
                case "\"" where isDoubleQuoted:
                    accumulator.append("\"", at: text.position(index + 1))
                    index += 2
                default:
                    accumulator.append("\\", at: text.position(index))
                    index += 1
                }
            case "$":
                index = try readDollar(at: index, limit: limit, inDoubleQuotes: true, into: &accumulator)
            case "`":
                let end = try scanConstruct(.backtick(at: index), contentStart: index + 1, limit: limit)
                accumulator.appendUnknown(source: text.string(index, end), range: text.range(index, end))
                lexBacktickSubstitution((index + 1)..<(end - 1), budget: &accumulator)
                index = end
            case "{" where shortcodeLength(from: index, limit: limit) != nil:
                index = appendShortcode(at: index, limit: limit, into: &accumulator)
            case "\n" where !isDoubleQuoted:
                accumulator.append("\n", at: text.position(index))
                return index + 1
            default:
                var runEnd = index + 1
                while runEnd < limit, !isSpecialInExpandingText(text.scalars[runEnd]) { runEnd += 1 }
                accumulator.appendVerbatim(index..<runEnd, of: text)
                index = runEnd
            }
        }
        if case .doubleQuoted(let open) = context { throw unterminated(.doubleQuote, at: open) }
        return index
    }

    /// Appends the Hugo shortcode at `start` (see `shortcodeLength(from:limit:)`) and returns
    /// the index after it: the value Hugo prints for it when known, each of its characters at
    /// the shortcode's place, else an unknown part.
    mutating func appendShortcode(at start: Int, limit: Int, into accumulator: inout WordAccumulator) -> Int {
        let end = start + (shortcodeLength(from: start, limit: limit) ?? 1)
        let source = text.string(start, end)
        guard let value = shortcodeValues[source] else {
            accumulator.appendUnknown(source: source, range: text.range(start, end))
            return end
        }
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            accumulator.append(scalar, at: text.position(start + min(offset, end - start - 1)))
        }
        return end
    }

    /// Appends the scalars `range` as they are, but for the Hugo shortcodes among them.
    mutating func appendResolvingShortcodes(_ range: Range<Int>, into accumulator: inout WordAccumulator) {
        var index = range.lowerBound
        var verbatimStart = index
        while index < range.upperBound {
            guard text.scalars[index] == "{", shortcodeLength(from: index, limit: range.upperBound) != nil else {
                index += 1
                continue
            }
            accumulator.appendVerbatim(verbatimStart..<index, of: text)
            index = appendShortcode(at: index, limit: range.upperBound, into: &accumulator)
            verbatimStart = index
        }
        accumulator.appendVerbatim(verbatimStart..<range.upperBound, of: text)
    }

    /// Reads what follows a `$`: a variable, `${...}`, `$(...)`, `$((...))`, `$'...'`, or a lone `$`.
    mutating func readDollar(at start: Int, limit: Int, inDoubleQuotes: Bool, into accumulator: inout WordAccumulator) throws(LexError) -> Int {
        guard start + 1 < limit else {
            accumulator.append("$", at: text.position(start))
            return start + 1
        }
        let next = text.scalars[start + 1]
        if isNameStart(next) {
            var end = start + 2
            while end < limit, isNameCharacter(text.scalars[end]) { end += 1 }
            expand(variable: text.string(start + 1, end), source: start..<end, inDoubleQuotes: inDoubleQuotes, into: &accumulator)
            return end
        }
        switch next {
        case "0"..."9", "@", "*", "#", "?", "$", "!", "-":
            accumulator.appendUnknown(source: text.string(start, start + 2), range: text.range(start, start + 2))
            return start + 2
        case "{":
            let end = try scanConstruct(.parameterExpansion(at: start, inDoubleQuotes: inDoubleQuotes), contentStart: start + 2, limit: limit)
            expandParameter(start..<end, inDoubleQuotes: inDoubleQuotes, into: &accumulator)
            return end
        case "(":
            let isArithmetic = start + 2 < limit && text.scalars[start + 2] == "("
            let end = isArithmetic
                ? try scanConstruct(.arithmeticExpansion(at: start), contentStart: start + 3, limit: limit)
                : try scanConstruct(.commandSubstitution(at: start), contentStart: start + 2, limit: limit)
            accumulator.appendUnknown(source: text.string(start, end), range: text.range(start, end))
            if !isArithmetic { lexSubstitution((start + 2)..<(end - 1), budget: &accumulator) }
            return end
        case "'" where !inDoubleQuotes:
            return try readANSICQuote(at: start, limit: limit, into: &accumulator)
        case "\"" where !inDoubleQuotes:
            return start + 1
        default:
            accumulator.append("$", at: text.position(start))
            return start + 1
        }
    }

    /// Lexes the commands of a `$(...)`: the shell runs them before the command the
    /// substitution is part of, so they are checked like any other. They see the block's
    /// variables and share its expansion budget; substitutions nested deeper than
    /// `maximumSubstitutionDepth` stay unread, and one whose content does not lex adds nothing
    /// (its brackets and quotes were already found balanced).
    private mutating func lexSubstitution(_ content: Range<Int>, budget accumulator: inout WordAccumulator) {
        guard substitutionDepth < Self.maximumSubstitutionDepth, !content.isEmpty else { return }
        var nested = Lexer(text: SourceText(text, range: content), shortcodeValues: shortcodeValues)
        nested.variables = variables
        nested.substitutionDepth = substitutionDepth + 1
        nested.expansionBudget = accumulator.expansionBudget
        do {
            try nested.parse(stopAtNewline: false)
        } catch {
            return
        }
        accumulator.spendExpansionBudget(accumulator.expansionBudget - nested.expansionBudget)
        substitutedCommands += nested.commandsInOrder.map { (before: commands.count, command: $0) }
    }

    /// Lexes the commands of a `` `...` `` substitution like those of `$(...)`, when its
    /// content has no backslash (inside backticks a backslash escapes differently, so such
    /// content stays unread).
    private mutating func lexBacktickSubstitution(_ content: Range<Int>, budget accumulator: inout WordAccumulator) {
        guard !text.scalars[content].contains("\\") else { return }
        lexSubstitution(content, budget: &accumulator)
    }

    /// The variable's value when the block set it to literal text (and the expansion budget
    /// allows), else an unknown part.
    private func expand(variable name: String, source: Range<Int>, inDoubleQuotes: Bool, into accumulator: inout WordAccumulator) {
        if case .known(let value, let positions) = variables.value(of: name),
           accumulator.appendExpansion(value, positions: positions, splittable: !inDoubleQuotes) {
            return
        }
        accumulator.appendUnknown(source: text.string(source.lowerBound, source.upperBound),
                                  range: text.range(source.lowerBound, source.upperBound))
    }

    /// `${NAME}`, and `${NAME:-word}` and its kin when NAME is known (and not empty for the `:` forms).
    private func expandParameter(_ source: Range<Int>, inDoubleQuotes: Bool, into accumulator: inout WordAccumulator) {
        let contentEnd = source.upperBound - 1
        var nameEnd = source.lowerBound + 2
        if nameEnd < contentEnd, isNameStart(text.scalars[nameEnd]) {
            while nameEnd < contentEnd, isNameCharacter(text.scalars[nameEnd]) { nameEnd += 1 }
            let name = text.string(source.lowerBound + 2, nameEnd)
            let value = variables.value(of: name)
            let usesValue: Bool
            if nameEnd == contentEnd {
                usesValue = true
            } else if case .known(let knownValue, _) = value {
                let operatorScalar = text.scalars[nameEnd]
                let defaultOperators: Set<Unicode.Scalar> = ["-", "=", "?"]
                if operatorScalar == ":", nameEnd + 1 < contentEnd, defaultOperators.contains(text.scalars[nameEnd + 1]) {
                    usesValue = !knownValue.isEmpty
                } else {
                    usesValue = defaultOperators.contains(operatorScalar)
                }
            } else {
                usesValue = false
            }
            if usesValue {
                expand(variable: name, source: source, inDoubleQuotes: inDoubleQuotes, into: &accumulator)
                return
            }
        }
        accumulator.appendUnknown(source: text.string(source.lowerBound, source.upperBound),
                                  range: text.range(source.lowerBound, source.upperBound))
    }

    /// `$'...'` with the common escapes; other escapes make the whole quote unknown.
    private func readANSICQuote(at start: Int, limit: Int, into accumulator: inout WordAccumulator) throws(LexError) -> Int {
        var scalars: [Unicode.Scalar] = []
        var positions = ScalarPositions()
        var isRepresentable = true
        var index = start + 2
        while index < limit, text.scalars[index] != "'" {
            guard text.scalars[index] == "\\" else {
                scalars.append(text.scalars[index])
                positions.append(text.position(index))
                index += 1
                continue
            }
            guard index + 1 < limit else { break }
            if let escaped = ansiCEscapes[text.scalars[index + 1]] {
                scalars.append(escaped)
                positions.append(text.position(index))
            } else {
                isRepresentable = false
            }
            index += 2
        }
        guard index < limit else { throw unterminated(.ansiCQuote, at: start) }
        accumulator.markQuoted()
        if isRepresentable {
            for (scalar, position) in zip(scalars, positions) { accumulator.append(scalar, at: position) }
        } else {
            accumulator.appendUnknown(source: text.string(start, index + 1), range: text.range(start, index + 1))
        }
        return index + 1
    }

    func firstIndex(of scalar: Unicode.Scalar, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit {
            if text.scalars[index] == scalar { return index }
            index += 1
        }
        return nil
    }

    func unterminated(_ construct: Construct, at index: Int) -> LexError {
        let length = construct.opening.unicodeScalars.count
        return LexError(range: SourceRange(start: text.position(index), length: length), message: construct.unterminatedMessage)
    }
}

/// Scalars that end a run of plain characters in an unquoted word.
private func isSpecialInWord(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\\", "'", "\"", "$", "`", "{": true
    default: endsWord(scalar)
    }
}

/// Scalars that end a run of plain characters in double quotes or a here-document line.
private func isSpecialInExpandingText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\\", "\"", "$", "`", "\n", "{": true
    default: false
    }
}

private let ansiCEscapes: [Unicode.Scalar: Unicode.Scalar] = [
    "n": "\n", "t": "\t", "r": "\r", "a": "\u{07}", "b": "\u{08}", "e": "\u{1B}", "E": "\u{1B}",
    "f": "\u{0C}", "v": "\u{0B}", "\\": "\\", "'": "'", "\"": "\"", "?": "?",
]
