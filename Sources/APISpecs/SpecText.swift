import Foundation

/// A spec's YAML text cut down, before it is parsed, to what request bodies can need: the
/// block-style keys only readers of the reference use (`description`, `summary`, `example`,
/// `examples`, `externalDocs`, `x-…`), and `responses`, `parameters`, `servers`, `security` and
/// `tags`, are dropped with every more-indented line under them, and so are the component
/// schemas no request body reaches. A key directly under `properties` names a field and is
/// always kept. docs-v2's specs shrink to about a third,
/// which Yams then parses in a third of the time.
enum SpecText {
    static let droppedKeys: Set<Substring> = [
        "description", "summary", "example", "examples", "externalDocs", "responses", "parameters", "servers", "security", "tags",
    ]

    static func pruned(_ text: String) -> String {
        var kept: [Substring] = []
        var parents: [(indent: Int, key: Substring)] = []
        var skipBelow: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
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
            let namesField = parents.last?.key == "properties"
            // A sequence item's first key carries the item's dash, so it stays.
            if !namesField, !body.hasPrefix("- "), droppedKeys.contains(key) || key.hasPrefix("x-") {
                skipBelow = indent
                continue
            }
            parents.append((keyIndent, key))
            kept.append(line)
        }
        return withEmptyMappingsSpelt(withoutUnreachedSchemas(kept)).joined(separator: "\n")
    }

    /// The lines without the `components.schemas` entries no request body reaches: after the
    /// responses are gone, the schemas only they used are most of a large spec.
    private static func withoutUnreachedSchemas(_ lines: [Substring]) -> [Substring] {
        // Where each schema's entry starts and ends, under `components:` / `  schemas:`.
        var entries: [Substring: Range<Int>] = [:]
        var inComponents = false
        var inSchemas = false
        var schemasIndent = 0
        var current: (name: Substring, start: Int)?
        func close(at end: Int) {
            if let open = current { entries[open.name] = open.start..<end }
            current = nil
        }
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.isEmpty { continue }
            if indent == 0 {
                close(at: index)
                inComponents = body.hasPrefix("components:")
                inSchemas = false
                continue
            }
            guard inComponents else { continue }
            if !inSchemas || indent <= schemasIndent {
                close(at: index)
                inSchemas = body == "schemas:"
                schemasIndent = indent
                continue
            }
            if let (keyIndent, name) = key(of: body, at: indent), keyIndent == schemasIndent + 2, !body.hasPrefix("- ") {
                close(at: index)
                current = (name, index)
            }
        }
        close(at: lines.count)
        guard !entries.isEmpty else { return lines }
        // Reached: what the rest of the document names, then what those name, and so on.
        var inEntry = [Bool](repeating: false, count: lines.count)
        for range in entries.values { for index in range { inEntry[index] = true } }
        var pending: [Substring] = lines.indices.filter { !inEntry[$0] }.flatMap { references(in: lines[$0]) }
        var reached: Set<Substring> = []
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let range = entries[name] else { continue }
            pending += range.flatMap { references(in: lines[$0]) }
        }
        var dropped = [Bool](repeating: false, count: lines.count)
        for (name, range) in entries where !reached.contains(name) { for index in range { dropped[index] = true } }
        return lines.indices.filter { !dropped[$0] }.map { lines[$0] }
    }

    /// The schema names a line refers to: `$ref: '#/components/schemas/Name'`.
    private static func references(in line: Substring) -> [Substring] {
        var names: [Substring] = []
        var rest = line[...]
        while let found = rest.range(of: "#/components/schemas/") {
            let name = rest[found.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            if !name.isEmpty { names.append(name) }
            rest = rest[found.upperBound...]
        }
        return names
    }

    /// A kept `key:` whose every child was dropped would read as null; it is spelt `key: {}`,
    /// as the mapping it was.
    private static func withEmptyMappingsSpelt(_ lines: [Substring]) -> [Substring] {
        var result = lines
        for index in lines.indices {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            guard let (keyIndent, _) = key(of: body, at: indent), body.hasSuffix(":") else { continue }
            let next = lines[(index + 1)...].first { !$0.allSatisfy { $0 == " " } }
            let hasChild = next.map { next in
                let nextIndent = next.prefix { $0 == " " }.count
                return nextIndent > keyIndent || (nextIndent == keyIndent && next.dropFirst(nextIndent).hasPrefix("- "))
            } ?? false
            if !hasChild { result[index] = line + " {}" }
        }
        return result
    }

    /// The mapping key a block-style line opens (`key:`, `- key:`, `'key':`), with the column it
    /// stands at; nil for other lines.
    private static func key(of body: Substring, at indent: Int) -> (Int, Substring)? {
        var rest = body
        var column = indent
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2)
            column += 2
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        var key = rest[..<colon]
        let after = rest[rest.index(after: colon)...]
        guard after.isEmpty || after.first == " " else { return nil }
        if let first = key.first, first == "'" || first == "\"", key.count >= 2, key.last == first { key = key.dropFirst().dropLast() }
        guard !key.isEmpty, !key.contains(" "), !key.hasPrefix("#"), !key.hasPrefix("{"), !key.hasPrefix("[") else { return nil }
        return (column, key)
    }
}
