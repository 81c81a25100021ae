/// Reads one urfave/cli v2 help text into a `HelpPage`; `HelpImport.parseHelp` documents the
/// layout it accepts.
enum HelpTextParser {
    static let knownSections: Set<String> = [
        "NAME", "USAGE", "VERSION", "DESCRIPTION", "CATEGORY", "AUTHOR", "AUTHORS",
        "COMMANDS", "OPTIONS", "GLOBAL OPTIONS", "COPYRIGHT",
    ]

    struct Line {
        var number: Int
        var text: String
        var indent: Int { text.prefix(while: \.isWhitespace).count }
        var body: String { text.trimmed }
    }

    struct Section {
        var heading: String
        var headingLine: Int
        /// The section's non-blank lines.
        var lines: [Line]
        /// The first line under the heading, or the heading when the section is empty.
        var firstLine: Int { lines.first?.number ?? headingLine }
    }

    static func parse(_ text: String) throws -> HelpPage {
        let sections = try splitSections(text)
        func section(_ heading: String) -> Section? { sections.first { $0.heading == heading } }
        let lastLine = sections.flatMap { [$0.headingLine] + $0.lines.map(\.number) }.max() ?? 1

        guard let nameSection = section("NAME") else {
            throw HelpImportError(line: lastLine, problem: .missingSection("NAME"))
        }
        let (path, summary) = try readName(nameSection)
        guard let usageSection = section("USAGE") else {
            throw HelpImportError(line: lastLine, problem: .missingSection("USAGE"))
        }
        let usage = usageSection.lines.map(\.body).joined(separator: " ")
        let commands = try section("COMMANDS").map(readCommands) ?? []
        let usageTokens = try tokenizeUsage(usage, path: path, line: usageSection.firstLine)
        let arguments = commands.isEmpty ? try readArguments(usageTokens, line: usageSection.firstLine) : []

        let isRoot = path.count == 1
        let optionsHeading = isRoot ? "GLOBAL OPTIONS" : "OPTIONS"
        guard section(optionsHeading) != nil else {
            throw HelpImportError(line: lastLine, problem: .missingSection(optionsHeading))
        }
        return HelpPage(
            commandPath: path,
            summary: summary,
            nameLine: nameSection.headingLine,
            usage: usage,
            version: section("VERSION").map { $0.lines.map(\.body).joined(separator: " ") },
            description: section("DESCRIPTION").map { $0.lines.map(\.body).joined(separator: "\n") },
            arguments: arguments,
            commands: commands,
            options: try section("OPTIONS").map(readOptions) ?? [],
            globalOptions: try section("GLOBAL OPTIONS").map(readOptions) ?? []
        )
    }

    // MARK: Sections

