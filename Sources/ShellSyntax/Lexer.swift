import Diagnostics

/// A command while its words are being read.
struct CommandBuilder {
    var assignments: [Assignment] = []
    var words: [Word] = []
    var redirections: [Redirection] = []
    /// `NAME=value` arguments of `export` and its kin, applied when the command is complete.
    var declarations: [(name: String, binding: Binding)] = []
    /// True when the program (`words[0]`) is `export` or one of its kin.
    var isDeclarationCommand = false
    var range: SourceRange?

    /// True once any token of the command has been read (even a word that expanded to nothing).
    var started: Bool { range != nil }

    mutating func cover(_ covered: SourceRange) {
        range = range.map { $0.union(covered) } ?? covered
    }
}

/// A compound construct the parser is inside of, and where it opens.
struct Compound {
    enum Kind: Equatable {
        case subshell
        case group
        case ifClause
        /// `for`, `select`, `while` or `until`, before and after its `do`.
        case loop(keyword: String, hasBody: Bool)
        /// Inside `case ... in`; patterns are read until `)`, then commands until `;;`.
        case caseBody(expectingPattern: Bool)
    }

    var kind: Kind
    var open: SourceRange

    /// The message when the block ends inside the construct.
    var unclosedMessage: String {
        switch kind {
        case .subshell: "unterminated subshell `(`"
        case .group: "`{` without a matching `}`"
        case .ifClause: "`if` without a matching `fi`"
        case .loop(let keyword, _): "`\(keyword)` without a matching `done`"
        case .caseBody: "`case` without a matching `esac`"
        }
    }
}

/// A here-document whose body starts after the current line.
struct PendingHereDocument {
    var delimiter: [Unicode.Scalar]
    var isQuoted: Bool
    var stripsTabs: Bool
    /// Where the redirection is: `commands[commandIndex]`, or the current command when the
    /// index is `commands.count`; nil when it belongs to a compound command.
    var commandIndex: Int?
    var redirectionIndex: Int
}

/// Tokenizer and parser of one block. Errors are thrown as `LexError` and end the lexing.
struct Lexer {
    let text: SourceText
    var cursor = 0
    var variables = VariableScopes()
    var commands: [SimpleCommand] = []
    var current = CommandBuilder()
    /// Whether a separator may stand here: a command (or a closing reserved word) precedes it.
    var canSeparate = false
    /// The `&&`, `||` or `|` that still waits for its right-hand command.
    var pendingOperand: (op: String, range: SourceRange)?
    var compounds: [Compound] = []
    var pendingHereDocuments: [PendingHereDocument] = []
    var peeked: Token?
    /// Scalars that expansions of known variables may still add to the block's words: the
    /// block's own size, and at least 1 Mi. Past it an expansion is an unknown part, so text
    /// that feeds on itself (`A=$A$A` repeated, or one long value expanded thousands of times)
    /// costs time and memory in proportion to the block, never more.
    var expansionBudget: Int
    /// Commands read inside `$(...)`, each with the index in `commands` of the command it
    /// runs before.
    var substitutedCommands: [(before: Int, command: SimpleCommand)] = []
    /// How many command substitutions enclose this text.
    var substitutionDepth = 0
    /// Command substitutions are read up to this depth; deeper ones stay unknown words.
    static let maximumSubstitutionDepth = 8
    /// Room for the words of most commands, reserved at a command's first word so that its
    /// word list is not regrown word by word.
    static let typicalWordCount = 8

    /// What Hugo prints for the shortcodes whose value is known, keyed by the shortcode as
    /// written (`{{< product-key >}}`: `core`).
    let shortcodeValues: [String: String]

    /// Where each `>}}` and each `%}}` of the text starts, in order: where a Hugo shortcode can
    /// close, found in one pass so that finding a shortcode's end stays linear however many
    /// `{{<` a line holds.
    private let shortcodeClosers: (angle: [Int], percent: [Int])

