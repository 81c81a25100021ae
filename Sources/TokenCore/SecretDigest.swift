import Crypto

/// The SHA-512 digest of a token string: all the store keeps of a secret.
///
/// Equality compares in constant time, so code that compares digests does not leak how
/// many leading bytes matched.
public struct SecretDigest: Sendable, Hashable, CustomStringConvertible {
    /// The 64 digest bytes in memory order, held inline rather than in an array.
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The SHA-512 digest of the UTF-8 bytes of `secret`.
    public init(hashing secret: String) {
        var secret = secret
        words = secret.withUTF8 { utf8 in
            var hasher = SHA512()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(utf8))
            return hasher.finalize().withUnsafeBytes { digest in
                var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: digest) }
                return words
            }
        }
    }

    /// The 64 digest bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    /// Whether `secret` hashes to this digest (constant-time comparison of the digests).
    public func matches(_ secret: String) -> Bool {
        self == SecretDigest(hashing: secret)
    }

    /// Lower-case hexadecimal of the digest.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(128)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// `sha512:` and the hex digest.
    public var description: String { "sha512:" + hex }

    public static func == (lhs: SecretDigest, rhs: SecretDigest) -> Bool {
        withUnsafeBytes(of: lhs.words) { lhsBytes in
            withUnsafeBytes(of: rhs.words) { rhsBytes in constantTimeEquals(lhsBytes, rhsBytes) }
        }
    }

    /// Hashes the first eight bytes only: a SHA-512 digest is uniformly distributed, so they
    /// spread keys as well as all 64 would, at an eighth of the hashing.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
    }

    /// Compares two byte strings in time that depends only on their lengths: every byte is
    /// examined, with no early exit on the first difference.
    public static func constantTimeEquals(_ lhs: some RandomAccessCollection<UInt8>, _ rhs: some RandomAccessCollection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
