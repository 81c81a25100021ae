import Diagnostics
import Foundation
import Yams

/// What a docs site's `data/products.yml` says of each product, keyed as pages name them in
/// `product:` (docs-v2: `influxdb3_core`): the names `product-name` prints and the release
/// `latest-patch` prints.
public struct SiteProducts: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        var name: String?
        var altName: String?
        var latestPatch: String?
        /// By version, for a product with several (`latest_patches: {v2: 2.7.12}`).
        var latestPatches: [String: String] = [:]
    }

    private var entries: [String: Entry] = [:]

    /// A site without product data.
    public static let none = SiteProducts()

    private init() {}

    /// The products of `data/products.yml` (or `.yaml`) beside `contentRoot`; none when the
    /// site has no such file or it is not YAML.
    public init(contentRoot: String) {
        let site = (contentRoot as NSString).deletingLastPathComponent
        let base = site.isEmpty ? "" : site + "/"
        for name in ["data/products.yml", "data/products.yaml"] {
            guard let bytes = try? FileSystem.contents(of: base + name) else { continue }
            self.init(yaml: String(decoding: bytes, as: UTF8.self))
            return
        }
        self = .none
    }

    /// The products of a `products.yml` text.
    init(yaml: String) {
        guard let root = try? Yams.compose(yaml: yaml, .basic), let products = root.mapping else { return }
        for (key, value) in products {
            guard let key = key.string, let fields = value.mapping else { continue }
            var patches: [String: String] = [:]
            for (version, patch) in fields["latest_patches"]?.mapping ?? [:] {
                if let version = version.string, let patch = patch.string { patches[version] = patch }
            }
            entries[key] = Entry(name: fields["name"]?.string, altName: fields["altname"]?.string,
                                 latestPatch: fields["latest_patch"]?.string, latestPatches: patches)
        }
    }

    /// What the value shortcodes print on a page of `product`.
    public func values(for product: HugoProduct?) -> ShortcodeValues {
        let entry = product?.product.flatMap { entries[$0] }
        let version = product?.version
        return ShortcodeValues(name: entry?.name, altName: entry?.altName, key: version,
                               latestPatch: entry?.latestPatch ?? version.flatMap { entry?.latestPatches[$0] })
    }
}

/// What Hugo prints, on a page of one product, for the shortcodes that print a value of it:
/// `product-name` (the product's name; with `"short"` its short name; `omit="X"` takes X out),
/// `product-key` (the page's `version`) and `latest-patch` (the product's latest release).
public struct ShortcodeValues: Hashable, Sendable {
    public var name: String?
    public var altName: String?
    public var key: String?
    public var latestPatch: String?

    /// No values known: every shortcode stays as written.
    public static let none = ShortcodeValues()

    public init(name: String? = nil, altName: String? = nil, key: String? = nil, latestPatch: String? = nil) {
        self.name = name
        self.altName = altName
        self.key = key
        self.latestPatch = latestPatch
    }

    /// `text` (one line) with each such shortcode whose value is known replaced by it; nil
    /// when none was.
    func resolving(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard self != .none, text.contains(UInt8(ascii: "{")) else { return nil }
        var result: [UInt8] = []
        var copied = text.startIndex
        for tag in ShortcodeTag.scan(text) where !tag.isClosing {
            guard let value = value(of: tag) else { continue }
            result.append(contentsOf: text[copied..<tag.start])
            result.append(contentsOf: value.utf8)
            copied = tag.end
        }
        guard copied > text.startIndex else { return nil }
        result.append(contentsOf: text[copied...])
        return result
    }

    /// What each of these shortcodes in `lines` prints, keyed by the shortcode as written
    /// (`{{< product-key >}}`: `core`), for the shell lexer.
    public func printed(in lines: [SourceLine]) -> [String: String] {
        guard self != .none else { return [:] }
        var printed: [String: String] = [:]
        for line in lines where line.text.utf8.contains(UInt8(ascii: "{")) {
            let bytes = Array(line.text.utf8)[...]
            for tag in ShortcodeTag.scan(bytes) where !tag.isClosing {
                if let value = value(of: tag) { printed[String(decoding: bytes[tag.start..<tag.end], as: UTF8.self)] = value }
            }
        }
        return printed
    }

    /// The value `tag` prints, if it is one of these shortcodes and its value is known.
    func value(of tag: ShortcodeTag) -> String? {
        switch String(decoding: tag.name, as: UTF8.self) {
        case "product-name":
            let length = tag.arguments.first.map { String(decoding: $0, as: UTF8.self) } ?? "long"
            guard let full = length == "long" ? name : length == "short" ? altName : nil else { return nil }
            guard let omit = tag.namedArgument("omit").map({ String(decoding: $0, as: UTF8.self) }), !omit.isEmpty else { return full }
            // Hugo's `replaceRE $omit ""`; a pattern that is no regular expression is taken as text.
            guard let pattern = try? NSRegularExpression(pattern: omit) else { return full.replacingOccurrences(of: omit, with: "") }
            return pattern.stringByReplacingMatches(in: full, range: NSRange(full.startIndex..., in: full), withTemplate: "")
        case "product-key":
            return tag.arguments.isEmpty ? key : nil
        case "latest-patch":
            return tag.arguments.isEmpty && !tag.hasNamedArguments ? latestPatch : nil
        default:
            return nil
        }
    }
}