    static func splitSections(_ text: String) throws -> [Section] {
        var sections: [Section] = []
        var sawText = false
        // "\r\n" is one Character, so it is named as a separator of its own.
        let rawLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, raw) in rawLines.enumerated() {
            let number = index + 1
            let line = String(raw.reversed().drop(while: \.isWhitespace).reversed())
            if line.isEmpty { continue }
            sawText = true
            if let first = line.first, !first.isWhitespace {
                guard line.hasSuffix(":"), isHeadingShaped(line.dropLast()) else {
                    throw HelpImportError(line: number, problem: .textOutsideSection(shown(line)))
                }
                let heading = String(line.dropLast())
                guard knownSections.contains(heading) else {
                    throw HelpImportError(line: number, problem: .unknownSection(heading))
                }
                guard !sections.contains(where: { $0.heading == heading }) else {
                    throw HelpImportError(line: number, problem: .repeatedSection(heading))
                }
                sections.append(Section(heading: heading, headingLine: number, lines: []))
                continue
            }
            guard !sections.isEmpty else {
                throw HelpImportError(line: number, problem: .textOutsideSection(shown(line.trimmed)))
            }
            sections[sections.count - 1].lines.append(Line(number: number, text: line))
        }
        guard sawText else { throw HelpImportError(line: 1, problem: .emptyText) }
        return sections
    }

    /// Upper-case ASCII words separated by single spaces: `GLOBAL OPTIONS`.
    static func isHeadingShaped(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isUppercase else { return false }
        return text.allSatisfy { ($0.isASCII && $0.isUppercase) || $0 == " " } && !text.contains("  ")
    }

    /// At most 60 characters of `text`, with control characters escaped, for a message.
    static func shown(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        let excerpt = scalars.prefix(60).joined()
        return scalars.count > 60 ? excerpt + "..." : excerpt
    }

    // MARK: NAME

    static func readName(_ section: Section) throws -> (path: [String], summary: String) {
        let text = section.lines.map(\.body).joined(separator: " ")
        let head: Substring
        let summary: String
        if let separator = text.firstRange(of: " - ") {
            head = text[..<separator.lowerBound]
            summary = text[separator.upperBound...].trimmed
        } else {
            head = Substring(text)
            summary = ""
        }
        let path = head.split(separator: " ").map(String.init)
        guard !path.isEmpty, path.allSatisfy(isCommandName) else {
            throw HelpImportError(line: section.firstLine, problem: .malformedName(shown(text)))
        }
        return (path, summary)
    }

    /// A command or program name: an ASCII letter or digit, then letters, digits, `-`, `_`, `.`.
    static func isCommandName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    // MARK: USAGE

    /// The USAGE tokens after the command path: bracket groups (`[command options]`,
    /// `[<TOKEN_ID_N>...]`, `<TOKEN_ID>`) stay whole, with any `...` right after them.
    static func tokenizeUsage(_ usage: String, path: [String], line: Int) throws -> [String] {
        func fail(_ reason: String) -> HelpImportError {
            HelpImportError(line: line, problem: .malformedUsage(reason))
        }
        guard !usage.isEmpty else { throw fail("the section is empty") }
        let characters = Array(usage)
        var tokens: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " {
                index += 1
                continue
            }
            var end = index
            if character == "[" || character == "<" {
                let close: Character = character == "[" ? "]" : ">"
                var depth = 0
                while end < characters.count {
                    if characters[end] == character { depth += 1 }
                    if characters[end] == close { depth -= 1 }
                    end += 1
                    if depth == 0 { break }
                }
                guard depth == 0 else { throw fail("'\(character)' has no matching '\(close)'") }
                while end < characters.count, characters[end] == "." { end += 1 }
            } else {
                while end < characters.count, characters[end] != " " { end += 1 }
            }
            let token = String(characters[index..<end])
            if character != "[" && character != "<", let stray = token.first(where: { "[]<>".contains($0) }) {
                throw fail("'\(stray)' is out of place in '\(shown(token))'")
            }
            tokens.append(token)
            index = end
        }
        guard tokens.starts(with: path) else {
            throw fail("it should begin with '\(path.joined(separator: " "))', found '\(shown(usage))'")
        }
        return Array(tokens.dropFirst(path.count))
    }

    /// Positional arguments from USAGE tokens: `<X>` required, `[<X>]` optional, `...` after
    /// either (or inside the brackets, before or after the name) variadic; `<X> [<X_N>...]` is one
    /// variadic required X. Bracketed words about options or flags are skipped.
    static func readArguments(_ tokens: [String], line: Int) throws -> [ImportedArgument] {
        func fail(_ reason: String) -> HelpImportError {
            HelpImportError(line: line, problem: .malformedUsage(reason))
        }
        var arguments: [ImportedArgument] = []
        for token in tokens {
            var body = Substring(token)
            var isVariadic = false
            if body.hasSuffix("...") {
                isVariadic = true
                body = body.dropLast(3)
            }
            var isRequired = true
            if body.hasPrefix("[") && body.hasSuffix("]") {
                body = body.dropFirst().dropLast()
                let lowered = body.lowercased()
                if lowered.contains("option") || lowered.contains("flag") { continue }
                isRequired = false
                body = Substring(body.trimmed)
                if body.hasSuffix("...") {
                    isVariadic = true
                    body = body.dropLast(3)
                }
                if body.hasPrefix("...") {
                    isVariadic = true
                    body = body.dropFirst(3)
                }
            }
            if body.hasPrefix("<") && body.hasSuffix(">") { body = body.dropFirst().dropLast() }
            let name = String(body)
            guard isArgumentName(name) else { throw fail("can't read '\(shown(token))' as an argument") }
            if !isRequired, isVariadic, let last = arguments.last, last.isRequired, !last.isVariadic,
               name == last.name || name.hasPrefix(last.name + "_") {
                arguments[arguments.count - 1].isVariadic = true
                continue
            }
            arguments.append(ImportedArgument(name: name, isRequired: isRequired, isVariadic: isVariadic))
        }
        if arguments.dropLast().contains(where: \.isVariadic) {
            throw fail("only the last argument can take several values")
        }
        if let firstOptional = arguments.firstIndex(where: { !$0.isRequired }),
           arguments[firstOptional...].contains(where: \.isRequired) {
            throw fail("a required argument follows an optional one")
        }
        return arguments
    }

    static func isArgumentName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    // MARK: COMMANDS

    static func readCommands(_ section: Section) throws -> [HelpCommandEntry] {
        var entries: [HelpCommandEntry] = []
        var seen: Set<String> = []
        for line in section.lines {
            let body = line.body
            let (namesText, summary) = splitAtGap(body)
            if summary == nil, namesText.hasSuffix(":") { continue }  // a category heading
            let names = namesText.split(separator: ",").map(\.trimmed)
            guard let name = names.first, names.allSatisfy(isCommandName) else {
                throw HelpImportError(line: line.number, problem: .malformedCommandLine(shown(body)))
            }
            for written in names {
                guard seen.insert(written).inserted else {
                    throw HelpImportError(line: line.number, problem: .repeatedName(written))
                }
            }
            entries.append(HelpCommandEntry(name: name, aliases: Array(names.dropFirst()), summary: summary ?? ""))
        }
        return entries
    }

    /// `text` split at its first tab or run of two spaces: the column urfave/cli's tab writer
    /// pads. The second part is nil when there is no such gap.
    static func splitAtGap(_ text: String) -> (String, String?) {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\t" || (text[index] == " " && next < text.endIndex && text[next] == " ") {
                return (String(text[..<index]), text[next...].trimmed)
            }
            index = next
        }
        return (text, nil)
    }

    // MARK: OPTIONS

    struct RawOption {
        var line: Int
        var indent: Int
        var spec: String
        var text: String
    }

    static func readOptions(_ section: Section) throws -> [ImportedFlag] {
        var raws: [RawOption] = []
        for line in section.lines {
            let body = line.body
            if body.hasPrefix("-") {
                let (spec, text) = splitAtGap(body)
                raws.append(RawOption(line: line.number, indent: line.indent, spec: spec, text: text ?? ""))
            } else if let last = raws.last, line.indent > last.indent {
                raws[raws.count - 1].text += (last.text.isEmpty ? "" : " ") + body  // a wrapped help text
            }
            // Anything else is a flag category heading, which the model does not keep.
        }
        var seen: Set<String> = []
        return try raws.map { raw in
            let flag = try readOption(raw)
            for written in [flag.name] + flag.aliases {
                guard seen.insert(written).inserted else {
                    throw HelpImportError(line: raw.line, problem: .repeatedName("--" + written))
                }
            }
            return flag
        }
    }

    static func readOption(_ raw: RawOption) throws -> ImportedFlag {
        let malformed = HelpImportError(line: raw.line, problem: .malformedOptionLine(shown(raw.spec)))
        var spec = Substring(raw.spec)
        var isRepeatable = false
        if let open = spec.firstRange(of: " [") {
            let marker = spec[open.upperBound...].trimmed
            guard marker.hasPrefix("-"), marker.hasSuffix("]") || marker.hasSuffix("]...") else { throw malformed }
            isRepeatable = true
            spec = spec[..<open.lowerBound]
        }
        var names: [String] = []
        var placeholder: String?
        for piece in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let words = piece.split(separator: " ")
            guard (1...2).contains(words.count), let written = words.first else { throw malformed }
            let name = written.drop { $0 == "-" }
            guard (1...2).contains(written.count - name.count), isFlagName(name) else { throw malformed }
            names.append(String(name))
            if words.count == 2, placeholder == nil { placeholder = String(words[1]) }
        }
        guard let name = names.first else { throw malformed }

        var text = raw.text
        if text.hasSuffix("]"), let hint = text.ranges(of: "[$").last {
            text = text[..<hint.lowerBound].trimmed  // an environment variable hint: [$INFLUXCTL_PROFILE]
        }
        if let multiple = text.firstRange(of: "(accepts multiple inputs)") {
            isRepeatable = true
            text = (text[..<multiple.lowerBound] + " " + text[multiple.upperBound...]).trimmed
        }
        var defaultValue: String?
        if let clause = text.ranges(of: "(default: ").last,
           let close = text[clause.upperBound...].lastIndex(of: ")") {
            defaultValue = unquoted(String(text[clause.upperBound..<close]))
            text = (text[..<clause.lowerBound] + " " + text[text.index(after: close)...]).trimmed
        }
        text = text.split(separator: " ").joined(separator: " ")
        let valueType = placeholder.map { inferValueType(placeholder: $0, usage: text, defaultValue: defaultValue) } ?? .bool
        return ImportedFlag(name: name, aliases: Array(names.dropFirst()), valueType: valueType,
                            isRepeatable: isRepeatable, defaultValue: defaultValue, usage: text)
    }

    static func isFlagName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// Go's `%q` quoting undone: `"table"` is `table`.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaping = false
        for character in text.dropFirst().dropLast() {
            if escaping || character != "\\" {
                result.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return result
    }

    // MARK: Value types

    /// The value type of a flag that takes a value, in this order: a word list (`table|json`, or
    /// a bracketed list holding the default) is a choice; `RFC3339` in the placeholder or text is
    /// a time; an integer default an integer; a duration default a retention duration when the
    /// text speaks of days, weeks, months, years, retention or forever, a Go duration otherwise.
    /// Anything else is text.
    static func inferValueType(placeholder: String, usage: String, defaultValue: String?) -> ValueType {
        if let choices = choiceList(placeholder: placeholder, usage: usage, defaultValue: defaultValue) {
            return .choice(choices)
        }
        if (placeholder + " " + usage).lowercased().contains("rfc3339") { return .rfc3339Time }
        guard let defaultValue else { return .string }
        if ValueChecks.parseGoInteger(defaultValue) != nil { return .integer(minimum: nil) }
        let isRetention = ValueChecks.retentionDurationProblem(defaultValue) == nil
        let isGoDuration = ValueChecks.goDurationProblem(defaultValue) == nil
        guard isRetention || isGoDuration else { return .string }
        let words = Set(usage.lowercased().split { !$0.isLetter }.map(String.init))
        let retentionWords: Set<String> = [
            "d", "w", "mo", "y", "day", "days", "week", "weeks", "month", "months", "year", "years",
            "retention", "forever", "infinite",
        ]
        return isGoDuration && words.isDisjoint(with: retentionWords) ? .goDuration : .duration
    }

    static func choiceList(placeholder: String, usage: String, defaultValue: String?) -> [String]? {
        let punctuation: Set<Character> = ["(", ")", ",", ".", ":", ";", "'", "\"", "`"]
        for word in [placeholder] + usage.split(separator: " ").map(String.init) {
            let core = String(word.drop { punctuation.contains($0) }.reversed().drop { punctuation.contains($0) }.reversed())
            guard core.contains("|") else { continue }
            let values = core.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if values.count >= 2, values.allSatisfy(isChoiceWord) { return values }
        }
        guard let defaultValue else { return nil }
        var rest = Substring(usage)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let values = rest[rest.index(after: open)..<close].split(separator: ",").map(\.trimmed)
            if values.count >= 2, values.allSatisfy(isChoiceWord), values.contains(defaultValue) { return values }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    static func isChoiceWord(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
