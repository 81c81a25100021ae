import Diagnostics
import ShellSyntax
import Testing
@testable import InfluxctlModel

@Suite struct ParserTests {
    let parser = InfluxctlParser(release: InfluxctlReleases.newest)

    func parse(_ line: String) -> InfluxctlParse { parser.parse(TestCommands.command(line)) }

    @Test func tokenCreateRequestKeepsEveryValueAsAWord() throws {
        let line = "influxctl --profile prod token create --read-database db1 --read-database=db2 --write-database db2 --expires-at=2030-01-01T00:00:00Z --format json \"Read and write\""
        let parse = parse(line)
        #expect(parse.diagnostics.isEmpty)
        let invocation = try #require(parse.invocation)
        #expect(invocation.path == ["token", "create"])
        #expect(invocation.pathRange == TestCommands.range(of: "token create", in: line))
        #expect(invocation.globalFlags.map(\.name) == ["profile"])
        #expect(invocation.globalFlags.first?.value?.literalValue == "prod")
        guard case .tokenCreate(let create) = invocation.request else {
            Issue.record("expected token create")
            return
        }
        #expect(create.readDatabases.map(\.literalValue) == ["db1", "db2"])
        #expect(create.writeDatabases.map(\.literalValue) == ["db2"])
        #expect(create.description.literalValue == "Read and write")
        #expect(create.format == .json)
        // The value after `=` is a word of its own, positioned just after the `=`.
        #expect(create.readDatabases[1].range == TestCommands.range(of: "db2", in: line))
        #expect(create.readDatabases[1].raw == "db2")
        #expect(create.expiresAt?.range == TestCommands.range(of: "2030-01-01T00:00:00Z", in: line))
        let inlineFlag = try #require(invocation.flags.first { $0.value?.literalValue == "db2" })
        #expect(inlineFlag.nameRange == TestCommands.range(of: "--read-database", in: line, occurrence: 2))
    }

    @Test func boolFlagValues() throws {
        let bare = try #require(parse("influxctl token list --include-revoked").invocation)
        #expect(bare.flags.first?.value == nil)
        #expect(bare.request == .tokenList(format: .table, includeRevoked: true))
        let off = try #require(parse("influxctl token list --include-revoked=false").invocation)
        #expect(off.flags.first?.value?.literalValue == "false")
        #expect(off.request == .tokenList(format: .table, includeRevoked: false))
        // A bool flag never takes the next word: here it is an argument, one too many.
        #expect(parse("influxctl token list --include-revoked true").diagnostics.map(\.rule) == [.cliTooManyArguments])
    }

    @Test func tokenUpdateDistinguishesAbsentFromEmpty() throws {
        let invocation = try #require(parse("influxctl token update --write-database db 0a1b").invocation)
        guard case .tokenUpdate(let update) = invocation.request else {
            Issue.record("expected token update")
            return
        }
        #expect(update.id.literalValue == "0a1b")
        #expect(update.readDatabases == nil)
        #expect(update.writeDatabases?.map(\.literalValue) == ["db"])
        #expect(update.description == nil)
    }

    struct RequestCase: Sendable, CustomTestStringConvertible {
        var line: String
        var release: String = "2.12.1"
        var kind: String
        var testDescription: String { line }
    }

    static func kind(of request: InfluxctlRequest) -> String {
        switch request {
        case .tokenCreate: "tokenCreate"
        case .tokenList: "tokenList"
        case .tokenGet: "tokenGet"
        case .tokenUpdate: "tokenUpdate"
        case .tokenRevoke: "tokenRevoke"
        case .databaseCreate: "databaseCreate"
        case .databaseList: "databaseList"
        case .databaseUpdate: "databaseUpdate"
        case .databaseDelete: "databaseDelete"
        case .databaseRename: "databaseRename"
        case .databaseUndelete: "databaseUndelete"
        case .managementCreate: "managementCreate"
        case .managementList: "managementList"
        case .managementRevoke: "managementRevoke"
        case .query: "query"
        case .write: "write"
        case .help: "help"
        case .version: "version"
        case .other(let path): "other " + path.joined(separator: " ")
        }
    }

