/// A database or management token's identifier: a UUID in lower-case canonical form.
public struct TokenID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower-case hexadecimal.
    public let rawValue: String

    /// Accepts a UUID in canonical 8-4-4-4-12 form in either case; nil otherwise.
    public init?(_ text: String) {
        var text = text
        guard let hasUpperCase = text.withUTF8(Self.uuidHasUpperCase) else { return nil }
        rawValue = hasUpperCase ? text.lowercased() : text
    }

    /// Whether `bytes`, a UUID in 8-4-4-4-12 form, has upper-case hex digits; nil if it is no UUID.
    private static func uuidHasUpperCase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count == 36 else { return nil }
        var hasUpperCase = false
        for offset in bytes.indices {
            let byte = bytes[offset]
            switch offset {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard isHexDigit(byte) else { return nil }
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "F") { hasUpperCase = true }
            }
        }
        return hasUpperCase
    }

    /// A random version-4 UUID drawn from `generator` (deterministic for a seeded generator):
    /// the bytes of two draws, least significant first.
    public static func random(using generator: inout some RandomNumberGenerator) -> TokenID {
        let low = generator.next()
        let high = generator.next()
        return TokenID(formatting: (low, high))
    }

    /// Whether this is a version-4, RFC 4122 variant UUID.
    public var isVersion4: Bool {
        let characters = Array(rawValue)
        return characters[14] == "4" && "89ab".contains(characters[19])
    }

    public static func < (lhs: TokenID, rhs: TokenID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    /// The 16 bytes of `words`, least significant first, with the version-4 and RFC 4122
    /// variant bits set, in lower-case canonical form.
    private init(formatting words: (UInt64, UInt64)) {
        rawValue = String(unsafeUninitializedCapacity: 36) { buffer in
            var count = 0
            for offset in 0..<16 {
                if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                var byte = UInt8(truncatingIfNeeded: (offset < 8 ? words.0 : words.1) >> UInt64(8 * (offset % 8)))
                if offset == 6 { byte = (byte & 0x0F) | 0x40 }
                if offset == 8 { byte = (byte & 0x3F) | 0x80 }
                buffer[count] = Self.hexDigits[Int(byte >> 4)]
                buffer[count + 1] = Self.hexDigits[Int(byte & 0x0F)]
                count += 2
            }
            return count
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

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