    init(text: SourceText, shortcodeValues: [String: String] = [:]) {
        self.text = text
        self.shortcodeValues = shortcodeValues
        expansionBudget = max(1 << 20, text.count)
        var angle: [Int] = []
        var percent: [Int] = []
        let scalars = text.scalars
        var index = 0
        while index + 2 < scalars.count {
            if scalars[index + 1] == "}", scalars[index + 2] == "}" {
                if scalars[index] == ">" { angle.append(index) } else if scalars[index] == "%" { percent.append(index) }
            }
            index += 1
        }
        shortcodeClosers = (angle, percent)
    }

    /// The length of the Hugo shortcode `{{< … >}}` or `{{% … %}}` that starts at `start` and
    /// closes on its line before `limit`; nil when none does.
    func shortcodeLength(from start: Int, limit: Int) -> Int? {
        guard start + 2 < limit, text.scalars[start] == "{", text.scalars[start + 1] == "{" else { return nil }
        let closers: [Int]
        switch text.scalars[start + 2] {
        case "<": closers = shortcodeClosers.angle
        case "%": closers = shortcodeClosers.percent
        default: return nil
        }
        // The first closer after the opening `{{<`, by binary search.
        var low = 0
        var high = closers.count
        while low < high {
            let middle = (low + high) / 2
            if closers[middle] < start + 3 { low = middle + 1 } else { high = middle }
        }
        guard low < closers.count, closers[low] + 3 <= limit,
              text.line(containing: closers[low]) == text.line(containing: start) else { return nil }
        return closers[low] + 3 - start
    }

    /// Every command in the order the shell runs them: each command substitution's commands
    /// before the command they are part of.
    var commandsInOrder: [SimpleCommand] {
        guard !substitutedCommands.isEmpty else { return commands }
        var ordered: [SimpleCommand] = []
        ordered.reserveCapacity(commands.count + substitutedCommands.count)
        var next = 0
        for (index, command) in commands.enumerated() {
            while next < substitutedCommands.count, substitutedCommands[next].before <= index {
                ordered.append(substitutedCommands[next].command)
                next += 1
            }
            ordered.append(command)
        }
        ordered += substitutedCommands[next...].map(\.command)
        return ordered
    }

    // MARK: Dialects

    /// Console transcripts: only lines whose first non-blank characters are `$ ` hold commands
    /// (read after the prompt, with their continuation lines); other lines are output.
    mutating func parseConsoleTranscript() throws(LexError) {
        var line = 0
        while line < text.lineCount {
            var index = text.lineStart(line)
            while let scalar = text[index], isBlank(scalar) { index += 1 }
            guard text[index] == "$", text[index + 1] == " " || text[index + 1] == "\n" || text[index + 1] == nil else {
                line += 1
                continue
            }
            cursor = text[index + 1] == " " ? index + 2 : index + 1
            resetForPrompt()
            try parse(stopAtNewline: true)
            guard cursor < text.count else { return }
            line = max(line + 1, text.line(containing: cursor))
        }
    }

    private mutating func resetForPrompt() {
        current = CommandBuilder()
        canSeparate = false
        pendingOperand = nil
        compounds = []
        peeked = nil
        variables.leaveAllSubshells()
    }

    // MARK: Parsing

    /// Reads commands to the end of the block, or (for a console prompt) to the end of the line
    /// that completes the command list.
    mutating func parse(stopAtNewline: Bool) throws(LexError) {
        while true {
            let token = try nextToken()
            if compounds.last?.kind == .caseBody(expectingPattern: true), try readCasePattern(token) {
                continue
            }
            switch token {
            case .end:
                finishCommand(.end)
                if let operand = pendingOperand {
                    throw LexError(range: operand.range, message: "`\(operand.op)` with no command after it")
                }
                if !stopAtNewline, let unclosed = compounds.last {
                    throw LexError(range: unclosed.open, message: unclosed.unclosedMessage)
                }
                return
            case .newline:
                finishCommand(.end)
                if pendingOperand != nil { continue }
                canSeparate = false
                if stopAtNewline { return }
            case .word(let word):
                try readWordToken(word)
            case .separator(let separator, let spelled, let range):
                try readSeparator(separator, spelled: spelled, range: range)
            case .control(let op, let range):
                try readControlOperator(op, range: range)
            case .redirection(let redirection):
                try readRedirection(redirection)
            case .arithmeticCommand:
                markCommandPresent()
            }
        }
    }

