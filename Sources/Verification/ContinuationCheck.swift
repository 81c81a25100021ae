import Diagnostics
import ShellSyntax

/// Commands that a lost or broken `\` splits, so that a line meant to continue the command
/// above runs as a command of its own:
/// - `shell.missing-continuation`: a command whose first word is a flag (`--header`, `-H`), or
///   an indented line that is only an argument (`  DATABASE_NAME`), on the line right after a
///   command that ended at its newline. A list of flag lines with no command before them is a
///   list of options, not a command.
/// - `shell.comment-in-continuation`: a comment line after a line ending in `\`: the comment
///   ends the command, and the indented line after it runs on its own.
/// - `shell.unquoted-ampersand`: a URL whose query goes on after an unquoted `&`
///   (`…?db=x&precision=auto`): the shell runs the command up to the `&` in the background.
enum ContinuationCheck {
    static func diagnostics(for commands: [SimpleCommand], lines: [SourceLine]) -> [Diagnostic] {
        guard commands.count > 1 else { return [] }
        let byLine = Dictionary(lines.map { ($0.start.line, $0) }, uniquingKeysWith: { first, _ in first })
        return zip(commands, commands.dropFirst()).compactMap { previous, command in
            if let split = ampersandSplit(previous, command) { return split }
            guard previous.separator == .end, let program = previous.words.first?.literalValue, !isFlag(program),
                  command.assignments.isEmpty, let first = command.words.first else { return nil }
            let line = previous.range.end.line
            let next = first.range.start.line
            let value = first.literalValue ?? ""
            if isFlag(value), next == line + 1 {
                return Diagnostic(rule: .shellMissingContinuation, range: first.range,
                                  message: "line \(next) starts with the flag `\(value)` but line \(line) does not end with `\\`: the shell runs `\(value) …` as a command of its own",
                                  suggestion: "end line \(line) with ` \\`")
            }
            guard let nextLine = byLine[next], isIndented(nextLine) else { return nil }
            if next == line + 1, command.words.count == 1, command.redirections.isEmpty, isArgumentLike(value) {
                return Diagnostic(rule: .shellMissingContinuation, range: first.range,
                                  message: "line \(next) holds only `\(value)`, indented as part of the command above, but line \(line) does not end with `\\`: the shell runs `\(value)` as a command of its own",
                                  suggestion: "end line \(line) with ` \\`")
            }
            guard let ending = byLine[line], ending.text.trimmingTrailingBlanks.hasSuffix("\\"), next > line + 1 else { return nil }
            let between = (line + 1)..<next
            let comments = between.compactMap { byLine[$0] }.filter { $0.text.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
            guard let comment = comments.first,
                  between.allSatisfy({ number in byLine[number].map { $0.text.allSatisfy { $0 == " " || $0 == "\t" } || comments.contains($0) } ?? true }) else { return nil }
            let indent = comment.text.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
            let shown = comment.text.drop { $0 == " " || $0 == "\t" }.trimmingTrailingBlanks
            let range = SourceRange(start: SourcePosition(line: comment.start.line, column: comment.start.column + indent), length: shown.unicodeScalars.count)
            let ends = "ends `\(program) …`, continued from line \(line): the shell runs line \(next) (`\(value)`) as a command of its own"
            // `# ...` marks options left out on purpose: the writer knows the block is not whole.
            if isElision(shown) {
                return Diagnostic(rule: .shellCommentInContinuation, range: range,
                                  message: "the elision `\(shown)` on line \(comment.start.line) is a comment, so a reader who copies the block gets a broken command: it \(ends)",
                                  suggestion: "move the elision above the command (`# Add other options as needed`)", severity: .warning)
            }
            return Diagnostic(rule: .shellCommentInContinuation, range: range,
                              message: "the comment on line \(comment.start.line) \(ends)",
                              suggestion: "move the comment above the command, or delete it")
        }
    }

    /// The `&` that ends `previous` in the middle of a URL: right after an argument holding `?`,
    /// with the query's next `name=value` right after it. A URL standing alone on its line is
    /// a syntax or a connection string to paste elsewhere, not a command.
    private static func ampersandSplit(_ previous: SimpleCommand, _ command: SimpleCommand) -> Diagnostic? {
        guard previous.separator == .background, previous.words.count >= 2, let url = previous.words.last, url.raw.contains("?"), url.raw.contains("="),
              !url.raw.hasPrefix("\""), !url.raw.hasPrefix("'"), let parameter = command.assignments.first else { return nil }
        let ampersand = url.range.end
        guard previous.range.end == ampersand, parameter.range.start == ampersand.advanced(by: 1) else { return nil }
        return Diagnostic(rule: .shellUnquotedAmpersand, range: SourceRange(start: ampersand, length: 1),
                          message: "the `&` after `\(url.raw)` is not quoted: the shell runs \(previous.program.map { "`\($0) …`" } ?? "the command") up to it in the background, and `\(parameter.name)=…` and the lines after it as commands of their own",
                          suggestion: "put the URL in double quotes")
    }

    /// `# ...`, `# …`: a comment that only marks something left out.
    private static func isElision(_ comment: Substring) -> Bool {
        let body = comment.drop { $0 == "#" || $0 == " " }.trimmingTrailingBlanks
        let text = body.hasSuffix("\\") ? body.dropLast().trimmingTrailingBlanks : body
        return text == "..." || text == "…"
    }

    private static func isFlag(_ word: String) -> Bool {
        word.hasPrefix("-") && word.drop(while: { $0 == "-" }).first?.isLetter == true
    }

    /// An upper-case placeholder or value (`OPERATOR_TOKEN`, `IMAGE`), which no command is named.
    private static func isArgumentLike(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, first.isASCII, word.count >= 2 else { return false }
        return word.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" }
    }

    private static func isIndented(_ line: SourceLine) -> Bool {
        line.text.first == " " || line.text.first == "\t"
    }
}

extension StringProtocol {
    /// The text without blanks at its end.
    var trimmingTrailingBlanks: Substring {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
