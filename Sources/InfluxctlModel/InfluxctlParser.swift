import Diagnostics
import ShellSyntax

/// Reads an influxctl command line as influxctl (urfave/cli v2 over Go's flag package) would
/// for one release, and reports `cli.*` findings at the exact words.
///
/// The reading follows urfave/cli v2: global flags before the command; a command's flags
/// before its first positional argument (a later flag would be taken as an argument); `--flag
/// value`, `--flag=value` and single-dash `-flag`; bool flags take no separate value; `--` ends
/// the flags; `-h`/`--help` before the arguments asks for help and nothing else is checked.
///
/// Choices where influxctl's behaviour is not documented:
/// - A flag whose next word is another flag of the command is reported as missing its value
///   (Go would take the flag as the value, which is never what the writer meant).
/// - Slice flags are not split on commas: `--read-database a,b` is one database name, which the
///   database-name rule rejects (urfave's comma splitting is unverified for influxctl).
/// - A group without a subcommand (`influxctl token`) is `cli.unknown-command`: influxctl would
///   print the group's help, which a doc example never means.
/// - Values only a running shell knows (`$(date ...)`) and placeholders are never type-checked.
public struct InfluxctlParser: Sendable {
    /// The release the command lines are read against (the modelled release standing for the
    /// one given).
    public let release: CLIVersion
    let tree: CommandTree
    let behaviour: ReleaseBehaviour

    public init(release: CLIVersion) {
        self.release = InfluxctlReleases.modelled(release)
        tree = InfluxctlReleases.commandTree(for: release)
        behaviour = InfluxctlReleases.behaviour(of: release)
    }

    /// `command.words[0]` is `influxctl`. Never crashes.
    public func parse(_ command: SimpleCommand) -> InfluxctlParse {
        guard !command.words.isEmpty else {
            return InfluxctlParse(invocation: nil, diagnostics: [], isSynopsis: false)
        }
        if let elision = command.words.dropFirst().first(where: { Self.isElision($0) }) {
            let written = elision.literalValue ?? "..."
            return InfluxctlParse(invocation: nil, diagnostics: [], isSynopsis: false,
                                  unverifiedReason: "not verified: '\(written)' stands for the rest of the command, which the page does not spell out")
        }
        if SynopsisChecker.isSynopsis(command.words) {
            return SynopsisChecker(tree: tree).check(command.words)
        }
        var session = ParseSession(tree: tree, behaviour: behaviour, words: command.words)
        return session.run()
    }

    /// A word that is only an ellipsis (`...` or `…`): prose for "and so on", never an influxctl
    /// command, flag or argument, so the command it stands in cannot be checked.
    static func isElision(_ word: Word) -> Bool {
        guard word.placeholder == nil, let value = word.literalValue else { return false }
        return value == "..." || value == "\u{2026}"
    }
}

/// The state of reading one command line.
struct ParseSession {
    let tree: CommandTree
    let behaviour: ReleaseBehaviour
    let words: [Word]

    var index = 1
    var diagnostics: [Diagnostic] = []
    var globalFlags: [ParsedFlag] = []
    var flags: [ParsedFlag] = []
    var arguments: [Word] = []
    /// Canonical names of the command words.
    var path: [String] = []
    /// The command words as written (`delete`, where `path` says `revoke`).
    var writtenPath: [String] = []
    var pathWords: [Word] = []
    /// The command reached so far (the root until a command word is read).
    var command: CommandSpec
    /// False once a flag of unknown shape was met: it may or may not have taken the next word,
    /// so the argument count is not checked.
    var argumentCountIsKnown = true
    /// Room reserved for the command path (`database create`), so that it is allocated once.
    static let typicalPathDepth = 3

    init(tree: CommandTree, behaviour: ReleaseBehaviour, words: [Word]) {
        self.tree = tree
        self.behaviour = behaviour
        self.words = words
        command = tree.root
    }

    /// How one reading step ended.
    enum Step: Equatable {
        case proceed
        case help
        /// Nothing further can be read reliably: report what was found.
        case stop
    }

