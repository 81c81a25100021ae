import Foundation
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
            let cleaned = key.lowercased().unicodeScalars.map { scalar -> Character in
                (CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII) || scalar == "_" || scalar == "-" ? Character(scalar) : "_"
            }
            let name = String(cleaned).trimmingCharacters(in: CharacterSet(charactersIn: "_-"))
            return String((name.isEmpty ? "placeholder_db" : name).prefix(64))
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
}
