import Diagnostics
import Influxdb3Model
import ShellSyntax
import Testing

private func parse(_ line: String, product: Influxdb3Product = .core) -> Influxdb3Parse {
    let lines = [SourceLine(text: line, start: SourcePosition(line: 1, column: 1))]
    let command = ShellLexer.lex(lines, dialect: .script).commands.first
    return Influxdb3Parser(product: product).parse(command ?? SimpleCommand(assignments: [], words: [], redirections: [], range: SourceRange(start: SourcePosition(line: 1, column: 1), length: 0), separator: .end))
}

/// A finding as `rule severity column`, with its suggestion after `->`.
private func spelled(_ parse: Influxdb3Parse) -> [String] {
    parse.diagnostics.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.column)" + ($0.suggestion.map { " -> \($0)" } ?? "") }
}

@Suite("influxdb3 command lines read as clap reads them")
struct Influxdb3ParserTests {
    @Test("options before and after arguments, long, short, attached and inline values")
    func readsWhatClapReads() throws {
        let parse = parse("influxdb3 query -H http://localhost:8181 --database=sensors \"SELECT 1\" --format json -lsql")
        #expect(parse.diagnostics.isEmpty)
        let invocation = try #require(parse.invocation)
        #expect(invocation.path == ["query"])
        #expect(invocation.value(of: "host")?.text == "http://localhost:8181")
        #expect(invocation.value(of: "database")?.text == "sensors")
        #expect(invocation.value(of: "language")?.text == "sql")
        #expect(invocation.arguments.map(\.text) == ["SELECT 1"])
    }

    @Test("top-level options come before the command; the token command takes --admin and its options")
    func topLevelAndToken() throws {
        #expect(parse("influxdb3 --num-io-threads 4 serve --node-id node0 --object-store file --data-dir ~/.influxdb3").diagnostics.isEmpty)
        let token = try #require(parse("influxdb3 create token --admin --name ops --expiry 1y --format json").invocation)
        #expect(token.path == ["create", "token"])
        #expect(token.has("admin"))
        #expect(token.value(of: "expiry")?.text == "1y")
    }

    @Test("a misspelt command or option is an error with the name meant; a far unknown one is a warning on Core", arguments: [
        ("influxdb3 create databse sensors", ["cli.unknown-command error 18 -> database"]),
        ("influxdb3 create token --admin --tls-no-verfy", ["cli.unknown-flag error 32 -> --tls-no-verify"]),
        ("influxdb3 create file_index --database db --table t col", ["cli.unknown-command warning 18"]),
        ("influxdb3 query --database db --language sqll 'SELECT 1'", ["cli.invalid-value error 42 -> sql"]),
        ("influxdb3 create database --retention-period 30x sensors", ["cli.invalid-value error 46"]),
        ("influxdb3 create database --retention-period=30x sensors", ["cli.invalid-value error 46"]),
        ("influxdb3 query --database db -lsqll 'SELECT 1'", ["cli.invalid-value error 33 -> sql"]),
        ("influxdb3 create last_cache --database db cache", ["cli.missing-argument error 18"]),
        ("influxdb3 create table --database db", ["cli.missing-argument error 18"]),
        ("influxdb3 delete database sensors extra", ["cli.too-many-arguments warning 35"]),
        ("influxdb3 --object-store memory", ["cli.unknown-flag warning 11"]),
        ("influxdb3 create database --token", ["cli.missing-value error 27"]),
        ("influxdb3 create", ["cli.unknown-command error 11"]),
    ])
    func findingsOnCore(_ line: String, _ expected: [String]) {
        let parse = parse(line)
        #expect(spelled(parse) == expected)
        #expect(parse.invocation == nil || !expected.contains { $0.contains("error") })
    }

    @Test("on an Enterprise page, whose extra commands no public source shows, unknown names say less")
    func enterpriseSaysLess() {
        #expect(spelled(parse("influxdb3 create file_index --database db --table t col", product: .enterprise)) == ["cli.unknown-command note 18"])
        #expect(spelled(parse("influxdb3 create token --permission 'db:a:read' --name r", product: .enterprise)).isEmpty)
        #expect(spelled(parse("influxdb3 serve --mode ingest --node-id n0 --object-store file", product: .enterprise)) == ["cli.unknown-flag note 17"])
        #expect(spelled(parse("influxdb3 create databse sensors", product: .enterprise)) == ["cli.unknown-command warning 18 -> database"])
        let message = parse("influxdb3 show nodes", product: .enterprise).diagnostics.first?.message ?? ""
        #expect(message.contains("InfluxDB 3 Enterprise adds commands"))
    }

    @Test("environment variables stand in for arguments that have one")
    func environmentTwins() {
        #expect(parse("influxdb3 create database").diagnostics.isEmpty)
    }

