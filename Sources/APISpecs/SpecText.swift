/// A spec's YAML text cut down, before it is parsed, to what request bodies can need: the
/// block-style keys only readers of the reference use (`description`, `summary`, `example`,
/// `examples`, `externalDocs`, `x-…`), and `responses`, `parameters`, `servers`, `security` and
/// `tags`, are dropped with every more-indented line under them, and so are the component
/// schemas no request body reaches. A key directly under `properties` names a field and is
/// always kept. docs-v2's specs shrink to about a third, which Yams then parses in a third of
/// the time. The text is read as UTF-8 bytes (every byte the pruning looks at is ASCII), its
/// lines split at `\n` with a `\r` before it dropped.
enum SpecText {
    typealias Line = ArraySlice<UInt8>

    static let droppedKeys: Set<Line> = Set([
        "description", "summary", "example", "examples", "externalDocs", "responses", "parameters", "servers", "security", "tags",
    ].map { Line($0.utf8) })

    private static let space = UInt8(ascii: " ")
    private static let properties = Line("properties".utf8)

    static func pruned(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var kept: [Line] = []
        var parents: [(indent: Int, key: Line)] = []
        var skipBelow: Int?
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            let indent = indentation(of: line)
            let body = line.dropFirst(indent)
            if let limit = skipBelow {
                if body.isEmpty || indent > limit { continue }
                skipBelow = nil
            }
            guard let (keyIndent, key) = Self.key(of: body, at: indent) else {
                kept.append(line)
                continue
            }
            while let last = parents.last, last.indent >= keyIndent { parents.removeLast() }
            let namesField = parents.last?.key == properties
            // A sequence item's first key carries the item's dash, so it stays.
            if !namesField, !isSequenceItem(body), droppedKeys.contains(key) || key.starts(with: "x-".utf8) {
                skipBelow = indent
                continue
            }
            parents.append((keyIndent, key))
            kept.append(line)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, line) in withEmptyMappingsSpelt(withoutUnreachedSchemas(kept)).enumerated() {
            if index > 0 { result.append(UInt8(ascii: "\n")) }
            result.append(contentsOf: line)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func indentation(of line: Line) -> Int {
        line.prefix { $0 == space }.count
    }

    private static func isSequenceItem(_ body: Line) -> Bool {
        body.starts(with: "- ".utf8)
    }

    /// The lines without the `components.schemas` entries no request body reaches: after the
    /// responses are gone, the schemas only they used are most of a large spec.
    private static func withoutUnreachedSchemas(_ lines: [Line]) -> [Line] {
        // Where each schema's entry starts and ends, under `components:` / `  schemas:`.
        var entries: [Line: Range<Int>] = [:]
        var inComponents = false
        var inSchemas = false
        var schemasIndent = 0
        var current: (name: Line, start: Int)?
        func close(at end: Int) {
            if let open = current { entries[open.name] = open.start..<end }
            current = nil
        }
        for (index, line) in lines.enumerated() {
            let indent = indentation(of: line)
            let body = line.dropFirst(indent)
            if body.isEmpty { continue }
            if indent == 0 {
                close(at: index)
                inComponents = body.starts(with: "components:".utf8)
                inSchemas = false
                continue
            }
            guard inComponents else { continue }
            if !inSchemas || indent <= schemasIndent {
                close(at: index)
                inSchemas = body.elementsEqual("schemas:".utf8)
                schemasIndent = indent
                continue
            }
            if let (keyIndent, name) = key(of: body, at: indent), keyIndent == schemasIndent + 2, !isSequenceItem(body) {
                close(at: index)
                current = (name, index)
            }
        }
        close(at: lines.count)
        guard !entries.isEmpty else { return lines }
        // Reached: what the rest of the document names, then what those name, and so on.
        var inEntry = [Bool](repeating: false, count: lines.count)
        for range in entries.values { for index in range { inEntry[index] = true } }
        var pending: [Line] = lines.indices.filter { !inEntry[$0] }.flatMap { references(in: lines[$0]) }
        var reached: Set<Line> = []
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let range = entries[name] else { continue }
            pending += range.flatMap { references(in: lines[$0]) }
        }
        var dropped = [Bool](repeating: false, count: lines.count)
        for (name, range) in entries where !reached.contains(name) { for index in range { dropped[index] = true } }
        return lines.indices.filter { !dropped[$0] }.map { lines[$0] }
    }

    private static let schemaReference = Array("#/components/schemas/".utf8)

    /// The schema names a line refers to: `$ref: '#/components/schemas/Name'`.
    private static func references(in line: Line) -> [Line] {
        var names: [Line] = []
        var rest = line
        while let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            rest = rest[hash...]
            guard rest.starts(with: schemaReference) else {
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(schemaReference.count)
            let name = rest.prefix(while: isNameByte)
            if !name.isEmpty { names.append(name) }
            rest = rest.dropFirst(name.count)
        }
        return names
    }

    /// A byte of a schema name: a letter or digit (any non-ASCII byte counts), `_`, `-` or `.`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...: true
        default: false
        }
    }

    /// A kept `key:` whose every child was dropped would read as null; it is spelt `key: {}`,
    /// as the mapping it was.
    private static func withEmptyMappingsSpelt(_ lines: [Line]) -> [Line] {
        var result = lines
        for index in lines.indices {
            let line = lines[index]
            let indent = indentation(of: line)
            let body = line.dropFirst(indent)
            guard body.last == UInt8(ascii: ":"), let (keyIndent, _) = key(of: body, at: indent) else { continue }
            let next = lines[(index + 1)...].first { !$0.allSatisfy { $0 == space } }
            let hasChild = next.map { next in
                let nextIndent = indentation(of: next)
                return nextIndent > keyIndent || (nextIndent == keyIndent && isSequenceItem(next.dropFirst(nextIndent)))
            } ?? false
            if !hasChild { result[index] = Line(line + " {}".utf8) }
        }
        return result
    }

    /// The mapping key a block-style line opens (`key:`, `- key:`, `'key':`), with the column it
    /// stands at; nil for other lines.
    private static func key(of body: Line, at indent: Int) -> (Int, Line)? {
        var rest = body
        var column = indent
        if isSequenceItem(rest) {
            rest = rest.dropFirst(2)
            column += 2
        }
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var key = rest[..<colon]
        let after = rest[(colon + 1)...]
        guard after.isEmpty || after.first == space else { return nil }
        if let first = key.first, first == UInt8(ascii: "'") || first == UInt8(ascii: "\""), key.count >= 2, key.last == first {
            key = key.dropFirst().dropLast()
        }
        guard let first = key.first, !key.contains(space), first != UInt8(ascii: "#"), first != UInt8(ascii: "{"), first != UInt8(ascii: "[")
        else { return nil }
        return (column, key)
    }
}
