import Foundation
import Testing
@testable import InfluxctlModel

/// Importing a release's command tree from influxctl's `--help` output. The fixtures under
/// Fixtures/help-2.9.0 (files named with spaces) and Fixtures/help-2.10.0 (underscores, with and
/// without the program name) are help texts written for these tests in urfave/cli v2's layout.
@Suite struct HelpImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func directory(_ release: String) -> String {
        fixtures.appendingPathComponent("help-\(release)").path
    }

    static func imported(_ release: String) throws -> ImportedTree {
        try HelpImport.importTree(fromDirectory: directory(release))
    }

    /// The fixture directory's files keyed by name, to import with changes.
    static func files(_ release: String) throws -> [String: String] {
        let path = directory(release)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            files[name] = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        }
        return files
    }

    static func model(_ release: String) throws -> CommandTree {
        InfluxctlReleases.commandTree(for: try #require(CLIVersion(release)))
    }

    /// `files` with `old` replaced by `new` in the file `name`, which must contain it.
    static func changing(_ files: [String: String], _ name: String, _ old: String, to new: String) throws -> [String: String] {
        let text = try #require(files[name])
        #expect(text.contains(old), "fixture \(name) no longer contains \(old)")
        var changed = files
        changed[name] = text.replacingOccurrences(of: old, with: new)
        return changed
    }

    // MARK: The fixtures against the catalogue

    @Test("the imported tree agrees with the catalogue wherever help was written", arguments: ["2.9.0", "2.10.0"])
    func importedTreeMatchesCatalogue(release: String) throws {
        let tree = try Self.imported(release)
        #expect(HelpImport.differences(between: tree, and: try Self.model(release)) == [])
        let revokeName = release == "2.9.0" ? "delete" : "revoke"
        for path in [[], ["token"], ["token", "create"], ["token", "list"], ["token", revokeName], ["database"], ["database", "create"]] {
            #expect(tree.root.command(at: path)?.helpFile != nil, "\(path) was compared in full")
        }
        #expect(tree.root.command(at: ["cluster"])?.helpFile == nil)
        #expect(tree.programName == "influxctl")
    }

    @Test func importedValuesMatchTheCatalogueEntries() throws {
        let tree = try Self.imported("2.10.0")
        let model = try Self.model("2.10.0")
        for path in [["token", "create"], ["token", "list"], ["token", "revoke"], ["database", "create"]] {
            let command = try #require(tree.root.command(at: path))
            let modelCommand = try #require(model.command(at: path))
            #expect(command.flags.map(\.name).sorted() == modelCommand.flags.map(\.name).sorted(), "\(path)")
            #expect(command.aliases == modelCommand.aliases, "\(path)")
            for flag in command.flags {
                let modelFlag = try #require(modelCommand.flag(flag.name))
                #expect(flag.isRepeatable == modelFlag.isRepeatable, "\(path) --\(flag.name)")
                #expect(flag.defaultValue == modelFlag.defaultValue, "\(path) --\(flag.name)")
            }
            #expect(command.arguments.map(\.name) == modelCommand.arguments.map(\.name), "\(path)")
            #expect(command.arguments.map(\.isVariadic) == modelCommand.arguments.map(\.isVariadic), "\(path)")
        }
        #expect(tree.globalFlags.map(\.name) == model.globalFlags.map(\.name))
    }

    @Test func valueTypesAreInferredFromTheHelpText() throws {
        let tree = try Self.imported("2.10.0")
        let create = try #require(tree.root.command(at: ["token", "create"]))
        #expect(create.flag("read-database") == ImportedFlag(
            name: "read-database", valueType: .string, isRepeatable: true, usage: "Database the token may read from ('*' for all)"))
        #expect(create.flag("expires-at")?.valueType == .rfc3339Time)
        #expect(create.flag("expires-at")?.usage
            == "When the token stops working, as an RFC3339 time with a time zone, such as 2030-01-01T00:00:00Z")
        #expect(create.flag("format")?.valueType == .choice(["table", "json"]))
        #expect(create.flag("format")?.defaultValue == "table")
        #expect(create.arguments == [ImportedArgument(name: "TOKEN_DESCRIPTION")])

        let list = try #require(tree.root.command(at: ["token", "list"]))
        #expect(list.flag("sort")?.valueType == .choice(["id", "description"]))
        #expect(list.flag("include-revoked")?.valueType == .bool)
        #expect(list.flag("include-revoked")?.defaultValue == "false")

        let database = try #require(tree.root.command(at: ["database", "create"]))
        #expect(database.flag("retention-period")?.valueType == .duration)
        #expect(database.flag("retention-period")?.defaultValue == "0s")
        #expect(database.flag("max-tables")?.valueType == .integer(minimum: nil))
        #expect(database.flag("template-tag-bucket")?.isRepeatable == true)
        #expect(database.flag("template-timeformat")?.valueType == .string)
        #expect(database.flag("template-timeformat")?.defaultValue == "%Y-%m-%d")
        #expect(database.arguments == [ImportedArgument(name: "DATABASE_NAME")])

        let timeout = try #require(tree.globalFlags.first { $0.name == "timeout" })
        #expect(timeout.valueType == .goDuration)
        #expect(timeout.defaultValue == "1m0s")
        let profile = try #require(tree.globalFlags.first { $0.name == "profile" })
        #expect(profile.defaultValue == "default")
        #expect(profile.usage == "Connection profile to read from the configuration file")
    }

    @Test func aliasesAndVariadicArgumentsAreRead() throws {
        let tree = try Self.imported("2.10.0")
        let revoke = try #require(tree.root.command(at: ["token", "revoke"]))
        #expect(revoke.aliases == ["delete"])
        #expect(revoke.arguments == [ImportedArgument(name: "TOKEN_ID", isRequired: true, isVariadic: true)])
        #expect(revoke.flags == [ImportedFlag(name: "force", valueType: .bool, defaultValue: "false",
                                              usage: "Revoke without asking for confirmation first")])
        let help = try #require(tree.root.subcommand("help"))
        #expect(help.aliases == ["h"])
        #expect(tree.root.command(at: ["token", "help"]) == nil, "a group's help command is left out")
        #expect(!tree.globalFlags.contains { $0.name == "help" })
        #expect(!revoke.flags.contains { $0.name == "help" })
    }

    @Test func olderSliceFlagsAreRepeatableToo() throws {
        let tree = try Self.imported("2.9.0")
        let create = try #require(tree.root.command(at: ["token", "create"]))
        #expect(create.flag("read-database")?.isRepeatable == true)
        #expect(create.flag("read-database")?.usage == "Database the token may read from ('*' for all)")
        let delete = try #require(tree.root.command(at: ["token", "delete"]))
        #expect(delete.arguments == [ImportedArgument(name: "TOKEN_ID", isRequired: true, isVariadic: true)])
        #expect(delete.aliases == [])
    }

    @Test func theTwoReleasesDifferAsTheCatalogueSays() throws {
        let differences = HelpImport.differences(between: try Self.imported("2.9.0"), and: try Self.model("2.10.0"))
        #expect(differences == [
            "influxctl: global flag --timeout is in the model but not in the help",
            "influxctl token create: flag --expires-at is in the model but not in the help",
            "influxctl token delete: the command is in the help but not in the model",
            "influxctl token list: flag --sort is in the model but not in the help",
            "influxctl token list: flag --include-revoked is in the model but not in the help",
            "influxctl token revoke: the command is in the model but not in the help",
            "influxctl auth: the command is in the model but not in the help",
        ])
    }

    // MARK: Changed help is noticed

    @Test func aRenamedFlagIsADifference() throws {
        let files = try Self.changing(try Self.files("2.10.0"), "token_revoke.txt", "--force    ", to: "--yes      ")
        let differences = HelpImport.differences(between: try HelpImport.importTree(fromFiles: files), and: try Self.model("2.10.0"))
        #expect(differences == [
            "influxctl token revoke: flag --yes is in the help but not in the model",
            "influxctl token revoke: flag --force is in the model but not in the help",
        ])
    }

    @Test func aFlagThatNoLongerRepeatsIsADifference() throws {
        let files = try Self.changing(try Self.files("2.10.0"), "token_create.txt",
                                      "--read-database value [ --read-database value ]", to: "--read-database value")
        let differences = HelpImport.differences(between: try HelpImport.importTree(fromFiles: files), and: try Self.model("2.10.0"))
        #expect(differences == ["influxctl token create: flag --read-database is repeatable in the model but not in the help"])
    }

    @Test func aChangedValueKindIsADifference() throws {
        var files = try Self.changing(try Self.files("2.10.0"), "influxctl_database_create.txt", "(default: 500)", to: "")
        files = try Self.changing(files, "token_list.txt", "id|description", to: "id|description|created")
        let differences = HelpImport.differences(between: try HelpImport.importTree(fromFiles: files), and: try Self.model("2.10.0"))
        #expect(differences == [
            "influxctl database create: flag --max-tables takes text in the help but an integer in the model",
            "influxctl token list: flag --sort takes one of created, description, id in the help but one of description, id in the model",
        ])
    }

    @Test func aLostAliasAndChangedArgumentsAreDifferences() throws {
        var files = try Self.changing(try Self.files("2.10.0"), "token.txt", "revoke, delete  ", to: "revoke          ")
        files = try Self.changing(files, "token_revoke.txt", "<TOKEN_ID> [<TOKEN_ID_N>...]", to: "<TOKEN_ID>")
        let differences = HelpImport.differences(between: try HelpImport.importTree(fromFiles: files), and: try Self.model("2.10.0"))
        #expect(differences == [
            "influxctl token revoke: aliases differ: the help has none, the model has delete",
            "influxctl token revoke: arguments differ: the help has <TOKEN_ID>, the model has <TOKEN_ID>...",
        ])
    }

    @Test func aGroupWithoutItsOwnFileIsComparedOnlyWhereFilesExist() throws {
        var files = try Self.files("2.10.0")
        files["influxctl_database.txt"] = nil
        let tree = try HelpImport.importTree(fromFiles: files)
        let database = try #require(tree.root.subcommand("database"))
        #expect(database.helpFile == nil)
        #expect(database.summary == "Create, list, change and remove databases")
        #expect(database.subcommands.map(\.name) == ["create"])
        #expect(HelpImport.differences(between: tree, and: try Self.model("2.10.0")) == [])
    }

    // MARK: One page

    @Test func aPageIsReadIntoItsSections() throws {
        let page = try HelpImport.parseHelp("""
            NAME:
               influxctl management - Create, list and revoke
                                      management tokens

            USAGE:
               influxctl management command [command options] [arguments...]

            VERSION:
               2.10.0

            DESCRIPTION:
               Management tokens act on the cluster.
               They are not database tokens.

            COMMANDS:
               tokens:
                 create, new  Create a management token
                 list         List management tokens
               help, h        Shows a list of commands or help for one command

            OPTIONS:
               Output

               --output value, -o value  Where to write (default: "-") [$INFLUXCTL_OUTPUT]
               --quiet, -q               Print nothing (default: false)
            """)
        #expect(page.commandPath == ["influxctl", "management"])
        #expect(page.summary == "Create, list and revoke management tokens")
        #expect(page.nameLine == 1)
        #expect(page.version == "2.10.0")
        #expect(page.description == "Management tokens act on the cluster.\nThey are not database tokens.")
        #expect(page.arguments == [], "a page with COMMANDS has no arguments")
        #expect(page.commands == [
            HelpCommandEntry(name: "create", aliases: ["new"], summary: "Create a management token"),
            HelpCommandEntry(name: "list", summary: "List management tokens"),
            HelpCommandEntry(name: "help", aliases: ["h"], summary: "Shows a list of commands or help for one command"),
        ])
        #expect(page.options == [
            ImportedFlag(name: "output", aliases: ["o"], valueType: .string, defaultValue: "-", usage: "Where to write"),
            ImportedFlag(name: "quiet", aliases: ["q"], valueType: .bool, defaultValue: "false", usage: "Print nothing"),
        ])
        #expect(!page.isRoot)
    }

    @Test func windowsLineEndingsReadTheSame() throws {
        let text = try #require(try Self.files("2.10.0")["token_revoke.txt"])
        let page = try HelpImport.parseHelp(text)
        #expect(try HelpImport.parseHelp(text.replacingOccurrences(of: "\n", with: "\r\n")) == page)
        #expect(page.commandPath == ["influxctl", "token", "revoke"])
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var usage: String
        var arguments: [ImportedArgument]
        var testDescription: String { usage }
    }

    @Test("arguments are read from the USAGE line", arguments: [
        UsageCase(usage: "influxctl x [command options] <A>", arguments: [ImportedArgument(name: "A")]),
        UsageCase(usage: "influxctl x [flags] <A> [<A_N>...]", arguments: [ImportedArgument(name: "A", isVariadic: true)]),
        UsageCase(usage: "influxctl x <A> [...A_N]", arguments: [ImportedArgument(name: "A", isVariadic: true)]),
        UsageCase(usage: "influxctl x <A> <B>...", arguments: [ImportedArgument(name: "A"), ImportedArgument(name: "B", isVariadic: true)]),
        UsageCase(usage: "influxctl x [<A>]", arguments: [ImportedArgument(name: "A", isRequired: false)]),
        UsageCase(usage: "influxctl x [command options] [arguments...]",
                  arguments: [ImportedArgument(name: "arguments", isRequired: false, isVariadic: true)]),
        UsageCase(usage: "influxctl x <A> [B...]", arguments: [ImportedArgument(name: "A"), ImportedArgument(name: "B", isRequired: false, isVariadic: true)]),
        UsageCase(usage: "influxctl x QUERY", arguments: [ImportedArgument(name: "QUERY")]),
        UsageCase(usage: "influxctl x [command options]", arguments: []),
    ])
    func usageArguments(_ testCase: UsageCase) throws {
        let page = try HelpImport.parseHelp("NAME:\n   influxctl x - X\n\nUSAGE:\n   \(testCase.usage)\n\nOPTIONS:\n   --help, -h  show help\n")
        #expect(page.arguments == testCase.arguments)
    }

    struct OptionCase: Sendable, CustomTestStringConvertible {
        var line: String
        var flag: ImportedFlag
        var testDescription: String { line }
    }

    @Test("flags and their value types are read from OPTIONS lines", arguments: [
        OptionCase(line: "--force  Skip the prompt (default: false)",
                   flag: ImportedFlag(name: "force", valueType: .bool, defaultValue: "false", usage: "Skip the prompt")),
        OptionCase(line: "--format value  Output format (table, json) (default: \"table\")",
                   flag: ImportedFlag(name: "format", valueType: .choice(["table", "json"]), defaultValue: "table",
                                      usage: "Output format (table, json)")),
        OptionCase(line: "--time-format value  Timestamps as rfc3339nano|unixnano",
                   flag: ImportedFlag(name: "time-format", valueType: .choice(["rfc3339nano", "unixnano"]),
                                      usage: "Timestamps as rfc3339nano|unixnano")),
        OptionCase(line: "--precision value  Precision (ns, us, ms, s) (default: \"ns\")",
                   flag: ImportedFlag(name: "precision", valueType: .choice(["ns", "us", "ms", "s"]), defaultValue: "ns",
                                      usage: "Precision (ns, us, ms, s)")),
        OptionCase(line: "--until TIME  Last moment, RFC3339",
                   flag: ImportedFlag(name: "until", valueType: .rfc3339Time, usage: "Last moment, RFC3339")),
        OptionCase(line: "--batch-size value  Lines per request (default: 10000)",
                   flag: ImportedFlag(name: "batch-size", valueType: .integer(minimum: nil), defaultValue: "10000",
                                      usage: "Lines per request")),
        OptionCase(line: "--wait value  How long to wait (default: 10s)",
                   flag: ImportedFlag(name: "wait", valueType: .goDuration, defaultValue: "10s", usage: "How long to wait")),
        OptionCase(line: "--keep value  Retention (default: 30d)",
                   flag: ImportedFlag(name: "keep", valueType: .duration, defaultValue: "30d", usage: "Retention")),
        OptionCase(line: "--keep value  Keep data this many days (default: 0s)",
                   flag: ImportedFlag(name: "keep", valueType: .duration, defaultValue: "0s", usage: "Keep data this many days")),
        OptionCase(line: "--tag value [ --tag value ]...  A tag",
                   flag: ImportedFlag(name: "tag", valueType: .string, isRepeatable: true, usage: "A tag")),
        OptionCase(line: "--name value, -n value  A \"quoted\" name (default: \"a \\\"b\\\"\")",
                   flag: ImportedFlag(name: "name", aliases: ["n"], valueType: .string, defaultValue: "a \"b\"",
                                      usage: "A \"quoted\" name")),
        OptionCase(line: "--no-text value",
                   flag: ImportedFlag(name: "no-text", valueType: .string, usage: "")),
    ])
    func optionLines(_ testCase: OptionCase) throws {
        let page = try HelpImport.parseHelp("NAME:\n   influxctl x - X\n\nUSAGE:\n   influxctl x\n\nOPTIONS:\n   \(testCase.line)\n")
        #expect(page.options == [testCase.flag])
    }

    // MARK: Bad input

    struct BadInput: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        var line: Int
        var problem: HelpImportError.Problem
        var testDescription: String { label }
    }

    static let usage = "NAME:\n   influxctl x - X\n\nUSAGE:\n   influxctl x\n\n"

    @Test("bad help text is an error with a line number", arguments: [
        BadInput(label: "empty", text: "", line: 1, problem: .emptyText),
        BadInput(label: "whitespace", text: "  \n\t\n", line: 1, problem: .emptyText),
        BadInput(label: "no OPTIONS", text: "NAME:\n   influxctl token list - List\n\nUSAGE:\n   influxctl token list\n",
                 line: 5, problem: .missingSection("OPTIONS")),
        BadInput(label: "root without GLOBAL OPTIONS", text: "NAME:\n   influxctl - CLI\n\nUSAGE:\n   influxctl command\n\nOPTIONS:\n   --debug  x\n",
                 line: 8, problem: .missingSection("GLOBAL OPTIONS")),
        BadInput(label: "no NAME", text: "USAGE:\n   influxctl x\n\nOPTIONS:\n   --help  h\n", line: 5, problem: .missingSection("NAME")),
        BadInput(label: "binary garbage", text: "\u{7F}ELF\u{2}\u{1}\u{0}\u{0}", line: 1, problem: .textOutsideSection(#"\u{7F}ELF\u{02}\u{01}\0\0"#)),
        BadInput(label: "prose", text: "Incorrect Usage: flag provided but not defined: -x\n\nNAME:\n", line: 1,
                 problem: .textOutsideSection("Incorrect Usage: flag provided but not defined: -x")),
        BadInput(label: "indented text before any heading", text: "\n   --force  x\n", line: 2, problem: .textOutsideSection("--force  x")),
        BadInput(label: "unknown heading", text: usage + "FLAGS:\n   --force  x\n", line: 7, problem: .unknownSection("FLAGS")),
        BadInput(label: "repeated heading", text: usage + "OPTIONS:\n   --a  x\nOPTIONS:\n   --b  x\n", line: 9, problem: .repeatedSection("OPTIONS")),
        BadInput(label: "NAME without a command", text: "NAME:\n   - no command\nUSAGE:\n   x\nOPTIONS:\n   --a  x\n", line: 2,
                 problem: .malformedName("- no command")),
        BadInput(label: "USAGE not starting with the path", text: "NAME:\n   influxctl x\nUSAGE:\n   influxctl y <A>\nOPTIONS:\n   --a  x\n",
                 line: 4, problem: .malformedUsage("it should begin with 'influxctl x', found 'influxctl y <A>'")),
        BadInput(label: "unbalanced bracket", text: "NAME:\n   influxctl x\nUSAGE:\n   influxctl x [command options <A>\nOPTIONS:\n   --a  x\n",
                 line: 4, problem: .malformedUsage("'[' has no matching ']'")),
        BadInput(label: "variadic not last", text: "NAME:\n   influxctl x\nUSAGE:\n   influxctl x <A>... <B>\nOPTIONS:\n   --a  x\n",
                 line: 4, problem: .malformedUsage("only the last argument can take several values")),
        BadInput(label: "required after optional", text: "NAME:\n   influxctl x\nUSAGE:\n   influxctl x [<A>] <B>\nOPTIONS:\n   --a  x\n",
                 line: 4, problem: .malformedUsage("a required argument follows an optional one")),
        BadInput(label: "bare dashes", text: usage + "OPTIONS:\n   --force  x\n   --  nothing\n", line: 9, problem: .malformedOptionLine("--")),
        BadInput(label: "three dashes", text: usage + "OPTIONS:\n   ---force  x\n", line: 8, problem: .malformedOptionLine("---force")),
        BadInput(label: "three words", text: usage + "OPTIONS:\n   --a b c  x\n", line: 8, problem: .malformedOptionLine("--a b c")),
        BadInput(label: "broken repeat marker", text: usage + "OPTIONS:\n   --a value [ a value  x\n", line: 8,
                 problem: .malformedOptionLine("--a value [ a value")),
        BadInput(label: "flag listed twice", text: usage + "OPTIONS:\n   --a value  x\n   --b, -a  y\n", line: 9, problem: .repeatedName("--a")),
        BadInput(label: "bad command name", text: usage + "COMMANDS:\n   ok  fine\n   !!  bad\nOPTIONS:\n   --a  x\n", line: 9,
                 problem: .malformedCommandLine("!!  bad")),
        BadInput(label: "command listed twice", text: usage + "COMMANDS:\n   get, show  a\n   show  b\nOPTIONS:\n   --a  x\n", line: 9,
                 problem: .repeatedName("show")),
    ])
    func badText(_ input: BadInput) {
        #expect(throws: HelpImportError(line: input.line, problem: input.problem)) {
            try HelpImport.parseHelp(input.text)
        }
    }

    @Test func errorsSayWhereAndWhat() {
        let error = HelpImportError(file: "token_list.txt", line: 5, problem: .missingSection("OPTIONS"))
        #expect(error.description == "token_list.txt, line 5: there is no OPTIONS section")
        #expect(HelpImportError(line: nil, problem: .noRootPage).description
            == "no file holds the program's own help (name it influxctl.txt)")
    }

    @Test func everyPrefixOfAFixtureParsesOrFailsWithALine() throws {
        let text = try #require(try Self.files("2.10.0")["token_create.txt"])
        let characters = Array(text)
        for length in stride(from: 0, through: characters.count, by: 5) {
            let prefix = String(characters[..<length])
            let lineCount = max(prefix.split(separator: "\n", omittingEmptySubsequences: false).count, 1)
            do {
                _ = try HelpImport.parseHelp(prefix)
            } catch let error as HelpImportError {
                let line = try #require(error.line)
                #expect((1...lineCount).contains(line), "prefix of \(length): \(error)")
            }
        }
    }

    @Test func randomTextNeverCrashes() {
        let pieces = ["NAME:\n", "USAGE:\n", "OPTIONS:\n", "COMMANDS:\n", "GLOBAL OPTIONS:\n", "   ", "  ", " ", "\n", "\t",
                      "influxctl", "x", "-", "--", "[", "]", "<", ">", "...", ",", "|", "(default: ", ")", "\"", "value", "A_N", "\u{0}", "é"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var parsed = 0
        var failed = 0
        for _ in 0..<400 {
            let text = (0..<(next() % 60)).map { _ in pieces[next() % pieces.count] }.joined()
            do {
                _ = try HelpImport.parseHelp(text)
                parsed += 1
            } catch let error as HelpImportError {
                #expect(error.line.map { $0 >= 1 } == true)
                failed += 1
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
        #expect(parsed + failed == 400)
        #expect(failed > 0)
    }

    // MARK: Bad directories

    static let rootText = "NAME:\n   influxctl - CLI\n\nUSAGE:\n   influxctl command\n\nCOMMANDS:\n   token  Tokens\n\nGLOBAL OPTIONS:\n   --debug  x\n"
    static let tokenListText = "NAME:\n   influxctl token list - List\n\nUSAGE:\n   influxctl token list\n\nOPTIONS:\n   --help, -h  show help\n"

    struct BadDirectory: Sendable, CustomTestStringConvertible {
        var label: String
        var files: [String: String]
        var error: HelpImportError
        var testDescription: String { label }
    }

    @Test("a bad set of files is an error naming the file", arguments: [
        BadDirectory(label: "no root", files: ["token_list.txt": tokenListText], error: HelpImportError(line: nil, problem: .noRootPage)),
        BadDirectory(label: "file named after another command", files: ["influxctl.txt": rootText, "token_create.txt": tokenListText],
                     error: HelpImportError(file: "token_create.txt", line: 1,
                                            problem: .nameMismatch(fileName: "token create", nameLine: "influxctl token list"))),
        BadDirectory(label: "unlisted command", files: ["influxctl.txt": rootText,
                                                        "user list.txt": tokenListText.replacingOccurrences(of: "token", with: "user")],
                     error: HelpImportError(file: "user list.txt", line: 1, problem: .unlistedCommand("influxctl user"))),
        BadDirectory(label: "two files for one command", files: ["influxctl.txt": rootText, "token list.txt": tokenListText,
                                                                  "token_list.txt": tokenListText],
                     error: HelpImportError(file: "token_list.txt", line: 1,
                                            problem: .repeatedPage(command: "influxctl token list", otherFile: "token list.txt"))),
        BadDirectory(label: "another program", files: ["influxctl.txt": rootText,
                                                       "token_list.txt": tokenListText.replacingOccurrences(of: "influxctl", with: "influx")],
                     error: HelpImportError(file: "token_list.txt", line: 1, problem: .mixedPrograms(expected: "influxctl", found: "influx"))),
        BadDirectory(label: "an empty file", files: ["influxctl.txt": rootText, "token_list.txt": ""],
                     error: HelpImportError(file: "token_list.txt", line: 1, problem: .emptyText)),
    ])
    func badFiles(_ input: BadDirectory) {
        #expect(throws: input.error) {
            try HelpImport.importTree(fromFiles: input.files)
        }
    }

    @Test func aMissingDirectoryIsAnError() {
        let path = Self.fixtures.appendingPathComponent("no-such-directory").path
        #expect(throws: HelpImportError(line: nil, problem: .unreadable("can't list the directory \(path)"))) {
            try HelpImport.importTree(fromDirectory: path)
        }
    }

    // MARK: Swift source

    @Test func swiftSourceIsInTheCatalogueLayout() throws {
        let files = [
            "influxctl.txt": """
                NAME:
                   influxctl - CLI

                USAGE:
                   influxctl [global options] command [command options] [arguments...]

                COMMANDS:
                   token    Manage "database" tokens
                   help, h  Shows a list of commands or help for one command

                GLOBAL OPTIONS:
                   --debug          Log debug messages (default: false)
                   --timeout value  API timeout (default: 1m0s)
                   --help, -h       show help
                """,
            "token.txt": """
                NAME:
                   influxctl token - Manage "database" tokens

                USAGE:
                   influxctl token command [command options] [arguments...]

                COMMANDS:
                   create          Create a token
                   revoke, delete  Revoke tokens
                   help, h         Shows a list of commands or help for one command

                OPTIONS:
                   --help, -h  show help
                """,
            "token_create.txt": """
                NAME:
                   influxctl token create - Create a token

                USAGE:
                   influxctl token create [command options] <TOKEN_DESCRIPTION>

                OPTIONS:
                   --read-database value [ --read-database value ]  Database to read \\ from
                   --format value                                   Output: table|json (default: "table")
                   --output value, -o value                         File to write to
                   --help, -h                                       show help
                """,
        ]
        let source = HelpImport.swiftSource(for: try HelpImport.importTree(fromFiles: files), release: CLIVersion(2, 10, 0))
        #expect(source == #"""
            // influxctl 2.10.0 as its --help output describes it, in the layout of CommandCatalog.swift.
            // Every entry says since: "2.10.0"; when merging, keep the releases the catalogue already has.
            // Help text does not tell database names, tag buckets or non-empty strings from .string, nor
            // gives integer minimums: review the value types. "no help file" marks a command only its
            // group lists, whose flags and arguments were not imported.

            static let globalFlags: [FlagSpec] = [
                flag("debug", .bool, default: "false", since: "2.10.0", "Log debug messages"),
                flag("timeout", .goDuration, default: "1m0s", since: "2.10.0", "API timeout"),
            ]

            static let root = CommandSpec(name: "", summary: "influxctl", releases: releases("2.10.0", nil), subcommands: [
                group("token", since: "2.10.0", "Manage \"database\" tokens", [
                    command("create", since: "2.10.0", "Create a token",
                            flags: [
                                flag("read-database", .string, repeatable: true, since: "2.10.0", "Database to read \\ from"),
                                format(since: "2.10.0"),
                                FlagSpec(name: "output", aliases: ["o"], valueType: .string, isRepeatable: false, releases: releases("2.10.0", nil), usage: "File to write to"),
                            ],
                            arguments: [
                                argument("TOKEN_DESCRIPTION", since: "2.10.0"),
                            ]),
                    command("revoke", aliases: ["delete"], since: "2.10.0", "Revoke tokens"),  // no help file
                ]),
                command("help", aliases: ["h"], since: "2.10.0", "Shows a list of commands or help for one command"),  // no help file
            ])

            """#)
    }

    @Test func swiftSourceIsDeterministic() throws {
        let release = CLIVersion(2, 10, 0)
        let first = HelpImport.swiftSource(for: try Self.imported("2.10.0"), release: release)
        let second = HelpImport.swiftSource(for: try Self.imported("2.10.0"), release: release)
        #expect(first == second)
        #expect(first.contains("""
                    command("revoke", aliases: ["delete"], since: "2.10.0", "Revoke one or more database tokens",
                            flags: [
                                force(since: "2.10.0"),
                            ],
                            arguments: [
                                argument("TOKEN_ID", variadic: true, since: "2.10.0"),
                            ]),
            """))
        #expect(first.contains(#"flag("retention-period", .duration, default: "0s", since: "2.10.0", "#))
        #expect(first.contains(#"flag("max-tables", .integer(minimum: nil), default: "500", since: "2.10.0", "#))
        #expect(first.contains(#"command("list", since: "2.10.0", "List the databases of the cluster"),  // no help file"#))
    }
}
