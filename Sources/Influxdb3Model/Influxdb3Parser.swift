import Diagnostics
import ShellSyntax

/// The InfluxDB 3 product a page documents, which says how sure a finding can be: the Core CLI
/// is open source and modelled from its clap definitions; Enterprise adds commands and options
/// no public source shows.
public enum Influxdb3Product: String, Hashable, Sendable {
    case core, enterprise
    /// A page that names neither, read as if it could be either.
    case unknown

    /// The product of a Hugo `version` (`core`, `enterprise`); nil for other products.
    public init?(version: String?) {
        switch version {
        case "core": self = .core
        case "enterprise": self = .enterprise
        default: return nil
        }
    }
}

/// A value as a command line gives it.
public struct Influxdb3Value: Hashable, Sendable {
    /// The text as written (a shell value or placeholder spelt as written).
    public var text: String
    /// False for a placeholder or a value only a running shell knows.
    public var isKnown: Bool
    public var range: SourceRange

    public init(text: String, isKnown: Bool, range: SourceRange) {
        self.text = text
        self.isKnown = isKnown
        self.range = range
    }

    init(_ word: Word) {
        self.init(text: word.literalValue ?? word.displayValue, isKnown: word.literalValue != nil && word.placeholder == nil, range: word.range)
    }
}

/// A command line that parsed: the command, its options and its arguments.
public struct Influxdb3Invocation: Hashable, Sendable {
    /// One option as written, with its value (nil for a switch).
    public struct Option: Hashable, Sendable {
        public var long: String
        public var range: SourceRange
        public var value: Influxdb3Value?
    }

    /// Canonical command names: `["create", "token"]`.
    public var path: [String]
    public var pathRange: SourceRange
    public var options: [Option]
    public var arguments: [Influxdb3Value]

    /// True when the option is given.
    public func has(_ long: String) -> Bool { options.contains { $0.long == long } }

    /// The values of an option given once or more, in order.
    public func values(of long: String) -> [Influxdb3Value] { options.filter { $0.long == long }.compactMap(\.value) }

    /// The last value of an option (clap keeps the last of a repeated single-value option).
    public func value(of long: String) -> Influxdb3Value? { values(of: long).last }
}

/// What reading one influxdb3 command line gave.
public struct Influxdb3Parse: Hashable, Sendable {
    /// Nil when an error was found, for a usage line, and when a command word is only known to
    /// a running shell.
    public var invocation: Influxdb3Invocation?
    public var diagnostics: [Diagnostic]
    /// Why the command was not read, when it was not (a help request, a usage line).
    public var unverifiedReason: String?
}

/// Reads an influxdb3 command line as clap would, against the commands of InfluxDB 3 Core,
/// and reports `cli.*` findings at the exact words.
///
/// clap's reading: the top level's options before the command; after it, options and
/// positional arguments in any order; `--name value`, `--name=value`, `-s value`, `-svalue`;
/// a switch takes no value; `--` ends the options; `-h`, `--help` and `--help-all` anywhere
/// ask for help and nothing else is checked.
///
/// How sure a finding is depends on the product. On a Core page a misspelt command or option
/// (one close to a known name) is an error and an unknown far from any known name a warning
/// (a release newer than the model may have it). On an Enterprise page, whose extra commands
/// no public source shows, a near miss is a warning and anything else a note.
public struct Influxdb3Parser: Sendable {
    public let product: Influxdb3Product
    let root: ClapCommand

    /// Reads against Core's commands on a Core page, and against what is known of Enterprise's
    /// (Core's, and `create token --permission`) otherwise.
    public init(product: Influxdb3Product) {
        self.product = product
        root = product == .core ? Influxdb3Catalog.core : Influxdb3Catalog.enterprise
    }

    /// `command.words[0]` is `influxdb3`. Never crashes.
    public func parse(_ command: SimpleCommand) -> Influxdb3Parse {
        var session = ClapSession(parser: self, words: command.words)
        return session.run()
    }

