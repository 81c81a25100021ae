/// A database or management token's identifier: a UUID in lower-case canonical form.
public struct TokenID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower-case hexadecimal.
    public let rawValue: String

    /// Accepts a UUID in canonical 8-4-4-4-12 form in either case; nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return nil }
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard Self.isHexDigit(byte) else { return nil }
            }
        }
        rawValue = text.lowercased()
    }

    /// A random version-4 UUID drawn from `generator` (deterministic for a seeded generator).
    public static func random(using generator: inout some RandomNumberGenerator) -> TokenID {
        var bytes = [UInt8]()
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return TokenID(formatting: bytes)
    }

    /// Whether this is a version-4, RFC 4122 variant UUID.
    public var isVersion4: Bool {
        let characters = Array(rawValue)
        return characters[14] == "4" && "89ab".contains(characters[19])
    }

    public static func < (lhs: TokenID, rhs: TokenID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    private init(formatting bytes: [UInt8]) {
        let hexDigits = Array("0123456789abcdef")
        var text = ""
        for (offset, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(offset) { text.append("-") }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        rawValue = text
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default:
            false
        }
    }
}
