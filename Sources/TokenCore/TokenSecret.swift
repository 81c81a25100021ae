/// Generation and shape of database token strings: `apiv1_` followed by the unpadded
/// base64url encoding of 64 random bytes (a 512-bit value), 92 characters in all.
public enum TokenSecret {
    /// The prefix of every database token string.
    public static let prefix = "apiv1_"
    /// Random bytes behind a database token string.
    public static let randomByteCount = 64
    /// Characters in a database token string: the prefix plus 86 base64url characters.
    public static let length = prefix.count + encodedLength(byteCount: randomByteCount)

    /// A new database token string from `generator`. Production callers pass
    /// `SystemRandomNumberGenerator` (a CSPRNG); the simulator passes a `SeededGenerator`.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        generate(prefix: prefix, byteCount: randomByteCount, using: &generator)
    }

    /// `prefix` followed by the unpadded base64url encoding of `byteCount` random bytes
    /// (a negative count counts as zero).
    public static func generate(
        prefix: String, byteCount: Int, using generator: inout some RandomNumberGenerator
    ) -> String {
        let byteCount = max(0, byteCount)
        var bytes = [UInt8]()
        bytes.reserveCapacity(byteCount + 7)
        while bytes.count < byteCount {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        bytes.removeLast(bytes.count - byteCount)
        return prefix + base64URLEncoded(bytes)
    }

    /// Whether `text` has the shape of a database token string: the prefix, then exactly
    /// the base64url characters that 64 bytes encode to, without padding.
    public static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let body = text.utf8.dropFirst(prefix.utf8.count)
        guard body.count == encodedLength(byteCount: randomByteCount) else { return false }
        return body.allSatisfy(isBase64URLCharacter)
    }

    /// Unpadded base64url (RFC 4648 §5) of `bytes`.
    public static func base64URLEncoded(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity(encodedLength(byteCount: bytes.count))
        var buffer: UInt32 = 0
        var bufferedBits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bufferedBits += 8
            while bufferedBits >= 6 {
                bufferedBits -= 6
                output.append(alphabet[Int((buffer >> UInt32(bufferedBits)) & 0x3F)])
            }
        }
        if bufferedBits > 0 {
            output.append(alphabet[Int((buffer << UInt32(6 - bufferedBits)) & 0x3F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isBase64URLCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func encodedLength(byteCount: Int) -> Int {
        (byteCount * 8 + 5) / 6
    }
}
