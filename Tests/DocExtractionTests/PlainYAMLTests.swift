@testable import DocExtraction
import Testing

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

    @Test func anythingElseIsLeftToYams() {
        let unusual = [
            "title: a: b\n", "title: x # note\n", "title: 'quoted'\n", "title: \"quoted\"\n", "- item\n",
            "tags: [a, b]\n", "title: {a}\n", "title:x\n", "title : x\n", "  title: x\n",
            "title: x\n  more text\n", "a:\n    b: 1\n  c: 2\n", "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n",
            "title: x\ty\n", "\ttitle: x\n", "title: -x\n", "title: *x\n", "title: &x y\n", "title: !x y\n",
            "title: |\n  text\n", "title: >\n  text\n", "title: @x\n", "title: `x`\n", "title: a\\b\n",
            "? key\n", "--- x\n", "%YAML 1.1\n", "title: a\u{85}b\n", "title: a\u{2028}b\n", "title: \u{FEFF}x\n",
            "title: a\u{7F}\n", "title: a\u{1B}\n", String(repeating: "k", count: 200) + ": v\n",
        ]
        for yaml in unusual {
            #expect(!accepts(yaml), "\(yaml)")
        }
    }

    @Test func plainFrontMatterGivesNoDiagnosticAndNestedErrorsStillDo() {
        #expect(extract("---\ntitle: A\nmenu:\n  main:\n    weight: 3\n---\n\nText.\n").diagnostics.isEmpty)
        let duplicate = extract("---\ntitle: A\nmenu:\n  main: 1\n  main: 2\n---\n\nText.\n")
        #expect(duplicate.diagnostics.map(\.rule) == [.markdownFrontMatter])
        let dedent = extract("---\nmenu:\n    main: 1\n  other: 2\n---\n")
        #expect(dedent.diagnostics.map(\.rule) == [.markdownFrontMatter])
    }
}
