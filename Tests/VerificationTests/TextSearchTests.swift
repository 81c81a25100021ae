import Testing
import TokenCore
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
        ("tokens can be used, tokens cannot be updated", " be ", 10),
        ("xkxtoken id and", "token id and ", nil),
        ("kkk token id and x", "token id and ", 4),
        ("zzzz", "zz", 0),
        ("qzqzq", "zq", 1),
    ] as [(String, String, Int?)])
    func findsTheFirstOccurrence(haystack: String, needle: String, offset: Int?) {
        #expect(TextSearch.firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8)) == offset)
        #expect(TextSearch.contains(haystack, needle) == (offset != nil))
    }

    @Test(arguments: [
        ("DATABASE_NAME", "database_name"),
        ("__My DB-1__", "my_db-1"),
        ("Ünïcode NAME", "n_code_name"),
        ("___", "placeholder_db"),
        (String(repeating: "A", count: 70), String(repeating: "a", count: 64)),
    ])
    func synthesizesDatabaseNamesFromPlaceholderNames(key: String, name: String) {
        #expect(PlaceholderBindings.synthesize(key: key, kind: .databaseName, now: Instant(secondsSinceEpoch: 0)) == name)
    }

    @Test(arguments: [
        ("Tokens CANNOT Be updated", " be ", true),
        ("Print the Token ID AND the string", "token id and ", true),
        ("maybe bee", " be ", false),
        ("[BE]", "[be]", true),
        ("ÉBE", "ébe", false),
        ("be", " be ", false),
        ("xyz", "", true),
        ("", "a", false),
    ] as [(String, String, Bool)])
    func findsANeedleIgnoringASCIICase(text: String, needle: String, found: Bool) {
        var text = text
        let contained = text.withUTF8 { TextSearch.containsIgnoringASCIICase($0, anyOf: [TextSearch.FoldedNeedle(lowercased: Array(needle.utf8))]) }
        #expect(contained == found)
        #expect(contained == TextSearch.contains(TextSearch.lowercasedASCII(text), needle))
    }

    @Test func lowerCasesASCIILettersOnly() {
        #expect(TextSearch.lowercasedASCII("Tokens CANNOT Be Ünïcode @[`{") == Array("tokens cannot be Ünïcode @[`{".utf8))
    }
}