    @Test(arguments: [
        RequestCase(line: "influxctl token get --include-revoked 0a1b", kind: "tokenGet"),
        RequestCase(line: "influxctl database create --retention-period 30d mydb", kind: "databaseCreate"),
        RequestCase(line: "influxctl database list --format json", kind: "databaseList"),
        RequestCase(line: "influxctl database update --max-tables 600 mydb", kind: "databaseUpdate"),
        RequestCase(line: "influxctl database delete --force a b", kind: "databaseDelete"),
        RequestCase(line: "influxctl database rename old new", kind: "databaseRename"),
        RequestCase(line: "influxctl database undelete old", kind: "databaseUndelete"),
        RequestCase(line: "influxctl management create --description ops", kind: "managementCreate"),
        RequestCase(line: "influxctl management list", kind: "managementList"),
        RequestCase(line: "influxctl management revoke --force m1", kind: "managementRevoke"),
        RequestCase(line: "influxctl query --database db --language influxql 'SHOW MEASUREMENTS'", kind: "query"),
        RequestCase(line: "influxctl write --database db --precision s 'm f=1 1'", kind: "write"),
        RequestCase(line: "influxctl version", kind: "version"),
        RequestCase(line: "influxctl help", kind: "help"),
        RequestCase(line: "influxctl token create --help", kind: "help"),
        RequestCase(line: "influxctl token create -h --no-such-flag", kind: "help"),
        RequestCase(line: "influxctl --help token", kind: "help"),
        RequestCase(line: "influxctl token help create", kind: "help"),
        RequestCase(line: "influxctl auth login", kind: "other auth login"),
        RequestCase(line: "influxctl cluster list", kind: "other cluster list"),
        RequestCase(line: "influxctl table iceberg enable db t", kind: "other table iceberg enable"),
        RequestCase(line: "influxctl user list", kind: "other user list"),
        RequestCase(line: "influxctl init", release: "1.0.0", kind: "other init"),
        RequestCase(line: "influxctl database update mydb 30d", release: "1.1.0", kind: "databaseUpdate"),
    ])
    func requestKind(_ testCase: RequestCase) throws {
        let release = try #require(CLIVersion(testCase.release))
        let parse = InfluxctlParser(release: release).parse(TestCommands.command(testCase.line))
        #expect(parse.diagnostics.isEmpty, "\(parse.diagnostics.map(\.message))")
        let invocation = try #require(parse.invocation)
        #expect(Self.kind(of: invocation.request) == testCase.kind)
    }

    @Test func positionalRetentionBefore202() throws {
        let invocation = try #require(InfluxctlParser(release: CLIVersion(1, 1, 0)).parse(TestCommands.command("influxctl database update mydb 30d")).invocation)
        guard case .databaseUpdate(let update) = invocation.request else {
            Issue.record("expected database update")
            return
        }
        #expect(update.retentionPeriod?.literalValue == "30d")
        let later = InfluxctlParser(release: CLIVersion(2, 0, 2)).parse(TestCommands.command("influxctl database update mydb 30d"))
        #expect(later.diagnostics.map(\.rule) == [.cliTooManyArguments])
    }

    @Test func doubleDashEndsTheFlags() throws {
        let invocation = try #require(parse("influxctl token create --write-database db -- --not-a-flag").invocation)
        #expect(invocation.arguments.map(\.literalValue) == ["--not-a-flag"])
        #expect(try #require(parse("influxctl -- token list").invocation).path == ["token", "list"])
    }

    @Test func unknownShellValuesAreArgumentsAndNotChecked() throws {
        let invocation = try #require(parse("influxctl query --database $DB $QUERY").invocation)
        guard case .query(let query) = invocation.request else {
            Issue.record("expected query")
            return
        }
        #expect(query.database?.hasUnknownParts == true)
        #expect(query.query.hasUnknownParts == true)
        // A command word a running shell supplies cannot be checked: no finding, no invocation.
        let unknownCommand = parse("influxctl $SUBCOMMAND list")
        #expect(unknownCommand.diagnostics.isEmpty)
        #expect(unknownCommand.invocation == nil)
    }

