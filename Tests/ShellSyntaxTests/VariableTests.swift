import Diagnostics
import Testing
@testable import ShellSyntax

/// Literal assignments earlier in the block resolve later `$VAR`s; nothing else does.
@Suite struct VariableTests {
    @Test(arguments: [
        ("DB=mydb\ncmd $DB", ["cmd", "mydb"]),
        ("export DB=mydb\ncmd ${DB}", ["cmd", "mydb"]),
        ("export DB=\"my db\"\ncmd \"$DB\"", ["cmd", "my db"]),
        ("DB=one\nDB=two\ncmd $DB", ["cmd", "two"]),
        ("DB=x cmd $DB", ["cmd", nil]),
        ("DB=$(date)\ncmd $DB", ["cmd", nil]),
        ("DB=known\nDB=$(date)\ncmd $DB", ["cmd", nil]),
        ("cmd $UNSET", ["cmd", nil]),
        ("DB=x\nfor DB in a b; do cmd $DB; done", ["cmd", nil]),
        ("DB=x\nread -r DB\ncmd $DB", ["cmd", nil]),
        ("DB=x\nunset DB\ncmd $DB", ["cmd", nil]),
        ("DB=x; cmd ${DB:-y} ${DB-z}", ["cmd", "x", "x"]),
        ("cmd ${DB:-y}", ["cmd", nil]),
        ("DB=; cmd ${DB:-y} ${DB-z}", ["cmd", nil]),
        ("DB=x; cmd ${DB#x} ${#DB}", ["cmd", nil, nil]),
        ("DB=x; (DB=y); cmd $DB", ["cmd", "x"]),
        ("DB=x; (DB=y; cmd $DB)", ["cmd", "y"]),
        ("DB=x | cat\ncmd $DB", ["cmd", nil]),
        ("A=1 B=2; cmd $A$B", ["cmd", "12"]),
        ("DB=x; cmd pre-${DB}-post", ["cmd", "pre-x-post"]),
        ("X='a b'; cmd $X", ["cmd", "a", "b"]),
        ("X=' a  b '; cmd x$X\"y\"", ["cmd", "x", "a", "b", "y"]),
        ("X='a b'; cmd \"$X\"", ["cmd", "a b"]),
        ("E=; cmd $E x", ["cmd", "x"]),
        ("E=; cmd \"$E\" ''", ["cmd", "", ""]),
        ("readonly R=v; cmd $R", ["cmd", "v"]),
        ("export A=1 B=\"2 3\"; cmd $A \"$B\"", ["cmd", "1", "2 3"]),
        ("export URL=\"https://$HOST/x\"; cmd $URL", ["cmd", nil]),
        ("X=1; cmd '$X' \"\\$X\" \\$X", ["cmd", "$X", "$X", "$X"]),
    ] as [(String, [String?])])
    func resolution(_ text: String, expected: [String?]) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.last)
        #expect(argv(command) == expected)
    }

    @Test func unknownPartsKeepTheirSourceAndRange() throws {
        let word = try #require(lex("cmd --expires-at=\"$(date -d '+7 days')\"Z", line: 2, column: 3).commands.last?.words.last)
        #expect(word.parts.count == 3)
        #expect(word.parts.first == .literal("--expires-at=", positions: ScalarPositions((0..<13).map { SourcePosition(line: 2, column: 7 + $0) })))
        #expect(word.parts[1] == .unknown(source: "$(date -d '+7 days')", range: SourceRange(start: SourcePosition(line: 2, column: 21), length: 20)))
        #expect(word.parts.last == .literal("Z", positions: ScalarPositions([SourcePosition(line: 2, column: 42)])))
        #expect(word.displayValue == "--expires-at=$(date -d '+7 days')Z")
        #expect(word.literalValue == nil)
    }

    @Test(arguments: [
        ("cmd $db", "$db"),
        ("cmd \"${HOST}\"", "${HOST}"),
        ("cmd `date`", "`date`"),
        ("cmd $((1+2))", "$((1+2))"),
        ("cmd ~/config.toml", "~"),
        ("cmd $'\\x41'", "$'\\x41'"),
        ("cmd $1", "$1"),
    ])
    func unknownSources(_ text: String, source: String) throws {
        let word = try #require(lex(text).commands.last?.words.last)
        guard case .unknown(let spelled, _) = try #require(word.parts.first) else {
            Issue.record("\(word.parts) starts with a literal")
            return
        }
        #expect(spelled == source)
    }

    @Test func prefixAssignmentsAreRecorded() throws {
        let command = try #require(lex("TOKEN=abc INFLUX_HOST=\"x y\" influxctl token list").commands.first)
        #expect(command.assignments.map(\.name) == ["TOKEN", "INFLUX_HOST"])
        #expect(command.assignments.map(\.value.literalValue) == ["abc", "x y"])
        #expect(argv(command) == ["influxctl", "token", "list"])
    }

    @Test func assignmentsAfterTheProgramAreWords() throws {
        let command = try #require(lex("influxctl X=1").commands.first)
        #expect(command.assignments.isEmpty)
        #expect(argv(command) == ["influxctl", "X=1"])
    }

    @Test func assignmentOnlyCommandsHaveNoWords() throws {
        let command = try #require(lex("A=1 B=\"two words\"").commands.first)
        #expect(command.words.isEmpty)
        #expect(command.program == nil)
        #expect(command.assignments.map(\.value.literalValue) == ["1", "two words"])
    }
}