    mutating func nextToken(atCommandStart: Bool? = nil) throws(LexError) -> Token {
        if let token = peeked {
            peeked = nil
            return token
        }
        return try readToken(atCommandStart: atCommandStart ?? !current.started)
    }

    private mutating func markCommandPresent() {
        canSeparate = true
        pendingOperand = nil
    }

    private mutating func readWordToken(_ token: WordToken) throws(LexError) {
        let tokenRange = text.range(token.start, token.end)
        if !current.started, token.end - token.start <= 8,
           try readReservedWord(text.string(token.start, token.end), range: tokenRange) {
            return
        }
        if current.words.isEmpty, let assignment = assignment(from: token) {
            current.assignments.append(assignment)
            current.cover(tokenRange)
            markCommandPresent()
            return
        }
        var splitsFields = true
        if current.isDeclarationCommand, let declared = assignment(from: token) {
            current.declarations.append((declared.name, binding(of: declared.value)))
            splitsFields = false
        }
        let startsCommand = current.words.isEmpty
        appendWords(from: token, range: tokenRange, splittingFields: splitsFields)
        if startsCommand, let program = current.words.first?.literalValue {
            current.isDeclarationCommand = declarationCommands.contains(program)
        }
        current.cover(tokenRange)
        markCommandPresent()
    }

    /// Handles a reserved word at the start of a command; false when `raw` is not one.
    private mutating func readReservedWord(_ raw: String, range: SourceRange) throws(LexError) -> Bool {
        switch raw {
        case "if": openCompound(.ifClause, at: range)
        case "do":
            guard let innermost = compounds.last, case .loop(let keyword, hasBody: false) = innermost.kind else {
                throw LexError(range: range, message: "unexpected `do`")
            }
            compounds[compounds.count - 1].kind = .loop(keyword: keyword, hasBody: true)
            pendingOperand = nil
            canSeparate = false
        case "{": openCompound(.group, at: range)
        case "then", "elif", "else":
            guard compounds.last?.kind == .ifClause else { throw LexError(range: range, message: "unexpected `\(raw)`") }
            pendingOperand = nil
            canSeparate = false
        case "while", "until": openCompound(.loop(keyword: raw, hasBody: false), at: range)
        case "!", "time":
            pendingOperand = nil
            canSeparate = false
        case "fi": try closeCompound(raw, at: range) { $0 == .ifClause }
        case "done": try closeCompound(raw, at: range) { if case .loop(_, hasBody: true) = $0 { true } else { false } }
        case "}": try closeCompound(raw, at: range) { $0 == .group }
        case "esac": try closeCompound(raw, at: range) { if case .caseBody = $0 { true } else { false } }
        case "for", "select":
            try skipLoopHeader()
            compounds.append(Compound(kind: .loop(keyword: raw, hasBody: false), open: range))
        case "case":
            try skipCaseHeader(opening: range)
        case "function":
            try skipFunctionHeader()
        case "[[":
            try skipConditionalExpression()
            markCommandPresent()
        default:
            return false
        }
        return true
    }

    private mutating func openCompound(_ kind: Compound.Kind, at range: SourceRange) {
        compounds.append(Compound(kind: kind, open: range))
        pendingOperand = nil
        canSeparate = false
    }

