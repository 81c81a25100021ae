import Diagnostics
import Testing
@testable import ShellSyntax

/// Hugo replaces a shortcode before any shell sees the text: in a word it is the value Hugo
/// prints, when known, else a value only Hugo knows; its `<` and `>` are no redirections.
@Suite struct HugoShortcodeWordTests {
    private func words(_ text: String, values: [String: String] = [:]) -> [Word] {
        let script = ShellLexer.lex(sourceLines(text), dialect: .script, shortcodeValues: values)
        #expect(script.diagnostics.isEmpty, "\(script.diagnostics.map(\.message))")
        return script.commands.first?.words ?? []
    }

    @Test func anUnknownShortcodeIsOneUnknownPartOfItsWord() throws {
        let read = words("curl {{< influxdb/host-url >}}/api/v3/query_sql?db=x")
        #expect(read.count == 2)
        let url = try #require(read.last)
        #expect(url.literalValue == nil)
        guard case .unknown(let source, let range) = url.parts.first else {
            Issue.record("the shortcode is not an unknown part: \(url.parts)")
            return
        }
        #expect(source == "{{< influxdb/host-url >}}")
        #expect(spelled(range) == "1:6-1:31")
        #expect(script("curl {{< influxdb/host-url >}}/x").commands.first?.redirections.isEmpty == true)
    }

    @Test(arguments: [
        ("apt-get install influxdb3-{{< product-key >}}", "influxdb3-core"),
        ("apt-get install \"influxdb3-{{< product-key >}}\"", "influxdb3-core"),
        ("apt-get install 'influxdb3-{{< product-key >}}'", "influxdb3-core"),
        ("apt-get install influxdb3-{{% product-key %}}", "influxdb3-core"),
    ])
    func aKnownShortcodeIsTheValueHugoPrints(text: String, value: String) throws {
        let read = words(text, values: ["{{< product-key >}}": "core", "{{% product-key %}}": "core"])
        let word = try #require(read.last)
        #expect(word.literalValue == value)
        // The value's characters stand where the shortcode is written.
        guard word.parts.count == 1, case .literal(_, let positions) = word.parts.first else {
            Issue.record("the word is not one literal part: \(word.parts)")
            return
        }
        let columns = Array(positions).map(\.column)
        let shortcodeStart = text.distance(from: text.startIndex, to: try #require(text.range(of: "{{")).lowerBound) + 1
        #expect(columns.suffix(4).allSatisfy { $0 >= shortcodeStart && $0 < shortcodeStart + 19 })
    }

    @Test func anUnclosedShortcodeAndAPlaceholderReadAsBefore() {
        #expect(script("cat {{< x\n").commands.first?.redirections.count == 1)
        #expect(words("influxctl database create <DATABASE_NAME>").last?.placeholder == "DATABASE_NAME")
        #expect(words("echo {a,b} {}").map(\.literalValue) == ["echo", "{a,b}", "{}"])
    }

    private func script(_ text: String) -> ShellScript {
        ShellLexer.lex(sourceLines(text), dialect: .script)
    }
}