    /// The severity of a name the model lacks: `isNearMiss` when it is a few edits from a known one.
    func severityOfUnknown(isNearMiss: Bool) -> Severity {
        switch product {
        case .core: isNearMiss ? .error : .warning
        case .enterprise, .unknown: isNearMiss ? .warning : .note
        }
    }

    /// The severity of a broken rule of a known command (a missing argument, a bad choice).
    var severityOfMisuse: Severity { product == .core ? .error : .warning }

    /// Names the model in messages.
    var modelName: String {
        "the InfluxDB 3 Core CLI (influxdata/influxdb \(Influxdb3Catalog.coreSourceCommit.prefix(10)))"
    }

    /// Says why an unknown name may still exist, for products whose CLI is not all public.
    var unknownCaveat: String {
        switch product {
        case .core: " A newer release may have added it."
        case .enterprise: " InfluxDB 3 Enterprise adds commands and options that no public source shows, so it may be one of those."
        case .unknown: " The page names no product; InfluxDB 3 Enterprise adds commands and options that no public source shows."
        }
    }
}

/// The state of reading one command line.
private struct ClapSession {
    let parser: Influxdb3Parser
    let words: [Word]
    var index = 1
    var diagnostics: [Diagnostic] = []
    var path: [String] = []
    var pathWords: [Word] = []
    var command: ClapCommand
    var options: [Influxdb3Invocation.Option] = []
    var arguments: [Influxdb3Value] = []
    /// False once a word only a running shell knows was met where an option could be.
    var countsAreKnown = true

    init(parser: Influxdb3Parser, words: [Word]) {
        self.parser = parser
        self.words = words
        command = parser.root
    }

    mutating func run() -> Influxdb3Parse {
        if let help = words.dropFirst().first(where: { ["-h", "--help", "--help-all"].contains($0.literalValue ?? "") }) {
            return Influxdb3Parse(invocation: nil, diagnostics: [], unverifiedReason: "not verified: `\(help.raw)` asks for help and runs nothing")
        }
        if let elision = words.dropFirst().first(where: { ["...", "\u{2026}"].contains($0.literalValue ?? "") && $0.placeholder == nil }) {
            return Influxdb3Parse(invocation: nil, diagnostics: [], unverifiedReason: "not verified: '\(elision.raw)' stands for the rest of the command, which the page does not spell out")
        }
        if let synopsis = words.dropFirst().first(where: Self.isSynopsisWord) {
            return readSynopsis(from: synopsis)
        }
        guard readPath() else { return finish(verified: false) }
        readOptionsAndArguments()
        checkRequirements()
        return finish(verified: true)
    }

    /// `[OPTIONS]`, `<DATABASE_NAME>`, `[--flag ...]`: the word of a usage line.
    static func isSynopsisWord(_ word: Word) -> Bool {
        let raw = word.raw
        return raw.hasPrefix("[") || (raw.hasPrefix("<") && raw.hasSuffix(">"))
    }

    private func finish(verified: Bool) -> Influxdb3Parse {
        let hasError = diagnostics.contains { $0.severity == .error }
        let range = pathWords.first.map { first in pathWords.last.map { first.range.union($0.range) } ?? first.range } ?? words[0].range
        let invocation = verified && !hasError
            ? Influxdb3Invocation(path: path, pathRange: range, options: options, arguments: arguments) : nil
        return Influxdb3Parse(invocation: invocation, diagnostics: diagnostics, unverifiedReason: nil)
    }

