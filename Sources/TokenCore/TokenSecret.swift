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
    /// (a negative count counts as zero), written straight into the string.
    public static func generate(
        prefix: String, byteCount: Int, using generator: inout some RandomNumberGenerator
    ) -> String {
        let byteCount = max(0, byteCount)
        let wordCount = (byteCount + 7) / 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wordCount * 8) { random in
            for word in 0..<wordCount {
                let value = generator.next()
                for byte in 0..<8 {
                    random[word * 8 + byte] = UInt8(truncatingIfNeeded: value >> UInt64(8 * byte))
                }
            }
            var prefix = prefix
            return prefix.withUTF8 { prefixBytes in
                String(unsafeUninitializedCapacity: prefixBytes.count + encodedLength(byteCount: byteCount)) { output in
                    _ = output.initialize(fromContentsOf: prefixBytes)
                    let source = UnsafeBufferPointer(rebasing: random[..<byteCount])
                    let written = encode(source, into: UnsafeMutableBufferPointer(rebasing: output[prefixBytes.count...]))
                    return prefixBytes.count + written
                }
            }
        }
    }

    /// Whether `text` has the shape of a database token string: the prefix, then exactly
    /// the base64url characters that 64 bytes encode to, without padding.
    public static func isWellFormed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count == length && bytes.starts(with: prefix.utf8) && bytes[prefix.utf8.count...].allSatisfy(isBase64URLCharacter)
        }
    }

    /// Unpadded base64url (RFC 4648 §5) of `bytes`.
    public static func base64URLEncoded(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: encodedLength(byteCount: source.count)) { encode(source, into: $0) }
        }
    }

    /// Writes the unpadded base64url of `source` at the start of `output` (which must have
    /// room for it) and returns how many characters it wrote.
    private static func encode(_ source: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        alphabet.withUnsafeBufferPointer { alphabet in
            var count = 0
            var buffer: UInt32 = 0
            var bufferedBits = 0
            for byte in source {
                buffer = (buffer << 8) | UInt32(byte)
                bufferedBits += 8
                while bufferedBits >= 6 {
                    bufferedBits -= 6
                    output[count] = alphabet[Int((buffer >> UInt32(bufferedBits)) & 0x3F)]
                    count += 1
                }
            }
            if bufferedBits > 0 {
                output[count] = alphabet[Int((buffer << UInt32(6 - bufferedBits)) & 0x3F)]
                count += 1
            }
            return count
        }
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
