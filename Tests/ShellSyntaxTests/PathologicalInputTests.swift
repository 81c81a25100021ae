import Diagnostics
import Testing
@testable import ShellSyntax

/// Huge or deeply nested input completes with a result or one diagnostic, never a crash.
@Suite struct PathologicalInputTests {
    @Test func tenMegabyteWord() throws {
        let script = lex("echo " + String(repeating: "a", count: 10_000_000))
        let word = try #require(script.commands.first?.words.last)
        #expect(word.literalValue?.unicodeScalars.count == 10_000_000)
        guard case .literal(_, let positions) = try #require(word.parts.first) else {
            Issue.record("the word is not literal")
            return
        }
        #expect(positions.last == SourcePosition(line: 1, column: 10_000_005))
    }

    @Test func tenMegabyteSingleQuotedWord() throws {
        let script = lex("echo '" + String(repeating: "{\"a\": 1}, ", count: 1_000_000) + "'")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.first?.words.last?.literalValue?.unicodeScalars.count == 10_000_000)
    }

    @Test func hundredThousandContinuationLines() throws {
        let text = "influxctl \\\n" + String(repeating: "  --flag \\\n", count: 100_000) + "  end"
        let command = try #require(lex(text).commands.first)
        #expect(command.words.count == 100_002)
        #expect(spelled(try #require(command.words.last).range) == "100002:3-100002:6")
    }

    @Test func hundredThousandLinesOfOneWord() throws {
        let text = "echo a" + String(repeating: "\\\nb", count: 100_000)
        let word = try #require(lex(text).commands.first?.words.last)
        #expect(word.literalValue?.count == 100_001)
    }

    @Test func commandSubstitutionNestedTenThousandDeep() throws {
        let closed = lex("echo " + String(repeating: "$(", count: 10_000) + "x" + String(repeating: ")", count: 10_000))
        #expect(closed.diagnostics.isEmpty)
        #expect(closed.commands.first?.words.last?.hasUnknownParts == true)

        let open = lex("echo " + String(repeating: "$(", count: 10_000))
        let diagnostic = try #require(open.diagnostics.first)
        #expect(diagnostic.message == "unterminated command substitution `$(`")
        #expect(spelled(diagnostic.range) == "1:20004-1:20006")
    }

    @Test func quotesAndSubstitutionsAlternatingTenThousandDeep() {
        let script = lex("echo \"" + String(repeating: "$(echo \"", count: 10_000))
        #expect(script.diagnostics.map(\.message) == ["unterminated double quote"])
        let closed = lex("echo \"" + String(repeating: "$(echo \"", count: 10_000) + String(repeating: "\")", count: 10_000) + "\"")
        #expect(closed.diagnostics.isEmpty)
    }

    /// A generated input, described by a short name rather than its megabytes.
    struct Input: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var text: String
        init(_ name: String, _ text: String) {
            testDescription = name
            self.text = text
        }
    }

    @Test(arguments: [
        Input("100,000 ${", String(repeating: "${", count: 100_000)),
        Input("100,001 backticks", String(repeating: "`", count: 100_001)),
        Input("100,000 $((", "echo " + String(repeating: "$((", count: 100_000)),
        Input("100,000 ((", String(repeating: "((", count: 100_000)),
        Input("100,000 unclosed subshells", String(repeating: "( ", count: 100_000) + "echo"),
        Input("1,000,001 backslashes", String(repeating: "\\", count: 1_000_001)),
        Input("100,000 double and single quotes", "echo " + String(repeating: "\"'", count: 100_000)),
        Input("100,000 )", String(repeating: ")", count: 100_000)),
        Input("100,000 &&", String(repeating: "&&", count: 100_000)),
        Input("100,000 unterminated $'", String(repeating: "$'\\", count: 100_000)),
        Input("50,000 unclosed if", String(repeating: "if a; then ", count: 50_000) + "b"),
    ])
    func malformedInputGivesOneDiagnostic(_ input: Input) {
        #expect(lex(input.text).diagnostics.count == 1)
    }

    @Test(arguments: [
        Input("100,000 nested subshells", String(repeating: "( ", count: 100_000) + "echo" + String(repeating: " )", count: 100_000)),
        Input("100,000 commands on a line", String(repeating: "a;", count: 100_000)),
        Input("100,000 here-document lines", "cat <<EOF\n" + String(repeating: "$X `y` line\n", count: 100_000) + "EOF"),
        Input("50,000 nested if", String(repeating: "if a; then ", count: 50_000) + "b" + String(repeating: "; fi", count: 50_000)),
        Input("100,000 prefix assignments", String(repeating: "X=1 ", count: 100_000) + "cmd"),
        Input("100,000 placeholders", "echo " + String(repeating: "<A>", count: 100_000)),
        Input("100,000 redirections", String(repeating: "<A", count: 100_000)),
        Input("50,000 here-documents without body", String(repeating: "cat <<EOF\n", count: 50_000)),
    ])
    func largeWellFormedInputLexes(_ input: Input) {
        let script = lex(input.text)
        #expect(script.diagnostics.isEmpty)
        #expect(!script.commands.isEmpty)
    }
}
