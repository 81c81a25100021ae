import Diagnostics
import ShellSyntax
import Testing
@testable import InfluxctlModel

/// Tests generated from the model itself: every command and flag of every release parses,
/// and everything newer than a release is reported as unavailable in it.
@Suite struct GeneratedInvocationTests {
    /// A valid sample invocation of `path` in `tree`: global flags, the given command flags
    /// and the required arguments (two for a variadic one).
    static func sampleTokens(path: [String], command: CommandSpec, flags: [FlagSpec], globalFlags: [FlagSpec], inlineValues: Bool,
                             repeatingRepeatable: Bool = true) -> [String] {
        var tokens = ["influxctl"]
        for flag in globalFlags {
            tokens += flagTokens(flag, inline: inlineValues)
        }
        tokens += path
        for flag in flags {
            tokens += flagTokens(flag, inline: inlineValues)
            if flag.isRepeatable, repeatingRepeatable { tokens += flagTokens(flag, inline: !inlineValues) }
        }
        for argument in command.arguments where argument.isRequired {
            tokens.append(argument.valueType.sampleValue)
            if argument.isVariadic { tokens.append(argument.valueType.sampleValue) }
        }
        return tokens
    }

    static func flagTokens(_ flag: FlagSpec, inline: Bool) -> [String] {
        if flag.valueType.isBool { return inline ? ["--\(flag.name)=true"] : ["--\(flag.name)"] }
        return inline ? ["--\(flag.name)=\(flag.valueType.sampleValue)"] : ["--\(flag.name)", flag.valueType.sampleValue]
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.rule.id) at \($0.range): \($0.message)" }.joined(separator: "\n")
    }

    @Test("every command, with all its flags and every global flag, parses cleanly", arguments: InfluxctlReleases.all)
    func everyCommandWithAllFlags(release: CLIVersion) {
        let tree = InfluxctlReleases.commandTree(for: release)
        let parser = InfluxctlParser(release: release)
        #expect(tree.leafCommands.count > 5)
        for (path, command) in tree.leafCommands {
            for inline in [false, true] {
                let tokens = Self.sampleTokens(path: path, command: command, flags: command.flags, globalFlags: tree.globalFlags, inlineValues: inline)
                let parse = parser.parse(TestCommands.command(tokens: tokens))
                let line = tokens.joined(separator: " ")
                #expect(parse.diagnostics.isEmpty, "\(release): \(line)\n\(Self.describe(parse.diagnostics))")
                #expect(parse.invocation?.path == path, "\(release): \(line)")
                #expect(parse.invocation?.flags.count == command.flags.count + command.flags.filter(\.isRepeatable).count, "\(release): \(line)")
                #expect(parse.invocation?.globalFlags.count == tree.globalFlags.count, "\(release): \(line)")
            }
        }
    }

    @Test("every flag of every command, on its own, parses cleanly", arguments: InfluxctlReleases.all)
    func everyFlagAlone(release: CLIVersion) {
        let tree = InfluxctlReleases.commandTree(for: release)
        let parser = InfluxctlParser(release: release)
        for (path, command) in tree.leafCommands {
            for flag in command.flags {
                var flags = [flag]
                // token create without a permission flag earns a (correct) warning; grant one.
                if path == ["token", "create"], flag.name != "read-database", let grant = command.flag("read-database") {
                    flags.append(grant)
                }
                let tokens = Self.sampleTokens(path: path, command: command, flags: flags, globalFlags: [], inlineValues: false)
                let parse = parser.parse(TestCommands.command(tokens: tokens))
                #expect(parse.diagnostics.isEmpty, "\(release): \(tokens.joined(separator: " "))\n\(Self.describe(parse.diagnostics))")
                #expect(parse.invocation?.flags.first?.name == flag.name)
            }
        }
    }

    @Test("every command and flag of a later release that this one lacks is unavailable-in-version", arguments: InfluxctlReleases.all)
    func laterAdditionsAreUnavailable(release: CLIVersion) throws {
        let tree = InfluxctlReleases.commandTree(for: release)
        let parser = InfluxctlParser(release: release)
        var checkedCommands: Set<[String]> = []
        var checkedFlags: Set<[String]> = []
        for later in InfluxctlReleases.all where later > release {
            let laterTree = InfluxctlReleases.commandTree(for: later)
            for flag in laterTree.globalFlags where tree.globalFlag(flag.name) == nil && checkedFlags.insert(["", flag.name]).inserted {
                let tokens = ["influxctl"] + Self.flagTokens(flag, inline: false) + ["version"]
                try expectUnavailable(parser, tokens: tokens, at: "--\(flag.name)")
            }
            for (path, command) in laterTree.leafCommands {
                guard let present = tree.command(at: path) else {
                    guard checkedCommands.insert(path).inserted else { continue }
                    // The first word of the path this release does not know.
                    let missing = try #require((1...path.count).first { tree.command(at: Array(path.prefix($0))) == nil })
                    let tokens = Self.sampleTokens(path: path, command: command, flags: [], globalFlags: [], inlineValues: false)
                    try expectUnavailable(parser, tokens: tokens, at: path[missing - 1])
                    continue
                }
                for flag in command.flags where present.flag(flag.name) == nil && tree.globalFlag(flag.name) == nil
                    && checkedFlags.insert(path + [flag.name]).inserted {
                    let tokens = Self.sampleTokens(path: path, command: present, flags: [flag], globalFlags: [], inlineValues: false,
                                                   repeatingRepeatable: false)
                    try expectUnavailable(parser, tokens: tokens, at: "--\(flag.name)")
                }
            }
        }
        if release == InfluxctlReleases.newest {
            #expect(checkedCommands.isEmpty && checkedFlags.isEmpty)
        } else if release < CLIVersion(2, 12, 0) {
            #expect(!checkedFlags.isEmpty || !checkedCommands.isEmpty)
        }
    }

    func expectUnavailable(_ parser: InfluxctlParser, tokens: [String], at text: String) throws {
        let line = tokens.joined(separator: " ")
        let parse = parser.parse(TestCommands.command(tokens: tokens))
        let expected = try #require(TestCommands.range(of: text, in: line))
        #expect(parse.diagnostics.map(\.rule) == [.cliUnavailableInVersion], "\(parser.release): \(line)\n\(Self.describe(parse.diagnostics))")
        #expect(parse.diagnostics.first?.range == expected, "\(parser.release): \(line)")
        #expect(parse.diagnostics.first?.message.contains("the page is checked against \(parser.release)") == true)
        #expect(parse.invocation == nil)
    }
}
