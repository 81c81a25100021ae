@testable import DocExtraction
import Testing

@Suite struct ShortcodeValuesTests {
    private let products = SiteProducts(yaml: """
    widget_pro:
      name: Widget Pro Clustered
      altname: Pro
      latest_patch: 3.2.1
    widget_classic:
      name: Widget Classic
      latest_patches:
        v1: 1.8.10
        v2: 2.7.12
    """)

    private func resolved(_ text: String, _ product: HugoProduct?) -> String {
        let values = products.values(for: product)
        return values.resolving(Array(text.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    @Test(arguments: [
        ("{{% product-name %}}", "Widget Pro Clustered"),
        ("{{< product-name >}}", "Widget Pro Clustered"),
        ("{{% product-name \"short\" %}}", "Pro"),
        ("{{% product-name \"long\" %}}", "Widget Pro Clustered"),
        ("{{% product-name omit=\" Clustered\" %}}", "Widget Pro"),
        ("{{% product-name omit=\"Widget \"%}}", "Pro Clustered"),
        ("{{% product-name omit=\"C[a-z]+\" %}}", "Widget Pro "),
        ("{{< product-key >}} {{< latest-patch >}}", "pro 3.2.1"),
        ("{{< latest-patch cli=true >}}", "{{< latest-patch cli=true >}}"),
        ("{{% product-name \"tiny\" %}}", "{{% product-name \"tiny\" %}}"),
        ("{{% note %}}Use {{% product-name %}}.{{% /note %}}", "{{% note %}}Use Widget Pro Clustered.{{% /note %}}"),
    ])
    func printsWhatHugoPrints(text: String, expected: String) {
        #expect(resolved(text, HugoProduct(product: "widget_pro", version: "pro")) == expected)
    }

    @Test func aProductWithSeveralReleasesTakesItsVersions() {
        #expect(resolved("v{{< latest-patch >}}", HugoProduct(product: "widget_classic", version: "v2")) == "v2.7.12")
        #expect(resolved("{{< product-name \"short\" >}}", HugoProduct(product: "widget_classic", version: "v2")) == "{{< product-name \"short\" >}}")
    }

    @Test func withoutDataShortcodesStayAsWritten() {
        let text = "Install {{% product-name %}} {{< latest-patch >}}"
        #expect(resolved(text, HugoProduct(product: "gadget", version: "x")) == text)
        #expect(resolved(text, nil) == text)
        #expect(SiteProducts(yaml: "- not: a mapping\n") == .none)
        #expect(SiteProducts(contentRoot: "/nonexistent/content") == .none)
    }
}
