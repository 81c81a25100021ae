import Diagnostics
import Foundation
import Yams

/// Where a page's YAML front matter stands: `---` alone on the first line (blanks after it
/// allowed), up to the next line that is `---` or `...`. Every reader of front matter (the
/// page head, the YAML reader, the show-in filter) finds it here, so they agree on it.
enum FrontMatterBounds {
    /// Whether the first line opens front matter.
    static func opens(_ file: TextLines) -> Bool {
        file.count >= 1 && isDelimiter(file.line(1), allowDots: false)
    }

    /// The line of the closing delimiter; nil when there is no front matter or it never closes.
    static func closingLine(_ file: TextLines) -> Int? {
        guard opens(file), file.count >= 2 else { return nil }
        return (2...file.count).first { isDelimiter(file.line($0), allowDots: true) }
    }

    /// The first line of the body: 1 without front matter (or with one that never closes).
    static func bodyStart(_ file: TextLines) -> Int {
        (closingLine(file) ?? 0) + 1
    }

    /// Whether the line is `---` (or `...` when `allowDots`), ignoring trailing blanks.
    static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end - line.startIndex == 3 else { return false }
        let marker = line[line.startIndex]
        guard marker == UInt8(ascii: "-") || (allowDots && marker == UInt8(ascii: ".")) else { return false }
        return line[line.startIndex + 1] == marker && line[line.startIndex + 2] == marker
    }
}

/// What the top of a Hugo page's front matter says about where and whether the page is
/// published: the shared file it takes its text from (`source:`), its own `product` and
/// `version`, those its `cascade` hands to the pages below it, `draft` (its own or cascaded)
/// and `test_only`. The one reader of these keys: extraction and the site plan both use it.
public struct HugoPageHead: Hashable, Sendable {
    /// A `source:` value and where it stands in the file.
    public struct Source: Hashable, Sendable {
        public var path: String
        public var range: SourceRange
    }

    public var source: Source?
    public var product: String?
    public var version: String?
    /// The page's own `draft`, when it sets one.
    public var draft: Bool?
    public var cascadeProduct: String?
    public var cascadeVersion: String?
    public var cascadeDraft: Bool?
    /// `test_only: true`: a page kept for the site's own tests, which docs-v2 does not publish.
    public var isTestOnly = false

    /// Whether the page's own front matter says it is a draft (a cascade from above can too:
    /// `HugoSite.isDraft(_:)`).
    public var isDraft: Bool { draft == true }

    /// Reads the front matter of `bytes` line by line: top-level `key: value` pairs and the
    /// keys one level inside `cascade:`. A page without front matter has an empty head.
    public init(bytes: [UInt8]) {
        self.init(file: TextLines(Self.frontMatterPrefix(of: bytes)))
    }

