import ArgumentParser
import Foundation
import InfluxctlModel

/// `docverify model ...`: work on the influxctl model itself.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Work on the influxctl command model.",
        subcommands: [ImportHelp.self]
    )
}

/// `docverify model import-help DIR --release X.Y.Z`: the model data of a release, read from
/// the `--help` output of every influxctl command.
struct ImportHelp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-help",
        abstract: "Read saved `influxctl ... --help` outputs (one file per command) and print the release's model as Swift data.",
        discussion: """
        Save each command's help as DIR/<command path>.txt, e.g. `influxctl.txt`, `token create.txt` or `token_create.txt`. \
        The Swift source goes to standard output; how it differs from the modelled release goes to standard error.
        """
    )

    @Argument(help: "The folder of saved help texts.")
    var directory: String

    @Option(help: "The release the help texts come from, e.g. 2.13.0.")
    var release: String

    func validate() throws {
        guard CLIVersion(release) != nil else { throw ValidationError("'\(release)' is not a version such as 2.13.0") }
    }

    func run() throws {
        guard let version = CLIVersion(release) else { throw ExitCode(2) }
        let tree: ImportedTree
        do {
            tree = try HelpImport.importTree(fromDirectory: directory)
        } catch {
            FileHandle.standardError.write(Data("docverify: \(error)\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(HelpImport.swiftSource(for: tree, release: version).utf8))
        let modelled = InfluxctlReleases.commandTree(for: version)
        let differences = HelpImport.differences(between: tree, and: modelled)
        let header = differences.isEmpty
            ? "the help texts agree with the modelled release \(modelled.release)\n"
            : "differences from the modelled release \(modelled.release):\n"
        FileHandle.standardError.write(Data((header + differences.map { "  \($0)\n" }.joined()).utf8))
    }
}
