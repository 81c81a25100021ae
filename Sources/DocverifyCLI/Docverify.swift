import ArgumentParser
import Foundation

/// The `docverify` command tree. The executable calls `Docverify.run(arguments:)` and exits
/// with what it returns.
public struct Docverify: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "docverify",
        abstract: "Prove the influxctl examples in Markdown docs true.",
        discussion: "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error or unreadable input.",
        version: "0.1.0",
        subcommands: [Check.self, Extract.self, Explain.self, ConfigCommand.self, RulesCommand.self, ImpactCommand.self, CoverageCommand.self, ModelCommand.self],
        defaultSubcommand: nil
    )

    public init() {}

    /// Parses and runs a command line; returns the process exit code (0, 1 or 2).
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
    }
}
