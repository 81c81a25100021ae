/// The influxctl commands one product of the docs does not support, whatever the release:
/// influxctl serves InfluxDB Cloud Dedicated and InfluxDB Clustered, and some commands work
/// with one of them only. Products are named as docs-v2's `version` parameter names them.
public enum ProductSupport {
    /// A command (and its subcommands) that a product lacks, and where the docs say so.
    public struct Gap: Hashable, Sendable {
        public var path: [String]
        public var product: String
        public var productName: String
        public var source: String
    }

    static let gaps: [Gap] = [
        Gap(path: ["cluster", "list"], product: "clustered", productName: "InfluxDB Clustered",
            source: "the Clustered influxctl reference: `cluster list` won't work with InfluxDB Clustered"),
        Gap(path: ["table", "iceberg"], product: "clustered", productName: "InfluxDB Clustered",
            source: "the `table iceberg` reference: Iceberg exports are only available with InfluxDB Cloud Dedicated"),
    ]

    /// What `product` lacks of the command `path` (canonical names), if anything.
    public static func gap(for path: [String], product: String) -> Gap? {
        gaps.first { $0.product == product && path.starts(with: $0.path) }
    }
}
