import Diagnostics
import DocExtraction
import ShellSyntax

/// What a shell fence whose text does not lex as shell most likely shows instead of commands,
/// read from the line the lexer stopped at, the rest of the block and the text around it.
///
/// Only a block with a `shell.syntax` error is read this way, and only cues that no command a
/// reader could paste has count (a table border, a `> SELECT` prompt, `<class '…'>`, a
/// `key = value` line): a line ending in `\` or a command with a stray quote has none, so its
/// error stands.
enum FenceReading: Equatable {
    /// Commands after `$ ` prompts with other lines between them: read as a console transcript.
    /// The lines without a prompt are output, or, when they read as another language, text the
    /// commands take (a sudoers rule typed into `visudo`), named by `rest`.
    case transcript(rest: String?)
    /// Command output (a table, log lines, a repr), for the reason given.
    case output(reason: String)
    /// Text in another language: its likely name (nil when only its not being shell is clear),
    /// the fence language that would say so, and why.
    case otherLanguage(name: String?, fence: String, reason: String)

    /// Lexes a shell block. When a script that does not lex reads as a transcript, it is lexed
    /// again as one (its commands then run); when it reads as output or another language, its
    /// syntax error gives way to one `block.output-in-shell-fence` note or one
    /// `block.language-mismatch` warning and none of it runs.
    static func lex(_ block: CodeBlock, shortcodeValues: [String: String] = [:]) -> (commands: [SimpleCommand], diagnostics: [Diagnostic]) {
        let dialect: ShellDialect = block.language == "console" ? .console : .script
        let script = ShellLexer.lex(block.lines, dialect: dialect, shortcodeValues: shortcodeValues)
        guard dialect == .script, let error = script.diagnostics.first,
              let reading = of(block, error: error.range.start, message: error.message) else {
            guard script.diagnostics.isEmpty else { return ([], script.diagnostics) }
            return (script.commands, ContinuationCheck.diagnostics(for: script.commands, lines: block.lines))
        }
        let fence = SourceRange(start: block.openingFence, length: 3)
        switch reading {
        case .transcript(let rest):
            let transcript = ShellLexer.lex(block.lines, dialect: .console, shortcodeValues: shortcodeValues)
            let message = rest.map { "the block mixes commands after `$ ` prompts with lines that are \($0), not their output; only the prompted commands run" }
                ?? "the block mixes commands after `$ ` prompts with their output; the lines without a prompt are read as output"
            let note = Diagnostic(rule: .blockOutputInShellFence, range: fence, message: message, suggestion: "fence it as ```console")
            return (transcript.diagnostics.isEmpty ? transcript.commands : [], transcript.diagnostics + [note])
        case .output(let reason):
            let note = Diagnostic(rule: .blockOutputInShellFence, range: fence,
                                  message: "the block shows output, not commands (\(reason)), so docverify does not run it",
                                  suggestion: "fence it as ```text, or as ```console with a `$ ` prompt before each command")
            return ([], [note])
        case .otherLanguage(let name, let language, let reason):
            let warning = Diagnostic(rule: .blockLanguageMismatch, range: fence,
                                     message: "\(name.map { "the block looks like \($0), not shell" } ?? "the block does not read as shell") (\(reason)): its shell syntax error (\(error.message)) is not reported and it does not run",
                                     suggestion: "fence it as ```\(language)")
            return ([], [warning])
        }
    }

    /// How `block` reads, given that the lexer stopped at `error` with `message`; nil when it
    /// reads as shell that is broken.
    static func of(_ block: CodeBlock, error: SourcePosition, message: String) -> FenceReading? {
        let lines = block.lines.map { trimmed($0.text) }
        guard let errorIndex = block.lines.lastIndex(where: { $0.start.line <= error.line }) else { return nil }
        let line = lines[errorIndex]
        if line.hasSuffix("\\") { return nil }
        let raw = block.lines[errorIndex].text
        let offset = error.line == block.lines[errorIndex].start.line ? error.column - block.lines[errorIndex].start.column : -1
        let lineReading = readingOfLine(line, message: message, call: callBefore(offset: offset, in: raw))
        if lines.contains(where: { $0.hasPrefix("$ ") }), !line.hasPrefix("$ ") {
            if case .otherLanguage(let name?, _, _) = lineReading { return .transcript(rest: name) }
            return .transcript(rest: nil)
        }
        if let lineReading { return lineReading }
        if let reading = readingOfBlock(lines, errorLine: line) { return reading }
        if let reason = outputContext(block.context) { return .output(reason: reason) }
        return nil
    }

