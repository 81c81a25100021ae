import Diagnostics
import ShellSyntax
import Testing
@testable import InfluxctlModel

/// One command line and what it must (or must not) produce.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var line: String
    var release: CLIVersion
    /// The one rule that must fire; nil when the line must parse without findings.
    var rule: Rule?
    /// The text the finding must cover exactly, and which appearance of it in the line.
    var at: String
    var occurrence: Int
    var suggestion: String?
    var messageContains: String?

    var testDescription: String { "\(release) \(rule?.id ?? "clean"): \(line)" }

    static func fires(_ rule: Rule, _ line: String, at: String, occurrence: Int = 1, release: String = "2.12.1",
                      suggestion: String? = nil, message: String? = nil) -> RuleCase {
        RuleCase(line: line, release: CLIVersion(release) ?? InfluxctlReleases.newest, rule: rule, at: at,
                 occurrence: occurrence, suggestion: suggestion, messageContains: message)
    }

    static func clean(_ line: String, release: String = "2.12.1") -> RuleCase {
        RuleCase(line: line, release: CLIVersion(release) ?? InfluxctlReleases.newest, rule: nil, at: "", occurrence: 1,
                 suggestion: nil, messageContains: nil)
    }
}

@Suite struct RuleTests {
    static let cases: [RuleCase] = [
        // cli.unknown-command
        .fires(.cliUnknownCommand, "influxctl token creat desc", at: "creat", suggestion: "create", message: "unknown command 'creat' for 'influxctl token'"),
        .fires(.cliUnknownCommand, "influxctl tokn list", at: "tokn", suggestion: "token"),
        .fires(.cliUnknownCommand, "influxctl token frobnicate", at: "frobnicate"),
        .fires(.cliUnknownCommand, "influxctl --debug token", at: "token", message: "needs a command: create, list, get, update, revoke"),
        .fires(.cliUnknownCommand, "influxctl table iceberg enabled db t", at: "enabled", suggestion: "enable"),
        .fires(.cliUnknownCommand, "influxctl help token creat", at: "creat", suggestion: "create"),
        .clean("influxctl token create --read-database db desc"),
        .clean("influxctl help token create"),
        .clean("influxctl token help"),
        .clean("influxctl"),

        // cli.unknown-flag
        .fires(.cliUnknownFlag, "influxctl token create --read-databse db desc", at: "--read-databse", suggestion: "--read-database",
               message: "flag provided but not defined: -read-databse"),
        .fires(.cliUnknownFlag, "influxctl token create --read-databse=db desc", at: "--read-databse", suggestion: "--read-database"),
        .fires(.cliUnknownFlag, "influxctl token list --fromat json", at: "--fromat", suggestion: "--format"),
        .fires(.cliUnknownFlag, "influxctl --profil p token list", at: "--profil", suggestion: "--profile"),
        .fires(.cliUnknownFlag, "influxctl token list --verbose", at: "--verbose"),
        .fires(.cliUnknownFlag, "influxctl query --timeout 10s SELECT", at: "--timeout", message: "put it before the command, as in 'influxctl --timeout VALUE query'"),
        .fires(.cliUnknownFlag, "influxctl --format json token list", at: "--format", message: "put it after the command"),
        .fires(.cliUnknownFlag, "influxctl token --format json list", at: "--format"),
        .fires(.cliUnknownFlag, "influxctl token list ---format json", at: "---format", message: "bad flag syntax"),
        .clean("influxctl --timeout 10s query SELECT"),
        .clean("influxctl token create -read-database db desc"),
        .clean("influxctl write --timeout 10 'm,t=a f=1'"),

        // cli.missing-value
        .fires(.cliMissingValue, "influxctl token create --read-database --write-database db desc", at: "--read-database",
               message: "flag needs an argument: -read-database"),
        .fires(.cliMissingValue, "influxctl token list --format", at: "--format"),
        .fires(.cliMissingValue, "influxctl --profile", at: "--profile"),
        .clean("influxctl token list --format json"),

        // cli.missing-argument
        .fires(.cliMissingArgument, "influxctl token create --read-database db", at: "db", message: "<TOKEN_DESCRIPTION>"),
        .fires(.cliMissingArgument, "influxctl database rename old", at: "old", message: "<NEW_DB_NAME>"),
        .fires(.cliMissingArgument, "influxctl token revoke --force", at: "--force", message: "<TOKEN_ID>"),
        .clean("influxctl token create --read-database db desc"),
        .clean("influxctl token revoke --force id1 id2 id3"),

        // cli.too-many-arguments
        .fires(.cliTooManyArguments, "influxctl token create --read-database db Read only", at: "only",
               message: "quote a value that contains spaces"),
        .fires(.cliTooManyArguments, "influxctl token list extra", at: "extra", message: "it takes no arguments"),
        .fires(.cliTooManyArguments, "influxctl token create --read-database db Read only", at: "only", release: "1.0.0",
               message: "ignores the extra arguments"),
        .fires(.cliTooManyArguments, "influxctl token delete id1 id2", at: "id2", release: "1.1.0"),
        .clean("influxctl token create --read-database db \"Read only\""),
        .clean("influxctl token delete id1 id2", release: "2.0.0"),

        // cli.flag-after-argument (and not too-many-arguments for the flag or its value)
        .fires(.cliFlagAfterArgument, "influxctl token create desc --read-database db", at: "--read-database",
               message: "put flags before the arguments"),
        .fires(.cliFlagAfterArgument, "influxctl token revoke id1 --force", at: "--force"),
        .fires(.cliFlagAfterArgument, "influxctl token create --read-database db desc --format=json", at: "--format"),
        .clean("influxctl query -"),
        .clean("influxctl token create --read-database db -- -desc"),

        // cli.not-repeatable
        .fires(.cliNotRepeatable, "influxctl token list --format json --format table", at: "--format", occurrence: 2),
        .fires(.cliNotRepeatable, "influxctl --profile a --profile b token list", at: "--profile", occurrence: 2),
        .clean("influxctl token create --read-database a --read-database b --write-database a desc"),

        // cli.invalid-value
        .fires(.cliInvalidValue, "influxctl token create --read-database db --expires-at 2030-01-01T00:00:00+0000 desc",
               at: "2030-01-01T00:00:00+0000", suggestion: "2030-01-01T00:00:00+00:00", message: "not RFC3339"),
        .fires(.cliInvalidValue, "influxctl token create --read-database db --expires-at=2030-13-01T00:00:00Z desc",
               at: "2030-13-01T00:00:00Z", message: "month 13"),
        .fires(.cliInvalidValue, "influxctl token create --read-database db --expires-at 2030-01-01 desc",
               at: "2030-01-01", suggestion: "2030-01-01T00:00:00Z"),
        .fires(.cliInvalidValue, "influxctl token create --read-database db --expires-at 2030-02-30T00:00:00Z desc", at: "2030-02-30T00:00:00Z"),
        .fires(.cliInvalidValue, "influxctl token create --read-database db --expires-at 2030-01-01T00:00:00 desc",
               at: "2030-01-01T00:00:00", message: "time zone"),
        .clean("influxctl token create --read-database db --expires-at 2030-01-01T08:00:00+07:00 desc"),
        .clean("influxctl token create --read-database db --expires-at 2030-01-01T00:00:00.123Z desc"),
        .clean("influxctl token create --read-database db --expires-at 2028-02-29T23:59:59-05:30 desc"),
        .fires(.cliInvalidValue, "influxctl database create --retention-period 30x db", at: "30x"),
        .fires(.cliInvalidValue, "influxctl database create --retention-period -1d db", at: "-1d", message: "negative"),
        .fires(.cliInvalidValue, "influxctl database create --retention-period=\"30 d\" db", at: "\"30 d\"", message: "whitespace"),
        .clean("influxctl database create --retention-period 2.5d db"),
        .clean("influxctl database create --retention-period 1y6mo db"),
        .clean("influxctl database create --retention-period 30d30d db"),
        .clean("influxctl database create --retention-period 0 db"),
        .fires(.cliInvalidValue, "influxctl database create --max-tables ten db", at: "ten", message: "integer"),
        .fires(.cliInvalidValue, "influxctl database create --max-tables -5 db", at: "-5"),
        .clean("influxctl database create --max-tables 0 --max-columns 1000 db"),
        .fires(.cliInvalidValue, "influxctl token list --format yaml", at: "yaml", message: "one of table, json"),
        .fires(.cliInvalidValue, "influxctl token list --format=JSON", at: "JSON", suggestion: "json"),
        .fires(.cliInvalidValue, "influxctl token create --read-database a,b desc", at: "a,b", message: "repeat the flag"),
        .fires(.cliInvalidValue, "influxctl token create --read-database my.db desc", at: "my.db", message: "'.' is not allowed"),
        .fires(.cliInvalidValue, "influxctl token create --read-database \"my db\" desc", at: "\"my db\"", message: "whitespace is not allowed"),
        .fires(.cliInvalidValue, "influxctl database create \(String(repeating: "d", count: 65))", at: String(repeating: "d", count: 65),
               message: "at most 64"),
        .clean("influxctl database create \(String(repeating: "d", count: 64))"),
        .clean("influxctl database create my-db/autogen_1"),
        .fires(.cliInvalidValue, "influxctl query --database '*' SELECT", at: "'*'", message: "only allowed for --read-database"),
        .fires(.cliInvalidValue, "influxctl token create --read-database * desc", at: "*", suggestion: "'*'", message: "unquoted"),
        .clean("influxctl token create --read-database '*' --write-database \"*\" desc"),
        .fires(.cliInvalidValue, "influxctl write --timeout 10s 'm,t=a f=1'", at: "10s"),
        .fires(.cliInvalidValue, "influxctl --timeout 10 token list", at: "10"),
        .fires(.cliInvalidValue, "influxctl token revoke --force=yes id", at: "yes"),
        .clean("influxctl token revoke --force=false id"),
        .fires(.cliInvalidValue, "influxctl table undelete db tbl", at: "tbl", release: "2.10.4"),
        .fires(.cliInvalidValue, "influxctl database create --template-tag-bucket host db", at: "host"),
        .clean("influxctl database create --template-tag host --template-tag-bucket host,100 --template-timeformat %Y db"),
        .fires(.cliInvalidValue, "influxctl management create --description \"\"", at: "\"\"", message: "must not be empty"),
        .clean("influxctl management create --description \"\"", release: "2.9.9"),
        // Placeholders and values only a running shell knows are never type-checked.
        .clean("influxctl token create --read-database <DATABASE_NAME> --expires-at $(date) <TOKEN_DESCRIPTION>"),
        .clean("influxctl token create --read-database=<DATABASE_NAME> --expires-at=$EXPIRY desc"),
        .clean("influxctl database create --max-tables $MAX db"),
        .clean("influxctl database create <DATABASE_NAME>_archive"),
        .fires(.cliInvalidValue, "influxctl database create <>_archive", at: "<>_archive"),

        // cli.unavailable-in-version
        .fires(.cliUnavailableInVersion, "influxctl token create --read-database db --expires-at 2030-01-01T00:00:00Z desc",
               at: "--expires-at", release: "1.0.0",
               message: "'--expires-at' is available from influxctl 2.10.0; the page is checked against 1.0.0"),
        .fires(.cliUnavailableInVersion, "influxctl token revoke id", at: "revoke", release: "2.9.9", suggestion: "delete",
               message: "'influxctl token revoke' is available from influxctl 2.10.0; the page is checked against 2.9.9; this release calls it 'influxctl token delete'"),
        .fires(.cliUnavailableInVersion, "influxctl init", at: "init", message: "available in influxctl 1.0.0 to 1.1.0"),
        .fires(.cliUnavailableInVersion, "influxctl --timeout 10s token list", at: "--timeout", release: "2.9.5", message: "from influxctl 2.9.7"),
        .fires(.cliUnavailableInVersion, "influxctl token list --sort created", at: "--sort", release: "2.9.8", message: "from influxctl 2.9.9"),
        .fires(.cliUnavailableInVersion, "influxctl token delete --force id", at: "--force", release: "1.1.0", message: "from influxctl 2.0.0"),
        .fires(.cliUnavailableInVersion, "influxctl management list", at: "management", release: "2.5.0", message: "from influxctl 2.6.0"),
        .fires(.cliUnavailableInVersion, "influxctl table iceberg enable db t", at: "iceberg", release: "2.10.1"),
        .clean("influxctl token create --read-database db --expires-at 2030-01-01T00:00:00Z desc", release: "2.10.0"),
        .clean("influxctl token list --sort created", release: "2.9.9"),
        .fires(.cliInvalidValue, "influxctl token list --sort created", at: "created", release: "2.10.0", message: "one of id, description"),

        // cli.no-permissions
        .fires(.cliNoPermissions, "influxctl token create desc", at: "token create", message: "grants no permission"),
        .fires(.cliNoPermissions, "influxctl --debug token create --format json desc", at: "token create"),
        .clean("influxctl token create --write-database db desc"),
        .clean("influxctl token create --read-database db desc"),
    ]

    @Test("each rule fires at the exact range, and a near miss does not", arguments: cases)
    func ruleFires(_ testCase: RuleCase) throws {
        let parse = InfluxctlParser(release: testCase.release).parse(TestCommands.command(testCase.line))
        let summary = parse.diagnostics.map { "\($0.rule.id) at \($0.range): \($0.message)" }.joined(separator: "\n")
        #expect(!parse.isSynopsis)
        guard let rule = testCase.rule else {
            #expect(parse.diagnostics.isEmpty, "\(summary)")
            #expect(parse.invocation != nil)
            return
        }
        #expect(parse.diagnostics.map(\.rule) == [rule], "\(summary)")
        let finding = try #require(parse.diagnostics.first)
        let expected = try #require(TestCommands.range(of: testCase.at, in: testCase.line, occurrence: testCase.occurrence))
        #expect(finding.range == expected)
        if let suggestion = testCase.suggestion {
            #expect(finding.suggestion == suggestion)
        }
        if let message = testCase.messageContains {
            #expect(finding.message.contains(message), "\(finding.message)")
        }
        // Errors leave no invocation; the no-permissions warning keeps it.
        #expect((parse.invocation != nil) == (rule.severity == .warning))
    }
}
