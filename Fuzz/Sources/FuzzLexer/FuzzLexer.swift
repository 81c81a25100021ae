import Diagnostics
import FuzzSupport
import ShellSyntax

/// Fuzzes the shell lexer. The first byte picks the dialect (its low bit); the rest is the
/// text of a code block, lexed as if the block started at 3:2. The result must hold at most
/// one diagnostic, ordered ranges at or after the block's start, and one position per scalar
/// of each literal; anything else traps, and libFuzzer keeps the input.
@main enum FuzzLexer {
    static func main() {
        runLibFuzzer(fuzzLexer)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLexer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let first = input.first else { return 0 }
    let dialect: ShellDialect = first & 1 == 0 ? .script : .console
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    let blockStart = SourcePosition(line: 3, column: 2)
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, content in
        SourceLine(text: String(String.UnicodeScalarView(content)), start: SourcePosition(line: blockStart.line + offset, column: blockStart.column))
    }
    let script = ShellLexer.lex(lines, dialect: dialect)
    check(script.diagnostics.count <= 1, "\(script.diagnostics.count) diagnostics")
    for diagnostic in script.diagnostics {
        check(diagnostic.range.start < diagnostic.range.end, "empty diagnostic range \(diagnostic.range)")
        check(diagnostic.range.start >= blockStart, "diagnostic at \(diagnostic.range), before the block")
    }
    for command in script.commands {
        check(command.range.start <= command.range.end, "command range \(command.range)")
        for word in command.words + command.assignments.map(\.value) {
            check(word.range.start <= word.range.end, "word range \(word.range)")
            check(word.range.start >= blockStart, "word at \(word.range), before the block")
            for part in word.parts {
                if case .literal(let value, let positions) = part {
                    check(positions.count == value.unicodeScalars.count, "\(positions.count) positions for \(value.unicodeScalars.count) scalars")
                }
            }
        }
    }
    return 0
}
