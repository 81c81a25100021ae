import Diagnostics

/// One piece of a shell word after quote removal: text the block spells out, or a value
/// only a running shell would know (`$VAR` unset in the block, `$(date ...)`, a backtick).
public enum WordPart: Hashable, Sendable {
    /// Literal text, with the file position of each of its Unicode scalars.
    case literal(String, positions: ScalarPositions)
    /// A value unknown before the shell runs; `source` is how the block spells it.
    case unknown(source: String, range: SourceRange)
}

/// A shell word: one element of a command's argv, with where it stands in the file.
public struct Word: Hashable, Sendable {
    /// The word as written, quotes and all.
    public var raw: String
    /// Where the word stands in the file.
    public var range: SourceRange
    /// The word after quote removal and expansion of variables the block itself sets.
    public var parts: [WordPart]
    /// The name of the placeholder this word is, if it is one: `DATABASE_NAME` for
    /// `<DATABASE_NAME>`. Later stages also set it for declared bare placeholders.
    public var placeholder: String?

    public init(raw: String, range: SourceRange, parts: [WordPart], placeholder: String? = nil) {
        self.raw = raw
        self.range = range
        self.parts = parts
        self.placeholder = placeholder
    }

    /// The word's value when every part is literal; nil when a part is unknown.
    public var literalValue: String? {
        var value = ""
        for part in parts {
            guard case .literal(let text, _) = part else { return nil }
            value += text
        }
        return value
    }

    /// True when some part of the value is only known to a running shell.
    public var hasUnknownParts: Bool {
        parts.contains { if case .unknown = $0 { true } else { false } }
    }

    /// The value with unknown parts spelt as written (`$(date ...)`), for messages.
    public var displayValue: String {
        var value = ""
        for part in parts {
            switch part {
            case .literal(let text, _): value += text
            case .unknown(let source, _): value += source
            }
        }
        return value
    }
}

/// A redirection such as `> file`, `2>&1` or a here-document (whose body is not a command).
public struct Redirection: Hashable, Sendable {
    /// The operator as written: `>`, `>>`, `<`, `2>&1`, `<<`, `<<-`, ...
    public var op: String
    /// The target word (file, descriptor or here-document delimiter), if any.
    public var target: Word?
    public var range: SourceRange
    /// For `<<` and `<<-`: the here-document's text (the lines up to the delimiter line, or to
    /// the end of the block when the delimiter never comes), with a position for each scalar.
    /// Expanded like a double-quoted word unless the delimiter is quoted; leading tabs are
    /// removed for `<<-`.
    public var hereDocument: Word?

    public init(op: String, target: Word?, range: SourceRange, hereDocument: Word? = nil) {
        self.op = op
        self.target = target
        self.range = range
        self.hereDocument = hereDocument
    }
}

/// A `NAME=value` word before a command, or a standalone assignment.
public struct Assignment: Hashable, Sendable {
    public var name: String
    public var value: Word
    public var range: SourceRange

    public init(name: String, value: Word, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// How a simple command is joined to the one after it.
public enum CommandSeparator: String, Hashable, Sendable {
    case end = ""          // newline or end of block
    case semicolon = ";"
    case and = "&&"
    case or = "||"
    case pipe = "|"
    case background = "&"
}

/// A simple command: assignments, argv words and redirections, as a shell would run it.
public struct SimpleCommand: Hashable, Sendable {
    public var assignments: [Assignment]
    /// argv: `words[0]` is the program. Empty for a line of assignments only.
    public var words: [Word]
    public var redirections: [Redirection]
    /// From the first to the last character of the command.
    public var range: SourceRange
    /// How this command is joined to the next one.
    public var separator: CommandSeparator

    public init(assignments: [Assignment], words: [Word], redirections: [Redirection], range: SourceRange, separator: CommandSeparator) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.range = range
        self.separator = separator
    }

    /// The program name when it is literal (`influxctl`, `curl`).
    public var program: String? { words.first?.literalValue }
}

/// How to read a block: a script, or a `console` transcript where only `$ ` lines are commands.
public enum ShellDialect: Hashable, Sendable {
    case script
    case console
}

/// The lexed block: its commands in order, and at most one syntax error (a block that does
/// not lex is not read further).
public struct ShellScript: Hashable, Sendable {
    public var commands: [SimpleCommand]
    /// `shell.syntax` diagnostics, pointing at the opening quote or construct.
    public var diagnostics: [Diagnostic]

    public init(commands: [SimpleCommand], diagnostics: [Diagnostic]) {
        self.commands = commands
        self.diagnostics = diagnostics
    }
}
