import Diagnostics
import Testing
@testable import ShellSyntax

/// Bash arrays and process substitutions are words, not syntax errors.
@Suite struct ArrayAndProcessSubstitutionTests {
    @Test(arguments: [
        "NODES=(\"n1\" \"n2\" \"n3\")",
        "list+=(x y)",
        "ARR=(a \"$B\" $(date) 'c d') influxctl database list",
        "ARR=(\n  one # first\n  two\n)",
        "declare -a ARR=(x y)",
        "EMPTY=()",
    ])
    func arrayAssignmentsAreAssignments(_ text: String) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty, "\(script.diagnostics)")
        let command = try #require(script.commands.last)
        #expect(command.assignments.count + command.words.count >= 1)
    }

    @Test func anArrayValueIsUnknownToLaterExpansions() throws {
        let script = lex("DB=(a b)\ninfluxctl database create \"$DB\"")
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.last)
        #expect(command.words[3].hasUnknownParts)
    }

    @Test func aParenthesisAfterAnArgumentIsStillAnError() {
        #expect(lex("echo A=(x)").diagnostics.map(\.message) == ["unexpected `(`"])
    }

    @Test(arguments: ["source <(influx completion bash)", "diff <(a) <(b)", "tee >(gzip > x.gz)", "echo 2>(cat)"])
    func processSubstitutionsAreWords(_ text: String) {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty, "\(script.diagnostics)")
        #expect(script.commands.last?.words.last?.hasUnknownParts == true)
    }

    @Test func commandsInsideAProcessSubstitutionAreRead() {
        let script = lex("diff <(influxctl database list) expected.txt")
        #expect(script.commands.map(\.program) == ["influxctl", "diff"])
    }

    @Test func redirectionsReadAsBefore() throws {
        let script = lex("cat <in.txt 2>&1 >out.txt")
        let command = try #require(script.commands.first)
        #expect(command.redirections.map(\.op) == ["<", "2>&1", ">"])
        #expect(lex("cat < (x)").diagnostics.map(\.message) == ["redirection `<` with no target"])
    }

    @Test(arguments: [
        ("diff <(a", "unterminated process substitution `<(`", "1:6-1:8"),
        ("tee >(gzip", "unterminated process substitution `>(`", "1:5-1:7"),
        ("A=(x y", "unterminated array assignment `(`: its list has no closing `)`", "1:3-1:4"),
    ])
    func unterminatedConstructsSayWhich(text: String, message: String, range: String) throws {
        let diagnostic = try #require(lex(text).diagnostics.first)
        #expect(diagnostic.message == message)
        #expect(spelled(diagnostic.range) == range)
    }
}
