import Diagnostics
import Foundation

/// What the top of a Hugo page's front matter says about where the page is published: the
/// shared file it takes its text from (`source:`), its own `product` and `version`, those its
/// `cascade` hands to the pages below it, and `draft`.
public struct HugoPageHead: Hashable, Sendable {
    /// A `source:` value and where it stands in the file.
    public struct Source: Hashable, Sendable {
        public var path: String
        public var range: SourceRange
    }

    public var source: Source?
    public var product: String?
    public var version: String?
    public var cascadeProduct: String?
    public var cascadeVersion: String?
    public var isDraft = false

    /// Reads the front matter of `bytes` line by line: top-level `key: value` pairs and the
    /// keys one level inside `cascade:`. A page without front matter has an empty head.
    public init(bytes: [UInt8]) {
        let file = TextLines(bytes)
        guard file.count >= 2, Self.isDelimiter(file.line(1)) else { return }
        var inCascade = false
        for number in 2...file.count {
            let line = file.line(number)
            if Self.isDelimiter(line) || line.elementsEqual("...".utf8) { return }
            let indentation = line.prefix { $0 == UInt8(ascii: " ") }.count
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: line[(line.startIndex + indentation)..<colon], as: UTF8.self)
            let (value, valueStart) = Self.scalar(line[(colon + 1)...])
            if indentation == 0 {
                inCascade = key == "cascade" && value.isEmpty
                switch key {
                case "source" where !value.isEmpty:
                    let column = UTF8Scalars.count(line[line.startIndex..<valueStart]) + 1
                    source = Source(path: value, range: SourceRange(start: SourcePosition(line: number, column: column), length: value.unicodeScalars.count))
                case "product": product = value
                case "version": version = value
                case "draft": isDraft = value == "true" || value == "True" || value == "TRUE"
                default: break
                }
            } else if inCascade {
                switch key {
                case "product": cascadeProduct = value
                case "version": cascadeVersion = value
                default: break
                }
            }
        }
    }

    /// Reads the file at `path`; a file that cannot be read has an empty head.
    public init(fileAt path: String) {
        self.init(bytes: (try? FileSystem.contents(of: path)) ?? [])
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        ByteClass.trimmed(line).elementsEqual("---".utf8)
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
        if let comment = value.firstRange(of: Array(" #".utf8)) { value = value[..<comment.lowerBound] }
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

    /// The site under `root`, from the heads of its pages keyed by their paths inside it.
    public init(root: String, heads: [String: HugoPageHead]) {
        self.root = root
        self.heads = heads
        var includers: [String: [String]] = [:]
        for (page, head) in heads {
            guard let source = head.source else { continue }
            includers[Self.insideRoot(source.path), default: []].append(page)
        }
        self.includers = includers.mapValues { $0.sorted() }
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

    /// The product of a page: its own `product` and `version`, else the nearest `cascade` of an
    /// `_index.md` in its folder or above it. Nil when nothing names one.
    public func product(of inside: String) -> HugoProduct? {
        var product = heads[inside]?.product
        var version = heads[inside]?.version
        var folder = inside.split(separator: "/").dropLast()
        while product == nil || version == nil {
            let index = (folder + ["_index.md"]).joined(separator: "/")
            if let head = heads[index] {
                if product == nil { product = head.cascadeProduct }
                if version == nil { version = head.cascadeVersion }
            }
            guard !folder.isEmpty else { break }
            folder = folder.dropLast()
        }
        return product == nil && version == nil ? nil : HugoProduct(product: product, version: version)
    }
}
