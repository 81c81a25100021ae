import Diagnostics
import DocExtraction
import InfluxctlModel
import ManagementAPI

/// `cli.unsupported-in-product`: an influxctl command the product a page is read for does not
/// support. A page that itself says so (`won't work with`, `only available with`) gets a note:
/// it documents the gap rather than hiding it.
enum ProductCheck {
    static func finding(for invocation: Invocation, page: Page, blockIndex: Int) -> Finding? {
        guard let version = page.reading.product?.version,
              let gap = ProductSupport.gap(for: invocation.path, product: version) else { return nil }
        let command = "influxctl " + invocation.path.joined(separator: " ")
        let via = page.reading.publishers.first.map { " (published by \($0))" } ?? ""
        if pageSaysSo(page, command: "influxctl " + gap.path.joined(separator: " ")) {
            return Finding(rule: .cliUnsupportedInProduct, severity: .note, file: page.path, range: invocation.pathRange,
                           message: "`\(command)` does not work with \(gap.productName), the product this page is read for\(via), as the page says",
                           blockIndex: blockIndex)
        }
        return Finding(rule: .cliUnsupportedInProduct, file: page.path, range: invocation.pathRange,
                       message: "`\(command)` does not work with \(gap.productName), the product this page is read for\(via) (\(gap.source))",
                       suggestion: "show the example only where it works: {{% hide-in \"\(gap.product)\" %}}", blockIndex: blockIndex)
    }

    private static let admissions = ["won't work", "will not work", "doesn't work", "does not work", "not supported", "isn't supported",
                                     "only available with", "can only be used with", "not available"]
        .map { TextSearch.FoldedNeedle(lowercased: TextSearch.lowercasedASCII($0)) }

    /// Whether a paragraph or heading of the page names the command and says it does not work.
    private static func pageSaysSo(_ page: Page, command: String) -> Bool {
        page.prose.contains { span in
            let text = span.text
            guard TextSearch.contains(text, command) else { return false }
            var bytes = text
            return bytes.withUTF8 { TextSearch.containsIgnoringASCIICase($0, anyOf: admissions) }
        }
    }

    /// `api.unknown-endpoint` for a Management API path the page's product does not have:
    /// InfluxDB Clustered's paths have no account and cluster (`/api/v0/databases`), InfluxDB
    /// Cloud Dedicated's start with them, as each product's Management API spec says.
    static func managementPath(of curl: CurlInvocation, page: Page) -> Diagnostic? {
        guard let version = page.reading.product?.version, let form = ManagementPathForm(curl) else { return nil }
        let via = page.reading.publishers.first.map { " (published by \($0))" } ?? ""
        switch (version, form) {
        case ("clustered", .withAccountAndCluster(let range)):
            return Diagnostic(rule: .apiUnknownEndpoint, range: range,
                              message: "InfluxDB Clustered's Management API has no accounts or clusters in its paths (/api/v0/databases, /api/v0/tokens), and this page is read for InfluxDB Clustered\(via)",
                              suggestion: "show a Clustered example: {{% show-in \"clustered\" %}}…/api/v0/databases…{{% /show-in %}}")
        case ("cloud-dedicated", .withoutPrefix(let range)):
            return Diagnostic(rule: .apiUnknownEndpoint, range: range,
                              message: "InfluxDB Cloud Dedicated's Management API paths start /api/v0/accounts/ACCOUNT_ID/clusters/CLUSTER_ID/, and this page is read for InfluxDB Cloud Dedicated\(via)",
                              suggestion: "accounts/ACCOUNT_ID/clusters/CLUSTER_ID/")
        default:
            return nil
        }
    }
}
