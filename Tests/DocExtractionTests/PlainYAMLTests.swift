@testable import DocExtraction
import Testing
import Yams

/// The front matter Yams is not asked about must be valid YAML: every text the fast path
/// accepts is one Yams accepts, and texts near its edge are left to Yams.
@Suite struct PlainYAMLTests {
    private func accepts(_ yaml: String) -> Bool {
        PlainYAML.isPlainBlockMapping(Array(yaml.utf8))
    }

    @Test func typicalHugoFrontMatterIsPlain() {
        #expect(accepts(""))
        #expect(accepts("\n# only a comment\n\n"))
        #expect(accepts("title: Page 3099\ndescription: Namespace table, storage (compactor).\nmenu:\n  product:\n    parent: Section 19\nweight: 99\n"))
        #expect(accepts("draft:\nlist-title: It's 100% done & more!\nurl: /influxdb/v2/get-started/\n"))
        #expect(accepts("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n"))
        #expect(accepts("title: Schéma — données\n"))
    }

    @Test func blockScalarsSequencesQuotesAndFlowSequencesArePlainToo() {
        #expect(accepts("description: >\n  Two lines\n  of text.\n\n  A paragraph: with a colon # and a hash.\nweight: 1\n"))
        #expect(accepts("a:\n  b: |-\n    text\n\n      more indented, still in\n  c: 2\n"))
        #expect(accepts("description: >\ntitle: empty description\n"))
        #expect(accepts("related:\n  - /influxdb3/core/get-started/, Get started\n  - 'It''s'\n  - \"tab\\there\"\nweight: 2\n"))
        #expect(accepts("related:\n- /a\n- /b\ntitle: x\n"))
        #expect(accepts("influxdb3/core/tags: [tokens, admin tokens, \"v3.1\"]\nalt_links: []\n"))
        #expect(accepts("url: https://example.com/a#b\ntitle: C#, F#\n"))
    }

    @Test func anythingElseIsLeftToYams() {
        let unusual = [
            "title: a: b\n", "title: x # note\n", "title: 'open\n", "title: \"a\\xb\"\n", "title: \"two\n  lines\"\n", "- item\n",
            "tags: [a, b,]\n", "tags: [a, , b]\n", "tags: [a: b]\n", "tags: [a\n", "tags: [[a]]\n", "tags: [a] x\n", "title: {a}\n",
            "title:x\n", "title : x\n", "  title: x\n", "title: note:\n", "title: note: x\n", "title: |2\n  text\n", "title: | # c\n  text\n",
            "title: >\n   \n  text\n", "title: >\n  a\n b\n", "title: >\n  a ```sh\n", "title: \"a ```\"\n", "tags: [a ~~~]\n",
            "a:\n  - x\n    more\n", "a:\n  - x\n  b: 1\n", "a:\n  - k: v\n", "a:\n  -\n", "a:\n  - - x\n", "a:\n- x\n - y\n",
            "title: x\n  more text\n", "a:\n    b: 1\n  c: 2\n", "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n",
            "title: x\ty\n", "\ttitle: x\n", "title: -x\n", "title: *x\n", "title: &x y\n", "title: !x y\n",
            "title: @x\n", "title: `x`\n", "title: a\\b\n",
            "? key\n", "--- x\n", "%YAML 1.1\n", "title: a\u{85}b\n", "title: a\u{2028}b\n", "title: \u{FEFF}x\n",
            "title: a\u{7F}\n", "title: a\u{1B}\n", String(repeating: "k", count: 200) + ": v\n",
            "title: a ```sh b\n", "title: a ~~~ b\n", "title: a `~~~ b\n", "a:\n  b: x```\n",
        ]
        for yaml in unusual {
            #expect(!accepts(yaml), "\(yaml)")
        }
    }

