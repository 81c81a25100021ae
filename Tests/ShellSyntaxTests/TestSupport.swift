import Diagnostics
import Foundation
import Testing
@testable import ShellSyntax

/// Splits `text` at "\n" into source lines; the first starts at `line`:`column`, and every
/// later line at the same column (as an indented fenced block would).
func sourceLines(_ text: String, line: Int = 1, column: Int = 1) -> [SourceLine] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, content in
        SourceLine(text: String(String.UnicodeScalarView(content)), start: SourcePosition(line: line + offset, column: column))
    }
}

func lex(_ text: String, dialect: ShellDialect = .script, line: Int = 1, column: Int = 1) -> ShellScript {
    ShellLexer.lex(sourceLines(text, line: line, column: column), dialect: dialect)
}

/// A command's argv with unknown words as nil.
func argv(_ command: SimpleCommand) -> [String?] {
    command.words.map(\.literalValue)
}

/// `line:column-line:column`, as `SourceRange.description` prints it.
func spelled(_ range: SourceRange) -> String { range.description }

/// A shell code block taken from a fixture file, with the file position of each line.
struct FixtureBlock: CustomTestStringConvertible, Sendable {
    var file: String
    var lines: [SourceLine]
    var dialect: ShellDialect

    var testDescription: String { "\(file):\(lines.first?.start.line ?? 0)" }
    var text: String { lines.map(\.text).joined(separator: "\n") }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every shell block of every fixture: fenced `sh`, `bash`, `shell` and `console` blocks of
    /// the `.md` files (content lines un-indented by the fence's indentation), and each `.sh`
    /// file as one block.
    static func all() -> [FixtureBlock] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().flatMap { name -> [FixtureBlock] in
            guard let content = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { return [] }
            if name.hasSuffix(".sh") {
                let text = content.hasSuffix("\n") ? String(content.dropLast()) : content
                return [FixtureBlock(file: name, lines: sourceLines(text), dialect: .script)]
            }
            return markdownBlocks(content, file: name)
        }
    }

    private static func markdownBlocks(_ content: String, file: String) -> [FixtureBlock] {
        var blocks: [FixtureBlock] = []
        var open: (indent: Int, dialect: ShellDialect?, lines: [SourceLine])?
        for (offset, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if let block = open {
                if trimmed.hasPrefix("```") {
                    if let dialect = block.dialect { blocks.append(FixtureBlock(file: file, lines: block.lines, dialect: dialect)) }
                    open = nil
                } else {
                    let removed = min(indent, block.indent)
                    open?.lines.append(SourceLine(text: String(line.dropFirst(removed)), start: SourcePosition(line: offset + 1, column: removed + 1)))
                }
            } else if trimmed.hasPrefix("```") {
                let language = trimmed.dropFirst(3).prefix { $0 != " " && $0 != "{" }
                let dialect: ShellDialect? = switch language {
                case "sh", "bash", "shell": .script
                case "console": .console
                default: nil
                }
                open = (indent, dialect, [])
            }
        }
        return blocks
    }
}

/// Runs a block under bash with `influxctl` and `curl` defined as functions that record their
/// argv; returns one argv per call, in the order the calls ran. A curl call with `@-` among its
/// arguments also records `<stdin>` and what it read from standard input.
func bashRecordedCalls(_ script: String) throws -> [[String]] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shellsyntax-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let records = directory.appendingPathComponent("records")
    let scriptFile = directory.appendingPathComponent("block.sh")
    // An empty working directory, so that unquoted `*` stays as written, as the lexer keeps it.
    let workingDirectory = directory.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
    let prelude = #"""
    exec 3>"$RECORDS"
    record() { printf '%s\0' "$@" >&3; printf '\n\1' >&3; }
    influxctl() { record influxctl "$@"; }
    curl() {
      local argument reads_stdin=
      for argument in "$@"; do [ "$argument" = "@-" ] && reads_stdin=yes; done
      if [ -n "$reads_stdin" ]; then record curl "$@" "<stdin>" "$(cat; printf x)"; else record curl "$@"; fi
    }
    export MANAGEMENT_TOKEN=management-token-from-the-environment

    """#
    try (prelude + script + "\n").write(to: scriptFile, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/bash")
    process.arguments = ["--norc", "--noprofile", scriptFile.path]
    process.currentDirectoryURL = workingDirectory
    process.environment = ["PATH": "/usr/bin:/bin", "RECORDS": records.path, "LC_ALL": "C.UTF-8", "HOME": directory.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let bytes = [UInt8](try Data(contentsOf: records))
    // Each record is its fields, each ended by "\0", then "\n\u{1}".
    var calls: [[String]] = []
    var fields: [String] = []
    var fieldStart = 0
    var index = 0
    while index < bytes.count {
        guard bytes[index] == 0 else {
            index += 1
            continue
        }
        fields.append(String(decoding: bytes[fieldStart..<index], as: UTF8.self))
        if index + 2 < bytes.count, bytes[index + 1] == 0x0A, bytes[index + 2] == 1 {
            calls.append(fields)
            fields = []
            index += 3
        } else {
            index += 1
        }
        fieldStart = index
    }
    return calls
}
