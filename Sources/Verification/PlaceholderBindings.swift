import ShellSyntax
import TokenCore

/// The kind of value a placeholder or unknown word stands for, decided by where it is used.
enum ValueKind: Hashable, Sendable {
    case databaseName
    case text
    case tokenID
    case tokenString
    case time
    case duration
    case integer
    case lineProtocol
    case query
}

/// Synthetic values for placeholders (and values only a running shell knows): the same name
/// gets the same value everywhere on one page, of the type its first use needs.
struct PlaceholderBindings: Sendable {
    private var values: [String: String] = [:]

    /// The key a word is bound under: its placeholder name, or how it spells its unknown value.
    static func key(of word: Word) -> String? {
        if let placeholder = word.placeholder { return placeholder }
        if word.hasUnknownParts { return word.displayValue }
        return nil
    }

    func value(forKey key: String) -> String? { values[key] }

    mutating func bind(_ key: String, to value: String) {
        values[key] = value
    }

    /// The value for `key`, binding a fresh one of `kind` on first use.
    mutating func value(forKey key: String, kind: ValueKind, now: Instant) -> String {
        if let bound = values[key] { return bound }
        let value = Self.synthesize(key: key, kind: kind, now: now)
        values[key] = value
        return value
    }

    /// A value of `kind` derived from the placeholder's name, so reports stay readable.
    static func synthesize(key: String, kind: ValueKind, now: Instant) -> String {
        switch kind {
        case .databaseName:
            return databaseName(from: key)
        case .text, .tokenID, .tokenString:
            return key
        case .time:
            return (now + .seconds(30 * 24 * 3600)).rfc3339
        case .duration:
            return "30d"
        case .integer:
            return "100"
        case .lineProtocol:
            return "home,room=kitchen temp=21.5"
        case .query:
            return "SELECT * FROM home"
        }
    }

    /// The key lower-cased, every character but ASCII letters, digits, `_` and `-` made `_`
    /// (one per Unicode scalar), trimmed of `_` and `-`, at most 64 characters.
    private static func databaseName(from key: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for scalar in key.lowercased().unicodeScalars {
            let isKept = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            bytes.append(isKept ? UInt8(scalar.value) : UInt8(ascii: "_"))
        }
        let isTrimmed = { (byte: UInt8) in byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") }
        guard let first = bytes.firstIndex(where: { !isTrimmed($0) }), let last = bytes.lastIndex(where: { !isTrimmed($0) }) else {
            return "placeholder_db"
        }
        return String(decoding: bytes[first...min(last, first + 63)], as: UTF8.self)
    }
}
