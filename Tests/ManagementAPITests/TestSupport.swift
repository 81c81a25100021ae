import Diagnostics
import Foundation
import ManagementAPI
import ShellSyntax
import Testing

/// Splits `text` at line feeds into source lines; the first starts at `line`:`column`, and
/// every later line at the same column.
func sourceLines(_ text: String, line: Int = 1, column: Int = 1) -> [SourceLine] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, content in
        SourceLine(text: String(String.UnicodeScalarView(content)), start: SourcePosition(line: line + offset, column: column))
    }
}

/// The commands of a shell text.
func commands(_ text: String) -> [SimpleCommand] {
    ShellLexer.lex(sourceLines(text), dialect: .script).commands
}

/// The first command of a shell text that no `$(...)` holds (an empty command if the text
/// has none, so that a failed expectation reports rather than crashes).
func command(_ text: String) -> SimpleCommand {
    let all = commands(text)
    let outer = all.first { inner in
        !all.contains { $0 != inner && $0.range.start <= inner.range.start && inner.range.end <= $0.range.end }
    }
    return outer ?? SimpleCommand(assignments: [], words: [], redirections: [], range: SourceRange(start: SourcePosition(line: 1, column: 1), length: 0), separator: .end)
}

/// A finding as `rule@line:column-line:column`.
func spelled(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.rule.id)@\(diagnostic.range)"
}

/// A compact spelling of a request, for table comparisons: values show their text, with `?`
/// after values only a running shell knows.
func spelled(_ request: APIRequest?) -> String {
    guard let request else { return "nil" }
    func value(_ value: APIValue?) -> String {
        guard let value else { return "-" }
        return value.text + (value.isUnknown ? "?" : "")
    }
    func permissions(_ list: [APIPermission]?) -> String {
        guard let list else { return "-" }
        return "[" + list.map { "\(value($0.action)):\(value($0.resource))" }.joined(separator: ",") + "]"
    }
    func number<T>(_ number: T?) -> String { number.map { "\($0)" } ?? "-" }
    switch request {
    case .createDatabaseToken(let description, let list, let expiresAt):
        return "createDatabaseToken(\(value(description)), \(permissions(list)), \(value(expiresAt)))"
    case .listDatabaseTokens: return "listDatabaseTokens"
    case .getDatabaseToken(let id): return "getDatabaseToken(\(value(id)))"
    case .updateDatabaseToken(let id, let description, let list):
        return "updateDatabaseToken(\(value(id)), \(value(description)), \(permissions(list)))"
    case .deleteDatabaseToken(let id): return "deleteDatabaseToken(\(value(id)))"
    case .createDatabase(let name, let tables, let columns, let retention):
        return "createDatabase(\(value(name)), \(number(tables)), \(number(columns)), \(number(retention)))"
    case .listDatabases: return "listDatabases"
    case .updateDatabase(let name, let tables, let columns, let retention):
        return "updateDatabase(\(value(name)), \(number(tables)), \(number(columns)), \(number(retention)))"
    case .deleteDatabase(let name): return "deleteDatabase(\(value(name)))"
    case .renameDatabase(let name, let newName): return "renameDatabase(\(value(name)), \(value(newName)))"
    case .undeleteDatabase(let id): return "undeleteDatabase(\(value(id)))"
    case .write(let database, let token, let lineProtocol): return "write(\(value(database)), \(value(token)), \(value(lineProtocol)))"
    case .query(let database, let token, let query): return "query(\(value(database)), \(value(token)), \(value(query)))"
    }
}

/// A shell code block read from a fixture page, with the file position of every line.
struct FixtureBlock: Sendable {
    var file: String
    var lines: [SourceLine]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fenced `sh`, `bash` and `shell` blocks of a fixture page. Content lines lose as much
    /// indentation as the opening fence has (a block inside a list item), so each keeps the
    /// column it has in the file.
    static func blocks(in file: String) throws -> [FixtureBlock] {
        let content = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        var blocks: [FixtureBlock] = []
        var open: (indent: Int, isShell: Bool, lines: [SourceLine])?
        for (offset, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if let block = open {
                if trimmed.hasPrefix("```") {
                    if block.isShell { blocks.append(FixtureBlock(file: file, lines: block.lines)) }
                    open = nil
                } else {
                    let removed = min(indent, block.indent)
                    open?.lines.append(SourceLine(text: String(line.dropFirst(removed)), start: SourcePosition(line: offset + 1, column: removed + 1)))
                }
            } else if trimmed.hasPrefix("```") {
                let language = trimmed.dropFirst(3).prefix { $0 != " " && $0 != "{" }
                open = (indent, ["sh", "bash", "shell"].contains(language), [])
            }
        }
        return blocks
    }

    /// Every `curl` command of a fixture page, in order.
    static func curlCommands(in file: String) throws -> [SimpleCommand] {
        try blocks(in: file).flatMap { block in
            ShellLexer.lex(block.lines, dialect: .script).commands.filter { $0.program == "curl" }
        }
    }
}
