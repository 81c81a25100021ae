import Diagnostics
import Testing
@testable import ShellSyntax

/// The lexer's pathological inputs that `PathologicalInputTests` does not cover: long
/// unterminated constructs, deep closed nesting, console transcripts, and expansions that
/// would multiply a variable's text. Each completes with a result or one diagnostic.
@Suite struct PathologicalShellTests {
    @Test func megabyteDoubleQuotedWord() {
        let script = lex("echo \"" + String(repeating: "a $B ", count: 200_000) + "\"")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.first?.words.count == 2)
    }

    @Test func aLineOfHundredThousandUnclosedShortcodes() {
        let script = lex("echo \"" + String(repeating: "{{< x ", count: 100_000) + "\" " + String(repeating: "{{%", count: 100_000))
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.first?.words.count == 3)
    }

    @Test func singleQuoteLeftOpenForHundredThousandLines() throws {
        let script = lex("echo 'never closed\n" + String(repeating: "line\n", count: 100_000))
        let diagnostic = try #require(script.diagnostics.first)
        #expect(script.diagnostics.count == 1)
        #expect(diagnostic.message == "unterminated single quote")
        #expect(spelled(diagnostic.range) == "1:6-1:7")
    }

    @Test func hereDocumentLeftOpenForHundredThousandLines() {
        let script = lex("cat <<EOF\n" + String(repeating: "$(x) `y` ${z}\n", count: 100_000))
        #expect(script.diagnostics.count <= 1)
        #expect(script.diagnostics.allSatisfy { $0.range.start.line == 1 })
    }

    @Test func closedParameterExpansionsNestedTenThousandDeep() {
        let script = lex("echo " + String(repeating: "${A:-", count: 10_000) + "x" + String(repeating: "}", count: 10_000))
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.first?.words.last?.hasUnknownParts == true)
    }

    @Test func closedArithmeticNestedTenThousandDeep() {
        let script = lex("echo $((" + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "))")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.count == 1)
    }

    @Test func backticksNestedByEscapingTwelveDeep() {
        // Each level doubles the backslashes before its backticks: \` then \\\` then \\\\\\\` ...
        var inner = "x"
        for level in 1...12 {
            let escape = String(repeating: "\\", count: (1 << (level - 1)) - 1)
            inner = "echo " + escape + "`" + inner + escape + "`"
        }
        let script = lex(inner)
        #expect(script.diagnostics.count <= 1)
        #expect(script.commands.last?.words.first?.literalValue == "echo")
    }

    @Test func consoleCommandWithHundredThousandContinuationLines() throws {
        let text = "$ influxctl \\\n" + String(repeating: "  --flag \\\n", count: 100_000) + "  end\noutput"
        let script = lex(text, dialect: .console)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.first)
        #expect(command.words.count == 100_002)
        #expect(command.words.last?.literalValue == "end")
    }

    @Test func hundredThousandConsolePrompts() {
        let script = lex(String(repeating: "$ influxctl token list\nID  DESCRIPTION\n", count: 100_000), dialect: .console)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.count == 100_000)
    }

    @Test func tenMegabytesOfSeparators() throws {
        let script = lex(String(repeating: ";", count: 10_000_000))
        let diagnostic = try #require(script.diagnostics.first)
        #expect(diagnostic.range.start == SourcePosition(line: 1, column: 1))
    }

    /// Regression: each `A=$A$A` doubled the text the lexer held, so 40 lines took 2^40
    /// scalars. Expansions now share a budget of max(1 Mi, block size) scalars per block.
    @Test func selfDoublingAssignmentsStopAtTheExpansionBudget() throws {
        func lastArgument(doublings: Int) throws -> Word {
            let text = "A=xx\n" + String(repeating: "A=$A$A\n", count: doublings) + "echo $A"
            let script = lex(text)
            #expect(script.diagnostics.isEmpty)
            return try #require(script.commands.last?.words.last)
        }
        // Doubling k expands 2^k scalars twice. After 17, 2^19 - 4 are spent and the echo's
        // 2^18 still fit the 2^20 budget; after 18, 2^20 - 4 are spent and the echo's 2^19
        // do not; from the 19th on, A itself is unknown.
        #expect(try lastArgument(doublings: 17).literalValue?.unicodeScalars.count == 1 << 18)
        #expect(try lastArgument(doublings: 18).hasUnknownParts)
        #expect(try lastArgument(doublings: 64).hasUnknownParts)
    }

    /// Regression: one 64 Ki value expanded 100,000 times made 6.5 G scalars.
    @Test func longValueExpandedManyTimesStopsAtTheExpansionBudget() throws {
        let text = "A=" + String(repeating: "a", count: 1 << 16) + "\necho" + String(repeating: " $A", count: 100_000)
        let command = try #require(lex(text).commands.last)
        #expect(command.words.count == 100_001)
        // 16 expansions of 2^16 scalars fill the 2^20 budget; the rest stay unknown.
        #expect(command.words[1...16].allSatisfy { $0.literalValue?.unicodeScalars.count == 1 << 16 })
        #expect(command.words[17...].allSatisfy { $0.hasUnknownParts })
    }

    @Test func expansionsWithinTheBudgetAreUnchanged() throws {
        let script = lex("A=ab\nA=$A$A\nexport B=\"$A-${A}\"\necho $B")
        #expect(try #require(script.commands.last?.words.last).literalValue == "abab-abab")
    }
}
