import Diagnostics

/// Lexes the shell text of documentation code blocks into simple commands whose words carry
/// file positions.
///
/// The lexer reads what docs contain: quotes, escapes, line continuations (also before CRLF),
/// comments, the operators `;` `&&` `||` `|` `&`, redirections and here-documents, `$VAR`,
/// `${...}`, `$(...)`, backticks and `$((...))`. Angle-bracket placeholders (`<etcd-host>`,
/// `<DATABASE_NAME>`, a line-final `<path to file>`) are text, never redirections. Compound commands (`if`, `for`, `while`, `until`, `case`, `{ }`, `( )`,
/// functions) are read through: their reserved words are checked for balance and dropped, and
/// the simple commands inside come out in order, as if each ran once.
///
/// Literal assignments (`NAME=value`, `export NAME=value`) made earlier in the block resolve
/// later `$NAME`s; the resolved text keeps the positions where the assignment spells it, and an
/// unquoted expansion is split into words at blanks as the shell does (each resulting word has
/// the range and raw text of the whole word it came from). Everything else a running shell
/// would compute is a `WordPart.unknown`, and so is an expansion past the block's budget
/// (all expansions together add at most the block's size in scalars, and at least 1 Mi). Globs and brace expansion are left as written.
///
/// A block stops at its first syntax error: the result then holds that one diagnostic and the
/// commands completed before the error (a command still being read when it happens is left out).
/// Lexing is linear in the size of the block and never recurses on nesting.
public enum ShellLexer {
    /// Lexes a code block's lines (each SourceLine carries the file position of its first char).
    /// A Hugo shortcode (`{{< name >}}`, `{{% name %}}`, closed on its line) is replaced before
    /// a shell sees the text: it reads as the value `shortcodeValues` gives for it as written,
    /// else as a value only Hugo knows, like a variable only a running shell knows.
    public static func lex(_ lines: [SourceLine], dialect: ShellDialect, shortcodeValues: [String: String] = [:]) -> ShellScript {
        guard !lines.isEmpty else { return ShellScript(commands: [], diagnostics: []) }
        var lexer = Lexer(text: SourceText(lines: lines), shortcodeValues: shortcodeValues)
        do {
            switch dialect {
            case .script: try lexer.parse(stopAtNewline: false)
            case .console: try lexer.parseConsoleTranscript()
            }
            return ShellScript(commands: lexer.commandsInOrder, diagnostics: [])
        } catch {
            return ShellScript(commands: lexer.commandsInOrder, diagnostics: [error.diagnostic])
        }
    }
}
