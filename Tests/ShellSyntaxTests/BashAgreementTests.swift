import Foundation
import Testing
@testable import ShellSyntax

/// The lexer's argv for every influxctl and curl call must be what bash passes.
@Suite struct BashAgreementTests {
    static let scriptBlocks = FixtureBlock.all().filter { $0.dialect == .script }

    @Test func fixturesHoldEnoughBlocks() {
        #expect(Self.scriptBlocks.count >= 20)
        #expect(Set(Self.scriptBlocks.map(\.file)) == ["create-tokens.md", "management-api.md", "shell-features.sh"])
    }

    @Test(arguments: scriptBlocks)
    func lexerArgvMatchesBash(_ block: FixtureBlock) throws {
        let script = ShellLexer.lex(block.lines, dialect: .script)
        #expect(script.diagnostics.isEmpty, "\(script.diagnostics)")
        let expected = script.commands.filter { $0.program == "influxctl" || $0.program == "curl" }.map(expectedCall)
        let recorded = try bashRecordedCalls(block.text)
        try #require(recorded.count == expected.count, "bash ran \(recorded) but the lexer found \(expected)")
        for (lexed, ran) in zip(expected, recorded) {
            try #require(lexed.count == ran.count, "lexer \(lexed) vs bash \(ran)")
            for (word, argument) in zip(lexed, ran) where word != nil {
                #expect(word == argument, "lexer \(lexed) vs bash \(ran)")
            }
        }
    }

    @Test func comparesMostWordsLiterally() throws {
        var literal = 0
        var unknown = 0
        for block in Self.scriptBlocks {
            for command in ShellLexer.lex(block.lines, dialect: .script).commands {
                for word in command.words {
                    if word.hasUnknownParts { unknown += 1 } else { literal += 1 }
                }
            }
        }
        #expect(literal > 150)
        #expect(unknown < literal / 10)
    }

    /// Single-line commands made of random quoting pieces (seeded, so the same every run).
    static let randomCommands: [String] = {
        let pieces = [
            "a", "b", " ", " ", "'x y'", "\"p q\"", "\\ ", "\\\\", "\\'", "\\\"", "\"\\\\\"", "\"\\$\"", "\"\\q\"",
            "'\\'", "\\\n", "\"a\\\nb\"", "'l1\nl2'", "${V}", "\"${V}\"", "${E}", "\"${E}\"", "''", "\"\"", "=",
            "-", "--f=", "#", "%", "é", "\t", "*", "~", "${W}", "\"${W}\"", "x${E}", "\\$V", "'$V'", "$'t\\tx'",
            "\"'\"", "'\"'", ":", ",", "{", "}", "<P>", "\"<Q>\"",
        ]
        var generator = FuzzTests.Generator(state: 42)
        return (0..<150).map { _ in
            var command = "influxctl "
            for _ in 0..<(1 + generator.next(below: 10)) { command += pieces[generator.next(below: pieces.count)] }
            return command
        }
    }()

    @Test func randomQuotingMatchesBash() throws {
        let prelude = "V=' v1  v2 '\nE=\nexport W=\"w\"\n"
        var compared = 0
        for command in Self.randomCommands {
            let script = lex(prelude + command)
            guard script.diagnostics.isEmpty else { continue }
            let lexed = script.commands.filter { $0.program == "influxctl" }.map(argv)
            // Bash reads `<P>` as redirections; give it the quoted form the lexer's reading means.
            let recorded = try bashRecordedCalls(prelude + command.replacingOccurrences(of: "<P>", with: "'<P>'"))
            #expect(lexed.count == recorded.count, "\(command.debugDescription)")
            for (words, ran) in zip(lexed, recorded) {
                #expect(words.count == ran.count, "\(command.debugDescription): lexer \(words), bash \(ran)")
                for (word, argument) in zip(words, ran) where word != nil {
                    #expect(word == argument, "\(command.debugDescription): lexer \(words), bash \(ran)")
                }
            }
            compared += 1
        }
        #expect(compared > 100)
    }

    /// The argv bash would record: words (nil when unknown), and for curl reading `@-`, the
    /// here-document it reads (the recorder appends "x" to keep a trailing newline).
    private func expectedCall(_ command: SimpleCommand) -> [String?] {
        var call = argv(command)
        if command.program == "curl", call.contains("@-") {
            let body = command.redirections.first { $0.op.hasPrefix("<<") }?.hereDocument?.literalValue
            call.append("<stdin>")
            call.append(body.map { $0 + "x" })
        }
        return call
    }
}
