import Diagnostics

/// A piece of a word while it is being read, before field splitting.
enum CookedPart {
    /// `splittable` marks text an unquoted expansion produced, which the shell splits at blanks.
    case literal(text: String, positions: ScalarPositions, splittable: Bool)
    case unknown(source: String, range: SourceRange)
    /// Where quoting starts: a field holding it is a word even when its text is empty (`""`).
    case quoteMark
}

/// A word's value as the tokenizer cooked it.
enum CookedValue {
    /// One run of literal text that field splitting leaves alone: most words, kept without
    /// an array of parts.
    case text(String, positions: ScalarPositions)
    case parts([CookedPart])

    /// The value as a list of cooked parts.
    var parts: [CookedPart] {
        switch self {
        case .text(let text, let positions): [.literal(text: text, positions: positions, splittable: false)]
        case .parts(let parts): parts
        }
    }

    /// The number of scalars of the value when it is one literal that field splitting leaves alone.
    var unsplittableLiteralCount: Int? {
        switch self {
        case .text(_, let positions):
            return positions.count
        case .parts(let parts):
            guard parts.count == 1, case .literal(_, let positions, false) = parts[0] else { return nil }
            return positions.count
        }
    }
}

/// A word as the tokenizer read it: its scalar span in the block and its cooked value.
struct WordToken {
    var start: Int
    var end: Int
    var value: CookedValue
    /// True when the word holds a quote or a backslash escape, so it stays a word even if empty.
    var isQuoted: Bool
}

/// Collects the cooked text of a word, one scalar (with its position) or unknown part at a time.
struct WordAccumulator {
    private var parts: [CookedPart] = []
    private var text = ""
    private var positions = ScalarPositions()
    private var splittable = false
    private(set) var isQuoted = false
    /// Scalars that expansions of known variables may still add (see `Lexer.expansionBudget`).
    private(set) var expansionBudget: Int

    init(expansionBudget: Int) {
        self.expansionBudget = expansionBudget
    }

    /// Takes `count` scalars from the expansion budget: what a command substitution's own
    /// expansions used.
    mutating func spendExpansionBudget(_ count: Int) {
        expansionBudget -= min(max(count, 0), expansionBudget)
    }

    /// Records a quote or escape: the word stays a word even if its text turns out empty.
    mutating func markQuoted() {
        isQuoted = true
        flush()
        parts.append(.quoteMark)
    }

    mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
        if splittable { flush() }
        text.unicodeScalars.append(scalar)
        positions.append(position)
    }

    /// Appends the scalars of `range` as written, with their positions.
    mutating func appendVerbatim(_ range: Range<Int>, of source: SourceText) {
        if splittable { flush() }
        text += source.string(range.lowerBound, range.upperBound)
        source.appendPositions(of: range, to: &positions)
    }

    /// Appends the value of an expansion; unquoted values are subject to field splitting.
    /// Appends nothing and returns false when the value does not fit the expansion budget.
    mutating func appendExpansion(_ value: String, positions valuePositions: ScalarPositions, splittable expansionIsSplittable: Bool) -> Bool {
        guard valuePositions.count <= expansionBudget else { return false }
        expansionBudget -= valuePositions.count
        if splittable != expansionIsSplittable { flush() }
        splittable = expansionIsSplittable
        text += value
        positions.append(contentsOf: valuePositions)
        if expansionIsSplittable { flush() }
        return true
    }

    mutating func appendUnknown(source: String, range: SourceRange) {
        flush()
        parts.append(.unknown(source: source, range: range))
    }

    mutating func finish() -> CookedValue {
        if parts.isEmpty, !text.isEmpty, !splittable {
            return .text(text, positions: positions)
        }
        flush()
        return .parts(parts)
    }

    private mutating func flush() {
        if !text.isEmpty {
            parts.append(.literal(text: text, positions: positions, splittable: splittable))
            text = ""
            positions = ScalarPositions()
        }
        splittable = false
    }
}

/// What the block says a variable holds.
enum Binding {
    /// Set earlier in the block to literal text, with the file position of each scalar.
    case known(text: String, positions: ScalarPositions)
    /// Set in a way only a running shell knows (a loop variable, `$(...)`, `read`).
    case unknown
}

/// The variables the block has set, one table per subshell level.
struct VariableScopes {
    private var tables: [[String: Binding]] = [[:]]

    func value(of name: String) -> Binding {
        tables[tables.count - 1][name] ?? .unknown
    }

    mutating func set(_ name: String, to binding: Binding) {
        tables[tables.count - 1][name] = binding
    }

    mutating func enterSubshell() {
        tables.append(tables[tables.count - 1])
    }

    mutating func leaveSubshell() {
        if tables.count > 1 { tables.removeLast() }
    }

    /// Drops every subshell level (a console prompt starts afresh at the top level).
    mutating func leaveAllSubshells() {
        tables.removeLast(tables.count - 1)
    }
}

/// The word parts of a cooked value (see `wordParts(_:)` for a list of cooked parts).
func wordParts(_ value: CookedValue) -> [WordPart] {
    switch value {
    case .text(let text, let positions): [.literal(text, positions: positions)]
    case .parts(let cooked): wordParts(cooked)
    }
}