    /// Ends the innermost compound command with the reserved word `raw`, which must close it.
    private mutating func closeCompound(_ raw: String, at range: SourceRange, closes: (Compound.Kind) -> Bool) throws(LexError) {
        guard pendingOperand == nil, let innermost = compounds.last, closes(innermost.kind) else {
            throw LexError(range: range, message: "unexpected `\(raw)`")
        }
        compounds.removeLast()
        canSeparate = true
    }

    /// `for NAME [in WORDS]` or `for ((...))` up to `;` or newline; NAME becomes unknown.
    private mutating func skipLoopHeader() throws(LexError) {
        canSeparate = false
        let name = try nextToken(atCommandStart: true)
        switch name {
        case .word(let word): variables.set(text.string(word.start, word.end), to: .unknown)
        case .arithmeticCommand: break
        default:
            peeked = name
            return
        }
        while true {
            let token = try nextToken(atCommandStart: false)
            switch token {
            case .word: continue
            case .separator(.semicolon, _, _), .newline: return
            default:
                peeked = token
                return
            }
        }
    }

    /// `case WORD in`, newlines allowed before `in`.
    private mutating func skipCaseHeader(opening: SourceRange) throws(LexError) {
        canSeparate = false
        let subject = try nextToken(atCommandStart: false)
        guard case .word = subject else {
            peeked = subject
            return
        }
        var token = try nextToken(atCommandStart: false)
        while case .newline = token { token = try nextToken(atCommandStart: false) }
        if case .word(let word) = token, text.string(word.start, word.end) == "in" {
            compounds.append(Compound(kind: .caseBody(expectingPattern: true), open: opening))
        } else {
            peeked = token
        }
    }

    /// `function NAME` with an optional `()`.
    private mutating func skipFunctionHeader() throws(LexError) {
        canSeparate = false
        let name = try nextToken(atCommandStart: false)
        guard case .word = name else {
            peeked = name
            return
        }
        let token = try nextToken(atCommandStart: false)
        guard case .control(.open, let range) = token else {
            peeked = token
            return
        }
        guard case .control(.close, _) = try nextToken(atCommandStart: false) else {
            throw LexError(range: range, message: "unexpected `(`")
        }
    }

    /// `[[ ... ]]`, read as one opaque command up to `]]` (or the end of the line).
    private mutating func skipConditionalExpression() throws(LexError) {
        while true {
            let token = try nextToken(atCommandStart: false)
            switch token {
            case .word(let word) where text.string(word.start, word.end) == "]]": return
            case .newline, .end:
                peeked = token
                return
            default: continue
            }
        }
    }

    /// A token while `case` patterns are expected; false when the normal loop must handle it.
    private mutating func readCasePattern(_ token: Token) throws(LexError) -> Bool {
        switch token {
        case .word(let word):
            if text.string(word.start, word.end) == "esac" {
                compounds.removeLast()
                markCommandPresent()
            }
            return true
        case .control(.close, _):
            compounds[compounds.count - 1].kind = .caseBody(expectingPattern: false)
            canSeparate = false
            return true
        case .newline, .end:
            return false
        case .separator, .control, .redirection, .arithmeticCommand:
            return true
        }
    }

    private mutating func readSeparator(_ separator: CommandSeparator, spelled: String, range: SourceRange) throws(LexError) {
        guard canSeparate else {
            throw LexError(range: range, message: "`\(spelled)` with no command before it")
        }
        finishCommand(separator)
        canSeparate = false
        if separator == .and || separator == .or || separator == .pipe {
            pendingOperand = (spelled, range)
        }
    }

