import InfluxctlModel

/// Where an example uses a command or flag.
public struct UseSite: Hashable, Sendable {
    public var file: String
    public var line: Int
}

/// How often the examples use one flag.
public struct FlagCoverage: Hashable, Sendable {
    public var name: String
    public var uses: [UseSite]
}

/// How often the examples use one command and each of its flags.
public struct CommandCoverage: Hashable, Sendable {
    public var path: [String]
    public var uses: [UseSite]
    public var flags: [FlagCoverage]
}

/// Every command and flag of a release with the examples that use it.
public struct CoverageReport: Hashable, Sendable {
    public var release: CLIVersion
    public var commands: [CommandCoverage]
    public var globalFlags: [FlagCoverage]

    /// Commands no example runs, in catalogue order.
    public var unusedCommands: [[String]] { commands.filter(\.uses.isEmpty).map(\.path) }

    /// Flags of used commands that no example passes, as `command path --flag`.
    public var unusedFlags: [String] {
        commands.flatMap { command in
            command.flags.filter(\.uses.isEmpty).map { "\(command.path.joined(separator: " ")) --\($0.name)" }
        } + globalFlags.filter(\.uses.isEmpty).map { "--\($0.name) (global)" }
    }
}

/// Which commands and flags of a release the docs exercise.
public enum Coverage {
    /// Counts the influxctl commands of `run` against `release`'s command tree.
    public static func compute(_ run: RunReport, release: CLIVersion) -> CoverageReport {
        let tree = InfluxctlReleases.commandTree(for: release)
        var commandUses: [[String]: [UseSite]] = [:]
        var flagUses: [[String]: [String: [UseSite]]] = [:]
        var globalUses: [String: [UseSite]] = [:]
        for page in run.pages {
            for block in page.blocks {
                for command in block.commands where command.program == "influxctl" && !command.path.isEmpty {
                    let site = UseSite(file: page.path, line: command.line)
                    commandUses[command.path, default: []].append(site)
                    for flag in command.flags {
                        flagUses[command.path, default: [:]][flag, default: []].append(site)
                    }
                    for flag in command.globalFlags {
                        globalUses[flag, default: []].append(site)
                    }
                }
            }
        }
        let commands = tree.leafCommands.map { path, spec in
            CommandCoverage(path: path, uses: commandUses[path] ?? [],
                            flags: spec.flags.map { FlagCoverage(name: $0.name, uses: flagUses[path]?[$0.name] ?? []) })
        }
        let globals = tree.globalFlags.map { FlagCoverage(name: $0.name, uses: globalUses[$0.name] ?? []) }
        return CoverageReport(release: release, commands: commands, globalFlags: globals)
    }
}