    /// Texts built from fragments near the fast path's edge, a few thousand of them: every one
    /// it accepts, Yams must accept too, with the call `FrontMatter` makes.
    @Test func everyGeneratedTextTheFastPathAcceptsIsValidYAMLWithoutAFence() {
        var generator = FragmentGenerator(seed: 0x5EED_F00D)
        var accepted = 0
        var acceptedWithNewShapes = 0
        var rejected = 0
        for _ in 0..<20_000 {
            let yaml = generator.text()
            guard accepts(yaml) else {
                rejected += 1
                continue
            }
            accepted += 1
            if yaml.contains(where: { "|>[\"'".contains($0) }) || yaml.contains("- ") { acceptedWithNewShapes += 1 }
            #expect(throws: Never.self, "\(yaml.debugDescription)") {
                let root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
                #expect(!Self.strings(in: root).contains { $0.contains("```") || $0.contains("~~~") }, "\(yaml.debugDescription)")
            }
        }
        #expect(accepted >= 1_000, "only \(accepted) generated texts were accepted")
        #expect(acceptedWithNewShapes >= 1_000, "only \(acceptedWithNewShapes) accepted texts had quotes, block scalars or sequences")
        #expect(rejected >= 1_000, "only \(rejected) generated texts were rejected")
    }

    /// Every scalar under `node`.
    private static func strings(in node: Node?) -> [String] {
        switch node {
        case .scalar(let scalar)?: [scalar.string]
        case .mapping(let mapping)?: mapping.flatMap { strings(in: $0.key) + strings(in: $0.value) }
        case .sequence(let sequence)?: sequence.flatMap { strings(in: $0) }
        case .alias?, nil: []
        }
    }

    @Test(arguments: [
        ("```", true), ("~~~", true), ("a ```sh", true), ("`~~~", true), ("``~``", false), ("~~`~~", false), ("`` `", false), ("é```", true), ("a `` b", false), ("a ~~`~~ b", false), ("é``~", false),
    ])
    func threeBackticksOrTildesInARowStartAFence(text: String, hasFence: Bool) {
        var run = FenceRun()
        #expect(text.utf8.contains { run.isComplete(after: $0) } == hasFence)
        #expect(accepts("title: \(text)\n") == (!hasFence && !text.hasPrefix("`") && !text.hasPrefix("~")))
    }

    @Test func manyKeysAreLeftToYamsSoTheRepeatSearchStaysLinear() {
        let keys = { (count: Int) in (0..<count).map { "key\($0): value\n" }.joined() }
        #expect(accepts(keys(64)))
        #expect(!accepts(keys(65)))
        #expect(accepts("a:\n" + keys(63).split(separator: "\n").map { "  \($0)\n" }.joined() + "b: 1\n"))
        let page = extract("---\n" + keys(1_000) + "---\n\nText.\n")
        #expect(page.diagnostics.isEmpty)
    }

    @Test func plainFrontMatterGivesNoDiagnosticAndNestedErrorsStillDo() {
        #expect(extract("---\ntitle: A\nmenu:\n  main:\n    weight: 3\n---\n\nText.\n").diagnostics.isEmpty)
        let duplicate = extract("---\ntitle: A\nmenu:\n  main: 1\n  main: 2\n---\n\nText.\n")
        #expect(duplicate.diagnostics.map(\.rule) == [.markdownFrontMatter])
        let dedent = extract("---\nmenu:\n    main: 1\n  other: 2\n---\n")
        #expect(dedent.diagnostics.map(\.rule) == [.markdownFrontMatter])
    }
}

/// Front matter made of keys, separators, values, indentation, comments, delimiters and line
/// ends, chosen by a seeded SplitMix64 so every run sees the same texts.
private struct FragmentGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private static let keys = ["title", "a", "menu", "1", "k-2", "_x", "weight", "-k", "k k", ""]
    private static let separators = [": ", ": ", ": ", ":", " : ", ":  ", ":\t"]
    private static let values = [
        "Page 3", "yes", "~", "null", "1.5e3", "It's", "a - b", "x, y", "%", "a: b", "#c", "x # c", "'q'", "\"q\"",
        "|", ">", "-x", "*a", "&a", "!t", "@", "`", "[a]", "{a}", "\\", "é", "a\u{85}b", "a\u{2028}b", "\u{FEFF}x",
        "/docs/", "(note)", "_x", ".5", "$HOME", "Schéma — données", "x:", "a\u{A0}b", "q?", "a,b", "a | b", "a > b",
        "https://x.io/a#b", "C#", "a:b", "a :b", "'It''s'", "'a'b'", "\"a\\\"b\"", "\"a\\qb\"", "\"tab\\t\"", "'open", "\"é\"",
        "[a, b c]", "[]", "[ a ]", "[a,]", "[a, \"b\"]", "[a, 'b']", "[a: b]", "[a, [b]]", "[a #b]", "[-a]", "[a] b",
        "|", "|-", ">+", ">2", "| #c", "|\n  a\n  b", ">\n   \n  a", ">\n  a\n b", ">-\n    a\n\n    b\n  x: 1", "|\n  ```",
    ]
    private static let indentations = ["", "", "", "  ", "  ", "    ", "\t", " "]
    private static let otherLines = [
        "", "# c", "  # c", "---", "...", "- x", "? k", "%YAML 1.1", "  text", "\t", "  - x", "- 'q'", "  - a: b", "  -", "    - x", "  - x # c",
        "  - \"q\"", "-x", "  more text",
    ]
    private static let lineEnds = ["\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r"]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[Int(next() % UInt64(choices.count))]
    }

    /// Whether a one-in-`count` chance came up.
    private mutating func oneIn(_ count: UInt64) -> Bool {
        next() % count == 0
    }

    /// A value: mostly one fragment, sometimes two, sometimes none (a nested mapping may follow).
    private mutating func value() -> String {
        if oneIn(4) { return "" }
        let first = pick(Self.values)
        return oneIn(5) ? first + pick([" ", "", " # "]) + pick(Self.values) : first
    }

    mutating func text() -> String {
        var text = ""
        // Most texts use few features, so that many are plain and the fast path is exercised.
        let unusual = oneIn(3)
        for _ in 0..<(1 + next() % 5) {
            let line: String
            if oneIn(unusual ? 4 : 12) {
                line = pick(Self.otherLines)
            } else {
                let indentation = unusual || oneIn(3) ? pick(Self.indentations) : ""
                let key = unusual ? pick(Self.keys) : pick(Array(Self.keys.prefix(6)))
                let separator = unusual ? pick(Self.separators) : ": "
                let value = unusual || oneIn(2) ? value() : pick(["Page 3", "yes", "1.5e3", "It's", "a - b", "x, y", "é", ""])
                line = indentation + key + (value.isEmpty ? ":" : separator + value)
            }
            text += line + (unusual ? pick(Self.lineEnds) : "\n")
        }
        return text
    }
}