    /// The bytes up to the end of the front matter's closing line (or all of them when it does
    /// not close): a head is read without a line table of the whole page.
    private static func frontMatterPrefix(of bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: "---".utf8) else { return [] }
        return closingLineEnd(in: bytes, lastLineIsWhole: true).map { Array(bytes[..<$0]) } ?? bytes
    }

    /// Where the front matter's closing line ends in `bytes`, if it is there; a last line
    /// without a line feed counts only when `lastLineIsWhole` (the file ends there).
    private static func closingLineEnd(in bytes: [UInt8], lastLineIsWhole: Bool) -> Int? {
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            guard lineEnd < bytes.count || lastLineIsWhole else { return nil }
            lineNumber += 1
            if lineNumber > 1, FrontMatterBounds.isDelimiter(bytes[lineStart..<lineEnd], allowDots: true) { return lineEnd }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Whether the first bytes of a file, `bytes`, tell its whole head: it has no front
    /// matter, or its front matter has closed.
    private static func holdsHead(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        return !bytes.starts(with: "---".utf8) || closingLineEnd(in: bytes, lastLineIsWhole: false) != nil
    }

    init(file: TextLines) {
        guard let closing = FrontMatterBounds.closingLine(file) else { return }
        var inCascade = false
        for number in 2..<closing {
            let line = file.line(number)
            let indentation = line.prefix { $0 == UInt8(ascii: " ") }.count
            guard let (key, colon) = Self.key(line.dropFirst(indentation)) else { continue }
            // Only the values of the keys a head keeps are read.
            func value() -> (String, Int) { Self.scalar(line[(colon + 1)...]) }
            if indentation == 0 {
                inCascade = false
                switch key {
                case "cascade": inCascade = value().0.isEmpty
                case "source":
                    let (path, valueStart) = value()
                    guard !path.isEmpty else { break }
                    let column = UTF8Scalars.count(line[line.startIndex..<valueStart]) + 1
                    source = Source(path: path, range: SourceRange(start: SourcePosition(line: number, column: column), length: path.unicodeScalars.count))
                case "product": product = value().0
                case "version": version = value().0
                case "draft": draft = Self.boolean(value().0)
                case "test_only": isTestOnly = Self.boolean(value().0)
                default: break
                }
            } else if inCascade {
                switch key {
                case "product": cascadeProduct = value().0
                case "version": cascadeVersion = value().0
                case "draft": cascadeDraft = Self.boolean(value().0)
                default: break
                }
            }
        }
    }

    /// Reads the file at `path`; a file that cannot be read has an empty head.
    public init(fileAt path: String) {
        self.init(bytes: (try? FileSystem.prefix(of: path, isEnough: Self.holdsHead)) ?? [])
    }

    /// A boolean as Hugo reads a front-matter value (Go's strconv.ParseBool, which it applies to
    /// strings too): `true`, `True`, `TRUE`, `t`, `T` and `1` are true, whether quoted or not.
    static func boolean(_ value: String) -> Bool {
        ["true", "True", "TRUE", "t", "T", "1"].contains(value)
    }

    /// A `key:` at the start of `text` (plain, or in double or single quotes) and the index of
    /// its colon; nil for a line that is no mapping entry (a comment, a list item, text).
    private static func key(_ text: ArraySlice<UInt8>) -> (String, Int)? {
        guard let first = text.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "-") else { return nil }
        var keyEnd: Int
        var name: ArraySlice<UInt8>
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = text.dropFirst().firstIndex(of: first) else { return nil }
            name = text[(text.startIndex + 1)..<close]
            keyEnd = close + 1
        } else {
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            name = ByteClass.trimmed(text[..<colon])
            keyEnd = colon
        }
        while keyEnd < text.endIndex, text[keyEnd] == UInt8(ascii: " ") || text[keyEnd] == UInt8(ascii: "\t") { keyEnd += 1 }
        guard keyEnd < text.endIndex, text[keyEnd] == UInt8(ascii: ":") else { return nil }
        // `key:value` is a plain scalar to YAML, not a mapping entry.
        guard keyEnd + 1 == text.endIndex || ByteClass.isSpace(text[keyEnd + 1]) else { return nil }
        return (String(decoding: name, as: UTF8.self), keyEnd)
    }

    /// A one-line YAML scalar without quotes or a trailing comment, and where it starts.
    private static func scalar(_ text: ArraySlice<UInt8>) -> (String, Int) {
        let start = text.firstIndex { !ByteClass.isSpace($0) } ?? text.endIndex
        var value = text[start...]
        if let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let body = value.dropFirst()
            let end = body.firstIndex(of: quote) ?? body.endIndex
            return (String(decoding: body[..<end], as: UTF8.self), start + 1)
        }
        if value.first == UInt8(ascii: "#") { return ("", start) }
        // A comment starts at ` #`.
        if let hash = value.indices.first(where: { $0 > value.startIndex && value[$0] == UInt8(ascii: "#") && value[$0 - 1] == UInt8(ascii: " ") }) {
            value = value[..<(hash - 1)]
        }
        return (String(decoding: ByteClass.trimmed(value), as: UTF8.self), start)
    }
}

/// A Hugo content tree: the folder named `content` and the heads of its pages, with which page
/// takes its text from which shared file and which product each page is in.
public struct HugoSite: Sendable {
    /// The content root as the paths given spell it (`content`, `../content`, `/docs/content`).
    public let root: String
    /// Each page's head, by its path inside the root (`influxdb3/clustered/a.md`).
    private let heads: [String: HugoPageHead]
    /// The pages whose `source:` names each shared file, by path inside the root, sorted.
    private let includers: [String: [String]]

    /// The shortcode templates beside the content root (Hugo's defaults when there are none).
    public let templates: ShortcodeTemplates
    /// The site configuration's `ignoreFiles` patterns: files Hugo never reads.
    public let ignoreFiles: [NSRegularExpression]
    /// The site's product data (`data/products.yml`).
    public let products: SiteProducts

    /// The site under `root`, from the heads of its pages keyed by their paths inside it.
    public init(root: String, heads: [String: HugoPageHead], templates: ShortcodeTemplates = .hugoDefaults, ignoreFiles: [NSRegularExpression] = [],
                products: SiteProducts = .none) {
        self.products = products
        self.root = root
        self.templates = templates
        self.ignoreFiles = ignoreFiles
        self.heads = heads
        var includers: [String: [String]] = [:]
        for (page, head) in heads {
            guard let source = head.source else { continue }
            includers[Self.insideRoot(source.path), default: []].append(page)
        }
        self.includers = includers.mapValues { $0.sorted() }
        var cascades: [Substring: Cascade] = [:]
        for page in heads.keys { _ = Self.cascade(of: Self.folder(of: page), heads: heads, memo: &cascades) }
        self.cascades = cascades
    }

    /// What the `cascade:` of the `_index.md` files in a folder and above it hand to the pages
    /// in it, nearest first (Hugo applies a cascade to its own page too).
    struct Cascade: Sendable {
        var product: String?
        var version: String?
        var draft: Bool?
    }

    /// The resolved cascade of each folder that holds a page, by its path inside the root.
    private let cascades: [Substring: Cascade]