    mutating func run() -> InfluxctlParse {
        if readGlobalFlags() == .help { return finish(with: .help) }
        switch readCommandPath() {
        case .help: return finish(with: .help)
        case .stop: return finish(with: nil)
        case .proceed: break
        }
        if readFlagsAndArguments() == .help { return finish(with: .help) }
        checkArguments()
        if path == ["help"] { checkHelpTopic() }
        if !hasErrors, path == ["token", "create"], !flags.contains(where: { $0.name == "read-database" || $0.name == "write-database" }) {
            report(.cliNoPermissions, at: pathRange,
                   "'influxctl token create' grants no permission: without --read-database or --write-database the token can neither read nor write")
        }
        return finish(with: hasErrors ? nil : RequestBuilder(invocationPath: path, flags: flags, arguments: arguments).request())
    }

    // MARK: Global flags

    mutating func readGlobalFlags() -> Step {
        while index < words.count {
            switch WordShape(words[index]) {
            case .positional:
                return .proceed
            case .terminator:
                index += 1
                return .proceed
            case .flag(let flag):
                index += 1
                guard let name = flag.name else {
                    argumentCountIsKnown = false
                    continue
                }
                if Self.isHelp(name) { return .help }
                if let spec = tree.globalFlag(name) {
                    readValue(of: flag, spec: spec, isGlobal: true)
                } else {
                    reportUnknownGlobalFlag(flag, name: name)
                }
            }
        }
        return .proceed
    }

    mutating func reportUnknownGlobalFlag(_ flag: FlagWord, name: String) {
        if flag.hasBadSyntax {
            report(.cliUnknownFlag, at: flag.nameRange, "bad flag syntax: \(flag.word.displayValue)")
            argumentCountIsKnown = false
            return
        }
        if let available = InfluxctlReleases.describeReleases(where: { $0.globalFlag(name) != nil }) {
            report(.cliUnavailableInVersion, at: flag.nameRange, unavailableMessage("'--\(name)'", available))
            skipValue(of: flag, isBool: Self.catalogueGlobalFlag(name)?.valueType.isBool ?? false)
            return
        }
        if let commandFlag = Self.anyCommandFlag(named: name, in: tree) {
            report(.cliUnknownFlag, at: flag.nameRange,
                   "unknown global flag \(flag.written) (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name)); '--\(name)' is a flag of commands: put it after the command")
            skipValue(of: flag, isBool: commandFlag.valueType.isBool)
            return
        }
        let suggestion = Suggestions.nearest(to: name, in: tree.globalFlags.map(\.name))
        report(.cliUnknownFlag, at: flag.nameRange,
               "unknown global flag \(flag.written) (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name))",
               suggestion: suggestion.map { "--" + $0 })
        if let suggested = suggestion.flatMap(tree.globalFlag) {
            skipValue(of: flag, isBool: suggested.valueType.isBool)
        } else if flag.inlineValue == nil, index < words.count, !isCommandName(words[index]) {
            // Of unknown shape: a following word that is no command is taken as its value.
            index += 1
        }
    }

    func isCommandName(_ word: Word) -> Bool {
        guard let name = word.literalValue else { return false }
        return InfluxctlReleases.trees.contains { $0.root.subcommand(name) != nil }
    }

    // MARK: Command path

