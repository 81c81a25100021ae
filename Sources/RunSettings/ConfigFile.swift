#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Foundation
import InfluxctlModel
import Yams

/// How a rule reports, as a configuration sets it.
public enum RuleLevel: String, Hashable, Sendable, CaseIterable {
    case off, note, warning, error

    /// The severity findings get; nil for `off` (not reported).
    public var severity: Severity? {
        switch self {
        case .off: nil
        case .note: .note
        case .warning: .warning
        case .error: .error
        }
    }
}

/// A path pattern of a configuration, relative to the folder of its file: `*` and `?` match
/// any characters, `/` included (so `content/*/drafts/*.md` and `**/x.md` both work), `[...]`
/// a class, as fnmatch(3) reads them.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String

    /// nil for a pattern fnmatch would not read as meant: empty, or a `[` with no `]`.
    public init?(_ pattern: String) {
        guard !pattern.isEmpty else { return nil }
        var open = false
        for character in pattern {
            if character == "[" { open = true } else if character == "]" { open = false }
        }
        guard !open else { return nil }
        self.pattern = pattern
    }

    /// Whether `path` (relative to the configuration's folder) matches, or lies in a folder
    /// that matches.
    public func matches(_ path: String) -> Bool {
        if fnmatch(pattern, path, 0) == 0 { return true }
        var folder = path
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            if fnmatch(pattern, folder, 0) == 0 { return true }
        }
        return false
    }

    public var description: String { pattern }
}

/// Settings for the files that match some paths: `overrides:` entries.
public struct Override: Hashable, Sendable {
    public var paths: [Glob]
    public var influxctlVersion: String?
    /// The Hugo product the files are read for (`clustered`), replacing the one the site gives.
    public var product: String?
    public var rules: [String: RuleLevel]
}

/// A bad configuration file: what is wrong and where.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// `.docverify.yml`: settings for every page under its folder, read with Yams.
public struct ConfigFile: Hashable, Sendable {
    /// The file's name, as docverify finds it.
    public static let name = ".docverify.yml"

    /// The file as the user (or the search for it) spelt it, and the folder its globs are
    /// relative to.
    public var path: String
    public var folder: String
    public var influxctlVersion: String?
    public var languages: [String]?
    public var exclude: [Glob] = []
    public var includeDrafts: Bool?
    public var rules: [String: RuleLevel] = [:]
    /// Values for placeholders, the same on every page (`DATABASE_NAME: sensors`).
    public var placeholders: [String: String] = [:]
    public var overrides: [Override] = []

    static let keys = ["influxctl-version", "languages", "exclude", "include-drafts", "rules", "placeholders", "overrides"]
    static let overrideKeys = ["paths", "influxctl-version", "product", "rules"]

