import Foundation
import APISpecs
import DocExtraction
import ManagementAPI

/// The OpenAPI specs a run's products publish beside their content, read once before any
/// page runs: a docs site ships each product's Management API spec at
/// `api-docs/<product>/<version>/management/openapi.yml` (docs-v2:
/// `api-docs/influxdb3/clustered/management/openapi.yml`), found by the page's `version`.
public struct APISpecLibrary: Hashable, Sendable {
    private struct Key: Hashable, Sendable {
        var contentRoot: String
        var product: HugoProduct
    }

    private var management: [Key: SchemaSource] = [:]
    private var product: [Key: APISpec] = [:]
    /// Specs that exist but could not be read, with the reason, in path order.
    public private(set) var unreadable: [OpenAPIReader.Failure] = []

    public init() {}

    /// Reads the Management API spec and the HTTP API spec of every product the plan's pages
    /// are read for; each file once, the files in parallel (`jobs` at once).
    public init(plan: SitePlan, jobs: Int = 1) {
        var keys: Set<Key> = []
        for unit in plan.units {
            for reading in unit.readings {
                guard let root = reading.contentRoot, let product = reading.product else { continue }
                keys.insert(Key(contentRoot: root, product: product))
            }
        }
        /// One spec file to read, and for which products and as which kind.
        struct Job: Sendable {
            var site: String
            var relative: String
            var isManagement: Bool
            var keys: [Key]
        }
        var jobsByFile: [String: Job] = [:]
        var managementBySite: [String: [String: String]] = [:]
        var productBySite: [String: [String: String]] = [:]
        for key in keys.sorted(by: { ($0.contentRoot, $0.product) < ($1.contentRoot, $1.product) }) {
            guard let version = key.product.version else { continue }
            let site = key.contentRoot + "/.."
            let management = managementBySite[site] ?? Self.managementSpecs(inSite: site)
            managementBySite[site] = management
            let product = productBySite[site] ?? Self.productSpecs(inSite: site)
            productBySite[site] = product
            for (relative, isManagement) in [(management[version], true), (product[version], false)] {
                guard let relative else { continue }
                jobsByFile[site + "/" + relative, default: Job(site: site, relative: relative, isManagement: isManagement, keys: [])].keys.append(key)
            }
        }
        let files = jobsByFile.keys.sorted().compactMap { jobsByFile[$0] }
        let read = Parallel.map(files, jobs: max(1, jobs)) { job in
            Result { () throws(OpenAPIReader.Failure) in
                try OpenAPIReader.spec(at: job.site + "/" + job.relative, displayName: job.relative, prefixes: job.isManagement ? Self.managementPrefixes : [])
            }
        }
        for (job, outcome) in zip(files, read) {
            for key in job.keys {
                switch (outcome, job.isManagement) {
                case (.success(let spec), true): management[key] = .spec(spec)
                case (.success(let spec), false): product[key] = spec
                case (.failure, true): management[key] = .unreadableSpec(file: job.relative)
                case (.failure, false): continue
                }
            }
            if case .failure(let error) = outcome { unreadable.append(error) }
        }
    }

    /// What judges the Management API bodies of a page read as `reading`.
    public func managementSchemas(for reading: PageReading) -> SchemaSource {
        guard let root = reading.contentRoot, let product = reading.product else { return .builtIn }
        return management[Key(contentRoot: root, product: product)] ?? .builtIn
    }

    /// The HTTP API spec of the product a page is read for (InfluxDB 3 Core's
    /// `api-docs/influxdb3/core/influxdb3-core-openapi.yaml`), if the site ships one.
    public func productAPI(for reading: PageReading) -> APISpec? {
        guard let root = reading.contentRoot, let product = reading.product else { return nil }
        return self.product[Key(contentRoot: root, product: product)]
    }

    /// The product API specs a site keeps, by version: the one `*openapi.yaml` or `*openapi.yml`
    /// file directly in `api-docs/<product>/<version>/`. Versions with none or several, and
    /// versions two products share, are left out.
    static func productSpecs(inSite site: String) -> [String: String] {
        let files = FileManager.default
        var found: [String: [String]] = [:]
        for product in ((try? files.contentsOfDirectory(atPath: site + "/api-docs")) ?? []).sorted() {
            for version in ((try? files.contentsOfDirectory(atPath: "\(site)/api-docs/\(product)")) ?? []).sorted() {
                let folder = "api-docs/\(product)/\(version)"
                let specs = ((try? files.contentsOfDirectory(atPath: site + "/" + folder)) ?? []).sorted()
                    .filter { $0.hasSuffix("openapi.yaml") || $0.hasSuffix("openapi.yml") }
                if specs.count == 1 { found[version, default: []].append(folder + "/" + specs[0]) }
            }
        }
        return found.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// The Management API specs a site keeps, by the product version whose folder holds each:
    /// `api-docs/<product>/<version>/management/openapi.yml`, relative to the site's root. A
    /// version two products share is left out, as it cannot say which spec a page follows.
    static func managementSpecs(inSite site: String) -> [String: String] {
        let files = FileManager.default
        var found: [String: [String]] = [:]
        for product in ((try? files.contentsOfDirectory(atPath: site + "/api-docs")) ?? []).sorted() {
            for version in ((try? files.contentsOfDirectory(atPath: "\(site)/api-docs/\(product)")) ?? []).sorted() {
                let relative = "api-docs/\(product)/\(version)/management/openapi.yml"
                if files.fileExists(atPath: site + "/" + relative) { found[version, default: []].append(relative) }
            }
        }
        return found.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// The path prefix Cloud Dedicated puts before each endpoint; docverify's endpoints are
    /// spelt after it, as Clustered's are.
    static let managementPrefixes = ["/accounts/{accountId}/clusters/{clusterId}"]
}
