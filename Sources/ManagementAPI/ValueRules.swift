import Diagnostics
/// Checks for the values the Management API constrains: UUIDs, integers, database names and
/// RFC3339 times. Each returns nil when the text is fine, or a phrase saying what is wrong.
enum ValueRules {
    /// True for text a reader is meant to replace: `ACCOUNT_ID`, `<ACCOUNT_ID>`, `{accountId}`.
    static func isPlaceholder(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if (first == "<" && last == ">") || (first == "{" && last == "}") {
            return scalars.count > 2 && !scalars.contains { $0 == " " }
        }
        return PlaceholderShape.isCapitalisedWord(text)
    }

    /// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal.
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// True for an optional `-` and ASCII digits that fit an Int64.
    static func isInt64(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "-" }) else { return false }
        return Int64(text) != nil
    }

    /// What breaks the database naming rules (1 to 64 characters of letters, digits, `_`, `-`
    /// and `/`), or nil. Placeholders in angle or curly brackets pass.
    static func databaseNameProblem(_ name: String) -> String? {
        if isPlaceholder(name) { return nil }
        let scalars = Array(name.unicodeScalars)
        if scalars.isEmpty { return "is empty; a database name has 1 to 64 characters" }
        if let bad = scalars.first(where: { !isDatabaseNameScalar($0) }) {
            let shown = bad == " " ? "a space" : "`\(Character(bad))`"
            return "contains \(shown); database names allow only letters, digits, `_`, `-` and `/`"
        }
        if scalars.count > 64 { return "is \(scalars.count) characters long; the limit is 64" }
        return nil
    }

    private static func isDatabaseNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == "-" || scalar == "/"
    }

    /// True for an RFC3339 date-time: `2030-01-31T23:59:59Z`, with optional fraction and a
    /// `Z` or `±hh:mm` offset (`+0000` is not RFC3339).
    static func isRFC3339(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var offset = 0
        func digits(_ count: Int, max: Int) -> Bool {
            guard offset + count <= scalars.count else { return false }
            var value = 0
            for scalar in scalars[offset..<offset + count] {
                guard ("0"..."9").contains(scalar) else { return false }
                value = value * 10 + Int(scalar.value - 48)
            }
            offset += count
            return value <= max
        }
        func literal(_ expected: Unicode.Scalar...) -> Bool {
            guard offset < scalars.count, expected.contains(scalars[offset]) else { return false }
            offset += 1
            return true
        }
        guard digits(4, max: 9999), literal("-"), digits(2, max: 12), literal("-"), digits(2, max: 31),
              literal("T", "t"), digits(2, max: 23), literal(":"), digits(2, max: 59), literal(":"), digits(2, max: 60)
        else { return false }
        if literal(".") {
            let start = offset
            while offset < scalars.count, ("0"..."9").contains(scalars[offset]) { offset += 1 }
            guard offset > start else { return false }
        }
        if literal("Z", "z") { return offset == scalars.count }
        guard literal("+", "-"), digits(2, max: 23), literal(":"), digits(2, max: 59) else { return false }
        return offset == scalars.count
    }

    /// The text with `%XX` escapes decoded (invalid escapes are kept as written).
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = Character(Unicode.Scalar(utf8[index + 1])).hexDigitValue,
               let low = Character(Unicode.Scalar(utf8[index + 2])).hexDigitValue {
                bytes.append(UInt8(high * 16 + low))
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The Levenshtein distance, for suggesting the nearest field or path segment.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `text` when it is within two edits (ties go to the first).
    static func nearest(to text: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(text.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 > 0 || best.0 != text else { return nil }
        return best.0
    }
}
