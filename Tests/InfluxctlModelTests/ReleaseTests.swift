import Diagnostics
import ShellSyntax
import Testing
@testable import InfluxctlModel

@Suite struct ReleaseTests {
    static func parse(_ line: String, _ release: String) -> InfluxctlParse {
        InfluxctlParser(release: CLIVersion(release) ?? InfluxctlReleases.newest).parse(TestCommands.command(line))
    }

    static func tree(_ release: String) -> CommandTree {
        InfluxctlReleases.commandTree(for: CLIVersion(release) ?? InfluxctlReleases.newest)
    }

    @Test func modelledReleasesAreTheDocumentedOnes() {
        let expected = ["1.0.0", "1.1.0", "2.0.0", "2.0.2", "2.0.3", "2.1.0", "2.2.0", "2.4.0", "2.4.1", "2.4.4", "2.5.0",
                        "2.6.0", "2.7.0", "2.8.0", "2.9.0", "2.9.5", "2.9.7", "2.9.8", "2.9.9", "2.10.0", "2.10.1", "2.10.2",
                        "2.10.3", "2.10.4", "2.11.0", "2.12.0", "2.12.1"]
        #expect(InfluxctlReleases.all.map(\.description) == expected)
        #expect(InfluxctlReleases.all == InfluxctlReleases.all.sorted())
        #expect(Set(InfluxctlReleases.all).count == InfluxctlReleases.all.count)
        #expect(InfluxctlReleases.newest == CLIVersion(2, 12, 1))
    }

    @Test func everyCatalogueVersionIsAModelledRelease() {
        var ranges: [(String, ReleaseRange)] = CommandCatalog.globalFlags.map { ("--\($0.name)", $0.releases) }
        func visit(_ command: CommandSpec, _ path: String) {
            ranges.append((path, command.releases))
            ranges += command.flags.map { ("\(path) --\($0.name)", $0.releases) }
            ranges += command.arguments.map { ("\(path) <\($0.name)>", $0.releases) }
            command.subcommands.forEach { visit($0, path + " " + $0.name) }
        }
        visit(CommandCatalog.root, "influxctl")
        #expect(ranges.count > 100)
        for (subject, range) in ranges {
            #expect(InfluxctlReleases.all.contains(range.since), "\(subject) since \(range.since)")
            if let until = range.until {
                #expect(InfluxctlReleases.all.contains(until), "\(subject) until \(until)")
                #expect(range.since < until, "\(subject)")
            }
        }
        #expect(ReleaseCatalog.changes.allSatisfy { InfluxctlReleases.all.contains($0.since) })
    }

    @Test("names are unique and arguments well formed in every release", arguments: InfluxctlReleases.all)
    func treeIsConsistent(release: CLIVersion) {
        let tree = InfluxctlReleases.commandTree(for: release)
        let globalNames = tree.globalFlags.flatMap { [$0.name] + $0.aliases }
        #expect(Set(globalNames).count == globalNames.count)
        func visit(_ command: CommandSpec, _ path: [String]) {
            let childNames = command.subcommands.flatMap { [$0.name] + $0.aliases }
            #expect(Set(childNames).count == childNames.count, "\(release) \(path)")
            let flagNames = command.flags.flatMap { [$0.name] + $0.aliases }
            #expect(Set(flagNames).count == flagNames.count, "\(release) \(path)")
            #expect(!flagNames.contains("help") && !flagNames.contains("h"))
            let arguments = command.arguments
            #expect(arguments.dropLast().allSatisfy { !$0.isVariadic }, "\(release) \(path): only the last argument may be variadic")
            if let firstOptional = arguments.firstIndex(where: { !$0.isRequired }) {
                #expect(arguments[firstOptional...].allSatisfy { !$0.isRequired }, "\(release) \(path)")
            }
            #expect(!command.isGroup || (command.flags.isEmpty && command.arguments.isEmpty))
            command.subcommands.forEach { visit($0, path + [$0.name]) }
        }
        visit(tree.root, [])
    }

