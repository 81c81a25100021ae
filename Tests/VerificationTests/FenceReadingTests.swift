import Diagnostics
import Testing
@testable import Verification

/// Shell fences that hold output or another language are told as such, not as syntax errors;
/// broken shell keeps its error.
@Suite struct FenceReadingTests {
    @Test(arguments: [
        ("+------+-------+\n| name | state |\n+------+-------+\n| main | ready |\n+------+-------+", "table"),
        ("starting up\n2031/02/03 04:05:06 listening (pid 17)", "starts a log"),
        ("<class 'polars.DataFrame'>\nshape: (3, 2)", "Python repr"),
        ("Error: lookup failed (code 3)", "log or status line"),
        ("root\n+-north\n|  +-rack-a\n+-south", "tree"),
    ])
    func outputIsANoteNotAnError(text: String, reason: String) throws {
        let report = verify("```sh\n\(text)\n```\n")
        #expect(!report.findings.contains { $0.rule == .shellSyntax }, "\(report.findings.map(\.message))")
        let note = try #require(report.findings.first { $0.rule == .blockOutputInShellFence })
        #expect(note.severity == .note)
        #expect(note.message.contains(reason), "\(note.message)")
        #expect(report.findings.count == 1)
        #expect(report.blocks.first?.status == .unverified)
    }

    @Test func anUnquotedAmpersandInAURLIsTheRootOfWhatTheRequestLacks() throws {
        let split = verify("```sh\ncurl --request POST \\\n  http://localhost:8181/api/v3/write_lp?db=sensors&precision=auto&accept_partial=false \\\n  --header \"Authorization: Bearer AUTH_TOKEN\"\n```\n")
        let finding = try #require(split.findings.first { $0.rule == .shellUnquotedAmpersand })
        #expect(finding.range.start == SourcePosition(line: 3, column: 51))
        #expect(split.findings.filter { $0.rule == .shellUnquotedAmpersand }.count == 1)
        let quoted = verify("```sh\ncurl --request POST \\\n  \"http://localhost:8181/api/v3/write_lp?db=sensors&precision=auto\" \\\n  --header \"Authorization: Bearer AUTH_TOKEN\"\n```\n")
        #expect(!quoted.findings.contains { $0.rule == .shellUnquotedAmpersand })
        // A URL alone on its line is shown, not run; a command sent to the background on
        // purpose is no URL cut in two.
        #expect(!verify("```sh\nhttps://example.com/query?u=any&p=TOKEN\n```\n").findings.contains { $0.rule == .shellUnquotedAmpersand })
        #expect(!verify("```sh\ninfluxdb3 serve --node-id n1 &\nsleep 2\n```\n").findings.contains { $0.rule == .shellUnquotedAmpersand })
    }

    @Test func theTextBeforeABlockCanSayItIsOutput() throws {
        let report = verify("The command prints something like this:\n\n### Sample output\n\n```sh\nweather (3 series)\n```\n")
        let note = try #require(report.findings.first { $0.rule == .blockOutputInShellFence })
        #expect(note.message.contains("Sample output"))
        #expect(!report.findings.contains { $0.rule == .shellSyntax })
    }