    /// Reads and checks the file at `path`.
    public init(path: String) throws {
        self.path = path
        folder = (path as NSString).deletingLastPathComponent
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: 1, column: 1, message: "cannot read the configuration: \(error.localizedDescription)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.error(path, error)
        }
        guard let root else { return }
        guard let mapping = root.mapping else { throw fail(root, "the configuration must be a mapping of settings (\(Self.keys.joined(separator: ", ")))") }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "influxctl-version": influxctlVersion = try release(value)
            case "languages":
                languages = try strings(value, key).map { $0.lowercased() }
                if languages?.isEmpty == true { throw fail(value, "languages needs at least one fence info word") }
            case "exclude": exclude = try globs(value, key)
            case "include-drafts": includeDrafts = try boolean(value, key)
            case "rules": rules = try ruleLevels(value)
            case "placeholders": placeholders = try placeholderValues(value)
            case "overrides":
                guard let list = value.sequence else { throw fail(value, "overrides must be a list of entries with paths") }
                overrides = try list.map(override)
            default:
                throw fail(keyNode, "unknown setting '\(key)'\(Suggestions.nearest(to: key, in: Self.keys).map { "; did you mean '\($0)'?" } ?? "") (settings: \(Self.keys.joined(separator: ", ")))")
            }
        }
    }

    /// The configuration that applies to `path`: the nearest `.docverify.yml` in its folder or
    /// a folder above it, up to the repository root (the folder holding `.git`); nil if none.
    public static func find(for path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue) {
            folder.deleteLastPathComponent()
        }
        while true {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return relative(candidate) }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) || folder.path == "/" { return nil }
            folder.deleteLastPathComponent()
        }
    }

    /// `path` relative to the current folder when it lies below it, else as it is.
    private static func relative(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    /// `file` (as the run spells it) relative to the configuration's folder.
    public func pathInFolder(_ file: String) -> String {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return absolute
    }

    // MARK: Reading values

    private func fail(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    private static func error(_ path: String, _ error: YamlError) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ConfigError(file: path, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }

    private func scalar(_ node: Node, _ key: String, _ what: String) throws -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(key) must be \(what)") }
        return scalar.string
    }

    private func release(_ node: Node) throws -> String {
        let version = try scalar(node, "influxctl-version", "a release such as 2.12.1")
        guard InfluxctlReleases.resolve(version) != nil else {
            throw fail(node, "unknown influxctl release '\(version)'; modelled releases: \(InfluxctlReleases.all.map(\.description).joined(separator: ", "))")
        }
        return version
    }

    private func boolean(_ node: Node, _ key: String) throws -> Bool {
        guard let value = node.bool, node.scalar != nil else { throw fail(node, "\(key) must be true or false") }
        return value
    }

    private func strings(_ node: Node, _ key: String) throws -> [String] {
        guard let list = node.sequence else { throw fail(node, "\(key) must be a list") }
        return try list.map { try scalar($0, key, "a list of strings") }
    }

    private func globs(_ node: Node, _ key: String) throws -> [Glob] {
        guard let list = node.sequence else { throw fail(node, "\(key) must be a list of path patterns") }
        return try list.map { item in
            let pattern = try scalar(item, key, "a list of path patterns")
            guard let glob = Glob(pattern) else { throw fail(item, "'\(pattern)' is not a path pattern: empty, or a '[' without its ']'") }
            return glob
        }
    }

    private func ruleLevels(_ node: Node) throws -> [String: RuleLevel] {
        guard let mapping = node.mapping else { throw fail(node, "rules must map rule ids to off, note, warning or error") }
        var levels: [String: RuleLevel] = [:]
        let ids = Rule.catalogue.map(\.id)
        for (keyNode, value) in mapping {
            let id = keyNode.string ?? ""
            guard Rule.named(id) != nil else {
                throw fail(keyNode, "unknown rule '\(id)'\(Suggestions.nearest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "") (docverify rules lists them)")
            }
            let text = try scalar(value, "rules.\(id)", "off, note, warning or error")
            guard let level = RuleLevel(rawValue: text) else { throw fail(value, "rules.\(id) must be off, note, warning or error, not '\(text)'") }
            levels[id] = level
        }
        return levels
    }

    private func placeholderValues(_ node: Node) throws -> [String: String] {
        guard let mapping = node.mapping else { throw fail(node, "placeholders must map placeholder names to values") }
        var values: [String: String] = [:]
        for (keyNode, value) in mapping {
            values[keyNode.string ?? ""] = try scalar(value, "placeholders.\(keyNode.string ?? "")", "a value")
        }
        return values
    }

    private func override(_ node: Node) throws -> Override {
        guard let mapping = node.mapping else { throw fail(node, "each override must be a mapping with paths") }
        var entry = Override(paths: [], influxctlVersion: nil, product: nil, rules: [:])
        var hasPaths = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "paths":
                entry.paths = try globs(value, "paths")
                hasPaths = true
            case "influxctl-version": entry.influxctlVersion = try release(value)
            case "product": entry.product = try scalar(value, "product", "a product name such as clustered")
            case "rules": entry.rules = try ruleLevels(value)
            default:
                throw fail(keyNode, "unknown override setting '\(key)'\(Suggestions.nearest(to: key, in: Self.overrideKeys).map { "; did you mean '\($0)'?" } ?? "") (override settings: \(Self.overrideKeys.joined(separator: ", ")))")
            }
        }
        guard hasPaths, !entry.paths.isEmpty else { throw fail(node, "an override needs paths: the files it applies to") }
        return entry
    }
}