    private mutating func readControlOperator(_ op: ControlOperator, range: SourceRange) throws(LexError) {
        switch op {
        case .caseBreak, .caseFallThrough, .caseContinue:
            guard pendingOperand == nil, compounds.last?.kind == .caseBody(expectingPattern: false) else {
                throw LexError(range: range, message: "unexpected `\(op.rawValue)`")
            }
            finishCommand(.semicolon)
            compounds[compounds.count - 1].kind = .caseBody(expectingPattern: true)
            canSeparate = false
        case .open:
            if !current.started {
                variables.enterSubshell()
                compounds.append(Compound(kind: .subshell, open: range))
                pendingOperand = nil
                canSeparate = false
            } else if current.words.count == 1, current.assignments.isEmpty, current.redirections.isEmpty,
                      case .control(.close, _) = try nextToken(atCommandStart: false) {
                // `name() { ...; }` defines a function: its body's commands follow.
                current = CommandBuilder()
                canSeparate = false
            } else {
                throw LexError(range: range, message: "unexpected `(`")
            }
        case .close:
            guard pendingOperand == nil, compounds.last?.kind == .subshell else {
                throw LexError(range: range, message: "unexpected `)`")
            }
            finishCommand(.end)
            compounds.removeLast()
            variables.leaveSubshell()
            markCommandPresent()
        }
    }

    private mutating func readRedirection(_ redirection: RedirectionToken) throws(LexError) {
        // After `done`, `fi`, `}` or `)` a redirection belongs to the compound command: it is
        // read (with its here-document) but joins no simple command.
        let belongsToCompound = !current.started && canSeparate
        var target: Word?
        var range = redirection.range
        if redirection.needsTarget {
            guard case .word(let token) = try nextToken(atCommandStart: false) else {
                throw LexError(range: redirection.range, message: "redirection `\(redirection.op)` with no target")
            }
            let word = singleWord(from: token)
            target = word
            range = range.union(word.range)
            if let stripsTabs = redirection.hereDocumentStripsTabs {
                let delimiter = word.literalValue.map { Array($0.unicodeScalars) } ?? Array(text.scalars[token.start..<token.end])
                pendingHereDocuments.append(PendingHereDocument(
                    delimiter: delimiter, isQuoted: token.isQuoted, stripsTabs: stripsTabs,
                    commandIndex: belongsToCompound ? nil : commands.count, redirectionIndex: current.redirections.count
                ))
            }
        }
        if belongsToCompound { return }
        current.redirections.append(Redirection(op: redirection.op, target: target, range: range))
        current.cover(range)
        markCommandPresent()
    }

    /// Completes the current command, if it has anything, and applies its variable effects.
    mutating func finishCommand(_ separator: CommandSeparator) {
        defer { current = CommandBuilder() }
        guard let range = current.range,
              !(current.words.isEmpty && current.assignments.isEmpty && current.redirections.isEmpty) else { return }
        let command = SimpleCommand(
            assignments: current.assignments, words: current.words, redirections: current.redirections,
            range: range, separator: separator
        )
        let runsInSubshell = separator == .pipe || separator == .background || commands.last?.separator == .pipe
        if !runsInSubshell { applyVariableEffects(of: command) }
        commands.append(command)
    }

    private mutating func applyVariableEffects(of command: SimpleCommand) {
        if command.words.isEmpty {
            for assignment in command.assignments {
                variables.set(assignment.name, to: binding(of: assignment.value))
            }
        }
        for declaration in current.declarations {
            variables.set(declaration.name, to: declaration.binding)
        }
        switch command.program {
        case "read", "unset":
            for word in command.words.dropFirst() {
                if let name = word.literalValue, !name.hasPrefix("-") { variables.set(name, to: .unknown) }
            }
        default:
            break
        }
    }

    /// Gives the here-document's body to the redirection that announced it.
    mutating func attach(_ body: Word, to document: PendingHereDocument) {
        guard let command = document.commandIndex else { return }
        let index = document.redirectionIndex
        if command == commands.count {
            if index < current.redirections.count { current.redirections[index].hereDocument = body }
        } else if command < commands.count, index < commands[command].redirections.count {
            commands[command].redirections[index].hereDocument = body
        }
    }

    // MARK: Words

