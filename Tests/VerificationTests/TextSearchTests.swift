import Testing
@testable import Verification

@Suite struct TextSearchTests {
    @Test(arguments: [
        ("tokens cannot be updated", "cannot", 7),
        ("aaab", "aab", 1),
        ("abc", "abc", 0),
        ("abc", "abcd", nil),
        ("abc", "", 0),
        ("", "a", nil),
        ("é token", "token", 3),
        ("ab ab ab", "b a", 1),
    ] as [(String, String, Int?)])
    func findsTheFirstOccurrence(haystack: String, needle: String, offset: Int?) {
        #expect(TextSearch.firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8)) == offset)
        #expect(TextSearch.contains(haystack, needle) == (offset != nil))
    }

    @Test func lowerCasesASCIILettersOnly() {
        #expect(TextSearch.lowercasedASCII("Tokens CANNOT Be Ünïcode @[`{") == Array("tokens cannot be Ünïcode @[`{".utf8))
    }
}
