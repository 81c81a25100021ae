import Diagnostics
import Yams

/// The YAML front matter of a page: `---` on the first line, up to `---` or `...`.
struct FrontMatter {
    /// The last line that belongs to the front matter (its closing delimiter); 0 if none.
    private(set) var lastLine = 0
    private(set) var blocks: [CodeBlock] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Values whose Markdown could not be read as written (see `ImageOpenerGuard`).
    private(set) var inputProblems: [InputProblem] = []

    /// Finds the front matter of `file`, parses it and extracts the fenced blocks of its
    /// string values. Problems become `markdown.front-matter` diagnostics.
    init(file: TextLines, languages: Set<String>) {
        guard FrontMatterBounds.opens(file) else { return }
        guard let closing = FrontMatterBounds.closingLine(file) else {
            diagnostics.append(Diagnostic(
                rule: .markdownFrontMatter,
                range: SourceRange(start: SourcePosition(line: 1, column: 1), length: 3),
                message: "the front matter opened here never closes: no line with --- or ... follows, so the whole page is read as Markdown",
                suggestion: "---"
            ))
            return
        }
        lastLine = closing
        var yaml: [UInt8] = []
        yaml.reserveCapacity(file.start(ofLine: closing) - file.start(ofLine: 2) + 1)
        for line in 2..<closing {
            yaml.append(contentsOf: file.line(line))
            yaml.append(UInt8(ascii: "\n"))
        }
        if let line = AliasGuard.aliasKeyLine(in: yaml) {
            diagnostics.append(Diagnostic(
                rule: .markdownFrontMatter,
                range: SourceRange(start: SourcePosition(line: line + 1, column: 1), length: 1),
                message: "the front matter uses an alias in a mapping key; such keys can expand without bound, so the front matter is not read"
            ))
            return
        }
        // Certainly valid, and no value holds a fence: Yams need not build the tree.
        if PlainYAML.isPlainBlockMapping(yaml) { return }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: yaml, as: UTF8.self), .basic, .default, .utf8)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, yaml: yaml))
            return
        }
        guard let root, Self.mayHoldFence(yaml) else { return }
        for value in Self.fencedStrings(in: root) {
            extract(value, file: file, languages: languages)
        }
    }

    private static func diagnostic(for error: any Error, yaml: [UInt8]) -> Diagnostic {
        var mark: SourcePosition?
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, text, errorMark, _), let .parser(context, text, errorMark, _), let .composer(context, text, errorMark, _):
                mark = SourcePosition(line: errorMark.line, column: errorMark.column)
                // YAML line 1 is file line 2.
                problem = context.map { "\($0.text) started at line \($0.mark.line + 1), column \($0.mark.column): \(text)" } ?? text
            case let .duplicatedKeysInMapping(duplicates, context):
                mark = SourcePosition(line: context.mark.line, column: context.mark.column)
                problem = "duplicated key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
            case let .reader(text, offset, _, _):
                mark = offset.map { markOfCharacter(at: $0, in: yaml) }
                problem = text
            default:
                break
            }
        }
        // YAML line 1 is file line 2.
        let position = mark.map { SourcePosition(line: $0.line + 1, column: max($0.column, 1)) } ?? SourcePosition(line: 2, column: 1)
        return Diagnostic(
            rule: .markdownFrontMatter,
            range: SourceRange(start: position, length: 1),
            message: "the front matter is not valid YAML: \(problem)"
        )
    }

    /// Line and column of the `offset`-th character, for libyaml reader errors.
    private static func markOfCharacter(at offset: Int, in yaml: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        for (index, character) in String(decoding: yaml, as: UTF8.self).enumerated() {
            if index >= offset { break }
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// Whether a string value of the YAML could hold a fence: the source has three backticks
    /// or tildes in a row, or a backslash (a double-quoted escape can spell a backtick).
    private static func mayHoldFence<Bytes: Sequence<UInt8>>(_ yaml: Bytes) -> Bool {
        yaml.contains(UInt8(ascii: "\\")) || hasFence(yaml)
    }

    /// Whether the bytes hold three backticks or tildes in a row, the start of a fence.
    private static func hasFence<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var run = FenceRun()
        return bytes.contains { run.isComplete(after: $0) }
    }

    /// Every string value (not key) that holds a fence, in document order. Aliases repeat a
    /// node already seen, with the same mark, and are read once.
    private static func fencedStrings(in root: Node) -> [Node.Scalar] {
        struct Seen: Hashable {
            var line: Int
            var column: Int
            var kind: Int
        }
        var found: [Node.Scalar] = []
        var seen: Set<Seen> = []
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            switch node {
            case let .scalar(scalar):
                if let mark = scalar.mark, !seen.insert(Seen(line: mark.line, column: mark.column, kind: 0)).inserted { continue }
                if hasFence(scalar.string.utf8) { found.append(scalar) }
            case let .mapping(mapping):
                if let mark = mapping.mark, !seen.insert(Seen(line: mark.line, column: mark.column, kind: 1)).inserted { continue }
                stack.append(contentsOf: mapping.map(\.value).reversed())
            case let .sequence(sequence):
                if let mark = sequence.mark, !seen.insert(Seen(line: mark.line, column: mark.column, kind: 2)).inserted { continue }
                stack.append(contentsOf: sequence.reversed())
            case .alias:
                continue
            }
        }
        return found
    }

    private mutating func extract(_ scalar: Node.Scalar, file: TextLines, languages: Set<String>) {
        let value = TextLines(InputDecoder.decode(Array(scalar.string.utf8)).text)
        let start = scalar.mark.map { SourcePosition(line: $0.line + 1, column: $0.column) } ?? SourcePosition(line: 2, column: 1)
        let mapping: PositionMapping = scalar.style == .literal
            ? .blockScalar(firstFileLine: start.line + 1, file: file, value: value, fallback: start)
            : .fixed(start)
        guard let document = CMarkDocument(parsing: value.bytes[...]) else { return }
        if let (count, _) = document.imageOpenersReadAsLinks {
            inputProblems.append(InputProblem(position: start, message: "in this front-matter value, " + ImageOpenerGuard.problem(count: count)))
        }
        var walker = MarkdownWalker(text: value, mapping: mapping, shortcodes: ShortcodeIndex(text: value, range: 0..<value.bytes.count),
                                    origin: .frontMatter, languages: languages)
        walker.walk(document)
        blocks.append(contentsOf: walker.blocks)
        diagnostics.append(contentsOf: walker.diagnostics)
    }
}