    @Test("help requests and usage lines are not run; a usage line's command path is checked")
    func helpAndUsage() {
        #expect(parse("influxdb3 create database --help").unverifiedReason?.contains("asks for help") == true)
        let usage = parse("influxdb3 create database [OPTIONS] <DATABASE_NAME>")
        #expect(usage.diagnostics.isEmpty)
        #expect(usage.invocation == nil)
        #expect(usage.unverifiedReason != nil)
        #expect(spelled(parse("influxdb3 creat database [OPTIONS]")) == ["cli.unknown-command error 11 -> create"])
    }

    @Test("an elided command, a line meant to go on, or an option the model lacks leaves the requirements unjudged")
    func saysLessWhenTheCommandIsNotAllThere() {
        #expect(parse("influxdb3 create trigger ... --trigger-arguments 'a=b' t").unverifiedReason?.contains("stands for the rest") == true)
        // `\ ` before a comment escapes a space: the shell ends the command there.
        #expect(parse(#"influxdb3 create trigger --path "p.py" \  # a comment"#).diagnostics.isEmpty)
        #expect(spelled(parse("influxdb3 create trigger --database db --trigger-argumentz a=b t")) == ["cli.unknown-flag error 40 -> --trigger-arguments"])
        #expect(spelled(parse("influxdb3 update trigger --database db --trigger-name t --disabled")) == ["cli.unknown-flag warning 57"])
    }

    @Test("values only a shell knows and placeholders are not judged")
    func unknownValues() {
        #expect(parse("influxdb3 serve --node-id=$HOSTNAME --object-store file").diagnostics.isEmpty)
        #expect(parse("influxdb3 create token --admin --expiry DURATION").diagnostics.isEmpty)
        #expect(parse("influxdb3 query --language $LANG --database DATABASE_NAME \"$QUERY\"").diagnostics.isEmpty)
    }
}

@Suite("Every influxdb3 command group, read cleanly and with a mistake")
struct Influxdb3CommandGroupTests {
    @Test("a documented command of each group reads without a finding", arguments: [
        "influxdb3 write --database sensors --token AUTH_TOKEN 'home,room=Kitchen temp=72.1'",
        "influxdb3 query --database sensors --format json 'SELECT * FROM home'",
        "influxdb3 show databases --format json",
        "influxdb3 show system --database sensors table-list",
        "influxdb3 delete table --database sensors home",
        "influxdb3 update database --database sensors --retention-period 30d",
        "influxdb3 enable trigger --database sensors my_trigger",
        "influxdb3 disable trigger --database sensors my_trigger",
        "influxdb3 install package pandas numpy",
        "influxdb3 test wal_plugin --database sensors --lp 'home temp=1' plugin.py",
        "influxdb3 debug catalog list --node-id node0",
        "influxdb3 serve --node-id node0 --object-store memory",
    ])
    func clean(_ line: String) {
        #expect(parse(line).diagnostics.isEmpty, "\(parse(line).diagnostics.map(\.message))")
        #expect(parse(line).invocation != nil)
    }

    @Test("a misspelt option in each group is an error with the option meant", arguments: [
        ("influxdb3 write --databse sensors 'home temp=1'", "--database"),
        ("influxdb3 show databases --fromat json", "--format"),
        ("influxdb3 delete table --database sensors --hard-delet never home", "--hard-delete"),
        ("influxdb3 enable trigger --databse sensors t", "--database"),
        ("influxdb3 install package --plugin-dirr /plugins pandas", "--plugin-dir"),
        ("influxdb3 test schedule_plugin --database sensors --schedul '* * * * * *' p.py", "--schedule"),
    ])
    func misspelt(_ line: String, _ meant: String) {
        let found = parse(line).diagnostics
        #expect(found.map(\.rule.id) == ["cli.unknown-flag"])
        #expect(found.first?.suggestion == meant)
        #expect(found.first?.severity == .error)
    }
}

@Suite("The influxdb3 model as imported")
struct Influxdb3CatalogTests {
    @Test("every command group the Core CLI has, with the file it came from")
    func commandGroups() {
        let names = Influxdb3Catalog.core.subcommands.map(\.name)
        for group in ["create", "delete", "show", "query", "write", "serve", "update", "enable", "disable", "install", "test"] {
            #expect(names.contains(group), "\(group) missing from \(names)")
        }
        let database = Influxdb3Catalog.core.subcommand("create")?.subcommand("database")
        #expect(database?.source == "influxdb3/src/commands/create.rs")
        #expect(database?.flag(short: "H")?.long == "host")
        #expect(Influxdb3Catalog.core.subcommand("serve")?.flag(long: "node-id") != nil)
    }
}