    @Test(arguments: [
        ("> SELECT max(level) FROM tanks WHERE site = 'east'", "influx shell"),
        ("Connected to http://localhost:8086\n>", "influx shell"),
        ("SELECT count(level) FROM tanks GROUP BY time(1h)", "InfluxQL or SQL"),
        ("from(bucket: \"plant\")\n  |> range(start: -1h)", "Flux"),
        ("option task = {\n  name: \"hourly\",\n  every: 1h\n}", "Flux"),
        ("stream\n  |from()\n    .measurement('load')", "TICKscript"),
        ("reader = plant.Reader(host=address)", "Python"),
        ("$console.Window.Size = New-Size(120, 50)", "PowerShell"),
        ("[agent]\n  name = \u{201C}plant\"", "TOML"),
        ("{\n  \"site\": \"east\"\n}\n}", "JSON"),
        ("operator  ALL=(root) NOPASSWD: PUMPCTL", "sudoers"),
        ("# Syntax\npumpctl drain (-force) [-site <SITE>]", "usage synopsis"),
        ("pumpctl stats <daily|weekly>", "usage synopsis"),
        ("user:secret@unix(/run/db.sock)/plant", "does not read as shell"),
        ("# Spaces for clarity only\n& vars %5B name %5D = value", "URL query string"),
        ("118 <34>1 2031-02-03T04:05:06Z gateway pumpd - - - Pump 3 started", "syslog message"),
        ("42 pumps (3 ready) online", "the number `42`"),
    ])
    func anotherLanguageIsAWarningNamingIt(text: String, language: String) throws {
        let report = verify("```bash\n\(text)\n```\n")
        #expect(!report.findings.contains { $0.rule == .shellSyntax }, "\(report.findings.map(\.message))")
        let warning = try #require(report.findings.first { $0.rule == .blockLanguageMismatch })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains(language), "\(warning.message)")
        #expect(warning.range.start.line == 1)
        #expect(report.findings.count == 1)
    }

    @Test func aTranscriptRunsItsPromptedCommands() throws {
        let report = verify("```sh\n$ influxctl database list\n+------+\n| name |\n+------+\n$ influxctl databse list\n```\n")
        #expect(report.findings.contains { $0.rule == .blockOutputInShellFence })
        let unknown = try #require(report.findings.first { $0.rule == .cliUnknownCommand })
        #expect(unknown.range.start.line == 6)
        #expect(!report.findings.contains { $0.rule == .shellSyntax })
    }

    /// The lines after `$ visudo` are the rule typed into it, not its output.
    @Test func aTranscriptWhoseOtherLinesAreAnotherLanguageSaysSo() throws {
        let report = verify("```sh\n$ visudo\noperator  ALL=(root) NOPASSWD: PUMPCTL\n```\n")
        let note = try #require(report.findings.first { $0.rule == .blockOutputInShellFence })
        #expect(note.message.contains("lines that are a sudoers file, not their output"), "\(note.message)")
        #expect(report.findings.count == 1)
    }

    @Test(arguments: [
        "influxctl database list \\",
        "curl --request GET \"https://example.com/api\" --header 'Accept: json",
        "influxctl token list --format json`",
        "cat file\n  | sort (x",
        "echo \"a\" | ( cd",
    ])
    func brokenShellKeepsItsError(text: String) {
        let report = verify("Run the following to list what the step before made:\n\n```sh\n\(text)\n```\n")
        #expect(report.findings.contains { $0.rule == .shellSyntax }, "\(report.findings.map(\.message))")
        #expect(!report.findings.contains { $0.rule == .blockLanguageMismatch })
    }

    @Test(arguments: [
        ("curl --request POST \"https://example.com/api\"\n  --header \"Accept: json\"", "--header", 2),
        ("influxctl token create\n  --read-database db \"reader\"", "--read-database", 2),
    ])
    func aFlagLineAfterALineWithoutBackslashIsAMissingContinuation(text: String, flag: String, line: Int) throws {
        let report = verify("```sh\n\(text)\n```\n")
        let finding = try #require(report.findings.first { $0.rule == .shellMissingContinuation })
        #expect(finding.range.start.line == line + 1)
        #expect(finding.message.contains("`\(flag)`"))
        #expect(finding.suggestion == "end line \(line) with ` \\`")
    }

    @Test(arguments: [
        "curl --request POST \"https://example.com/api\" \\\n  --header \"Accept: json\"",
        "cat <<EOF\n--not-a-command\nEOF",
        "echo a |\n  sort",
        "--help",
        "--name=plant\n--site=east\n--port=8086",
        "influxctl database list; --x",
    ])
    func continuedOrUnrelatedLinesAreNotMissingContinuations(text: String) {
        let report = verify("```sh\n\(text)\n```\n")
        #expect(!report.findings.contains { $0.rule == .shellMissingContinuation }, "\(report.findings.map(\.message))")
    }