    mutating func readCommandPath() -> Step {
        if command.isGroup {
            path.reserveCapacity(Self.typicalPathDepth)
            writtenPath.reserveCapacity(Self.typicalPathDepth)
            pathWords.reserveCapacity(Self.typicalPathDepth)
        }
        while command.isGroup {
            guard index < words.count else {
                if path.isEmpty { return .help }
                let names = command.subcommands.map(\.name).joined(separator: ", ")
                report(.cliUnknownCommand, at: pathRange,
                       "'\(commandDisplay)' needs a command: \(names) (influxctl would only print its help)")
                return .stop
            }
            let word = words[index]
            switch WordShape(word) {
            case .terminator:
                index += 1
            case .flag(let flag):
                index += 1
                guard let name = flag.name else { return .stop }
                if Self.isHelp(name) { return .help }
                if tree.globalFlag(name) != nil {
                    report(.cliUnknownFlag, at: flag.nameRange,
                           "unknown flag \(flag.written) for '\(commandDisplay)' (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name)); '--\(name)' is a global flag: put it before the command")
                } else {
                    report(.cliUnknownFlag, at: flag.nameRange,
                           "unknown flag \(flag.written) for '\(commandDisplay)', which needs a command first (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name))")
                }
                return .stop
            case .positional:
                guard word.placeholder == nil, let name = word.literalValue else { return .stop }
                if !path.isEmpty, Self.isHelp(name) {
                    index += 1
                    return .help
                }
                guard let child = command.subcommand(name) else {
                    reportUnknownCommand(word, name: name, parent: command, writtenParent: writtenPath)
                    return .stop
                }
                path.append(child.name)
                writtenPath.append(name)
                pathWords.append(word)
                command = child
                index += 1
            }
        }
        return .proceed
    }

    mutating func reportUnknownCommand(_ word: Word, name: String, parent: CommandSpec, writtenParent: [String]) {
        let writtenPath = writtenParent + [name]
        let display = (["influxctl"] + writtenPath).joined(separator: " ")
        if let available = InfluxctlReleases.describeReleases(where: { $0.command(at: writtenPath) != nil }) {
            // A name that is an alias of it elsewhere and exists here: `delete` for `revoke`.
            let otherNames = InfluxctlReleases.trees.compactMap { $0.command(at: writtenPath) }.flatMap { [$0.name] + $0.aliases }
            let replacement = otherNames.first { $0 != name && parent.subcommand($0) != nil }
            var message = unavailableMessage("'\(display)'", available)
            if let replacement {
                message += "; this release calls it '\((["influxctl"] + writtenParent + [replacement]).joined(separator: " "))'"
            }
            report(.cliUnavailableInVersion, at: word.range, message, suggestion: replacement)
            return
        }
        let parentDisplay = (["influxctl"] + writtenParent).joined(separator: " ")
        let candidates = parent.subcommands.flatMap { [$0.name] + $0.aliases }
        report(.cliUnknownCommand, at: word.range,
               "unknown command '\(name)' for '\(parentDisplay)' (influxctl \(tree.release) as docverify models it: No help topic for '\(name)')",
               suggestion: Suggestions.nearest(to: name, in: candidates))
    }

    // MARK: Command flags and arguments

    mutating func readFlagsAndArguments() -> Step {
        var flagsEnded = false
        while index < words.count {
            let word = words[index]
            if arguments.isEmpty, !flagsEnded {
                switch WordShape(word) {
                case .terminator:
                    flagsEnded = true
                    index += 1
                case .positional:
                    arguments.append(word)
                    index += 1
                case .flag(let flag):
                    index += 1
                    guard let name = flag.name else {
                        argumentCountIsKnown = false
                        continue
                    }
                    if Self.isHelp(name) { return .help }
                    if let spec = command.flag(name) {
                        readValue(of: flag, spec: spec, isGlobal: false)
                    } else {
                        reportUnknownCommandFlag(flag, name: name)
                    }
                }
                continue
            }
            index += 1
            if !flagsEnded, case .flag(let flag) = WordShape(word), let name = flag.name,
               let first = name.unicodeScalars.first, first.properties.isAlphabetic {
                let argument = arguments.first?.displayValue ?? ""
                report(.cliFlagAfterArgument, at: flag.nameRange,
                       "flag \(flag.written) comes after the argument '\(argument)', so influxctl would take it as an argument: put flags before the arguments")
                if flag.inlineValue == nil, let spec = knownFlag(name), !spec.valueType.isBool,
                   index < words.count, !namesKnownFlag(words[index]) {
                    index += 1
                }
                continue
            }
            arguments.append(word)
        }
        return .proceed
    }

