import InfluxctlModel

/// What a run's configuration says about each file: which influxctl release it is checked
/// against, the product it is read for, how each rule reports, whether it is checked at all.
/// A command-line flag wins over an override, an override (the last that matches) over the
/// file's own settings, and those over docverify's defaults.
public struct Settings: Hashable, Sendable {
    /// The configuration file, if one applies.
    public var file: ConfigFile?
    /// `--influxctl-version`, when given.
    public var flagRelease: String?

    public init(file: ConfigFile? = nil, flagRelease: String? = nil) {
        self.file = file
        self.flagRelease = flagRelease
    }

    /// Where a setting's value came from, for `docverify config`.
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        case flag, override(Int), file, defaultValue

        public var description: String {
            switch self {
            case .flag: "command line"
            case .override(let index): "overrides[\(index)]"
            case .file: "configuration file"
            case .defaultValue: "default"
            }
        }
    }

    /// The overrides that match `path`, with their index, last (strongest) last.
    private func overrides(for path: String) -> [(Int, Override)] {
        guard let file else { return [] }
        let inside = file.pathInFolder(path)
        return file.overrides.enumerated().filter { $0.element.paths.contains { $0.matches(inside) } }.map { ($0.offset, $0.element) }
    }

    /// The release `path` is checked against and why; a page's own pin still wins over it.
    public func release(for path: String) -> (release: CLIVersion, source: Source) {
        if let flagRelease, let release = InfluxctlReleases.resolve(flagRelease) { return (release, .flag) }
        if let (index, entry) = overrides(for: path).last(where: { $0.1.influxctlVersion != nil }),
           let release = entry.influxctlVersion.flatMap(InfluxctlReleases.resolve) {
            return (release, .override(index))
        }
        if let release = file?.influxctlVersion.flatMap(InfluxctlReleases.resolve) { return (release, .file) }
        return (InfluxctlReleases.newest, .defaultValue)
    }

    /// The product an override reads `path` for, if one does.
    public func product(for path: String) -> String? {
        overrides(for: path).last { $0.1.product != nil }?.1.product
    }

    /// How `rule` reports on `path`, and why; nil when nothing configures it (its catalogue
    /// severity holds).
    public func level(of rule: String, for path: String) -> (level: RuleLevel, source: Source)? {
        if let (index, entry) = overrides(for: path).last(where: { $0.1.rules[rule] != nil }), let level = entry.rules[rule] {
            return (level, .override(index))
        }
        return file?.rules[rule].map { ($0, .file) }
    }

    /// Every rule some setting configures for `path`, with its level and source.
    public func levels(for path: String) -> [(rule: String, level: RuleLevel, source: Source)] {
        var ids = Set(file?.rules.keys.map { $0 } ?? [])
        for (_, entry) in overrides(for: path) { ids.formUnion(entry.rules.keys) }
        return ids.sorted().compactMap { id in level(of: id, for: path).map { (id, $0.level, $0.source) } }
    }

    /// Whether an `exclude` pattern leaves `path` out of the run.
    public func isExcluded(_ path: String) -> Bool {
        guard let file, !file.exclude.isEmpty else { return false }
        let inside = file.pathInFolder(path)
        return file.exclude.contains { $0.matches(inside) }
    }

    /// Placeholder values every page starts with.
    public var placeholders: [String: String] { file?.placeholders ?? [:] }
}
