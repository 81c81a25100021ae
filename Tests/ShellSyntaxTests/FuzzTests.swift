import Diagnostics
import Testing
@testable import ShellSyntax

/// Random text built from shell-significant characters never crashes the lexer and always
/// yields well-formed results.
@Suite struct FuzzTests {
    /// A small deterministic generator (64-bit LCG), so every run sees the same inputs.
    struct Generator {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let alphabet: [String] = [
        "a", "B", "1", " ", "\t", "\n", "'", "\"", "\\", "$", "(", ")", "{", "}", "`", "|", "&", ";",
        "<", ">", "#", "=", "-", "~", "*", "\r", "if ", "then ", "fi", "do ", "done", "case ", " in ",
        "esac", "<<EOF\n", "\nEOF\n", "<A>", "$(", "${", "$((", "))", "é", "🎉", "<(", ">(", "A=(", "B+=(",
        "<a-b>", "+--", "...", "…", "> SELECT ", ">>> ", "\n  --flag ",
    ]

    @Test(arguments: [ShellDialect.script, .console])
    func randomTextLexesToWellFormedResults(_ dialect: ShellDialect) {
        var generator = Generator(state: dialect == .script ? 1 : 2)
        for _ in 0..<3_000 {
            var text = dialect == .console ? "$ " : ""
            for _ in 0..<generator.next(below: 40) {
                text += Self.alphabet[generator.next(below: Self.alphabet.count)]
            }
            let script = lex(text, dialect: dialect, line: 3, column: 2)
            #expect(script.diagnostics.count <= 1, "\(text.debugDescription)")
            for diagnostic in script.diagnostics {
                #expect(diagnostic.range.start < diagnostic.range.end, "\(text.debugDescription)")
                #expect(diagnostic.range.start >= SourcePosition(line: 3, column: 2), "\(text.debugDescription)")
            }
            for command in script.commands {
                #expect(command.range.start <= command.range.end, "\(text.debugDescription)")
                for word in command.words + command.assignments.map(\.value) {
                    #expect(word.range.start <= word.range.end, "\(text.debugDescription)")
                    for part in word.parts {
                        if case .literal(let value, let positions) = part {
                            #expect(positions.count == value.unicodeScalars.count, "\(text.debugDescription)")
                        }
                    }
                }
            }
        }
    }
}