    mutating func reportUnknownCommandFlag(_ flag: FlagWord, name: String) {
        if flag.hasBadSyntax {
            report(.cliUnknownFlag, at: flag.nameRange, "bad flag syntax: \(flag.word.displayValue)")
            argumentCountIsKnown = false
            return
        }
        if let global = tree.globalFlag(name) {
            report(.cliUnknownFlag, at: flag.nameRange,
                   "unknown flag \(flag.written) for '\(commandDisplay)' (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name)); '--\(name)' is a global flag: put it before the command, as in 'influxctl --\(name)\(global.valueType.isBool ? "" : " VALUE") \(writtenPath.joined(separator: " "))'")
            skipValue(of: flag, isBool: global.valueType.isBool)
            return
        }
        let writtenPath = writtenPath
        if let available = InfluxctlReleases.describeReleases(where: { $0.command(at: writtenPath)?.flag(name) != nil }) {
            report(.cliUnavailableInVersion, at: flag.nameRange, unavailableMessage("'--\(name)'", available))
            let other = InfluxctlReleases.trees.lazy.compactMap { $0.command(at: writtenPath)?.flag(name) }.first
            skipValue(of: flag, isBool: other?.valueType.isBool ?? false)
            return
        }
        let candidates = command.flags.flatMap { [$0.name] + $0.aliases } + tree.globalFlags.map(\.name)
        let suggestion = Suggestions.nearest(to: name, in: candidates)
        report(.cliUnknownFlag, at: flag.nameRange,
               "unknown flag \(flag.written) for '\(commandDisplay)' (influxctl \(tree.release) as docverify models it: flag provided but not defined: -\(name))",
               suggestion: suggestion.map { "--" + $0 })
        if let suggested = suggestion.flatMap(knownFlag) {
            skipValue(of: flag, isBool: suggested.valueType.isBool)
        } else {
            argumentCountIsKnown = false
        }
    }

    mutating func checkArguments() {
        let specs = command.arguments
        if argumentCountIsKnown {
            let required = specs.filter(\.isRequired)
            if arguments.count < required.count {
                let missing = required[arguments.count...].map { "<\($0.name)>" }
                let noun = missing.count == 1 ? "argument" : "arguments"
                report(.cliMissingArgument, at: words[words.count - 1].range,
                       "'\(commandDisplay)' is missing the \(noun) \(missing.joined(separator: " "))")
            }
            if !specs.contains(where: \.isVariadic), arguments.count > specs.count {
                let takes = specs.isEmpty ? "no arguments" : specs.map { "<\($0.name)>" }.joined(separator: " ")
                let extra = arguments.count - specs.count
                var message = "too many arguments for '\(commandDisplay)': it takes \(takes), and \(extra) more \(extra == 1 ? "was" : "were") given"
                if !specs.isEmpty { message += "; quote a value that contains spaces" }
                if !behaviour.rejectsExtraArguments {
                    message += " (influxctl \(tree.release) ignores the extra arguments instead of failing)"
                }
                report(.cliTooManyArguments, at: arguments[specs.count].range, message)
            }
        }
        for (position, argument) in arguments.enumerated() {
            let spec = position < specs.count ? specs[position] : specs.last.flatMap { $0.isVariadic ? $0 : nil }
            guard let spec else { break }
            checkValue(argument, type: spec.valueType, of: "argument <\(spec.name)>")
        }
    }

    /// `influxctl help token create`: the topic must be a command of this release.
    mutating func checkHelpTopic() {
        var node = tree.root
        var written: [String] = []
        for argument in arguments {
            guard node.isGroup, argument.placeholder == nil, let name = argument.literalValue else { return }
            guard let child = node.subcommand(name) else {
                reportUnknownCommand(argument, name: name, parent: node, writtenParent: written)
                return
            }
            written.append(name)
            node = child
        }
    }

    // MARK: Flag values