/// Yams hashes every mapping key to find duplicates, expanding aliases as it goes, so a key
/// built from nested aliases ("billion laughs") would take practically forever. Front matter
/// that defines anchors, uses aliases and has a key that could hold one is refused instead.
enum AliasGuard {
    /// The 1-based YAML line of the first key that could hold an alias, if the text has
    /// anchors and aliases at all.
    static func aliasKeyLine(in yaml: [UInt8]) -> Int? {
        guard hasNodeProperty(UInt8(ascii: "&"), in: yaml), hasNodeProperty(UInt8(ascii: "*"), in: yaml) else { return nil }
        var lineNumber = 1
        var start = yaml.startIndex
        while start < yaml.endIndex {
            let end = yaml[start...].firstIndex(of: UInt8(ascii: "\n")) ?? yaml.endIndex
            if mayHoldAliasKey(yaml[start..<end]) { return lineNumber }
            lineNumber += 1
            start = end + 1
        }
        return nil
    }

    private static func isBoundary(_ byte: UInt8) -> Bool {
        ByteClass.isSpace(byte) || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",")
    }

    /// Whether `indicator` (`&` or `*`) starts an anchor or alias name somewhere.
    private static func hasNodeProperty(_ indicator: UInt8, in yaml: [UInt8]) -> Bool {
        for index in yaml.indices where yaml[index] == indicator {
            let before = index == yaml.startIndex || isBoundary(yaml[index - 1])
            if before, index + 1 < yaml.endIndex, ByteClass.isName(yaml[index + 1]) { return true }
        }
        return false
    }

    /// A complex key (`? `), an alias followed by `:`, or a flow collection followed by `:`.
    private static func mayHoldAliasKey(_ line: ArraySlice<UInt8>) -> Bool {
        var content = line.drop { $0 == UInt8(ascii: " ") }
        while content.starts(with: [UInt8(ascii: "-"), UInt8(ascii: " ")]) {
            content = content.dropFirst(2).drop { $0 == UInt8(ascii: " ") }
        }
        if content.first == UInt8(ascii: "?"), content.count == 1 || ByteClass.isSpace(content[content.startIndex + 1]) { return true }
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            var cursor = index + 1
            if byte == UInt8(ascii: "*"), index == line.startIndex || isBoundary(line[index - 1]) {
                while cursor < line.endIndex, ByteClass.isName(line[cursor]) { cursor += 1 }
                if cursor == index + 1 {
                    index += 1
                    continue
                }
            } else if byte != UInt8(ascii: "]"), byte != UInt8(ascii: "}") {
                index += 1
                continue
            }
            while cursor < line.endIndex, line[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if cursor < line.endIndex, line[cursor] == UInt8(ascii: ":"), cursor + 1 == line.endIndex || ByteClass.isSpace(line[cursor + 1]) {
                return true
            }
            index += 1
        }
        return false
    }
}