    @Test func release100HasTokenDeleteButNoRevokeUpdateOrCreateFormat() throws {
        let tree = Self.tree("1.0.0")
        let token = try #require(tree.command(at: ["token"]))
        #expect(token.subcommands.map(\.name) == ["create", "list", "delete"])
        #expect(tree.command(at: ["token", "revoke"]) == nil)
        #expect(tree.command(at: ["token", "update"]) == nil)
        #expect(tree.command(at: ["token", "create"])?.flag("format") == nil)
        #expect(tree.command(at: ["token", "list"])?.flag("format") != nil)
        #expect(tree.globalFlags.map(\.name) == ["debug", "profile"])
        #expect(tree.command(at: ["init"]) != nil)

        let delete = Self.parse("influxctl token delete 0a1b", "1.0.0")
        #expect(delete.diagnostics.isEmpty)
        #expect(delete.invocation?.path == ["token", "delete"])
        let ids = try #require(delete.invocation.flatMap { invocation -> [Word]? in
            if case .tokenRevoke(let ids, let force) = invocation.request, !force { ids } else { nil }
        })
        #expect(ids.map(\.literalValue) == ["0a1b"])

        #expect(Self.parse("influxctl token update --description new 0a1b", "1.0.0").diagnostics.map(\.rule) == [.cliUnavailableInVersion])
        let format = Self.parse("influxctl token create --read-database db --format json desc", "1.0.0")
        #expect(format.diagnostics.map(\.rule) == [.cliUnavailableInVersion])
        #expect(format.diagnostics.first?.message.contains("from influxctl 2.1.0") == true)
    }

    @Test func release110UpdatesDescriptionsOnly() throws {
        let parse = Self.parse("influxctl token update --description renamed 0a1b", "1.1.0")
        #expect(parse.diagnostics.isEmpty)
        guard case .tokenUpdate(let update)? = parse.invocation?.request else {
            Issue.record("expected a token update, got \(String(describing: parse.invocation?.request))")
            return
        }
        #expect(update.description?.literalValue == "renamed")
        #expect(update.readDatabases == nil && update.writeDatabases == nil)
        let permissions = Self.parse("influxctl token update --read-database db 0a1b", "1.1.0")
        #expect(permissions.diagnostics.map(\.rule) == [.cliUnavailableInVersion])
        #expect(permissions.diagnostics.first?.message.contains("from influxctl 2.0.0") == true)
        #expect(InfluxctlReleases.behaviour(of: CLIVersion(1, 1, 0)).tokenUpdate == .descriptionOnly)
    }

    @Test func release200UpdatesPermissionsAndDescription() {
        let parse = Self.parse("influxctl token update --read-database a --read-database '*' --description d 0a1b", "2.0.0")
        #expect(parse.diagnostics.isEmpty)
        guard case .tokenUpdate(let update)? = parse.invocation?.request else {
            Issue.record("expected a token update")
            return
        }
        #expect(update.readDatabases?.map(\.literalValue) == ["a", "*"])
        #expect(update.writeDatabases == nil)
        #expect(update.description?.literalValue == "d")
    }

    @Test("from 2.10.0 revoke is the name and delete its alias", arguments: ["2.10.0", "2.11.0", "2.12.1"])
    func revokeWithDeleteAlias(release: String) {
        for spelling in ["revoke", "delete"] {
            let parse = Self.parse("influxctl token \(spelling) --force id1 id2", release)
            #expect(parse.diagnostics.isEmpty)
            #expect(parse.invocation?.path == ["token", "revoke"])
            guard case .tokenRevoke(let ids, let force)? = parse.invocation?.request else {
                Issue.record("expected a token revoke")
                continue
            }
            #expect(ids.map(\.literalValue) == ["id1", "id2"])
            #expect(force)
        }
        #expect(Self.tree(release).command(at: ["token", "delete"])?.name == "revoke")
    }

    @Test("before 2.10.0 delete is the name and revoke is unavailable", arguments: ["2.0.0", "2.9.9"])
    func deleteBeforeRevoke(release: String) {
        let parse = Self.parse("influxctl token delete --force id1 id2", release)
        #expect(parse.diagnostics.isEmpty)
        #expect(parse.invocation?.path == ["token", "delete"])
        #expect(Self.parse("influxctl token revoke id1", release).diagnostics.map(\.rule) == [.cliUnavailableInVersion])
    }

    @Test func expiresAtFrom2100() {
        let line = "influxctl token create --read-database db --expires-at 2030-01-01T00:00:00Z desc"
        #expect(Self.parse(line, "2.9.9").diagnostics.map(\.rule) == [.cliUnavailableInVersion])
        let parse = Self.parse(line, "2.10.0")
        #expect(parse.diagnostics.isEmpty)
        guard case .tokenCreate(let create)? = parse.invocation?.request else {
            Issue.record("expected a token create")
            return
        }
        #expect(create.expiresAt?.literalValue == "2030-01-01T00:00:00Z")
        #expect(InfluxctlReleases.behaviour(of: CLIVersion(2, 10, 0)).hasTokenExpiry)
        #expect(!InfluxctlReleases.behaviour(of: CLIVersion(2, 9, 9)).hasTokenExpiry)
    }

    @Test("the wildcard is accepted for token permissions", arguments: ["1.0.0", "2.0.0", "2.12.1"])
    func wildcardAccepted(release: String) {
        let parse = Self.parse("influxctl token create --read-database '*' --write-database \"*\" desc", release)
        #expect(parse.diagnostics.isEmpty)
        guard case .tokenCreate(let create)? = parse.invocation?.request else {
            Issue.record("expected a token create")
            return
        }
        #expect(create.readDatabases.map(\.literalValue) == ["*"])
        #expect(create.writeDatabases.map(\.literalValue) == ["*"])
    }

    struct BehaviourCase: Sendable, CustomTestStringConvertible {
        var release: String
        var output: TokenCreateOutput
        var update: TokenUpdateCapability
        var revokeCommand: String
        var includeRevoked: Bool
        var rejectsExtraArguments: Bool
        var testDescription: String { release }
    }

    @Test(arguments: [
        BehaviourCase(release: "1.0.0", output: .idAndString, update: .none, revokeCommand: "delete", includeRevoked: false, rejectsExtraArguments: false),
        BehaviourCase(release: "1.1.0", output: .idAndString, update: .descriptionOnly, revokeCommand: "delete", includeRevoked: false, rejectsExtraArguments: false),
        BehaviourCase(release: "2.0.0", output: .warningsAndString, update: .descriptionAndPermissions, revokeCommand: "delete", includeRevoked: false, rejectsExtraArguments: true),
        BehaviourCase(release: "2.9.9", output: .warningsAndString, update: .descriptionAndPermissions, revokeCommand: "delete", includeRevoked: false, rejectsExtraArguments: true),
        BehaviourCase(release: "2.10.4", output: .warningsAndString, update: .descriptionAndPermissions, revokeCommand: "revoke", includeRevoked: true, rejectsExtraArguments: true),
        BehaviourCase(release: "2.11.0", output: .detailsTableWarningsAndString, update: .descriptionAndPermissions, revokeCommand: "revoke", includeRevoked: true, rejectsExtraArguments: true),
        BehaviourCase(release: "2.12.1", output: .detailsTableWarningsAndString, update: .descriptionAndPermissions, revokeCommand: "revoke", includeRevoked: true, rejectsExtraArguments: true),
    ])
    func behaviour(_ expected: BehaviourCase) throws {
        let release = try #require(CLIVersion(expected.release))
        let behaviour = InfluxctlReleases.behaviour(of: release)
        #expect(behaviour.tokenCreateOutput == expected.output)
        #expect(behaviour.tokenUpdate == expected.update)
        #expect(behaviour.tokenRevokeCommand == expected.revokeCommand)
        #expect(behaviour.canIncludeRevokedTokens == expected.includeRevoked)
        #expect(behaviour.rejectsExtraArguments == expected.rejectsExtraArguments)
        #expect(behaviour.hidesRevokedTokens)
        // The behaviour agrees with the command tree.
        let tree = InfluxctlReleases.commandTree(for: release)
        #expect(tree.command(at: ["token", behaviour.tokenRevokeCommand])?.name == behaviour.tokenRevokeCommand)
        #expect((tree.command(at: ["token", "list"])?.flag("include-revoked") != nil) == behaviour.canIncludeRevokedTokens)
        #expect((tree.command(at: ["token", "update"]) != nil) == (behaviour.tokenUpdate > .none))
        #expect((tree.command(at: ["management"]) != nil) == behaviour.hasManagementTokens)
    }

    @Test func behaviourIsMonotonicInCapabilities() {
        let behaviours = InfluxctlReleases.all.map(InfluxctlReleases.behaviour(of:))
        for (earlier, later) in zip(behaviours, behaviours.dropFirst()) {
            #expect(earlier.tokenUpdate <= later.tokenUpdate)
            #expect(!earlier.hasTokenExpiry || later.hasTokenExpiry)
        }
    }
}
