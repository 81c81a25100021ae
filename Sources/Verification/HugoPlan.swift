import Diagnostics
import DocExtraction

/// How each file of a run is read when it lies in a Hugo content tree: for which products, on
/// behalf of which pages. A page with `source:` is read with the shared file's text in the
/// page's product; a shared file is read once per product that publishes it, for all the pages
/// of that product together.
struct HugoPlan {
    /// One reading of a file: for a product, on behalf of the pages that publish it there
    /// (none for a page read as itself).
    struct Reading: Hashable, Sendable {
        var product: HugoProduct?
        var pages: [String]
    }

    /// A file to verify and the readings it takes, with findings about its front matter that
    /// only the site can tell (a `source:` that names nothing).
    struct Unit: Sendable {
        var file: String
        var readings: [Reading]
        var siteFindings: [Finding]
    }

    private(set) var units: [Unit] = []

    /// The units for `files` (sorted, unique), reading the heads of every page of each content
    /// root they lie in. Files outside any content root are read as themselves, with no product.
    init(files: [String], includeDrafts: Bool, jobs: Int) {
        var sites: [String: HugoSite] = [:]
        var readings: [String: [Reading]] = [:]
        var siteFindings: [String: [Finding]] = [:]
        let listed = Set(files)
        for file in files {
            guard let root = HugoSite.contentRoot(of: file) else {
                readings[file, default: []].append(Reading(product: nil, pages: []))
                continue
            }
            let site = sites[root] ?? Self.load(root: root, jobs: jobs)
            sites[root] = site
            guard let inside = site.pathInside(file) else {
                readings[file, default: []].append(Reading(product: nil, pages: []))
                continue
            }
            let product = site.product(of: inside)
            let includers = site.includers(of: inside).filter { page in includeDrafts || site.head(of: page)?.isDraft != true }
            if includers.isEmpty {
                readings[file, default: []].append(Reading(product: product, pages: []))
            } else {
                // Named itself: read as every page that publishes it shows it.
                for page in includers {
                    readings[file, default: []].append(Reading(product: site.product(of: page), pages: [site.spelled(page)]))
                }
            }
            guard let head = site.head(of: inside), let source = head.source, includeDrafts || !head.isDraft else { continue }
            let target = HugoSite.insideRoot(source.path)
            if !site.contains(target) {
                siteFindings[file, default: []].append(Finding(
                    rule: .markdownSource, file: file, range: source.range,
                    message: "source: names \(source.path), which is not a file under the content root \(site.root): Hugo publishes this page with no text",
                ))
                continue
            }
            if let nested = site.head(of: target)?.source {
                siteFindings[file, default: []].append(Finding(
                    rule: .markdownSource, file: file, range: source.range,
                    message: "\(source.path) has a source: of its own (\(nested.path)); Hugo shows the text of \(source.path), front matter and all, and does not follow it",
                ))
            }
            let spelled = site.spelled(target)
            // A shared file named itself takes every page that publishes it already.
            if !listed.contains(spelled) {
                readings[spelled, default: []].append(Reading(product: product, pages: [file]))
            }
        }
        for (file, fileReadings) in readings {
            units.append(Unit(file: file, readings: Self.grouped(fileReadings), siteFindings: siteFindings[file] ?? []))
        }
        let order = MarkdownFiles.uniqueInByteOrder(units.map(\.file))
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        units.sort { position[$0.file, default: 0] < position[$1.file, default: 0] }
    }

    /// One reading per product, with every page of that product, in a stable order.
    private static func grouped(_ readings: [Reading]) -> [Reading] {
        var byProduct: [HugoProduct?: Set<String>] = [:]
        for reading in readings { byProduct[reading.product, default: []].formUnion(reading.pages) }
        return byProduct.map { Reading(product: $0.key, pages: $0.value.sorted()) }
            .sorted { ($0.product.map { [$0.description, $0.product ?? ""] } ?? []).lexicographicallyPrecedes($1.product.map { [$0.description, $0.product ?? ""] } ?? []) }
    }

    /// The heads of every page under `root`, read in parallel.
    private static func load(root: String, jobs: Int) -> HugoSite {
        let files = (try? MarkdownFiles.find(in: [root])) ?? []
        let prefix = root == "." ? "" : root + "/"
        let heads = Runner.parallelMap(files, jobs: jobs) { file in
            (String(file.dropFirst(file.hasPrefix(prefix) ? prefix.count : 0)), HugoPageHead(fileAt: file))
        }
        return HugoSite(root: root, heads: Dictionary(heads, uniquingKeysWith: { first, _ in first }))
    }
}
