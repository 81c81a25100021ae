import Dispatch
import Foundation
import APISpecs
import DocExtraction
import ManagementAPI
import Synchronization

/// The OpenAPI specs a run's products publish beside their content: a docs site ships each
/// product's Management API spec at `api-docs/<product>/<version>/management/openapi.yml`
/// (docs-v2: `api-docs/influxdb3/clustered/management/openapi.yml`) and its HTTP API spec
/// beside it, found by the page's `version`. The files are found when the run is planned and
/// each is read once, by the first page that needs it, so pages that call no API never wait.
public struct APISpecLibrary: Hashable, Sendable {
    private struct Key: Hashable, Sendable {
        var contentRoot: String
        var product: HugoProduct
    }

    /// A spec file: where it is, how messages name it, and which API it describes.
    struct SpecFile: Hashable, Sendable {
        var path: String
        var relative: String
        var isManagement: Bool

        /// The file at `relative` in the site folder `site`.
        init(site: String, relative: String, isManagement: Bool) {
            path = site + "/" + relative
            self.relative = relative
            self.isManagement = isManagement
        }
    }

    private var management: [Key: SpecFile] = [:]
    private var product: [Key: SpecFile] = [:]
    private(set) var cache = SpecCache()

    public init() {}

    /// A library that starts reading ahead for a run over `paths`: when one of them is a
    /// site's whole content root (a folder named `content`), every product's pages will be
    /// checked, so every spec the site ships starts being read now, while the pages are still
    /// being planned. Otherwise nothing is read ahead.
    public init(readingAheadFor paths: [String]) {
        var files: [SpecFile] = []
        for path in paths {
            var root = path
            while root.count > 1, root.hasSuffix("/") { root.removeLast() }
            var isFolder: ObjCBool = false
            guard (root as NSString).lastPathComponent == "content", FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue
            else { continue }
            let site = root + "/.."
            files += Self.managementSpecs(inSite: site).values.map { SpecFile(site: site, relative: $0, isManagement: true) }
            files += Self.productSpecs(inSite: site).values.map { SpecFile(site: site, relative: $0, isManagement: false) }
        }
        cache = SpecCache(files: files)
    }

    /// Finds the Management API spec and the HTTP API spec of every product the plan's pages
    /// are read for; the files `readAhead` has started on are not read again.
    public init(plan: SitePlan, readAhead: APISpecLibrary = APISpecLibrary()) {
        var keys: Set<Key> = []
        for unit in plan.units {
            for reading in unit.readings {
                guard let root = reading.contentRoot, let product = reading.product else { continue }
                keys.insert(Key(contentRoot: root, product: product))
            }
        }
        var managementBySite: [String: [String: String]] = [:]
        var productBySite: [String: [String: String]] = [:]
        for key in keys {
            guard let version = key.product.version else { continue }
            let site = key.contentRoot + "/.."
            let managementSpecs = managementBySite[site] ?? Self.managementSpecs(inSite: site)
            managementBySite[site] = managementSpecs
            let productSpecs = productBySite[site] ?? Self.productSpecs(inSite: site)
            productBySite[site] = productSpecs
            if let relative = managementSpecs[version] {
                management[key] = SpecFile(site: site, relative: relative, isManagement: true)
            }
            if let relative = productSpecs[version] {
                product[key] = SpecFile(site: site, relative: relative, isManagement: false)
            }
        }
        let files = Array(management.values) + Array(product.values)
        cache = readAhead.cache.holds(files) ? readAhead.cache : SpecCache(files: files)
    }

    /// Specs that exist but could not be read, with the reason, in path order (reading every
    /// spec the run found).
    public var unreadable: [OpenAPIReader.Failure] {
        let files = Set(management.values).union(product.values).sorted { $0.path < $1.path }
        return files.compactMap { file in
            if case .failure(let failure) = cache.spec(file) { failure } else { nil }
        }
    }

    /// What judges the Management API bodies of a page read as `reading`.
    public func managementSchemas(for reading: PageReading) -> SchemaSource {
        guard let root = reading.contentRoot, let product = reading.product, let file = management[Key(contentRoot: root, product: product)] else {
            return .builtIn
        }
        switch cache.spec(file) {
        case .success(let spec): return .spec(spec)
        case .failure: return .unreadableSpec(file: file.relative)
        }
    }

