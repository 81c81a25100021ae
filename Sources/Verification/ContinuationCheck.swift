import Diagnostics
import ShellSyntax

/// `shell.missing-continuation`: a command whose first word is a flag (`--header`, `-H`) on
/// the line right after a command that ended at its newline. The `\` that joined the two lines
/// is missing, so the shell runs the flag line as a command of its own. A list of flag lines
/// with no command before them is a list of options, not a command.
enum ContinuationCheck {
    static func diagnostics(for commands: [SimpleCommand]) -> [Diagnostic] {
        zip(commands, commands.dropFirst()).compactMap { previous, command in
            guard previous.separator == .end, let program = previous.words.first?.literalValue, !isFlag(program),
                  command.assignments.isEmpty, let first = command.words.first, let flag = first.literalValue, isFlag(flag),
                  first.range.start.line == previous.range.end.line + 1 else { return nil }
            let line = previous.range.end.line
            return Diagnostic(rule: .shellMissingContinuation, range: first.range,
                              message: "line \(first.range.start.line) starts with the flag `\(flag)` but line \(line) does not end with `\\`: the shell runs `\(flag) …` as a command of its own",
                              suggestion: "end line \(line) with ` \\`")
        }
    }

    private static func isFlag(_ word: String) -> Bool {
        word.hasPrefix("-") && word.drop(while: { $0 == "-" }).first?.isLetter == true
    }
}
