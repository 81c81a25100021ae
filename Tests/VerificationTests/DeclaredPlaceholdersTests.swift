import Diagnostics
import DocExtraction
import Testing
@testable import Verification

/// Declarations are regular expressions (as Hugo's code-placeholders reads them); plain
/// names joined by `|` are matched without one and must behave the same.
@Suite struct DeclaredPlaceholdersTests {
    private static func declared(_ patterns: String...) -> DeclaredPlaceholders {
        DeclaredPlaceholders(patterns.map {
            DeclaredPlaceholder(pattern: $0, range: SourceRange(start: SourcePosition(line: 1, column: 1), length: 1), source: .attribute)
        })
    }

    @Test(arguments: [
        ("DATABASE_NAME|TOKEN_ID", "TOKEN_ID", true),
        ("DATABASE_NAME|TOKEN_ID", "TOKEN", false),
        ("DATABASE_NAME|TOKEN_ID", "MY_TOKEN_ID", false),
        ("DB_[A-Z]+", "DB_ONE", true),
        ("DB_[A-Z]+", "DB_one", false),
        ("(ACCOUNT|CLUSTER)_ID", "CLUSTER_ID", true),
        ("A||B", "", true),
        ("|A", "", true),
        ("A|", "A", true),
        ("TOKEN_ID", "TOKEN_ID", true),
        ("TOKEN_ID", "TOKEN", false),
    ])
    func aWholeValueMatchesItsDeclaration(pattern: String, value: String, matches: Bool) {
        #expect((Self.declared(pattern).declaration(matching: value) != nil) == matches)
    }

    @Test func unusedDeclarationsAreThoseFoundNowhere() {
        let placeholders = Self.declared("DATABASE_NAME|TOKEN_ID", "DB_[A-Z]+", "MISSING")
        let unused = placeholders.unused(inLines: ["influxctl token get TOKEN_ID", "--read-database DB_X"])
        #expect(unused.map(\.pattern) == ["MISSING"])
    }

    @Test func anInvalidRegexDeclaresNothing() {
        #expect(Self.declared("DB_[").isEmpty)
    }
}

@Suite struct BareUpperSnakeTests {
    @Test(arguments: [
        ("DATABASE_NAME", true), ("TOKEN_ID_2", true), ("A_", true),
        ("DATABASE", false), ("_NAME", false), ("2_NAME", false), ("Database_Name", false),
        ("DATABASE-NAME", false), ("ÉTAT_NAME", false), ("DB_NÄME", false), ("", false),
    ])
    func aPlaceholderLookingWordIsCapitalsDigitsAndAnUnderscore(text: String, isPlaceholderLike: Bool) {
        #expect(PlaceholderCheck.isBareUpperSnake(text) == isPlaceholderLike)
    }

    /// A block whose text a shortcode puts in (`{{% get-shared-text %}}`) may use what it
    /// declares there: nothing is reported unused; a block of its own text still is.
    @Test func aBlockFilledByAShortcodeUsesWhatItDeclares() {
        let filled = verify("```sh { placeholders=\"API_TOKEN\" }\n{{% get-shared-text \"auth/basic.sh\" %}}\n```\n")
        #expect(!filled.findings.contains { $0.rule == .placeholderUnused })
        let plain = verify("```sh { placeholders=\"API_TOKEN\" }\necho ready\n```\n")
        #expect(plain.findings.map(\.rule) == [.placeholderUnused])
    }
}