    mutating func readValue(of flag: FlagWord, spec: FlagSpec, isGlobal: Bool) {
        var value: Word?
        if spec.valueType.isBool || flag.inlineValue != nil {
            value = flag.inlineValue
        } else if index < words.count, !namesKnownFlag(words[index]) {
            value = words[index]
            index += 1
        } else {
            report(.cliMissingValue, at: flag.nameRange, "flag \(flag.written) needs a value: \(spec.valueType.expectation) (influxctl: flag needs an argument: -\(spec.name))")
            // influxctl stops at this error, so what the arguments lack is not a second mistake.
            argumentCountIsKnown = false
            return
        }
        if let value {
            checkValue(value, type: spec.valueType, of: "flag \(flag.written)")
        }
        let parsed = ParsedFlag(name: spec.name, nameRange: flag.nameRange, value: value)
        let earlier = isGlobal ? globalFlags : flags
        if !spec.isRepeatable, earlier.contains(where: { $0.name == spec.name }) {
            report(.cliNotRepeatable, at: flag.nameRange, "flag \(flag.written) is given more than once; it takes one value, so only the last one would count")
        }
        if isGlobal { globalFlags.append(parsed) } else { flags.append(parsed) }
    }

    /// Passes over the value of a flag that was reported, without checking it.
    mutating func skipValue(of flag: FlagWord, isBool: Bool) {
        if !isBool, flag.inlineValue == nil, index < words.count, !namesKnownFlag(words[index]) {
            index += 1
        }
    }

    /// `subject` is spelt only when the value is reported.
    mutating func checkValue(_ value: Word, type: ValueType, of subject: @autoclosure () -> String) {
        guard value.placeholder == nil, !value.hasUnknownParts, let text = value.literalValue,
              !FlagWord.containsAngleBracketPlaceholder(text) else { return }
        if let problem = type.problem(with: text) {
            report(.cliInvalidValue, at: value.range, "invalid value \"\(text)\" for \(subject()): \(problem.message)", suggestion: problem.suggestion)
        } else if value.raw == "*", case .databaseName = type {
            report(.cliInvalidValue, at: value.range,
                   "an unquoted * is expanded by the shell to the file names in the current directory; quote it: '*'",
                   suggestion: "'*'")
        }
    }

    /// True when `word` is a flag that the current command or the global flags define, or help.
    func namesKnownFlag(_ word: Word) -> Bool {
        guard case .flag(let flag) = WordShape(word), let name = flag.name else { return false }
        return Self.isHelp(name) || knownFlag(name) != nil
    }

    func knownFlag(_ name: String) -> FlagSpec? {
        command.flag(name) ?? tree.globalFlag(name)
    }

    // MARK: Reporting

    var hasErrors: Bool { diagnostics.contains { $0.rule.severity == .error } }

    var commandDisplay: String { (["influxctl"] + writtenPath).joined(separator: " ") }

    var pathRange: SourceRange {
        guard let first = pathWords.first, let last = pathWords.last else { return words[0].range }
        return first.range.union(last.range)
    }

    func unavailableMessage(_ subject: String, _ available: String) -> String {
        "\(subject) is available \(available); the page is checked against \(tree.release)"
    }

    mutating func report(_ rule: Rule, at range: SourceRange, _ message: String, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(rule: rule, range: range, message: message, suggestion: suggestion))
    }

    func finish(with request: InfluxctlRequest?) -> InfluxctlParse {
        let ordered = diagnostics.count < 2 ? diagnostics : diagnostics.enumerated().sorted { lhs, rhs in
            lhs.element.range.start != rhs.element.range.start
                ? lhs.element.range.start < rhs.element.range.start
                : lhs.offset < rhs.offset
        }.map(\.element)
        let invocation = request.map {
            Invocation(path: path, pathRange: pathRange, globalFlags: globalFlags, flags: flags, arguments: arguments, request: $0)
        }
        return InfluxctlParse(invocation: hasErrors ? nil : invocation, diagnostics: ordered, isSynopsis: false)
    }

    static func isHelp(_ name: String) -> Bool { name == "help" || name == "h" }

    static func catalogueGlobalFlag(_ name: String) -> FlagSpec? {
        CommandCatalog.globalFlags.first { $0.answers(to: name) }
    }

    static func anyCommandFlag(named name: String, in tree: CommandTree) -> FlagSpec? {
        tree.leafCommands.lazy.compactMap { $0.command.flag(name) }.first
    }
}
