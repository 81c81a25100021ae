import Diagnostics
import Testing
@testable import ShellSyntax

/// Each syntax error, at its exact position; at most one per block.
@Suite struct ErrorTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var text: String
        var column = 1
        var message: String
        var range: String
        var testDescription: String { text.debugDescription }
    }

    static let cases: [ErrorCase] = [
        ErrorCase(text: "echo \"abc", message: "unterminated double quote", range: "7:6-7:7"),
        ErrorCase(text: "  echo \"abc", column: 5, message: "unterminated double quote", range: "7:12-7:13"),
        ErrorCase(text: "echo 'abc", message: "unterminated single quote", range: "7:6-7:7"),
        ErrorCase(text: "echo ok\necho 'bad\nmore", message: "unterminated single quote", range: "8:6-8:7"),
        ErrorCase(text: "echo $(date", message: "unterminated command substitution `$(`", range: "7:6-7:8"),
        ErrorCase(text: "echo \"$(echo \"$(date)\"", message: "unterminated command substitution `$(`", range: "7:7-7:9"),
        ErrorCase(text: "echo \"$(echo 'x)\"", message: "unterminated single quote", range: "7:14-7:15"),
        ErrorCase(text: "echo `date", message: "unterminated backtick", range: "7:6-7:7"),
        ErrorCase(text: "echo \"`date\"", message: "unterminated backtick", range: "7:7-7:8"),
        ErrorCase(text: "echo ${HOME", message: "unterminated parameter expansion `${`", range: "7:6-7:8"),
        ErrorCase(text: "echo $((1 + 2)", message: "unterminated arithmetic expansion `$((`", range: "7:6-7:9"),
        ErrorCase(text: "((1 + 2", message: "unterminated arithmetic command `((`", range: "7:1-7:3"),
        ErrorCase(text: "echo $'abc", message: "unterminated ANSI-C quote `$'`", range: "7:6-7:8"),
        ErrorCase(text: "echo a \\", message: "line continuation at the end of the block", range: "7:8-7:9"),
        ErrorCase(text: "echo a \\\n", message: "line continuation at the end of the block", range: "7:8-7:9"),
        ErrorCase(text: "influxctl token create \\\n  --read-database db \\\n  ", column: 3,
                  message: "line continuation at the end of the block", range: "8:24-8:25"),
        ErrorCase(text: "echo )", message: "unexpected `)`", range: "7:6-7:7"),
        ErrorCase(text: "echo foo(bar)", message: "unexpected `(`", range: "7:9-7:10"),
        ErrorCase(text: "(echo a &&)", message: "unexpected `)`", range: "7:11-7:12"),
        ErrorCase(text: "&& echo", message: "`&&` with no command before it", range: "7:1-7:3"),
        ErrorCase(text: "echo a\n|| echo b", message: "`||` with no command before it", range: "8:1-8:3"),
        ErrorCase(text: "echo a | | echo b", message: "`|` with no command before it", range: "7:10-7:11"),
        ErrorCase(text: "; echo", message: "`;` with no command before it", range: "7:1-7:2"),
        ErrorCase(text: "if true; then; fi", message: "`;` with no command before it", range: "7:14-7:15"),
        ErrorCase(text: "echo a ;; echo b", message: "unexpected `;;`", range: "7:8-7:10"),
        ErrorCase(text: "echo a &&", message: "`&&` with no command after it", range: "7:8-7:10"),
        ErrorCase(text: "echo a |\n\n", message: "`|` with no command after it", range: "7:8-7:9"),
        ErrorCase(text: "if true; then echo a && fi", message: "unexpected `fi`", range: "7:25-7:27"),
        ErrorCase(text: "if true; then echo a", message: "`if` without a matching `fi`", range: "7:1-7:3"),
        ErrorCase(text: "echo a\nfi", message: "unexpected `fi`", range: "8:1-8:3"),
        ErrorCase(text: "for x in a; do echo $x", message: "`for` without a matching `done`", range: "7:1-7:4"),
        ErrorCase(text: "for x in a b", message: "`for` without a matching `done`", range: "7:1-7:4"),
        ErrorCase(text: "while true; do\n  echo", message: "`while` without a matching `done`", range: "7:1-7:6"),
        ErrorCase(text: "do echo; done", message: "unexpected `do`", range: "7:1-7:3"),
        ErrorCase(text: "{ echo a;", message: "`{` without a matching `}`", range: "7:1-7:2"),
        ErrorCase(text: "( echo a", message: "unterminated subshell `(`", range: "7:1-7:2"),
        ErrorCase(text: "case x in a) echo;;", message: "`case` without a matching `esac`", range: "7:1-7:5"),
        ErrorCase(text: "then echo", message: "unexpected `then`", range: "7:1-7:5"),
        ErrorCase(text: "if a; then b; done", message: "unexpected `done`", range: "7:15-7:19"),
        ErrorCase(text: "}", message: "unexpected `}`", range: "7:1-7:2"),
        ErrorCase(text: "echo >", message: "redirection `>` with no target", range: "7:6-7:7"),
        ErrorCase(text: "echo 2> ; ls", message: "redirection `2>` with no target", range: "7:6-7:8"),
        ErrorCase(text: "cat <<", message: "redirection `<<` with no target", range: "7:5-7:7"),
        ErrorCase(text: "echo x <lower >", message: "redirection `>` with no target", range: "7:15-7:16"),
        ErrorCase(text: "echo <a b> ; ls", message: "redirection `>` with no target", range: "7:10-7:11"),
        ErrorCase(text: "sort <in.txt >", message: "redirection `>` with no target", range: "7:14-7:15"),
    ]

    @Test(arguments: cases)
    func errorIsReportedAtItsConstruct(_ testCase: ErrorCase) throws {
        let script = lex(testCase.text, line: 7, column: testCase.column)
        try #require(script.diagnostics.count == 1)
        let diagnostic = script.diagnostics[0]
        #expect(diagnostic.rule == .shellSyntax)
        #expect(diagnostic.message == testCase.message)
        #expect(spelled(diagnostic.range) == testCase.range)
    }

    @Test func commandsBeforeTheErrorAreKept() {
        let script = lex("influxctl a && influxctl b; echo \"x\ninfluxctl c")
        #expect(script.diagnostics.count == 1)
        #expect(script.commands.map(argv) == [["influxctl", "a"], ["influxctl", "b"]])
    }

    @Test func theCommandBeingReadIsDropped() {
        let script = lex("influxctl token create --read-database db 'unterminated")
        #expect(script.commands.isEmpty)
        #expect(script.diagnostics.map(\.message) == ["unterminated single quote"])
    }

    @Test func onlyTheFirstErrorIsReported() {
        let script = lex("echo )\necho (\necho \"")
        #expect(script.diagnostics.map(\.message) == ["unexpected `)`"])
    }

    /// Text that only a running shell could resolve is not an error.
    @Test(arguments: [
        "echo $UNSET ${ALSO_UNSET:-x} $(date) `date` $((1 + 2)) $1 $@ $?",
        "echo \\",
        "echo a \\ ",
        "echo 'it''s' \"a\"\"b\"",
        "cmd &",
        "cmd; ",
        "echo \"$(echo \")\")\"",
        "echo $( (cd /tmp && ls) )",
        "echo $((cd /tmp; ls) )",
        "echo $(echo a # a comment with ) in it\n)",
    ])
    func unknownValuesAreNotErrors(_ text: String) {
        #expect(lex(text + "\nnext").diagnostics.isEmpty)
    }
}
