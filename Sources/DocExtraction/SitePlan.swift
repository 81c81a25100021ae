import Diagnostics
import Dispatch
import Synchronization

/// How Hugo publishes what one file of a run holds: for which product, on behalf of which
/// pages, and whether at all. Every command reads pages through one of these.
public struct PageReading: Hashable, Sendable {
    /// The product the text is read for: what its `show-in` and `hide-in` shortcodes hide from
    /// it is not read. Nil reads everything, as if every product showed it.
    public var product: HugoProduct?
    /// The pages whose `source:` names the file, spelt as the run spells paths; empty for a
    /// page read as itself.
    public var publishers: [String]
    /// Why Hugo does not publish what is read (a draft, a test-only page); nil when it does.
    public var unpublished: SkipReason?
    /// The site's shortcode templates, which tell what Hugo renders apart from the Markdown.
    public var templates: ShortcodeTemplates
    /// The Hugo content folder the page lies in, as the run spells it; the site's other
    /// folders (`api-docs/`, `layouts/`) sit beside it. Nil outside any content tree.
    public var contentRoot: String?
    /// What the shortcodes that print a value of the product (`product-name`) print.
    public var values: ShortcodeValues

    public init(product: HugoProduct? = nil, publishers: [String] = [], unpublished: SkipReason? = nil, templates: ShortcodeTemplates = .hugoDefaults,
                contentRoot: String? = nil, values: ShortcodeValues = .none) {
        self.values = values
        self.product = product
        self.publishers = publishers
        self.unpublished = unpublished
        self.templates = templates
        self.contentRoot = contentRoot
    }

    /// A page read on its own, outside any content tree: only its own front matter counts.
    public init(head: HugoPageHead) {
        self.init(unpublished: head.isDraft ? .draft : head.isTestOnly ? .testOnly : nil)
    }
}

/// The files of a run and the readings each takes, planned once from the Hugo content trees
/// they lie in, so that `check`, `explain`, `extract` and a shard of a run all read a file
/// the same way. A page with `source:` is read with the shared file's text in the page's
/// product; a shared file is read once per product that publishes it, for all the pages of
/// that product together.
public struct SitePlan: Sendable {
    /// A file to read, the readings it takes (at least one), and what only the site can tell
    /// about its front matter (a `source:` that names nothing).
    public struct Unit: Sendable {
        public var file: String
        public var readings: [PageReading]
        public var siteDiagnostics: [Diagnostic]
    }

    /// One unit per file, in byte order of the paths.
    public private(set) var units: [Unit] = []

