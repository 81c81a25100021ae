import Testing
import TokenCore

@Suite("Token strings and digests")
struct SecretTests {
    /// Indexed by byte value: whether the byte is in the base64url alphabet.
    private static let base64URLAlphabet: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8 { table[Int(byte)] = true }
        return table
    }()

    @Test func hundredThousandStringsAreDistinctAndWellFormed() {
        var generator = SeededGenerator(seed: 2026)
        var seen = Set<String>()
        seen.reserveCapacity(100_000)
        var malformed = 0
        for _ in 0..<100_000 {
            let secret = TokenSecret.generate(using: &generator)
            let utf8 = Array(secret.utf8)
            // An independent check of the shape, not via isWellFormed.
            if utf8.count != 92 || !utf8.starts(with: "apiv1_".utf8)
                || !utf8[6...].allSatisfy({ Self.base64URLAlphabet[Int($0)] }) {
                malformed += 1
            }
            seen.insert(secret)
        }
        #expect(malformed == 0)
        #expect(seen.count == 100_000)
    }

    @Test func systemGeneratorGivesWellFormedStrings() {
        var system = SystemRandomNumberGenerator()
        let first = TokenSecret.generate(using: &system)
        let second = TokenSecret.generate(using: &system)
        #expect(TokenSecret.isWellFormed(first))
        #expect(TokenSecret.isWellFormed(second))
        #expect(first != second)
        #expect(TokenSecret.length == 92)
    }

    @Test func customPrefixesAndLengths() {
        var generator = SeededGenerator(seed: 4)
        let management = TokenSecret.generate(prefix: "M.V1.", byteCount: 48, using: &generator)
        #expect(management.hasPrefix("M.V1."))
        #expect(management.count == 5 + 64)
        #expect(TokenSecret.generate(prefix: "p_", byteCount: 1, using: &generator).count == 4)
        #expect(TokenSecret.generate(prefix: "p_", byteCount: -3, using: &generator) == "p_")
    }

    @Test func seededGenerationIsDeterministic() {
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 1)
        var other = SeededGenerator(seed: 2)
        let secret = TokenSecret.generate(using: &first)
        #expect(secret == TokenSecret.generate(using: &second))
        #expect(secret != TokenSecret.generate(using: &other))
    }

    @Test(arguments: [
        "", "apiv1_", "apiv2_" + String(repeating: "A", count: 86), "apiv1_" + String(repeating: "A", count: 85),
        "apiv1_" + String(repeating: "A", count: 87), "apiv1_" + String(repeating: "A", count: 85) + "=",
        "apiv1_" + String(repeating: "A", count: 85) + "+", "apiv1_" + String(repeating: "A", count: 85) + "/",
    ])
    func rejectsMalformedStrings(text: String) {
        #expect(!TokenSecret.isWellFormed(text))
    }

    @Test(arguments: [
        ([UInt8](), ""), (Array("f".utf8), "Zg"), (Array("fo".utf8), "Zm8"), (Array("foo".utf8), "Zm9v"),
        (Array("foob".utf8), "Zm9vYg"), (Array("fooba".utf8), "Zm9vYmE"), (Array("foobar".utf8), "Zm9vYmFy"),
        ([0xFB, 0xFF, 0xBF], "-_-_"), ([0xFF], "_w"),
    ])
    func encodesBase64URLWithoutPadding(bytes: [UInt8], expected: String) {
        #expect(TokenSecret.base64URLEncoded(bytes) == expected)
    }

    @Test func digestIsSHA512() {
        let digest = SecretDigest(hashing: "abc")
        #expect(digest.hex == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(digest.bytes.count == 64)
        #expect(digest.description == "sha512:" + digest.hex)
        #expect(digest.matches("abc"))
        #expect(!digest.matches("abd"))
        #expect(!digest.matches(""))
    }

    @Test func constantTimeComparisonIsCorrect() {
        let bytes: [UInt8] = Array(0..<64)
        var firstDiffers = bytes
        firstDiffers[0] ^= 1
        var lastDiffers = bytes
        lastDiffers[63] ^= 0x80
        #expect(SecretDigest.constantTimeEquals(bytes, bytes))
        #expect(!SecretDigest.constantTimeEquals(bytes, firstDiffers))
        #expect(!SecretDigest.constantTimeEquals(bytes, lastDiffers))
        #expect(!SecretDigest.constantTimeEquals(bytes, Array(bytes.prefix(63))))
        #expect(SecretDigest.constantTimeEquals([], []))
        #expect(SecretDigest(hashing: "x") == SecretDigest(hashing: "x"))
        #expect(SecretDigest(hashing: "x") != SecretDigest(hashing: "y"))
    }
}