    /// Appends to the current command the words a token (standing at `range`) stands for
    /// after field splitting: none when it expanded to nothing.
    private mutating func appendWords(from token: WordToken, range: SourceRange, splittingFields: Bool) {
        if splittingFields, case .parts(let cooked) = token.value, needsFieldSplitting(cooked) {
            let raw = text.string(token.start, token.end)
            for field in splitFields(cooked) {
                let parts = wordParts(field)
                current.words.append(Word(raw: raw, range: range, parts: parts, placeholder: placeholderName(parts)))
            }
            return
        }
        let parts = wordParts(token.value)
        if parts.isEmpty, !token.isQuoted { return }
        if current.words.isEmpty { current.words.reserveCapacity(Self.typicalWordCount) }
        current.words.append(Word(raw: raw(of: token, parts: parts), range: range, parts: parts, placeholder: placeholderName(parts)))
    }

    /// The token as written. A word spelt as plain text shares the string of its value.
    private func raw(of token: WordToken, parts: [WordPart]) -> String {
        if parts.count == 1, case .literal(let value, _) = parts[0],
           token.value.unsplittableLiteralCount == token.end - token.start, text.spells(value, at: token.start) {
            return value
        }
        return text.string(token.start, token.end)
    }

    /// The token as one word, never split or dropped (redirection targets).
    func singleWord(from token: WordToken) -> Word {
        let parts = wordParts(token.value)
        return Word(raw: raw(of: token, parts: parts), range: text.range(token.start, token.end),
                    parts: parts, placeholder: placeholderName(parts))
    }

    /// `NAME=value` (or `NAME+=value`) when the token starts with an unquoted name and `=`
    /// (or `+=`). What `+=` appends to is the shell's to know, so its value is unknown.
    func assignment(from token: WordToken) -> Assignment? {
        guard let first = text[token.start], isNameStart(first) else { return nil }
        var index = token.start + 1
        while index < token.end, isNameCharacter(text.scalars[index]) { index += 1 }
        let appends = index + 1 < token.end && text.scalars[index] == "+"
        let equals = appends ? index + 1 : index
        guard equals < token.end, text.scalars[equals] == "=" else { return nil }
        let name = text.string(token.start, index)
        let valueStart = equals + 1
        let raw = text.string(valueStart, token.end)
        let range = text.range(valueStart, token.end)
        let value: Word
        if appends {
            value = Word(raw: raw, range: range, parts: [.unknown(source: text.string(token.start, token.end), range: text.range(token.start, token.end))])
        } else {
            let valueParts = wordParts(dropLeadingScalars(token.value.parts, count: valueStart - token.start))
            value = Word(raw: raw, range: range, parts: valueParts, placeholder: placeholderName(valueParts))
        }
        return Assignment(name: name, value: value, range: text.range(token.start, token.end))
    }
}

/// Builtins whose `NAME=value` arguments assign variables.
private let declarationCommands: Set<String> = ["export", "readonly", "declare", "typeset", "local"]

/// What a variable holds after being assigned `value`.
func binding(of value: Word) -> Binding {
    var text = ""
    var positions = ScalarPositions()
    for part in value.parts {
        guard case .literal(let partText, let partPositions) = part else { return .unknown }
        text += partText
        positions.append(contentsOf: partPositions)
    }
    return .known(text: text, positions: positions)
}

/// The parts without their first `count` cooked scalars.
private func dropLeadingScalars(_ parts: [CookedPart], count: Int) -> [CookedPart] {
    var remaining = count
    var result: [CookedPart] = []
    for part in parts {
        guard remaining > 0 else {
            result.append(part)
            continue
        }
        switch part {
        case .literal(let text, let positions, let splittable):
            if positions.count > remaining {
                result.append(.literal(text: String(text.unicodeScalars.dropFirst(remaining)), positions: positions[remaining..<positions.count], splittable: splittable))
            }
            remaining -= min(remaining, positions.count)
        case .unknown, .quoteMark:
            result.append(part)
        }
    }
    return result
}
