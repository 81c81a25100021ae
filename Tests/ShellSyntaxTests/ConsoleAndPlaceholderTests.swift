import Diagnostics
import Testing
@testable import ShellSyntax

/// `console` transcripts: only `$ ` lines (and what continues them) are commands.
@Suite struct ConsoleTests {
    @Test(arguments: [
        ("$ influxctl token list\nID    DESCRIPTION\ntok-1 reader\n$ influxctl database list",
         [["influxctl", "token", "list"], ["influxctl", "database", "list"]]),
        ("  $ echo hi\n  hi", [["echo", "hi"]]),
        ("$ influxctl token create \\\n  --read-database db \\\n  \"desc\"\nToken created: abc",
         [["influxctl", "token", "create", "--read-database", "db", "desc"]]),
        ("# influxctl token list\nroot output", []),
        ("cost is $ 5\n$5 and more\n$echo no", []),
        ("$ curl -d '{\n\"a\": 1}'\n{\"ok\": \"it's\"}", [["curl", "-d", "{\n\"a\": 1}"]]),
        ("$ cat <<EOF\n$ not a prompt inside a here-document\nEOF\n$ echo after", [["cat"], ["echo", "after"]]),
        ("$ influxctl version &&\n  echo ok\nok", [["influxctl", "version"], ["echo", "ok"]]),
        ("$\n$ echo a; echo b\noutput with \"open quote", [["echo", "a"], ["echo", "b"]]),
        ("$ export DB=x\n$ influxctl database create $DB", [["export", "DB=x"], ["influxctl", "database", "create", "x"]]),
        ("$ echo a\r\nout\r\n$ echo b\r", [["echo", "a"], ["echo", "b"]]),
    ] as [(String, [[String?]])])
    func onlyPromptLinesAreCommands(_ text: String, commands: [[String?]]) {
        let script = lex(text, dialect: .console)
        #expect(script.diagnostics.isEmpty)
        #expect(script.commands.map(argv) == commands)
    }

    @Test func positionsPointAtTheFileAfterThePrompt() throws {
        let script = lex("output\n  $ influxctl token list \\\n    --format json", dialect: .console, line: 12, column: 4)
        let words = try #require(script.commands.first).words
        #expect(words.map { spelled($0.range) } == ["13:8-13:17", "13:18-13:23", "13:24-13:28", "14:8-14:16", "14:17-14:21"])
    }

    @Test func errorsInTranscriptsKeepEarlierCommands() {
        let script = lex("$ echo ok\nok\n$ echo \"oops\nmore output", dialect: .console)
        #expect(script.commands.map(argv) == [["echo", "ok"]])
        #expect(script.diagnostics.map { "\($0.message)@\($0.range)" } == ["unterminated double quote@3:8-3:9"])
    }

    @Test func scriptDialectReadsEveryLine() {
        #expect(lex("$ echo a\necho b").commands.map(argv) == [["$", "echo", "a"], ["echo", "b"]])
    }
}

