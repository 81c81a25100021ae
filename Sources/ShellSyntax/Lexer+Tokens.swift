import Diagnostics

/// An operator that groups commands or ends a `case` item.
enum ControlOperator: String {
    case caseBreak = ";;"
    case caseFallThrough = ";&"
    case caseContinue = ";;&"
    case open = "("
    case close = ")"
}

/// A redirection operator, with its file descriptor prefix (`2>`) or complete duplication (`2>&1`).
struct RedirectionToken {
    var op: String
    var range: SourceRange
    var needsTarget: Bool
    /// For `<<` (false) and `<<-` (true); nil for the other operators.
    var hereDocumentStripsTabs: Bool?
}

enum Token {
    case word(WordToken)
    /// `;`, `&`, `&&`, `||`, `|` or `|&` (spelt as written).
    case separator(CommandSeparator, spelled: String, SourceRange)
    case control(ControlOperator, SourceRange)
    case redirection(RedirectionToken)
    case newline
    /// `(( ... ))` at the start of a command.
    case arithmeticCommand
    case end
}

extension Lexer {
    /// Reads the next token at the cursor; a newline token first reads pending here-documents.
    mutating func readToken(atCommandStart: Bool) throws(LexError) -> Token {
        try skipBlanksAndComments()
        guard let scalar = text[cursor] else {
            try readPendingHereDocuments()
            return .end
        }
        let start = cursor
        switch scalar {
        case "\n":
            cursor += 1
            try readPendingHereDocuments()
            return .newline
        case ";":
            if text[start + 1] == ";" {
                return control(text[start + 2] == "&" ? .caseContinue : .caseBreak)
            }
            if text[start + 1] == "&" { return control(.caseFallThrough) }
            return separator(.semicolon, length: 1)
        case "&":
            if text[start + 1] == "&" { return separator(.and, length: 2) }
            if text[start + 1] == ">" {
                return redirection(from: start, operatorEnd: text[start + 2] == ">" ? start + 3 : start + 2, duplicates: false)
            }
            return separator(.background, length: 1)
        case "|":
            if text[start + 1] == "|" { return separator(.or, length: 2) }
            return separator(.pipe, length: text[start + 1] == "&" ? 2 : 1)
        case "(":
            if atCommandStart, text[start + 1] == "(" {
                cursor = try scanConstruct(.arithmeticCommand(at: start), contentStart: start + 2, limit: text.count)
                return .arithmeticCommand
            }
            return control(.open)
        case ")":
            return control(.close)
        case ">" where text[start + 1] != "(":
            return redirectionOperator(from: start, operatorStart: start)
        case "<" where text[start + 1] != "(" && placeholderLength(text.scalars, from: start) == nil:
            return redirectionOperator(from: start, operatorStart: start)
        default:
            if isDigit(scalar) {
                var index = start
                while let digit = text[index], isDigit(digit) { index += 1 }
                if text[index + 1] != "(",
                   text[index] == ">" || (text[index] == "<" && placeholderLength(text.scalars, from: index) == nil) {
                    return redirectionOperator(from: start, operatorStart: index)
                }
            }
            let word = try readWord(from: start)
            cursor = word.end
            return .word(word)
        }
    }

    private mutating func separator(_ separator: CommandSeparator, length: Int) -> Token {
        let range = text.range(cursor, cursor + length)
        let spelled = text.string(cursor, cursor + length)
        cursor += length
        return .separator(separator, spelled: spelled, range)
    }

    private mutating func control(_ op: ControlOperator) -> Token {
        let length = op.rawValue.unicodeScalars.count
        let range = text.range(cursor, cursor + length)
        cursor += length
        return .control(op, range)
    }

    /// `>`, `>>`, `>|`, `>&`, `<`, `<<`, `<<-`, `<<<`, `<&`, `<>`, after an optional descriptor.
    private mutating func redirectionOperator(from start: Int, operatorStart: Int) -> Token {
        let next = text[operatorStart + 1]
        if text[operatorStart] == ">" {
            switch next {
            case ">", "|": return redirection(from: start, operatorEnd: operatorStart + 2, duplicates: false)
            case "&": return redirection(from: start, operatorEnd: operatorStart + 2, duplicates: true)
            default: return redirection(from: start, operatorEnd: operatorStart + 1, duplicates: false)
            }
        }
        switch next {
        case "<":
            switch text[operatorStart + 2] {
            case "<": return redirection(from: start, operatorEnd: operatorStart + 3, duplicates: false)
            case "-": return redirection(from: start, operatorEnd: operatorStart + 3, duplicates: false, hereDocumentStripsTabs: true)
            default: return redirection(from: start, operatorEnd: operatorStart + 2, duplicates: false, hereDocumentStripsTabs: false)
            }
        case "&": return redirection(from: start, operatorEnd: operatorStart + 2, duplicates: true)
        case ">": return redirection(from: start, operatorEnd: operatorStart + 2, duplicates: false)
        default: return redirection(from: start, operatorEnd: operatorStart + 1, duplicates: false)
        }
    }

    /// A duplication (`>&`, `<&`) directly followed by a descriptor or `-` is complete (`2>&1`).
    private mutating func redirection(from start: Int, operatorEnd: Int, duplicates: Bool, hereDocumentStripsTabs: Bool? = nil) -> Token {
        var end = operatorEnd
        var needsTarget = true
        if duplicates {
            var index = operatorEnd
            while let digit = text[index], isDigit(digit) { index += 1 }
            if index == operatorEnd, text[index] == "-" { index += 1 }
            if index > operatorEnd, text[index].map(endsWord) ?? true {
                end = index
                needsTarget = false
            }
        }
        cursor = end
        return .redirection(RedirectionToken(
            op: text.string(start, end), range: text.range(start, end),
            needsTarget: needsTarget, hereDocumentStripsTabs: hereDocumentStripsTabs
        ))
    }

    /// Skips blanks, backslash-newline continuations and a comment up to (not past) its newline.
    private mutating func skipBlanksAndComments() throws(LexError) {
        while let scalar = text[cursor] {
            if isBlank(scalar) {
                cursor += 1
            } else if scalar == "\\" {
                try checkContinuationNotAtEnd(cursor)
                guard text[cursor + 1] == "\n" else { return }
                cursor += 2
            } else if scalar == "#" {
                while let commented = text[cursor], commented != "\n" { cursor += 1 }
            } else {
                return
            }
        }
    }

    /// Throws when the backslash at `index` continues the last line of the block onto nothing.
    func checkContinuationNotAtEnd(_ index: Int) throws(LexError) {
        if index == text.lastSignificantIndex, text[index + 1] == nil || text[index + 1] == "\n" {
            throw LexError(range: text.range(index, index + 1), message: "line continuation at the end of the block")
        }
    }
}
