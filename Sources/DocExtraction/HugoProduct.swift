#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The product a Hugo page is published in, as its `product` and `version` parameters name it
/// (set on the page or cascaded from an `_index.md` above it): `influxdb3_clustered` and
/// `clustered`.
public struct HugoProduct: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var product: String?
    public var version: String?

    public init(product: String?, version: String?) {
        self.product = product
        self.version = version
    }

    /// What `show-in` and `hide-in` compare their list with: the version, the product and
    /// `product/version`, as the docs-v2 shortcodes do.
    public var identifiers: Set<String> {
        var names: Set<String> = []
        if let version { names.insert(version) }
        if let product { names.insert(product) }
        if let product, let version { names.insert("\(product)/\(version)") }
        return names
    }

    /// The short name writers use in `show-in` lists (`clustered`), else the product.
    public var description: String { version ?? product ?? "no product" }

    public static func < (lhs: HugoProduct, rhs: HugoProduct) -> Bool {
        (lhs.version ?? "", lhs.product ?? "") < (rhs.version ?? "", rhs.product ?? "")
    }
}

/// Evaluates `{{% show-in "a,b" %}}` and `{{% hide-in "a" %}}` in a page body for one product, as Hugo does
/// before Markdown reads the page: what the product does not show, and the tags themselves,
/// become blanks (line breaks kept), so every line and column stays where it is. The front
/// matter is left as written, since blanks there could change how a block scalar is indented.
enum ProductFilter {
    /// The list a tag with no argument stands for (the docs-v2 shortcodes' default).
    static let defaultList = "v2,cloud,cloud-serverless,cloud-dedicated,clustered,core,enterprise"

    /// `text` with what `product` hides blanked, or nil when it has no show-in or hide-in tag.
    static func blanked(_ text: [UInt8], for product: HugoProduct) -> [UInt8]? {
        guard mayHoldTag(text) else { return nil }
        let file = TextLines(text)
        let identifiers = product.identifiers
        var copy = text
        var changed = false
        // One entry per open show-in or hide-in: whether its content shows.
        var open: [Bool] = []
        for number in FrontMatterBounds.bodyStart(file)..<(file.count + 1) {
            let line = file.line(number)
            var visibleFrom = line.startIndex
            for tag in ShortcodeTag.scan(line) where tag.kind == .showIn || tag.kind == .hideIn {
                let hidden = open.contains(false)
                if hidden {
                    blank(&copy, visibleFrom..<tag.start)
                }
                blank(&copy, tag.start..<tag.end)
                changed = true
                visibleFrom = tag.end
                if tag.isClosing {
                    if !open.isEmpty { open.removeLast() }
                } else {
                    let list = tag.arguments.first.map { String(decoding: $0, as: UTF8.self) } ?? defaultList
                    let listed = list.split(separator: ",").contains { identifiers.contains($0.trimmingBlanks) }
                    open.append(tag.kind == .showIn ? listed : !listed)
                }
            }
            if open.contains(false) {
                blank(&copy, visibleFrom..<line.endIndex)
            }
        }
        return changed ? copy : nil
    }

    /// Blanks the bytes of `range`, keeping line breaks.
    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for index in range where bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r") {
            bytes[index] = UInt8(ascii: " ")
        }
    }

    /// Whether `-in ` or `-in"` or `-in %` follows `show` or `hide` anywhere: a quick test
    /// that lets most pages skip the line-by-line scan.
    private static func mayHoldTag(_ text: [UInt8]) -> Bool {
        text.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            var offset = 0
            // memchr jumps from one `-` to the next.
            while offset < buffer.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "-")), buffer.count - offset) {
                let dash = base.distance(to: UnsafeRawPointer(hit))
                if dash >= 4, dash + 3 <= buffer.count, buffer[dash + 1] == UInt8(ascii: "i"), buffer[dash + 2] == UInt8(ascii: "n") {
                    let word = buffer[(dash - 4)..<dash]
                    if word.elementsEqual("show".utf8) || word.elementsEqual("hide".utf8) { return true }
                }
                offset = dash + 1
            }
            return false
        }
    }
}

extension Substring {
    /// The text without blanks at either end.
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
