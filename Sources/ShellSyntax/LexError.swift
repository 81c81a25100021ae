import Diagnostics

/// The one syntax error that stops the lexing of a block.
struct LexError: Error {
    let range: SourceRange
    let message: String

    var diagnostic: Diagnostic {
        Diagnostic(rule: .shellSyntax, range: range, message: message)
    }
}

/// A construct whose end the scanner looks for; each has its own "unterminated" message.
enum Construct {
    case singleQuote
    case doubleQuote
    case commandSubstitution
    case arithmeticExpansion
    case arithmeticCommand
    case parameterExpansion
    case backtick
    case ansiCQuote
    case inputProcessSubstitution
    case outputProcessSubstitution
    /// The parenthesised list of an array assignment, `NAME=(...)`.
    case arrayValue

    /// How the opening of the construct is spelt.
    var opening: String {
        switch self {
        case .singleQuote: "'"
        case .doubleQuote: "\""
        case .commandSubstitution: "$("
        case .arithmeticExpansion: "$(("
        case .arithmeticCommand: "(("
        case .parameterExpansion: "${"
        case .backtick: "`"
        case .ansiCQuote: "$'"
        case .inputProcessSubstitution: "<("
        case .outputProcessSubstitution: ">("
        case .arrayValue: "("
        }
    }

    var unterminatedMessage: String {
        switch self {
        case .singleQuote: "unterminated single quote"
        case .doubleQuote: "unterminated double quote"
        case .commandSubstitution: "unterminated command substitution `$(`"
        case .arithmeticExpansion: "unterminated arithmetic expansion `$((`"
        case .arithmeticCommand: "unterminated arithmetic command `((`"
        case .parameterExpansion: "unterminated parameter expansion `${`"
        case .backtick: "unterminated backtick"
        case .ansiCQuote: "unterminated ANSI-C quote `$'`"
        case .inputProcessSubstitution: "unterminated process substitution `<(`"
        case .outputProcessSubstitution: "unterminated process substitution `>(`"
        case .arrayValue: "unterminated array assignment `(`: its list has no closing `)`"
        }
    }
}