/// `<UPPER_SNAKE>` placeholders are text, never redirections.
@Suite struct PlaceholderTests {
    @Test(arguments: [
        ("influxctl database create <DATABASE_NAME>", 3, "<DATABASE_NAME>", "DATABASE_NAME"),
        ("influxctl token create --read-database=<DATABASE_NAME> x", 3, "--read-database=<DATABASE_NAME>", nil),
        ("influxctl token create \"<TOKEN_DESCRIPTION>\"", 3, "<TOKEN_DESCRIPTION>", "TOKEN_DESCRIPTION"),
        ("influxctl token get '<TOKEN_ID>'", 3, "<TOKEN_ID>", "TOKEN_ID"),
        ("influxctl token get <DB_2>", 3, "<DB_2>", "DB_2"),
        ("echo <A>b<C>", 1, "<A>b<C>", nil),
        ("echo 2<X>", 1, "2<X>", nil),
        ("echo \"prefix <TOKEN>\"", 1, "prefix <TOKEN>", nil),
        ("<PROGRAM> --flag", 0, "<PROGRAM>", "PROGRAM"),
        ("echo \"<A>\"'<B>'", 1, "<A><B>", nil),
        ("chronograf --etcd-endpoints=<etcd-host>", 1, "--etcd-endpoints=<etcd-host>", nil),
        ("export ID=<client-id>", 1, "ID=<client-id>", nil),
        ("influxd-ctl entropy repair <shardID>", 3, "<shardID>", nil),
        ("influxd-ctl add-data <data_host>:<port>", 2, "<data_host>:<port>", nil),
        ("curl https://<domain>.example:8086/q?db=<db-name>", 1, "https://<domain>.example:8086/q?db=<db-name>", nil),
        ("chronograf --htpasswd <path to the file>", 2, "<path to the file>", nil),
        ("tool <path to dir> \\\n  --flag", 1, "<path to dir>", nil),
    ] as [(String, Int, String, String?)])
    func placeholderWords(_ text: String, index: Int, value: String, placeholder: String?) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.first)
        #expect(command.redirections.isEmpty)
        let word = try #require(command.words.indices.contains(index) ? command.words[index] : nil)
        #expect(word.literalValue == value)
        #expect(word.placeholder == placeholder)
    }

    @Test func placeholderAsRedirectionTarget() throws {
        let command = try #require(lex("cat < <INPUT_FILE> > <OUTPUT_FILE>").commands.first)
        #expect(command.words.map(\.literalValue) == ["cat"])
        #expect(command.redirections.map(\.op) == ["<", ">"])
        #expect(command.redirections.map { $0.target?.placeholder } == ["INPUT_FILE", "OUTPUT_FILE"])
    }

    @Test func lowercaseAngleWordsAreRedirections() throws {
        let command = try #require(lex("cat <input.txt").commands.first)
        #expect(command.redirections.map(\.op) == ["<"])
        #expect(command.redirections.first?.target?.literalValue == "input.txt")
    }

    @Test func hereDocumentsAreNotPlaceholders() throws {
        let command = try #require(lex("cat <<EOF\n<BODY>\nEOF").commands.first)
        #expect(command.redirections.map(\.op) == ["<<"])
        #expect(command.redirections.first?.hereDocument?.literalValue == "<BODY>\n")
    }
}

/// Angle-bracket placeholders of any spelling are text; real redirections still parse as before.
@Suite struct AnyCasePlaceholderTests {
    @Test(arguments: [
        ("query > out.json", ["query"], [">"], ["out.json"]),
        ("write < in.lp", ["write"], ["<"], ["in.lp"]),
        ("cmd <in.txt >out.txt", ["cmd"], ["<", ">"], ["in.txt", "out.txt"]),
        ("cmd 2>err.log", ["cmd"], ["2>"], ["err.log"]),
        ("cmd <a b> c", ["cmd", "b"], ["<", ">"], ["a", "c"]),
        ("cmd <<<word", ["cmd"], ["<<<"], ["word"]),
    ] as [(String, [String], [String], [String])])
    func realRedirectionsStay(_ text: String, words: [String], ops: [String], targets: [String]) throws {
        let script = lex(text)
        #expect(script.diagnostics.isEmpty)
        let command = try #require(script.commands.first)
        #expect(command.words.map(\.literalValue) == words)
        #expect(command.redirections.map(\.op) == ops)
        #expect(command.redirections.map { $0.target?.literalValue } == targets)
    }

    @Test func descriptorDuplicationStays() throws {
        let command = try #require(lex("cmd >out.log 2>&1").commands.first)
        #expect(command.redirections.map(\.op) == [">", "2>&1"])
    }

    @Test func hereDocumentStillReadsItsBody() throws {
        let command = try #require(lex("cat <<EOF >out\n<body>\nEOF").commands.first)
        #expect(command.redirections.map(\.op) == ["<<", ">"])
        #expect(command.redirections.first?.hereDocument?.literalValue == "<body>\n")
    }
}