    /// Cues on the line the lexer stopped at.
    private static func readingOfLine(_ line: String, message: String, call: Substring?) -> FenceReading? {
        if isTableLine(line) { return .output(reason: "it draws a table with `+---+` and `|`") }
        if line.hasPrefix("<class '") { return .output(reason: "`<class '…'>` is a Python repr") }
        if startsWithTimestamp(line) || outputPrefixes.contains(where: line.hasPrefix) {
            return .output(reason: "`\(firstWord(line))` starts a log or status line")
        }
        let statement = line.hasPrefix("> ") ? String(line.dropFirst(2)) : line
        if line == ">" || (line.hasPrefix("> ") && startsWithQueryKeyword(statement)) {
            return .otherLanguage(name: "an influx shell session (InfluxQL)", fence: "sql", reason: "`>` is the influx shell's prompt")
        }
        if startsWithQueryKeyword(statement) {
            return .otherLanguage(name: "InfluxQL or SQL", fence: "sql", reason: "the line starts with `\(firstWord(statement))`")
        }
        if line.contains("from(bucket:") || line.hasPrefix("|> ") {
            return .otherLanguage(name: "Flux", fence: "js", reason: "`from(bucket:` and `|>` are Flux")
        }
        if isTICKscriptNode(line) {
            return .otherLanguage(name: "TICKscript", fence: "js", reason: "`\(line.prefix { $0 != "(" })(` chains a TICKscript node")
        }
        if line.hasPrefix("$"), isAssignment(line.dropFirst(), spaced: true) {
            return .otherLanguage(name: "PowerShell", fence: "powershell", reason: "`$name.property = ` assigns in PowerShell")
        }
        if isAssignment(Substring(line), spaced: true) {
            return line.contains("(")
                ? .otherLanguage(name: "Python", fence: "python", reason: "`name = call(…)` assigns in Python")
                : .otherLanguage(name: "TOML", fence: "toml", reason: "`key = value` is a TOML setting")
        }
        if line.contains("ALL=(") { return .otherLanguage(name: "a sudoers file", fence: "text", reason: "`ALL=(…)` is a sudoers rule") }
        if line.hasPrefix("&"), line.contains("=") {
            return .otherLanguage(name: "a URL query string", fence: "text", reason: "`&name=value` continues a URL's query parameters; no command starts with `&`")
        }
        let first = firstWord(line)
        if !first.isEmpty, first.allSatisfy(\.isASCIIDigit), line.count > first.count {
            if let priority = line.dropFirst(first.count).drop(while: { $0 == " " }).split(separator: " ").first,
               priority.hasPrefix("<"), priority.dropFirst().prefix(while: \.isASCIIDigit).count >= 1,
               priority.dropFirst().drop(while: \.isASCIIDigit).hasPrefix(">") {
                return .otherLanguage(name: "a syslog message", fence: "text", reason: "`\(priority.prefix { $0 != ">" })>` after the message length is a syslog priority")
            }
            return .otherLanguage(name: nil, fence: "text", reason: "the line starts with the number `\(first)`, as data does; no command is named by a number")
        }
        if isSynopsis(line) {
            return .otherLanguage(name: "a usage synopsis", fence: "text", reason: "`[…]`, `<a|b>` and `(…)` mark optional and alternative parts")
        }
        if message == "unexpected `(`", let call {
            return .otherLanguage(name: nil, fence: "text", reason: "`\(call)(` reads as a function call, which no shell command has")
        }
        return nil
    }

    /// Cues anywhere in the block.
    private static func readingOfBlock(_ lines: [String], errorLine line: String) -> FenceReading? {
        if lines.contains(where: isTableBorder) { return .output(reason: "it draws a table with `+---+` and `|`") }
        if lines.contains(where: { $0.hasPrefix("+-") || $0.hasPrefix("|-") }) { return .output(reason: "it draws a tree with `+-` and `|`") }
        if lines.contains(where: { $0.hasPrefix("Connected to ") || $0.hasPrefix("InfluxDB shell") }) {
            return .otherLanguage(name: "an influx shell session (InfluxQL)", fence: "sql", reason: "it shows the influx shell's banner")
        }
        if lines.contains(where: { $0.hasPrefix("option ") && $0.hasSuffix("= {") }) {
            return .otherLanguage(name: "Flux", fence: "js", reason: "`option name = {` sets a Flux option")
        }
        if ["{", "}", "},", "[", "]", "],"].contains(line) || (line.hasPrefix("\"") && line.contains("\": ")) {
            return .otherLanguage(name: "JSON", fence: "json", reason: "the line is part of a JSON value")
        }
        if lines.contains(where: { $0 == "stream" || $0 == "batch" }) {
            return .otherLanguage(name: "TICKscript", fence: "js", reason: "a line `stream` or `batch` starts a TICKscript")
        }
        if lines.contains(where: { $0.hasPrefix("Cmnd_Alias ") }) {
            return .otherLanguage(name: "a sudoers file", fence: "text", reason: "`Cmnd_Alias` is a sudoers rule")
        }
        if lines.contains(where: { ["# syntax", "# usage"].contains($0.lowercased()) }) {
            return .otherLanguage(name: "a usage synopsis", fence: "text", reason: "a `# Syntax` comment introduces it")
        }
        if let first = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("#") }), first == "{" || first == "[" {
            return .otherLanguage(name: "JSON", fence: "json", reason: "it starts with `\(first)`")
        }
        if lines.contains(where: startsWithTimestamp) { return .output(reason: "its lines start with timestamps, as log lines do") }
        return nil
    }

    /// The reason the text around the block gives for reading it as output.
    private static func outputContext(_ context: BlockContext) -> String? {
        let texts = context.titles.reversed() + [context.headings.last, context.precedingParagraph].compactMap { $0 }
        for text in texts {
            let lowered = text.lowercased()
            if lowered.contains("output") || lowered.contains("similar to the following") || lowered.contains("returns the following") {
                return "the text before it, \u{201C}\(text.prefix(60))\u{201D}, introduces output"
            }
        }
        return nil
    }

    // MARK: Line cues

    private static let outputPrefixes = ["Error:", "error:", "ERROR", "WARN", "INFO", "* ", "\u{25CF} ", "Loaded: ", "Active: "]
    private static let queryKeywords: Set<Substring> = [
        "SELECT", "SHOW", "CREATE", "DROP", "INSERT", "ALTER", "GRANT", "REVOKE", "DELETE", "WITH", "EXPLAIN", "SET",
    ]

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }

    private static func firstWord(_ line: String) -> Substring { line.prefix { $0 != " " } }

    private static func startsWithQueryKeyword(_ line: String) -> Bool {
        let word = firstWord(line)
        return queryKeywords.contains(word) && word.count < line.count
    }

    /// `+---+---+` or `| a | b |`, and the branches of a drawn tree (`|- x`, `+-x`).
    private static func isTableLine(_ line: String) -> Bool {
        isTableBorder(line) || (line.count > 1 && line.hasPrefix("|") && line.hasSuffix("|")) || line.hasPrefix("|-") || line.hasPrefix("+-")
    }

    private static func isTableBorder(_ line: String) -> Bool {
        line.count >= 3 && line.hasPrefix("+") && line.allSatisfy { $0 == "+" || $0 == "-" || $0 == "=" }
    }

    /// `2018/01/03 14:11:19`, `2024-05-01T10:00:00Z …`, also in brackets.
    private static func startsWithTimestamp(_ line: String) -> Bool {
        let digits = Array(line.drop { $0 == "[" }.prefix(10).utf8)
        guard digits.count == 10 else { return false }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/")]
        return digits[0..<4].allSatisfy(isDigit) && separators.contains(digits[4]) && digits[5..<7].allSatisfy(isDigit)
            && separators.contains(digits[7]) && digits[8..<10].allSatisfy(isDigit)
    }

    /// `|from()`, `|query('''` and the like: a TICKscript node chained with `|`.
    private static func isTICKscriptNode(_ line: String) -> Bool {
        guard line.hasPrefix("|") else { return false }
        let name = line.dropFirst().prefix { $0.isLetter }
        return !name.isEmpty && line.dropFirst(1 + name.count).hasPrefix("(")
    }

    /// `name = value` or `a.b.c = value` (blanks around `=` when `spaced`), which a shell runs as
    /// the command `name` but other languages read as an assignment.
    private static func isAssignment(_ line: Substring, spaced: Bool) -> Bool {
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return line.dropFirst(name.count).hasPrefix(spaced ? " = " : "=")
    }

    /// A synopsis marks optional parts with `[-flag …]` and alternatives with `<a|b>` or `< a | b >`.
    private static func isSynopsis(_ line: String) -> Bool {
        if line.contains(" [-") { return true }
        var inAngle = false
        for character in line {
            switch character {
            case "<": inAngle = true
            case ">": inAngle = false
            case "|" where inAngle: return true
            default: continue
            }
        }
        return false
    }

    /// The word a `(` at scalar `offset` of `line` directly follows (`tcp(`, `Size(`), when
    /// there is one: no blank, `=` (an array) or operator stands right before it.
    private static func callBefore(offset: Int, in line: String) -> Substring? {
        let scalars = Array(line.unicodeScalars)
        guard offset > 0, offset < scalars.count, scalars[offset] == "(" else { return nil }
        let before = scalars[offset - 1]
        guard before != " ", before != "\t", !"=$<>|&;(".unicodeScalars.contains(before) else { return nil }
        var start = offset - 1
        while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "\t" { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<offset])
        return Substring(String(word))
    }
}

extension Character {
    /// `0` to `9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