    @Test func placeholderInInlineValueIsRecognised() throws {
        let invocation = try #require(parse("influxctl token create --read-database=<DATABASE_NAME> <TOKEN_DESCRIPTION>").invocation)
        #expect(invocation.flags.first?.value?.placeholder == "DATABASE_NAME")
    }

    @Test func oneMistakeOneFinding() {
        // A misspelt flag with a value: the value is not then read as an extra argument.
        #expect(parse("influxctl token create --read-databse db desc").diagnostics.map(\.rule) == [.cliUnknownFlag])
        // A flag after the argument is not also counted as an argument.
        #expect(parse("influxctl token create desc --read-database db --write-database db").diagnostics.map(\.rule)
            == [.cliFlagAfterArgument, .cliFlagAfterArgument])
        // No no-permissions warning when the permission flag itself is misspelt.
        #expect(parse("influxctl token create --write-databse db desc").diagnostics.map(\.rule) == [.cliUnknownFlag])
        // Independent mistakes are each reported, in word order.
        let two = parse("influxctl token create --format yaml --expires-at tomorrow desc --read-database db")
        #expect(two.diagnostics.map(\.rule) == [.cliInvalidValue, .cliInvalidValue, .cliFlagAfterArgument])
    }

    @Test func influxctlAloneAsksForHelp() throws {
        let invocation = try #require(parse("influxctl").invocation)
        #expect(invocation.path.isEmpty)
        #expect(invocation.request == .help)
        #expect(invocation.pathRange == TestCommands.range(of: "influxctl", in: "influxctl"))
    }

    @Test func emptyCommandIsHarmless() {
        let empty = SimpleCommand(assignments: [], words: [], redirections: [],
                                  range: SourceRange(start: SourcePosition(line: 1, column: 1), length: 0), separator: .end)
        let parse = parser.parse(empty)
        #expect(parse.invocation == nil && parse.diagnostics.isEmpty && !parse.isSynopsis)
    }

    @Test(arguments: [
        "influxctl -", "influxctl --", "influxctl - -", "influxctl ---", "influxctl -=", "influxctl --=x token list",
        "influxctl token create --=", "influxctl token create -", "influxctl token create --read-database",
        "influxctl token create --expires-at=", "influxctl token create --read-database= x", "influxctl =", "influxctl [",
        "influxctl token [", "influxctl token create [--", "influxctl token create [-", "influxctl $A $B $C",
        "influxctl --$X token list", "influxctl token create --$X", "influxctl token create --x=$Y",
        "influxctl token revoke ''", "influxctl database create ''", "influxctl token create --read-database '' ''",
        "influxctl help help help", "influxctl h", "influxctl table iceberg", "influxctl table iceberg help",
        "influxctl token create --expires-at 9999-99-99T99:99:99+99:99 d", "influxctl token create --expires-at 2030-01-01T00:00:00.Z d",
        "influxctl database create --retention-period . db", "influxctl database create --retention-period mo db",
        "influxctl database create --max-tables 99999999999999999999999 db", "influxctl write --batch-size 0x db",
    ])
    func oddInputNeverCrashesAndFindingsPointIntoTheLine(line: String) {
        let command = TestCommands.command(line)
        let parse = parser.parse(command)
        for finding in parse.diagnostics {
            #expect(finding.range.start >= command.range.start && finding.range.end <= command.range.end, "\(finding)")
            #expect(!finding.message.isEmpty)
        }
        #expect(parse.invocation == nil || !parse.diagnostics.contains { $0.rule.severity == .error })
    }

    @Test func parsingIsDeterministic() {
        let line = "influxctl token create --read-databse db --format yaml desc extra"
        let first = parse(line)
        for _ in 0..<5 {
            #expect(parse(line) == first)
        }
    }
}