    private mutating func report(_ rule: Rule, _ message: String, at range: SourceRange, suggestion: String? = nil, severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule: rule, range: range, message: message, suggestion: suggestion, severity: severity))
    }

    // MARK: Command words

    /// Reads the top level's options and the command words; false when the path is not known.
    private mutating func readPath() -> Bool {
        while index < words.count {
            let word = words[index]
            guard let text = word.literalValue, word.placeholder == nil else {
                if command.isGroup {
                    return false // `influxdb3 $COMMAND`: only a running shell knows the command.
                }
                return true
            }
            if text.hasPrefix("-"), text.count > 1 {
                if command.isGroup {
                    guard readOption(word, text) else { return false }
                    continue
                }
                return true
            }
            guard command.isGroup else { return true }
            guard let child = command.subcommand(text) else {
                reportUnknownCommand(word, text)
                return false
            }
            path.append(child.name)
            pathWords.append(word)
            command = child
            index += 1
        }
        if command.isGroup {
            let names = command.subcommands.map(\.name)
            let what = path.isEmpty ? "influxdb3" : "influxdb3 \(path.joined(separator: " "))"
            if !path.isEmpty {
                report(.cliUnknownCommand, "`\(what)` needs a subcommand: \(names.joined(separator: ", "))", at: pathWords.last?.range ?? words[0].range,
                       severity: parser.severityOfMisuse)
            }
            return false
        }
        return true
    }

    private mutating func reportUnknownCommand(_ word: Word, _ text: String) {
        let names = command.subcommands.flatMap { [$0.name] + $0.aliases }
        let nearest = Suggestions.nearest(to: text, in: names)
        let parent = path.isEmpty ? "influxdb3" : "influxdb3 \(path.joined(separator: " "))"
        let known = command.subcommands.map(\.name).joined(separator: ", ")
        report(.cliUnknownCommand, "`\(parent)` has no command `\(text)` in \(parser.modelName); its commands are \(known).\(nearest == nil ? parser.unknownCaveat : "")",
               at: word.range, suggestion: nearest, severity: parser.severityOfUnknown(isNearMiss: nearest != nil))
    }

    // MARK: Options and arguments

    private mutating func readOptionsAndArguments() {
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            let text = Self.optionText(of: word) ?? word.literalValue
            if !optionsEnded, let text, word.placeholder == nil, text.hasPrefix("-"), text.count > 1 {
                if text == "--" {
                    optionsEnded = true
                    index += 1
                    continue
                }
                if readOption(word, text) { continue }
                return
            }
            if !optionsEnded, text == nil, word.raw.hasPrefix("$") { countsAreKnown = false }
            arguments.append(Influxdb3Value(word))
            index += 1
        }
    }

    /// Reads the option at `index` (and its value), moving past them; false to stop reading.
    private mutating func readOption(_ word: Word, _ text: String) -> Bool {
        index += 1
        let isLong = text.hasPrefix("--")
        let body = text.dropFirst(isLong ? 2 : 1)
        let (name, inlineValue): (Substring, Substring?) = {
            if let equals = body.firstIndex(of: "=") { return (body[..<equals], body[body.index(after: equals)...]) }
            return (body, nil)
        }()
        let flag: ClapFlag?
        var attachedValue = inlineValue
        if isLong {
            flag = command.flag(long: String(name))
        } else if let letter = name.first {
            flag = command.flag(short: letter)
            if name.count > 1, inlineValue == nil { attachedValue = name.dropFirst() }
        } else {
            flag = nil
        }
        if command.name == "influxdb3", ["V", "version"].contains(String(name)) { return true }
        guard let flag else {
            reportUnknownOption(word, isLong ? "--\(name)" : "-\(name.prefix(1))")
            countsAreKnown = false
            // Before the command, what follows cannot be placed: the option may take a value.
            return !command.isGroup
        }
        if flag.value == .none {
            if attachedValue != nil, isLong {
                report(.cliInvalidValue, "`--\(flag.long)` is a switch and takes no value", at: word.range, suggestion: "--\(flag.long)",
                       severity: parser.severityOfMisuse)
            }
            options.append(.init(long: flag.long, range: word.range, value: nil))
            return true
        }
        if let attachedValue {
            // Written as it reads (no quotes or escapes), the value's own columns are known.
            let valueRange = word.raw == text
                ? SourceRange(start: word.range.start.advanced(by: text.unicodeScalars.count - attachedValue.unicodeScalars.count), length: attachedValue.unicodeScalars.count)
                : word.range
            let value = Influxdb3Value(text: String(attachedValue), isKnown: !word.hasUnknownParts && word.placeholder == nil, range: valueRange)
            checkValue(value, of: flag)
            options.append(.init(long: flag.long, range: word.range, value: value))
            return true
        }
        guard index < words.count, !Self.isOptionLike(words[index]) else {
            if flag.isValueOptional {
                options.append(.init(long: flag.long, range: word.range, value: nil))
                return true
            }
            report(.cliMissingValue, "`\(text)` needs a value (\(flag.usage.isEmpty ? flag.long : flag.usage))", at: word.range,
                   severity: parser.severityOfMisuse)
            return true
        }
        let value = Influxdb3Value(words[index])
        index += 1
        checkValue(value, of: flag)
        options.append(.init(long: flag.long, range: word.range, value: value))
        return true
    }

    /// An option word whose value only a running shell knows (`--node-id=$HOSTNAME`), spelt as
    /// written; nil for other words.
    private static func optionText(of word: Word) -> String? {
        guard word.literalValue == nil, case .literal(let head, _)? = word.parts.first, head.hasPrefix("-"), head.contains("=") else { return nil }
        return word.displayValue
    }

    /// A word that is an option, not a value: `--name`, `-H` (not `-5`, not `-`).
    private static func isOptionLike(_ word: Word) -> Bool {
        guard let text = word.literalValue, word.placeholder == nil, text.hasPrefix("-"), text.count > 1 else { return false }
        return !(text.dropFirst().first?.isNumber ?? false)
    }

    private mutating func reportUnknownOption(_ word: Word, _ written: String) {
        let isLong = written.hasPrefix("--")
        var names: [String] = []
        for flag in command.flags {
            if isLong {
                names.append("--" + flag.long)
                names += flag.aliases.map { "--" + $0 }
            } else if let short = flag.short {
                names.append("-" + String(short))
            }
        }
        let nearest = Suggestions.nearest(to: written, in: names)
        let what = path.isEmpty ? "influxdb3" : "influxdb3 \(path.joined(separator: " "))"
        report(.cliUnknownFlag, "`\(what)` has no option `\(written)` in \(parser.modelName).\(nearest == nil ? parser.unknownCaveat : "")",
               at: word.range, suggestion: nearest, severity: parser.severityOfUnknown(isNearMiss: nearest != nil))
    }

    /// Checks a value against its option's type. A value close to a valid one (a choice a few
    /// edits away, a number with a wrong unit) is as sure as a misspelt name; another value may
    /// be one a newer release accepts (`--retention-period none`), so it says less. An
    /// all-capitals word is a placeholder the reader replaces.
    private mutating func checkValue(_ value: Influxdb3Value, of flag: ClapFlag) {
        guard value.isKnown, !PlaceholderShape.isCapitalisedWord(value.text) else { return }
        let text = value.text
        let startsWithDigit = text.first?.isNumber ?? false
        switch flag.value {
        case .choice(let choices) where !flag.isRepeatable:
            guard !choices.contains(text) else { return }
            let nearest = Suggestions.nearest(to: text, in: choices)
            report(.cliInvalidValue, "`--\(flag.long)` takes \(choices.map { "`\($0)`" }.joined(separator: ", ")), not `\(text)`, in \(parser.modelName).\(nearest == nil ? parser.unknownCaveat : "")",
                   at: value.range, suggestion: nearest, severity: parser.severityOfUnknown(isNearMiss: nearest != nil))
        case .integer:
            guard Int(text.filter { $0 != "_" }) == nil else { return }
            report(.cliInvalidValue, "`--\(flag.long)` takes a whole number, not `\(text)`", at: value.range,
                   severity: parser.severityOfUnknown(isNearMiss: startsWithDigit))
        case .duration:
            guard !HumanDuration.isValid(text) else { return }
            report(.cliInvalidValue, "`--\(flag.long)` takes a duration such as `30d`, `24h` or `1y`, not `\(text)`, in \(parser.modelName).\(startsWithDigit ? "" : parser.unknownCaveat)",
                   at: value.range, severity: parser.severityOfUnknown(isNearMiss: startsWithDigit))
        case .permission:
            if case .failure(let problem) = Influxdb3Permission.parse(text) {
                report(.cliInvalidValue, "`--\(flag.long)` \(problem.message)", at: value.range, severity: parser.severityOfMisuse)
            }
        default:
            return
        }
    }

    private mutating func checkRequirements() {
        // A last word that is an escaped space (`\ ` before a comment) shows the line was meant
        // to go on: what the command lacks may be on lines the shell never joins to it.
        if let last = words.last, let text = last.literalValue, !text.isEmpty, text.allSatisfy(\.isWhitespace) { return }
        // An option the model lacks may stand for a newer release, whose rules may differ.
        guard countsAreKnown else { return }
        let what = "influxdb3 \(path.joined(separator: " "))"
        if path == ["create", "token"], !options.contains(where: { $0.long == "admin" || $0.long == "permission" }) {
            let choices = command.flag(long: "permission") == nil ? "`--admin`" : "`--admin` or `--permission` (InfluxDB 3 Enterprise)"
            report(.cliMissingArgument, "`\(what)` needs \(choices): the token's kind", at: pathWords.last?.range ?? words[0].range, severity: parser.severityOfMisuse)
        }
        if options.contains(where: { $0.long == "permission" }), !options.contains(where: { $0.long == "name" }) {
            report(.cliMissingArgument, "`\(what) --permission` needs `--name`: each resource token has a unique name", at: pathWords.last?.range ?? words[0].range,
                   severity: parser.severityOfMisuse)
        }
        for flag in command.flags where flag.isRequired && !options.contains(where: { $0.long == flag.long }) {
            report(.cliMissingArgument, "`\(what)` needs `--\(flag.long)` (\(flag.usage.isEmpty ? "required" : flag.usage))",
                   at: pathWords.last?.range ?? words[0].range, severity: parser.severityOfMisuse)
        }
        let positional = command.arguments
        let required = positional.filter { $0.isRequired && $0.environment == nil }
        if arguments.count < required.count {
            let missing = required[arguments.count...].map { "<\($0.name)>" }.joined(separator: " ")
            report(.cliMissingArgument, "`\(what)` needs \(missing)", at: pathWords.last?.range ?? words[0].range, severity: parser.severityOfMisuse)
        } else if !positional.contains(where: \.isVariadic), arguments.count > positional.count {
            let extra = arguments[positional.count]
            let takes = positional.isEmpty ? "no arguments" : positional.map { "<\($0.name)>" }.joined(separator: " ")
            report(.cliTooManyArguments, "`\(what)` takes \(takes) in \(parser.modelName); `\(extra.text)` is one too many.\(parser.unknownCaveat)", at: extra.range,
                   severity: parser.severityOfUnknown(isNearMiss: false))
        }
    }

    /// A synopsis line: the command path must exist; nothing else is checked.
    private mutating func readSynopsis(from first: Word) -> Influxdb3Parse {
        while index < words.count, words[index] != first {
            let word = words[index]
            guard command.isGroup, let text = word.literalValue, word.placeholder == nil, !text.hasPrefix("-") else { break }
            guard let child = command.subcommand(text) else {
                reportUnknownCommand(word, text)
                break
            }
            path.append(child.name)
            pathWords.append(word)
            command = child
            index += 1
        }
        return Influxdb3Parse(invocation: nil, diagnostics: diagnostics, unverifiedReason: diagnostics.isEmpty ? "a usage line: its command path was checked" : nil)
    }
}
