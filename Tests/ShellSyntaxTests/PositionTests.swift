import Diagnostics
import Testing
@testable import ShellSyntax

/// Where words, commands and scalars stand in the file.
@Suite struct PositionTests {
    struct WordRangeCase: Sendable, CustomTestStringConvertible {
        var text: String
        var column: Int
        /// `value@range` per word of all commands, in order.
        var words: [String]
        var testDescription: String { text.debugDescription }
    }

    static let wordRangeCases: [WordRangeCase] = [
        WordRangeCase(text: "influxctl token create", column: 1,
                      words: ["influxctl@40:1-40:10", "token@40:11-40:16", "create@40:17-40:23"]),
        WordRangeCase(text: "influxctl token create", column: 5,
                      words: ["influxctl@40:5-40:14", "token@40:15-40:20", "create@40:21-40:27"]),
        WordRangeCase(text: "influxctl token create \\\n  --read-database db \\\n  \"My token\"", column: 4,
                      words: ["influxctl@40:4-40:13", "token@40:14-40:19", "create@40:20-40:26",
                              "--read-database@41:6-41:21", "db@41:22-41:24", "My token@42:6-42:16"]),
        WordRangeCase(text: "echo ab\\\ncd", column: 1, words: ["echo@40:1-40:5", "abcd@40:6-41:3"]),
        WordRangeCase(text: "echo 'a\nb'", column: 3, words: ["echo@40:3-40:7", "a\nb@40:8-41:5"]),
        WordRangeCase(text: "\tinfluxctl   version", column: 1, words: ["influxctl@40:2-40:11", "version@40:14-40:21"]),
        WordRangeCase(text: "echo 'héllo' 🎉x", column: 1, words: ["echo@40:1-40:5", "héllo@40:6-40:13", "🎉x@40:14-40:16"]),
        WordRangeCase(text: "a b;c  &&  d", column: 2, words: ["a@40:2-40:3", "b@40:4-40:5", "c@40:6-40:7", "d@40:13-40:14"]),
        WordRangeCase(text: "cmd --data=\"x\"'y' # note", column: 7, words: ["cmd@40:7-40:10", "--data=xy@40:11-40:24"]),
    ]

    @Test(arguments: wordRangeCases)
    func wordRanges(_ testCase: WordRangeCase) {
        let script = lex(testCase.text, line: 40, column: testCase.column)
        #expect(script.diagnostics.isEmpty)
        let words = script.commands.flatMap(\.words).map { "\($0.displayValue)@\($0.range)" }
        #expect(words == testCase.words)
    }

    @Test(arguments: [
        ("a b; c d", ["40:1-40:4", "40:6-40:9"]),
        ("influxctl token create \\\n  --read-database db \\\n  'desc'", ["40:1-42:9"]),
        ("X=1 cmd > out", ["40:1-40:14"]),
        ("cat <<EOF\nbody\nEOF\necho after", ["40:1-40:10", "43:1-43:11"]),
        ("( echo a )", ["40:3-40:9"]),
    ])
    func commandRanges(_ text: String, ranges: [String]) {
        #expect(lex(text, line: 40).commands.map { spelled($0.range) } == ranges)
    }

    @Test func assignmentAndRedirectionRanges() throws {
        let command = try #require(lex("TOKEN=abc influxctl token list > out.txt 2>&1", line: 3, column: 5).commands.first)
        let assignment = try #require(command.assignments.first)
        #expect(assignment.name == "TOKEN")
        #expect(spelled(assignment.range) == "3:5-3:14")
        #expect(spelled(assignment.value.range) == "3:11-3:14")
        #expect(assignment.value.raw == "abc")
        #expect(command.redirections.map { "\($0.op)@\($0.range)" } == [">@3:36-3:45", "2>&1@3:46-3:50"])
        #expect(spelled(try #require(command.redirections.first?.target).range) == "3:38-3:45")
    }

    @Test func rawKeepsQuotesAndContinuations() throws {
        let words = try #require(lex("echo 'a b'\"c\"\\\nd $X").commands.first).words
        #expect(words.map(\.raw) == ["echo", "'a b'\"c\"\\\nd", "$X"])
    }

    /// Literal scalars know their own file position, across quotes and continuations.
    @Test func perScalarPositionsAcrossContinuations() throws {
        let text = "echo \"ab\\\ncd\" 'e\nf'"
        let words = try #require(lex(text, line: 5, column: 3).commands.first).words
        try #require(words.count == 3)
        #expect(literalPositions(words[1]) == ["a@5:9", "b@5:10", "c@6:3", "d@6:4"])
        #expect(literalPositions(words[2]) == ["e@6:8", "\n@6:9", "f@7:3"])
    }

    @Test func jsonBodyPositionsPointIntoTheFile() throws {
        let text = "curl --data '{\n  \"name\": \"x\"\n}'"
        let body = try #require(lex(text, line: 10, column: 4).commands.first?.words.last)
        guard case .literal(let value, let positions) = try #require(body.parts.first) else {
            Issue.record("the body is not literal")
            return
        }
        let scalars = Array(value.unicodeScalars)
        let colon = try #require(scalars.firstIndex(of: ":"))
        #expect(positions[colon] == SourcePosition(line: 11, column: 12))
        #expect(positions.last == SourcePosition(line: 12, column: 4))
        #expect(positions.count == scalars.count)
    }

    @Test func escapedScalarsPointAtThemselves() throws {
        let words = try #require(lex("echo a\\ b \"\\$\"").commands.first).words
        #expect(literalPositions(words[1]) == ["a@1:6", " @1:8", "b@1:9"])
        #expect(literalPositions(words[2]) == ["$@1:13"])
    }

    /// A variable's text keeps the positions where its assignment spells it.
    @Test func expandedVariablesPointAtTheAssignment() throws {
        let script = lex("X='ab'\necho \"$X!\"")
        let word = try #require(script.commands.last?.words.last)
        #expect(literalPositions(word) == ["a@1:4", "b@1:5", "!@2:9"])
    }

    @Test func crlfLinesLexAsLf() throws {
        let script = lex("influxctl token create \\\r\n  --read-database db\r\necho done\r")
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(argv) == [["influxctl", "token", "create", "--read-database", "db"], ["echo", "done"]])
        #expect(spelled(try #require(script.commands.first?.words.last).range) == "2:19-2:21")
    }

    private func literalPositions(_ word: Word) -> [String] {
        word.parts.flatMap { part -> [String] in
            guard case .literal(let text, let positions) = part else { return ["?"] }
            return zip(text.unicodeScalars, positions).map { "\($0)@\($1)" }
        }
    }
}
