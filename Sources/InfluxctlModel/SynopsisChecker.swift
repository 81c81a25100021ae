import Diagnostics
import ShellSyntax

/// Checks a usage line such as
/// `influxctl token create [--read-database=<DATABASE_NAME>] [flags] <TOKEN_DESCRIPTION>`:
/// the command path must exist and every flag it names must exist in the release. Nothing
/// else (values, argument counts, order) is checked.
struct SynopsisChecker {
    let tree: CommandTree

    /// A command line is a synopsis when a word after the program starts with `[`.
    static func isSynopsis(_ words: [Word]) -> Bool {
        words.dropFirst().contains { $0.raw.hasPrefix("[") }
    }

    func check(_ words: [Word]) -> InfluxctlParse {
        var session = ParseSession(tree: tree, behaviour: InfluxctlReleases.behaviour(of: tree.release), words: words)
        var namedFlags: [(name: String, range: SourceRange)] = []
        var pathIsOpen = true
        for word in words.dropFirst() {
            let raw = word.raw
            let bracketDepth = raw.unicodeScalars.prefix { $0 == "[" }.count
            let body = Self.flagBody(raw.unicodeScalars.dropFirst(bracketDepth))
            if body.hasPrefix("-") {
                let dashes = body.hasPrefix("--") ? 2 : 1
                let name = String(body.dropFirst(dashes))
                if let first = name.unicodeScalars.first, first.properties.isAlphabetic {
                    namedFlags.append((name, Self.range(in: word, offset: bracketDepth, length: body.unicodeScalars.count)))
                }
                continue
            }
            let isCommandWord = bracketDepth == 0 && word.placeholder == nil && !raw.hasPrefix("<")
                && word.literalValue.map(Self.looksLikeCommandName) == true
            guard pathIsOpen, session.command.isGroup, isCommandWord, let name = word.literalValue else {
                if bracketDepth == 0 { pathIsOpen = false }
                continue
            }
            guard let child = session.command.subcommand(name) else {
                session.reportUnknownCommand(word, name: name, parent: session.command, writtenParent: session.writtenPath)
                return InfluxctlParse(invocation: nil, diagnostics: session.diagnostics, isSynopsis: true)
            }
            session.path.append(child.name)
            session.writtenPath.append(name)
            session.pathWords.append(word)
            session.command = child
        }
        for flag in namedFlags where !ParseSession.isHelp(flag.name) && session.knownFlag(flag.name) == nil {
            reportMissingFlag(flag.name, at: flag.range, in: &session)
        }
        return InfluxctlParse(invocation: nil, diagnostics: session.diagnostics, isSynopsis: true)
    }

    private func reportMissingFlag(_ name: String, at range: SourceRange, in session: inout ParseSession) {
        let writtenPath = session.writtenPath
        let available = InfluxctlReleases.describeReleases { tree in
            tree.globalFlag(name) != nil || tree.command(at: writtenPath)?.flag(name) != nil
        }
        if let available {
            session.report(.cliUnavailableInVersion, at: range, session.unavailableMessage("'--\(name)'", available))
            return
        }
        let candidates = session.command.flags.flatMap { [$0.name] + $0.aliases } + tree.globalFlags.map(\.name)
        let suggestion = Suggestions.nearest(to: name, in: candidates)
        session.report(.cliUnknownFlag, at: range, "unknown flag --\(name) for '\(session.commandDisplay)' in influxctl \(tree.release) as docverify models it",
                       suggestion: suggestion.map { "--" + $0 })
    }

    /// `--read-database` from `--read-database=<DB>]...`: up to `=`, `]`, `|` or `...`.
    static func flagBody(_ scalars: Substring.UnicodeScalarView) -> String {
        var body = String(String.UnicodeScalarView(scalars.prefix { $0 != "=" && $0 != "]" && $0 != "|" }))
        while body.hasSuffix(".") { body.removeLast() }
        return body
    }

    static func looksLikeCommandName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The range of `length` scalars starting `offset` scalars into the word, when the word
    /// is on one line; otherwise the whole word.
    static func range(in word: Word, offset: Int, length: Int) -> SourceRange {
        guard word.range.start.line == word.range.end.line else { return word.range }
        let start = word.range.start.advanced(by: offset)
        return SourceRange(start: start, end: min(start.advanced(by: length), word.range.end))
    }
}