/// Merges cooked parts into word parts: adjacent literals become one, empty ones vanish.
func wordParts(_ cooked: [CookedPart]) -> [WordPart] {
    if cooked.count == 1, case .literal(let text, let positions, _) = cooked[0] {
        return text.isEmpty ? [] : [.literal(text, positions: positions)]
    }
    var result: [WordPart] = []
    result.reserveCapacity(cooked.count)
    var text = ""
    var positions = ScalarPositions()
    func flush() {
        if !text.isEmpty {
            result.append(.literal(text, positions: positions))
            text = ""
            positions = ScalarPositions()
        }
    }
    for part in cooked {
        switch part {
        case .literal(let partText, let partPositions, _):
            text += partText
            positions.append(contentsOf: partPositions)
        case .unknown(let source, let range):
            flush()
            result.append(.unknown(source: source, range: range))
        case .quoteMark:
            continue
        }
    }
    flush()
    return result
}

/// Splits cooked parts into fields at blanks and newlines that unquoted expansions produced.
func splitFields(_ cooked: [CookedPart]) -> [[CookedPart]] {
    var fields: [[CookedPart]] = []
    var field: [CookedPart] = []
    for part in cooked {
        guard case .literal(let text, let positions, true) = part else {
            field.append(part)
            continue
        }
        let scalars = text.unicodeScalars
        var runStart = 0
        var runStartIndex = scalars.startIndex
        var offset = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            if isBlankOrNewline(scalars[index]) {
                if runStart < offset {
                    field.append(.literal(text: String(scalars[runStartIndex..<index]), positions: positions[runStart..<offset], splittable: false))
                }
                if !field.isEmpty { fields.append(field) }
                field = []
                runStart = offset + 1
                runStartIndex = next
            }
            index = next
            offset += 1
        }
        if runStart < offset {
            field.append(.literal(text: String(scalars[runStartIndex...]), positions: positions[runStart..<positions.count], splittable: false))
        }
    }
    if !field.isEmpty { fields.append(field) }
    return fields
}

/// True when some unquoted expansion in `cooked` produced a blank or newline.
func needsFieldSplitting(_ cooked: [CookedPart]) -> Bool {
    cooked.contains { part in
        guard case .literal(let text, _, true) = part else { return false }
        return text.utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }
    }
}

/// `NAME` for a value that is exactly `<NAME>` with NAME in `[A-Z][A-Z0-9_]*`.
func placeholderName(_ parts: [WordPart]) -> String? {
    guard parts.count == 1, case .literal(let text, _) = parts[0], text.utf8.first == UInt8(ascii: "<") else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 3, scalars[0] == "<", upperSnakePlaceholderLength(scalars, from: 0) == scalars.count else { return nil }
    return String(scalars: scalars[1..<(scalars.count - 1)])
}

/// The length of the `<UPPER_SNAKE>` placeholder starting at `start`, or nil if none starts there.
func upperSnakePlaceholderLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < scalars.count, scalars[start] == "<", isUpper(scalars[start + 1]) else { return nil }
    var index = start + 2
    while index < scalars.count, isUpper(scalars[index]) || isDigit(scalars[index]) || scalars[index] == "_" {
        index += 1
    }
    guard index < scalars.count, scalars[index] == ">" else { return nil }
    return index + 1 - start
}

/// The length of the angle-bracket placeholder starting at `start`, or nil if a redirection
/// starts there.
///
/// A placeholder opens with `<` directly followed by a letter and closes at the first `>` on the
/// line; what lies between holds no shell metacharacter, quote, `$`, backtick or backslash.
/// Unspaced (`<etcd-host>`, `<shardID>`, `<host>:<port>`), it is a placeholder wherever it
/// stands, also inside a larger word. Spaced (`<path to file>`), it is one only when the `>`
/// ends the line (blanks, a trailing `\` or the end of the block may follow): read as shell
/// that would be a `>` with no target, a syntax error, so no working redirection is ever
/// taken for a placeholder. A real `<in.txt` ends at a blank before any `>` and stays a
/// redirection; `<in.txt>out` (no blank) is the one real form read as a placeholder.
func placeholderLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < scalars.count, scalars[start] == "<", isLetter(scalars[start + 1]) else { return nil }
    var index = start + 2
    var spaced = false
    while index < scalars.count, scalars[index] != ">" {
        let scalar = scalars[index]
        if scalar == " " || scalar == "\t" {
            spaced = true
        } else if !isPlaceholderScalar(scalar) {
            return nil
        }
        index += 1
    }
    guard index < scalars.count, scalars[index - 1] != " ", scalars[index - 1] != "\t" else { return nil }
    if spaced {
        var after = index + 1
        while after < scalars.count, scalars[after] == " " || scalars[after] == "\t" { after += 1 }
        if after < scalars.count, scalars[after] == "\\" { after += 1 }
        guard after == scalars.count || scalars[after] == "\n" || scalars[after] == "\r" else { return nil }
    }
    return index + 1 - start
}

/// A scalar that may stand inside a placeholder: not a shell metacharacter, quote or expansion.
private func isPlaceholderScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\n", "\r", ";", "&", "|", "(", ")", "<", "'", "\"", "$", "`", "\\": false
    default: true
    }
}

private func isLetter(_ scalar: Unicode.Scalar) -> Bool { (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z") }

private func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar >= "A" && scalar <= "Z" }
