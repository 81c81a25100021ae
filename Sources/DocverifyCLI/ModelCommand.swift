import ArgumentParser
import Foundation
import Influxdb3Model
import InfluxctlModel

/// `docverify model ...`: work on the influxctl model itself.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Work on the influxctl and influxdb3 command models.",
        subcommands: [ImportHelp.self, ImportClapHelp.self]
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

/// `docverify model import-clap-help DIR`: how a new influxdb3 binary's `--help` output differs
/// from the influxdb3 model, so a maintainer knows what to refresh.
struct ImportClapHelp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-clap-help",
        abstract: "Read saved `influxdb3 ... --help` outputs (one file per command) and print how they differ from the influxdb3 model.",
        discussion: """
        Save each command's help as DIR/<command path>.txt, e.g. `influxdb3.txt`, `create.txt` or `create_database.txt`. \
        Each difference is one line on standard output; the exit code is 0 when there are none and 1 otherwise. \
        The model itself is generated from the CLI's clap definitions by scripts/import-influxdb3-clap.
        """
    )

    @Argument(help: "The folder of saved help texts.")
    var directory: String

    func run() throws {
        let tree: ClapCommand
        do {
            tree = try ClapHelpImport.importTree(fromDirectory: directory)
        } catch {
            FileHandle.standardError.write(Data("docverify: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let differences = ClapHelpImport.differences(between: tree, and: Influxdb3Catalog.core)
        let header = differences.isEmpty
            ? "the help texts agree with the influxdb3 model (influxdata/influxdb \(Influxdb3Catalog.coreSourceCommit.prefix(10)))\n"
            : "differences from the influxdb3 model (influxdata/influxdb \(Influxdb3Catalog.coreSourceCommit.prefix(10))):\n"
        FileHandle.standardOutput.write(Data((header + differences.map { "  \($0)\n" }.joined()).utf8))
        if !differences.isEmpty { throw ExitCode(1) }
    }
}