    /// The units for `files`, reading the heads of every page of each content root they lie
    /// in. Files outside any content root are read as themselves, with no product.
    /// `listings` holds the Markdown files already found under some paths (a content root
    /// the run names), so the site's are not listed twice.
    public init(files: [String], includeUnpublished: Bool, jobs: Int, listings: [String: [String]] = [:]) {
        var sites: [String: HugoSite] = [:]
        var readings: [String: [PageReading]] = [:]
        var diagnostics: [String: [Diagnostic]] = [:]
        let listed = Set(files)
        // A file's content root depends on its folder alone.
        var rootsByFolder: [Substring: String?] = [:]
        // Files outside any site are read as themselves; their heads are read together, in parallel.
        var alone: [String] = []
        for file in files {
            let folder = file[..<(file.lastIndex(of: "/") ?? file.startIndex)]
            let root = rootsByFolder[folder] ?? HugoSite.contentRoot(of: file)
            rootsByFolder[folder] = root
            guard let root else {
                alone.append(file)
                continue
            }
            let site = sites[root] ?? Self.load(root: root, jobs: jobs, listed: listings[root])
            sites[root] = site
            let templates = site.templates
            guard let inside = site.pathInside(file) else {
                alone.append(file)
                continue
            }
            let product = site.product(of: inside)
            let unpublished = site.unpublished(inside)
            let includers = site.includers(of: inside).filter { includeUnpublished || site.unpublished($0) == nil }
            if includers.isEmpty {
                readings[file, default: []].append(PageReading(product: product, unpublished: unpublished, templates: templates, contentRoot: root,
                                                               values: site.products.values(for: product)))
            } else {
                // Named itself: read as every page that publishes it shows it.
                for page in includers {
                    let pageProduct = site.product(of: page)
                    readings[file, default: []].append(PageReading(product: pageProduct, publishers: [site.spelled(page)], templates: templates, contentRoot: root,
                                                                   values: site.products.values(for: pageProduct)))
                }
            }
            guard let source = site.head(of: inside)?.source, includeUnpublished || unpublished == nil else { continue }
            let target = HugoSite.insideRoot(source.path)
            if !site.contains(target) {
                diagnostics[file, default: []].append(Diagnostic(
                    rule: .markdownSource, range: source.range,
                    message: "source: names \(source.path), which is not a file under the content root \(site.root): Hugo publishes this page with no text"
                ))
                continue
            }
            if let nested = site.head(of: target)?.source {
                diagnostics[file, default: []].append(Diagnostic(
                    rule: .markdownSource, range: source.range,
                    message: "\(source.path) has a source: of its own (\(nested.path)); Hugo shows the text of \(source.path), front matter and all, and does not follow it"
                ))
            }
            let spelled = site.spelled(target)
            // A shared file named itself takes every page that publishes it already.
            if !listed.contains(spelled) {
                readings[spelled, default: []].append(PageReading(product: product, publishers: [file], templates: templates, contentRoot: root,
                                                                  values: site.products.values(for: product)))
            }
        }
        for (file, head) in zip(alone, Parallel.map(alone, jobs: jobs) { HugoPageHead(fileAt: $0) }) {
            readings[file, default: []].append(PageReading(head: head))
        }
        units = MarkdownFiles.uniqueInByteOrder(Array(readings.keys)).map { file in
            Unit(file: file, readings: Self.grouped(readings[file] ?? []), siteDiagnostics: diagnostics[file] ?? [])
        }
    }

    /// Drops the units `shouldRemove` picks (files a configuration excludes).
    public mutating func removeUnits(where shouldRemove: (Unit) -> Bool) {
        units.removeAll(where: shouldRemove)
    }

    /// The unit that reads `file`, as the run spells it.
    public func unit(for file: String) -> Unit? {
        units.first { $0.file == file }
    }

    /// One reading per product, with every page of that product, in a stable order.
    private static func grouped(_ readings: [PageReading]) -> [PageReading] {
        var byProduct: [HugoProduct?: PageReading] = [:]
        for reading in readings {
            var merged = byProduct[reading.product] ?? reading
            merged.publishers = Array(Set(merged.publishers + reading.publishers)).sorted()
            byProduct[reading.product] = merged
        }
        return byProduct.values.sorted { ($0.product?.description ?? "", $0.product?.product ?? "") < ($1.product?.description ?? "", $1.product?.product ?? "") }
    }

    /// The heads of every page under `root` (`listed`, when the run has found them), read in parallel.
    private static func load(root: String, jobs: Int, listed: [String]?) -> HugoSite {
        let files = listed ?? (try? MarkdownFiles.find(in: [root])) ?? []
        let prefix = root == "." ? "" : root + "/"
        let heads = Parallel.map(files, jobs: jobs) { file in
            (String(file.dropFirst(file.hasPrefix(prefix) ? prefix.count : 0)), HugoPageHead(fileAt: file))
        }
        return HugoSite(root: root, heads: Dictionary(heads, uniquingKeysWith: { first, _ in first }), templates: ShortcodeTemplates(contentRoot: root),
                        ignoreFiles: HugoSite.ignoreFiles(contentRoot: root), products: SiteProducts(contentRoot: root))
    }
}

/// Work spread over threads, results in the order of the input.
public enum Parallel {
    /// `transform` over `items` on up to `jobs` threads; results keep the order of `items`.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 { return items.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let result = transform(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