    /// Lines of the shapes above, shuffled by a seeded generator: every block gets at most one
    /// reading finding, never beside a syntax error, and every finding lies inside its block.
    @Test func randomMixturesOfTheseShapesAreToldOnceAndInPlace() {
        let lines = [
            "+----+----+", "| a  | b  |", "> SELECT x FROM t", ">", ">>> reader.read()", "...", "…",
            "2031/02/03 04:05:06 ready", "influxctl database list", "influxctl token list \\",
            "  --format json", "curl https://<host>/?db=<db-name>", "$ influxctl database list",
            "export ID=<client-id>", "echo 'open", "name = \"plant\"", "from(bucket: \"b\")", "",
        ]
        var state: UInt64 = 7
        func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let body = (0..<(1 + next(below: 6))).map { _ in lines[next(below: lines.count)] }
            let report = verify("```sh\n\(body.joined(separator: "\n"))\n```\n")
            let reading = report.findings.filter { [.blockOutputInShellFence, .blockLanguageMismatch].contains($0.rule) }
            #expect(reading.count <= 1, "\(body)")
            #expect(reading.isEmpty || !report.findings.contains { $0.rule == .shellSyntax }, "\(body)")
            for finding in report.findings {
                #expect((1...(body.count + 2)).contains(finding.range.start.line), "\(body) \(finding.message)")
            }
        }
    }

    /// An indented line that is only an argument, after a line without `\`, runs on its own.
    @Test func anArgumentLineAfterALineWithoutBackslashIsAMissingContinuation() throws {
        let report = verify("```sh\ninfluxctl token create --read-database sensors\n  \"Sensor reader\" \\\n  OPERATOR_TOKEN\n```\n")
        #expect(!report.findings.contains { $0.rule == .shellMissingContinuation })
        let lost = verify("```sh\nkubectl create secret generic token --from-literal=token\n  OPERATOR_TOKEN\n```\n")
        let finding = try #require(lost.findings.first { $0.rule == .shellMissingContinuation })
        #expect(finding.range == SourceRange(start: SourcePosition(line: 3, column: 3), length: 14))
        #expect(finding.message.contains("holds only `OPERATOR_TOKEN`"))
        #expect(finding.suggestion == "end line 2 with ` \\`")
        // A command of its own at column 1, or a lower-case word, is not read this way.
        #expect(!verify("```sh\necho ready\nDONE\n```\n").findings.contains { $0.rule == .shellMissingContinuation })
        #expect(!verify("```sh\necho ready\n  ls\n```\n").findings.contains { $0.rule == .shellMissingContinuation })
    }

    /// A comment line inside a continued command ends it; the line after runs on its own.
    @Test func aCommentInsideAContinuedCommandEndsIt() throws {
        let report = verify("```sh\ndocker run \\\n  --rm \\\n  # more options here \\\n  IMAGE\n```\n")
        let finding = try #require(report.findings.first { $0.rule == .shellCommentInContinuation })
        #expect(finding.range == SourceRange(start: SourcePosition(line: 4, column: 3), length: 21))
        #expect(finding.message.contains("ends `docker …`, continued from line 3: the shell runs line 5 (`IMAGE`)"), "\(finding.message)")
        #expect(finding.severity == .error)
        // `# ...` marks options left out on purpose: a warning.
        let elided = try #require(verify("```sh\ninfluxdb3 serve \\\n  # ...\n  --node-id node0\n```\n").findings.first { $0.rule == .shellCommentInContinuation })
        #expect(elided.severity == .warning)
        #expect(elided.message.contains("elision `# ...`"))
        // A comment between two commands, or above a command, is fine.
        #expect(verify("```sh\ndocker pull IMAGE\n# then\ndocker run IMAGE\n```\n").findings.isEmpty)
        #expect(verify("```sh\n# start it\ndocker run \\\n  --rm IMAGE\n```\n").findings.isEmpty)
    }
}