    /// The HTTP API spec of the product a page is read for (InfluxDB 3 Core's
    /// `api-docs/influxdb3/core/influxdb3-core-openapi.yaml`), if the site ships one.
    public func productAPI(for reading: PageReading) -> APISpec? {
        guard let root = reading.contentRoot, let product = reading.product, let file = self.product[Key(contentRoot: root, product: product)] else {
            return nil
        }
        return try? cache.spec(file).get()
    }

    /// The product API specs a site keeps, by version: the one `*openapi.yaml` or `*openapi.yml`
    /// file directly in `api-docs/<product>/<version>/`.
    static func productSpecs(inSite site: String) -> [String: String] {
        specs(inSite: site) { folder in
            let specs = ((try? FileManager.default.contentsOfDirectory(atPath: site + "/" + folder)) ?? []).sorted()
                .filter { $0.hasSuffix("openapi.yaml") || $0.hasSuffix("openapi.yml") }
            return specs.count == 1 ? folder + "/" + specs[0] : nil
        }
    }

    /// The Management API specs a site keeps, by version: `api-docs/<product>/<version>/management/openapi.yml`.
    static func managementSpecs(inSite site: String) -> [String: String] {
        specs(inSite: site) { folder in
            FileManager.default.fileExists(atPath: "\(site)/\(folder)/management/openapi.yml") ? "\(folder)/management/openapi.yml" : nil
        }
    }

    /// The spec `find` picks in each `api-docs/<product>/<version>` folder, by version, relative
    /// to the site's root. A version two products share is left out: it cannot say which spec
    /// a page follows.
    private static func specs(inSite site: String, find: (_ folder: String) -> String?) -> [String: String] {
        let files = FileManager.default
        var found: [String: [String]] = [:]
        for product in ((try? files.contentsOfDirectory(atPath: site + "/api-docs")) ?? []).sorted() {
            for version in ((try? files.contentsOfDirectory(atPath: "\(site)/api-docs/\(product)")) ?? []).sorted() {
                if let spec = find("api-docs/\(product)/\(version)") { found[version, default: []].append(spec) }
            }
        }
        return found.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// The path prefix Cloud Dedicated puts before each endpoint; docverify's endpoints are
    /// spelt after it, as Clustered's are.
    static let managementPrefixes = ["/accounts/{accountId}/clusters/{clusterId}"]
}

/// The spec files a run has read, shared by its worker threads: each file is read once, by
/// the first page that needs it; a page that needs a file another thread is reading waits for
/// that file alone.
final class SpecCache: Hashable, Sendable {
    /// One file's reading, behind a lock of its own.
    private final class Slot: Sendable {
        let read = Mutex<Result<APISpec, OpenAPIReader.Failure>?>(nil)
    }

    /// By path with `.` and `..` worked out, however a run spells it.
    private let slots: [String: Slot]

    /// Starts reading `files` on a background thread, largest first, so that they are ready
    /// by the time the pages reach them; a page that needs one sooner reads it itself.
    init(files: some Sequence<APISpecLibrary.SpecFile> = []) {
        let files = Array(Set(files))
        slots = Dictionary(files.map { (Self.key($0), Slot()) }, uniquingKeysWith: { first, _ in first })
        guard !files.isEmpty else { return }
        let bySize = files.sorted { Self.size(of: $0.path) > Self.size(of: $1.path) }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for file in bySize { _ = spec(file) }
        }
    }

    func spec(_ file: APISpecLibrary.SpecFile) -> Result<APISpec, OpenAPIReader.Failure> {
        guard let slot = slots[Self.key(file)] else { return Self.read(file) }
        return slot.read.withLock { read in
            if let read { return read }
            let result = Self.read(file)
            read = result
            return result
        }
    }

    /// Whether every one of `files` has a slot here.
    func holds(_ files: [APISpecLibrary.SpecFile]) -> Bool {
        !files.isEmpty && files.allSatisfy { slots[Self.key($0)] != nil }
    }

    /// The path with `.` and `..` worked out as written (no file system call: a key is asked
    /// for each page that calls an API).
    private static func key(_ file: APISpecLibrary.SpecFile) -> String {
        var parts: [Substring] = []
        for part in file.path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (file.path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    private static func read(_ file: APISpecLibrary.SpecFile) -> Result<APISpec, OpenAPIReader.Failure> {
        Result { () throws(OpenAPIReader.Failure) in
            try OpenAPIReader.spec(at: file.path, displayName: file.relative, prefixes: file.isManagement ? APISpecLibrary.managementPrefixes : [])
        }
    }

    private static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// One cache is one run's: caches compare by identity.
    static func == (lhs: SpecCache, rhs: SpecCache) -> Bool { lhs === rhs }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
