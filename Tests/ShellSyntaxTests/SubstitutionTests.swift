import Diagnostics
import Testing
@testable import ShellSyntax

/// Commands inside `$(...)` run before the command around them, so they are read as commands
/// of the block, at their own file positions.
@Suite struct SubstitutionTests {
    @Test func aSubstitutionInAnAssignmentIsACommand() throws {
        let script = lex("TOKEN=$(influxctl token create --read-database mydb \"Read-only\")", line: 4, column: 3)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(\.program) == ["influxctl", nil])
        let inner = try #require(script.commands.first)
        #expect(argv(inner) == ["influxctl", "token", "create", "--read-database", "mydb", "Read-only"])
        #expect(spelled(inner.range) == "4:11-4:66")
        #expect(inner.words[3].range.start == SourcePosition(line: 4, column: 34))
        #expect(script.commands.last?.assignments.map(\.name) == ["TOKEN"])
    }

    @Test func innerCommandsComeFirstInTheOrderTheShellRunsThem() {
        let script = lex("echo start\necho \"$(echo $(influxctl token list) middle)\" $(date)\necho end")
        #expect(script.commands.map(\.program) == ["echo", "influxctl", "echo", "date", "echo", "echo"])
        #expect(script.commands.map { $0.range.start.line } == [1, 2, 2, 2, 2, 3])
    }

    @Test func substitutionsSeeTheBlocksVariablesAndLines() throws {
        let script = lex("DB=mydb\nID=$(\n  influxctl token create \\\n    --read-database \"$DB\" desc\n)")
        let inner = try #require(script.commands.first { $0.program == "influxctl" })
        #expect(argv(inner) == ["influxctl", "token", "create", "--read-database", "mydb", "desc"])
        #expect(inner.words[4].range.start == SourcePosition(line: 4, column: 21))
    }

    @Test(arguments: ["echo $((1 + 2))", "echo '$(influxctl token list)'", "echo \"\\$(influxctl token list)\""])
    func arithmeticAndQuotedTextAreNoCommands(_ text: String) {
        #expect(lex(text).commands.map(\.program) == ["echo"])
    }

    @Test func substitutionsAreReadToEightLevels() {
        let nine = (0..<9).reduce("influxctl token list") { inner, _ in "echo $(\(inner))" }
        #expect(lex(nine).commands.count == 9)
        #expect(!lex(nine).commands.contains { $0.program == "influxctl" })
        let eight = (0..<8).reduce("influxctl token list") { inner, _ in "echo $(\(inner))" }
        #expect(lex(eight).commands.first?.program == "influxctl")
    }

    @Test func backtickSubstitutionsAreReadToo() throws {
        let script = lex("TOKEN=`influxctl token create --read-database mydb desc`\necho \"`influxctl token list`\"")
        #expect(script.commands.map(\.program) == ["influxctl", nil, "influxctl", "echo"])
        #expect(script.commands.first?.words[4].range.start == SourcePosition(line: 1, column: 47))
    }

    /// Inside backticks a backslash escapes `` ` ``, `$` and `\` only; such content is left unread.
    @Test func backticksHoldingABackslashAreLeftUnread() {
        #expect(lex("echo `influxctl token create \\`date\\` desc`").commands.map(\.program) == ["echo"])
    }

    @Test func aSubstitutionThatDoesNotLexAddsNothing() {
        let script = lex("echo $(if true; then influxctl token list)\nnext")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(\.program) == ["echo", "next"])
    }
}
