/// One open construct on the scanner's stack: how to read inside it, and what it reports
/// when it is left open.
struct ScanFrame {
    enum Kind {
        case doubleQuote
        case backtick
        case commandSubstitution
        case arithmetic
        case parameter(inDoubleQuotes: Bool)
    }

    var kind: Kind
    var construct: Construct
    var open: Int
    var parenthesisDepth = 0

    static func doubleQuote(at open: Int) -> ScanFrame { ScanFrame(kind: .doubleQuote, construct: .doubleQuote, open: open) }
    static func backtick(at open: Int) -> ScanFrame { ScanFrame(kind: .backtick, construct: .backtick, open: open) }
    static func commandSubstitution(at open: Int) -> ScanFrame {
        ScanFrame(kind: .commandSubstitution, construct: .commandSubstitution, open: open)
    }
    /// `<(` (input) or `>(`: read inside like `$(`.
    static func processSubstitution(at open: Int, input: Bool) -> ScanFrame {
        ScanFrame(kind: .commandSubstitution, construct: input ? .inputProcessSubstitution : .outputProcessSubstitution, open: open)
    }
    /// The `(` of `NAME=(...)`: its elements are words, read inside like `$(`.
    static func arrayValue(at open: Int) -> ScanFrame {
        ScanFrame(kind: .commandSubstitution, construct: .arrayValue, open: open)
    }
    static func arithmeticExpansion(at open: Int) -> ScanFrame {
        ScanFrame(kind: .arithmetic, construct: .arithmeticExpansion, open: open)
    }
    static func arithmeticCommand(at open: Int) -> ScanFrame {
        ScanFrame(kind: .arithmetic, construct: .arithmeticCommand, open: open)
    }
    static func parameterExpansion(at open: Int, inDoubleQuotes: Bool) -> ScanFrame {
        ScanFrame(kind: .parameter(inDoubleQuotes: inDoubleQuotes), construct: .parameterExpansion, open: open)
    }
}

extension Lexer {
    /// Finds the end of the construct `outermost` opens (its content starts at `contentStart`),
    /// following nested quotes, substitutions and backticks on an explicit stack. Returns the
    /// index after the construct; throws for the innermost construct left open at `limit`.
    func scanConstruct(_ outermost: ScanFrame, contentStart: Int, limit: Int) throws(LexError) -> Int {
        var stack = [outermost]
        var index = contentStart
        while let frame = stack.last {
            guard index < limit else { throw unterminated(frame.construct, at: frame.open) }
            let scalar = text.scalars[index]
            switch frame.kind {
            case .doubleQuote:
                switch scalar {
                case "\"": stack.removeLast(); index += 1
                case "\\": index += 2
                case "$": index = openExpansion(at: index, limit: limit, inDoubleQuotes: true, on: &stack)
                case "`": stack.append(.backtick(at: index)); index += 1
                default: index += 1
                }
            case .backtick:
                switch scalar {
                case "\\": index += 2
                case "`": stack.removeLast(); index += 1
                default: index += 1
                }
            case .commandSubstitution:
                switch scalar {
                case "'":
                    guard let close = firstIndex(of: "'", from: index + 1, limit: limit) else {
                        throw unterminated(.singleQuote, at: index)
                    }
                    index = close + 1
                case "\"": stack.append(.doubleQuote(at: index)); index += 1
                case "\\": index += 2
                case "`": stack.append(.backtick(at: index)); index += 1
                case "$": index = openExpansion(at: index, limit: limit, inDoubleQuotes: false, on: &stack)
                case "(": stack[stack.count - 1].parenthesisDepth += 1; index += 1
                case ")":
                    if frame.parenthesisDepth == 0 { stack.removeLast() } else { stack[stack.count - 1].parenthesisDepth -= 1 }
                    index += 1
                case "#" where startsComment(before: index):
                    while index < limit, text.scalars[index] != "\n" { index += 1 }
                default: index += 1
                }
            case .arithmetic:
                switch scalar {
                case "(": stack[stack.count - 1].parenthesisDepth += 1; index += 1
                case ")":
                    if frame.parenthesisDepth > 0 {
                        stack[stack.count - 1].parenthesisDepth -= 1
                        index += 1
                    } else if index + 1 < limit, text.scalars[index + 1] == ")" {
                        stack.removeLast()
                        index += 2
                    } else if case .arithmeticExpansion = frame.construct {
                        // `$((cd x; ls) ...)`: a subshell inside `$(`, not arithmetic.
                        stack[stack.count - 1].kind = .commandSubstitution
                        index += 1
                    } else {
                        stack.removeLast()
                        index += 1
                    }
                case "\"": stack.append(.doubleQuote(at: index)); index += 1
                case "\\": index += 2
                case "`": stack.append(.backtick(at: index)); index += 1
                case "$": index = openExpansion(at: index, limit: limit, inDoubleQuotes: false, on: &stack)
                default: index += 1
                }
            case .parameter(let inDoubleQuotes):
                switch scalar {
                case "}": stack.removeLast(); index += 1
                case "\\": index += 2
                case "'" where !inDoubleQuotes:
                    guard let close = firstIndex(of: "'", from: index + 1, limit: limit) else {
                        throw unterminated(.singleQuote, at: index)
                    }
                    index = close + 1
                case "\"": stack.append(.doubleQuote(at: index)); index += 1
                case "`": stack.append(.backtick(at: index)); index += 1
                case "$": index = openExpansion(at: index, limit: limit, inDoubleQuotes: inDoubleQuotes, on: &stack)
                default: index += 1
                }
            }
        }
        return index
    }

    /// Pushes the `$(`, `$((` or `${` that starts at `index`, if any; returns where to go on.
    private func openExpansion(at index: Int, limit: Int, inDoubleQuotes: Bool, on stack: inout [ScanFrame]) -> Int {
        guard index + 1 < limit else { return index + 1 }
        switch text.scalars[index + 1] {
        case "(":
            if index + 2 < limit, text.scalars[index + 2] == "(" {
                stack.append(.arithmeticExpansion(at: index))
                return index + 3
            }
            stack.append(.commandSubstitution(at: index))
            return index + 2
        case "{":
            stack.append(.parameterExpansion(at: index, inDoubleQuotes: inDoubleQuotes))
            return index + 2
        default:
            return index + 1
        }
    }

    /// A `#` starts a comment inside `$(...)` when it starts a word.
    private func startsComment(before index: Int) -> Bool {
        switch text.scalars[index - 1] {
        case " ", "\t", "\n", ";", "&", "|", "(", ")": true
        default: false
        }
    }
}