    private static func folder(of inside: String) -> Substring {
        inside.lastIndex(of: "/").map { inside[..<$0] } ?? ""
    }

    private static func cascade(of folder: Substring, heads: [String: HugoPageHead], memo: inout [Substring: Cascade]) -> Cascade {
        if let known = memo[folder] { return known }
        let parent = folder.isEmpty ? Cascade() : cascade(of: folder.lastIndex(of: "/").map { folder[..<$0] } ?? "", heads: heads, memo: &memo)
        let head = heads[folder.isEmpty ? "_index.md" : folder + "/_index.md"]
        let resolved = Cascade(product: head?.cascadeProduct ?? parent.product, version: head?.cascadeVersion ?? parent.version,
                               draft: head?.cascadeDraft ?? parent.draft)
        memo[folder] = resolved
        return resolved
    }

    /// The cascade that reaches a page.
    private func cascade(reaching inside: String) -> Cascade {
        let folder = Self.folder(of: inside)
        if let known = cascades[folder] { return known }
        var memo: [Substring: Cascade] = [:]
        return Self.cascade(of: folder, heads: heads, memo: &memo)
    }

    /// The nearest folder named `content` that holds `path`, spelt as `path` is (or, when the
    /// path is below the current folder and does not name it, relative to the current folder);
    /// nil when there is none.
    public static func contentRoot(of path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if let index = components.dropLast().lastIndex(of: "content") {
            return components[...index].joined(separator: "/")
        }
        guard !path.hasPrefix("/") else { return nil }
        let current = FileManager.default.currentDirectoryPath.split(separator: "/")
        guard let index = current.lastIndex(of: "content") else { return nil }
        let depth = current.count - 1 - index
        return depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
    }

    /// `path` (spelt with the root in front) as a path inside the root, or nil.
    public func pathInside(_ path: String) -> String? {
        let prefix = root == "." ? "" : root + "/"
        if prefix.isEmpty { return path.hasPrefix("/") ? nil : String(path.drop { $0 == "." || $0 == "/" }) }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// A path inside the root spelt with the root in front.
    public func spelled(_ inside: String) -> String {
        root == "." ? inside : root + "/" + inside
    }

    public func head(of inside: String) -> HugoPageHead? { heads[inside] }

    /// Whether a page with this path inside the root exists.
    public func contains(_ inside: String) -> Bool { heads[inside] != nil }

    /// The pages whose `source:` names the file, by paths inside the root.
    public func includers(of inside: String) -> [String] { includers[inside] ?? [] }

    /// The path inside the root that a `source:` value names (`/shared/a.md`).
    public static func insideRoot(_ source: String) -> String {
        String(source.drop { $0 == "/" })
    }

    /// Whether Hugo leaves the page out as a draft: its own `draft`, else the nearest `cascade`
    /// of an `_index.md` in its folder or above it.
    public func isDraft(_ inside: String) -> Bool {
        heads[inside]?.draft ?? cascade(reaching: inside).draft ?? false
    }

    /// The `ignoreFiles` patterns of the site configuration beside the content root (`hugo.yml`,
    /// `config.yml`, or either under `config/_default/`, in YAML). Patterns that are not
    /// regular expressions are left out, as a TOML configuration is.
    public static func ignoreFiles(contentRoot: String) -> [NSRegularExpression] {
        let site = (contentRoot as NSString).deletingLastPathComponent
        let base = site.isEmpty ? "" : site + "/"
        for name in ["hugo.yml", "hugo.yaml", "config.yml", "config.yaml", "config/_default/hugo.yml", "config/_default/hugo.yaml",
                     "config/_default/config.yml", "config/_default/config.yaml"] {
            guard let bytes = try? FileSystem.contents(of: base + name),
                  let root = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)) else { continue }
            let patterns = root.mapping?["ignoreFiles"]?.sequence?.compactMap(\.string) ?? []
            return patterns.compactMap { try? NSRegularExpression(pattern: $0) }
        }
        return []
    }

    /// Whether the site configuration's `ignoreFiles` leaves the file out.
    public func isIgnored(_ inside: String) -> Bool {
        ignoreFiles.contains { $0.firstMatch(in: inside, range: NSRange(inside.startIndex..., in: inside)) != nil }
    }

    /// Why Hugo does not publish the page (ignored by the site's configuration, a draft, a
    /// test-only page), or nil.
    public func unpublished(_ inside: String) -> SkipReason? {
        if isIgnored(inside) { return .ignoredByHugo }
        if isDraft(inside) { return .draft }
        return heads[inside]?.isTestOnly == true ? .testOnly : nil
    }

    /// The product of a page: its own `product` and `version`, else the nearest `cascade` of an
    /// `_index.md` in its folder or above it. Nil when nothing names one.
    public func product(of inside: String) -> HugoProduct? {
        let cascaded = cascade(reaching: inside)
        let product = heads[inside]?.product ?? cascaded.product
        let version = heads[inside]?.version ?? cascaded.version
        return product == nil && version == nil ? nil : HugoProduct(product: product, version: version)
    }
}
