import Diagnostics
import Testing
@testable import ShellSyntax

/// Separators, redirections, here-documents, comments and compound commands.
@Suite struct StructureTests {
    @Test(arguments: [
        ("a; b && c || d | e & f", [CommandSeparator.semicolon, .and, .or, .pipe, .background, .end]),
        ("a\nb", [.end, .end]),
        ("a &&\n  b", [.and, .end]),
        ("a |\n\n  b", [.pipe, .end]),
        ("a |& b", [.pipe, .end]),
        ("a \\\n  && b", [.and, .end]),
        ("a &", [.background]),
        ("a;", [.semicolon]),
    ])
    func separators(_ text: String, separators: [CommandSeparator]) {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(\.separator) == separators)
    }

    @Test(arguments: [
        ("cmd > out", [">", "out"]),
        ("cmd >> out", [">>", "out"]),
        ("cmd < in", ["<", "in"]),
        ("cmd 2>&1", ["2>&1", nil]),
        ("cmd >&2", [">&2", nil]),
        ("cmd 2>&-", ["2>&-", nil]),
        ("cmd &> all.log", ["&>", "all.log"]),
        ("cmd &>> all.log", ["&>>", "all.log"]),
        ("cmd 2> err.log", ["2>", "err.log"]),
        ("cmd 2>err.log", ["2>", "err.log"]),
        ("cmd >| forced", [">|", "forced"]),
        ("cmd >& file", [">&", "file"]),
        ("cmd 3<> rw", ["3<>", "rw"]),
        ("cmd <<< \"here string\"", ["<<<", "here string"]),
        ("cmd >\"quoted name\"", [">", "quoted name"]),
    ] as [(String, [String?])])
    func redirections(_ text: String, expected: [String?]) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.first)
        #expect(argv(command) == ["cmd"])
        let redirection = try #require(command.redirections.first)
        #expect([redirection.op, redirection.target?.literalValue] == expected)
    }

    @Test func digitsInsideAWordAreNotDescriptors() throws {
        let command = try #require(lex("echo a2>out 2 > x").commands.first)
        #expect(argv(command) == ["echo", "a2", "2"])
        #expect(command.redirections.map(\.op) == [">", ">"])
    }

    @Test(arguments: [
        ("X=v\ncat <<EOF\nline $X `date`\n\\$X \\\\ \\q\nEOF\necho after", "<<", "EOF", "line v `date`\n$X \\ \\q\n"),
        ("X=v\ncat <<'EOF'\nline $X `date`\nEOF", "<<", "EOF", "line $X `date`\n"),
        ("cat <<\"EOF\"\n$X\nEOF", "<<", "EOF", "$X\n"),
        ("cat <<\\EOF\n$X\nEOF", "<<", "EOF", "$X\n"),
        ("cat << EOF\nspaced\nEOF", "<<", "EOF", "spaced\n"),
        ("cat <<-EOF\n\tindented\n\t\ttwice\n\tEOF", "<<-", "EOF", "indented\ntwice\n"),
        ("cat <<EOF\nno terminator\necho not a command", "<<", "EOF", "no terminator\necho not a command"),
        ("cat <<EOF\n  EOF\nEOF", "<<", "EOF", "  EOF\n"),
        ("cat <<EOF\nEOF", "<<", "EOF", ""),
        ("cat <<EOF", "<<", "EOF", ""),
    ])
    func hereDocuments(_ text: String, op: String, delimiter: String, body: String) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.first { $0.program == "cat" })
        let redirection = try #require(command.redirections.first)
        #expect(redirection.op == op)
        #expect(redirection.target?.literalValue == delimiter)
        let document = try #require(redirection.hereDocument)
        #expect(document.displayValue == body)
        #expect(script.commands.filter { $0.program == "echo" }.map(argv).allSatisfy { $0 == ["echo", "after"] })
    }

    @Test func hereDocumentBodiesArePositionedAndNotCommands() throws {
        let script = lex("cat <<A; cat <<B | grep x\nfirst\nA\nsecond\nB\necho after", line: 20, column: 3)
        #expect(script.commands.map(argv) == [["cat"], ["cat"], ["grep", "x"], ["echo", "after"]])
        let bodies = script.commands.prefix(2).map { $0.redirections.first?.hereDocument }
        #expect(bodies.map { $0?.literalValue } == ["first\n", "second\n"])
        let second = try #require(bodies[1])
        #expect(spelled(second.range) == "23:3-23:10")
        guard case .literal(_, let positions) = try #require(second.parts.first) else {
            Issue.record("the body is not literal")
            return
        }
        #expect(positions.first == SourcePosition(line: 23, column: 3))
    }

    @Test func hereDocumentAfterACompoundCommandIsConsumed() {
        let script = lex("while read -r line; do\n  echo \"$line\"\ndone <<EOF\na\nb\nEOF\necho after")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(\.program) == ["read", "echo", "echo"])
    }

    @Test(arguments: [
        ("# comment\necho a # trailing\necho b#c", [["echo", "a"], ["echo", "b#c"]]),
        ("echo '#not' \"#not\" \\#not", [["echo", "#not", "#not", "#not"]]),
        ("#!/bin/sh\n  # indented comment\n\necho x", [["echo", "x"]]),
        ("echo a;# comment after a semicolon", [["echo", "a"]]),
        ("echo $# ${#X}", [["echo", nil, nil]]),
    ] as [(String, [[String?]])])
    func comments(_ text: String, commands: [[String?]]) {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(argv) == commands)
    }

    @Test(arguments: [
        ("if true; then influxctl version; fi", ["true", "influxctl"]),
        ("if [ -n \"$X\" ]; then\n  echo yes\nelif false; then\n  echo no\nelse\n  echo maybe\nfi", ["[", "echo", "false", "echo", "echo"]),
        ("for db in a b; do influxctl database create \"$db\"; done", ["influxctl"]),
        ("while read -r line; do echo \"$line\"; done < file.txt", ["read", "echo"]),
        ("until false; do sleep 1; done", ["false", "sleep"]),
        ("{ echo a; echo b; }", ["echo", "echo"]),
        ("( cd /tmp && ls )", ["cd", "ls"]),
        ("deploy() {\n  influxctl token list\n}\ndeploy", ["influxctl", "deploy"]),
        ("function deploy {\n  influxctl token list\n}", ["influxctl"]),
        ("function deploy() { influxctl token list; }", ["influxctl"]),
        ("case \"$1\" in\n  start|go) influxctl version ;;\n  (*) echo usage ;;\nesac", ["influxctl", "echo"]),
        ("case x in a) echo a;; esac && echo done", ["echo", "echo"]),
        ("! grep -q x file && echo missing", ["grep", "echo"]),
        ("[[ -n $X && $Y < 3 ]] && echo ok", ["echo"]),
        ("for ((i = 0; i < 3; i++)); do echo $i; done", ["echo"]),
        ("time influxctl token list", ["influxctl"]),
        ("select x in a b; do echo $x; break; done", ["echo", "break"]),
        ("(( count++ )) || true", ["true"]),
        ("if true\nthen\n  echo a\nfi", ["true", "echo"]),
        ("for a in x; do\n  for b in y; do\n    echo \"$a$b\"\n  done\ndone | sort", ["echo", "sort"]),
        ("echo if then fi done {", ["echo"]),
    ] as [(String, [String?])])
    func compoundCommandsYieldTheirSimpleCommands(_ text: String, programs: [String?]) {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(\.program) == programs)
    }

    @Test func loopVariablesAreUnknownInsideTheBody() throws {
        let script = lex("for db in a b; do influxctl database create \"$db\"; done")
        let command = try #require(script.commands.first)
        #expect(argv(command) == ["influxctl", "database", "create", nil])
        #expect(command.separator == .semicolon)
    }

    @Test func reservedWordsAreWordsWhenQuotedOrLater() {
        #expect(lex("\"if\" a; echo then").commands.map(argv) == [["if", "a"], ["echo", "then"]])
    }

    @Test func lexingIsDeterministic() {
        let text = "export DB=x\ninfluxctl token create --read-database \"$DB\" \\\n  \"$(date)\" <<EOF\n$DB\nEOF"
        #expect(lex(text) == lex(text))
    }

    @Test func emptyBlocksHaveNoCommands() {
        #expect(ShellLexer.lex([], dialect: .script) == ShellScript(commands: [], diagnostics: []))
        #expect(lex("").commands.isEmpty)
        #expect(lex("\n  \n# only a comment").commands.isEmpty)
    }
}
