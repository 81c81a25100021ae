/// The modelled influxctl releases: their command trees and behaviours.
///
/// A version that is not modelled uses the newest modelled release not after it (2.9.6 is
/// modelled as 2.9.5; 2.13.0 as 2.12.1). Versions before 1.0.0 are not influxctl releases:
/// `resolve(_:)` rejects them, and the other functions fall back to 1.0.0 for them.
public enum InfluxctlReleases {
    /// Every modelled release, oldest first.
    public static let all: [CLIVersion] = ReleaseCatalog.releases

    /// The newest modelled release (the default release to check against).
    public static let newest: CLIVersion = ReleaseCatalog.releases.last ?? CLIVersion(1, 0, 0)

    /// The oldest modelled release.
    public static let oldest: CLIVersion = ReleaseCatalog.releases.first ?? CLIVersion(1, 0, 0)

    /// Parses a user-given version (`2.12.1`, `v2.12.1`, `2.12`) and maps it to the modelled
    /// release that stands for it. Nil when malformed or before 1.0.0.
    public static func resolve(_ string: String) -> CLIVersion? {
        guard let version = CLIVersion(string), version >= oldest else { return nil }
        return modelled(version)
    }

    /// The modelled release that stands for `version`: the newest one not after it.
    public static func modelled(_ version: CLIVersion) -> CLIVersion {
        all.last { $0 <= version } ?? oldest
    }

    /// The behaviour of the release `version` stands for.
    public static func behaviour(of version: CLIVersion) -> ReleaseBehaviour {
        let release = modelled(version)
        var behaviour = ReleaseCatalog.baseline
        for change in ReleaseCatalog.changes where change.since <= release {
            change.apply(&behaviour)
        }
        return behaviour
    }

    /// The commands and global flags of the release `version` stands for.
    public static func commandTree(for version: CLIVersion) -> CommandTree {
        let release = modelled(version)
        if let index = all.firstIndex(of: release) { return trees[index] }
        return buildTree(for: release)
    }

    /// Every modelled release's tree, in the order of `all`.
    static let trees: [CommandTree] = all.map(buildTree)

    static func buildTree(for release: CLIVersion) -> CommandTree {
        CommandTree(
            release: release,
            globalFlags: CommandCatalog.globalFlags.filter { $0.releases.contains(release) },
            root: CommandCatalog.root.restricted(to: release) ?? CommandSpec(name: "", summary: "influxctl", releases: ReleaseRange(since: release))
        )
    }

    /// The modelled releases where `isAvailable` holds, described for a message:
    /// "from influxctl 2.10.0", "in influxctl 1.0.0 to 1.1.0", joined with "and".
    static func describeReleases(where isAvailable: (CommandTree) -> Bool) -> String? {
        var runs: [(first: CLIVersion, last: CLIVersion, reachesNewest: Bool)] = []
        var current: (first: CLIVersion, last: CLIVersion)?
        for (index, tree) in trees.enumerated() {
            if isAvailable(tree) {
                current = (current?.first ?? tree.release, tree.release)
            } else if let run = current {
                runs.append((run.first, run.last, false))
                current = nil
            }
            if index == trees.count - 1, let run = current {
                runs.append((run.first, run.last, true))
            }
        }
        guard !runs.isEmpty else { return nil }
        return runs.map { run in
            if run.reachesNewest { return "from influxctl \(run.first)" }
            if run.first == run.last { return "in influxctl \(run.first)" }
            return "in influxctl \(run.first) to \(run.last)"
        }.joined(separator: " and ")
    }
}
