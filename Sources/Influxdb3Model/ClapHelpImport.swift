import Foundation

/// Imports influxdb3's command tree from the CLI's own `--help` output, as clap prints it, so a
/// maintainer refreshes the model from a new binary rather than by hand.
///
/// **One page** is one command's help: a summary line, `Usage: influxdb3 create database
/// [OPTIONS] <DATABASE_NAME>`, then sections headed `Commands:`, `Arguments:` and `Options:`
/// (clap also prints others, such as `Examples:`, which are skipped). In `Commands:` each line is
/// `  name  summary`; in `Arguments:` `  <NAME>  text`, `[NAME]` when optional, `...` after it when
/// it takes several; in `Options:` `  -H, --host <HOST_URL>  text`, where an option with a
/// `<VALUE>` takes one and one without is a switch. The notes clap adds to the text
/// (`[env: X=]`, `[default: x]`, `[possible values: a, b]`) give the environment twin, the
/// default and the choices; more indented lines continue the text before them. `--help` and
/// `--version` are left out, as in the model.
///
/// **A directory** holds one `.txt` file per command, named after its path with the words
/// joined by spaces or underscores, the program name in front or not: `influxdb3.txt` (the
/// root, required), `create.txt`, `create_database.txt`, `influxdb3 show tokens.txt`.
public enum ClapHelpImport {
    /// Why a help text or directory could not be read.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var problem: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)" }
    }

    /// One command's page.
    public struct Page: Sendable {
        public var summary: String
        public var subcommands: [(name: String, summary: String)]
        public var arguments: [ClapArgument]
        public var flags: [ClapFlag]
    }

    /// Parses one page; `file` names it in failures.
    public static func parse(_ text: String, file: String = "help") throws(Failure) -> Page {
        var page = Page(summary: "", subcommands: [], arguments: [], flags: [])
        var section = ""
        var sawUsage = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("Usage:") {
                sawUsage = true
                section = ""
                continue
            }
            if !line.hasPrefix(" "), trimmed.hasSuffix(":") {
                section = String(trimmed.dropLast())
                continue
            }
            if !sawUsage, page.summary.isEmpty {
                page.summary = trimmed
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            switch section {
            case "Commands":
                guard indent <= 2 else { continue }
                let words = trimmed.split(separator: " ", maxSplits: 1)
                guard let name = words.first, name != "help" else { continue }
                page.subcommands.append((String(name), words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""))
            case "Arguments":
                if indent > 2, !page.arguments.isEmpty { continue }
                guard let argument = argument(trimmed) else {
                    throw Failure(file: file, line: offset + 1, problem: "an argument line that is not `<NAME>  text` or `[NAME]  text`: \(trimmed)")
                }
                page.arguments.append(argument)
            case "Options":
                if trimmed.hasPrefix("-") {
                    guard let flag = flag(trimmed) else {
                        throw Failure(file: file, line: offset + 1, problem: "an option line that is not `-s, --long <VALUE>  text`: \(trimmed)")
                    }
                    if !["help", "help-all", "version"].contains(flag.long) { page.flags.append(flag) }
                } else if var last = page.flags.popLast() {
                    // A continuation line: its notes belong to the option above.
                    applyNotes(trimmed, to: &last)
                    page.flags.append(last)
                }
            default:
                continue
            }
        }
        guard sawUsage else { throw Failure(file: file, line: nil, problem: "no `Usage:` line: not a clap help page") }
        return page
    }

    /// Reads a directory of pages (see the type's documentation) into a command tree.
    public static func importTree(fromDirectory path: String, program: String = "influxdb3") throws(Failure) -> ClapCommand {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw Failure(file: path, line: nil, problem: "can't list the directory")
        }
        var pages: [[String]: Page] = [:]
        for name in names.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") {
            var words = name.dropLast(4).split(whereSeparator: { $0 == " " || $0 == "_" }).map(String.init)
            if words.first == program { words.removeFirst() }
            // Keyed by the words split at spaces and underscores; a command whose own name holds
            // an underscore (`last_cache`) is looked up under its split words as well (`build`).
            guard let text = try? String(contentsOfFile: (path as NSString).appendingPathComponent(name), encoding: .utf8) else {
                throw Failure(file: name, line: nil, problem: "can't read the file")
            }
            pages[words] = try parse(text, file: name)
        }
        guard let root = pages[[]] else { throw Failure(file: "\(program).txt", line: nil, problem: "the root page is missing") }
        func build(_ name: String, path: [String], page: Page) -> ClapCommand {
            var command = ClapCommand(name: name, summary: page.summary, source: "\(([program] + path).joined(separator: " ")) --help",
                                      flags: page.flags, arguments: page.arguments)
            command.subcommands = page.subcommands.map { child in
                let childPath = path + [child.name]
                let childPage = pages[childPath] ?? pages[path + child.name.split(separator: "_").map(String.init)]
                    ?? Page(summary: child.summary, subcommands: [], arguments: [], flags: [])
                return build(child.name, path: childPath, page: childPage)
            }
            return command
        }
        return build(program, path: [], page: root)
    }

    /// How an imported tree differs from the model, one line each, in a stable order.
    public static func differences(between imported: ClapCommand, and model: ClapCommand) -> [String] {
        var lines: [String] = []
        func compare(_ new: ClapCommand, _ old: ClapCommand, path: String) {
            let newNames = Set(new.subcommands.map(\.name))
            let oldNames = Set(old.subcommands.map(\.name))
            for name in newNames.subtracting(oldNames).sorted() { lines.append("new command: \(path) \(name)") }
            for name in oldNames.subtracting(newNames).sorted() { lines.append("gone command: \(path) \(name)") }
            let newFlags = Dictionary(new.flags.map { ($0.long, $0) }, uniquingKeysWith: { first, _ in first })
            let oldFlags = Dictionary(old.flags.map { ($0.long, $0) }, uniquingKeysWith: { first, _ in first })
            for name in Set(newFlags.keys).subtracting(oldFlags.keys).sorted() { lines.append("new option: \(path) --\(name)") }
            for name in Set(oldFlags.keys).subtracting(newFlags.keys).sorted() { lines.append("gone option: \(path) --\(name)") }
            for name in Set(newFlags.keys).intersection(oldFlags.keys).sorted() {
                guard let a = newFlags[name], let b = oldFlags[name] else { continue }
                if a.value != b.value { lines.append("changed option: \(path) --\(name) takes \(a.value), the model says \(b.value)") }
                if a.isRequired != b.isRequired { lines.append("changed option: \(path) --\(name) is \(a.isRequired ? "" : "not ")required") }
            }
            if new.arguments.map(\.name) != old.arguments.map(\.name) {
                lines.append("changed arguments: \(path) takes \(new.arguments.map(\.name)), the model says \(old.arguments.map(\.name))")
            }
            for child in new.subcommands {
                if let match = old.subcommand(child.name) { compare(child, match, path: "\(path) \(child.name)") }
            }
        }
        compare(imported, model, path: imported.name)
        return lines
    }

    // MARK: Lines

    private static func argument(_ text: String) -> ClapArgument? {
        guard let first = text.first, first == "<" || first == "[" else { return nil }
        let close: Character = first == "<" ? ">" : "]"
        guard let end = text.firstIndex(of: close) else { return nil }
        let name = String(text[text.index(after: text.startIndex)..<end]).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        let rest = text[text.index(after: end)...]
        var argument = ClapArgument(name: name, isRequired: first == "<", isVariadic: rest.hasPrefix("..."))
        argument.environment = note("env", in: String(rest)).map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }
        return argument
    }

    private static func flag(_ text: String) -> ClapFlag? {
        var rest = Substring(text)
        var short: Character?
        if rest.hasPrefix("-"), !rest.hasPrefix("--") {
            rest = rest.dropFirst()
            short = rest.first
            rest = rest.dropFirst().drop { $0 == "," || $0 == " " }
        }
        guard rest.hasPrefix("--") else {
            return short.map { ClapFlag(long: String($0), short: $0, value: .none) }
        }
        rest = rest.dropFirst(2)
        let long = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        guard !long.isEmpty else { return nil }
        rest = rest.dropFirst(long.count)
        var value: ClapValue = .none
        var isOptionalValue = false
        let afterName = rest.drop { $0 == " " || $0 == "=" }
        if afterName.hasPrefix("<") || afterName.hasPrefix("[<") {
            isOptionalValue = afterName.hasPrefix("[")
            value = .string
            rest = afterName.drop { $0 != ">" }.dropFirst().drop { $0 == "]" || $0 == "." }
        }
        var flag = ClapFlag(long: long, short: short, value: value, isValueOptional: isOptionalValue,
                            usage: rest.trimmingCharacters(in: .whitespaces))
        applyNotes(String(rest), to: &flag)
        flag.usage = flag.usage.replacingOccurrences(of: #"\s*\[(env|default|possible values|aliases): [^\]]*\]"#, with: "", options: .regularExpression)
        return flag
    }

    /// The notes clap appends: environment twin, default, choices, aliases.
    private static func applyNotes(_ text: String, to flag: inout ClapFlag) {
        if let environment = note("env", in: text) { flag.environment = environment.hasSuffix("=") ? String(environment.dropLast()) : environment }
        if let defaultValue = note("default", in: text) { flag.defaultValue = defaultValue }
        if let choices = note("possible values", in: text), flag.value != .none {
            flag.value = .choice(choices.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let aliases = note("aliases", in: text) {
            flag.aliases += aliases.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " -")) }
        }
    }

    private static func note(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: "[\(name): ") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: "]") else { return nil }
        return String(text[start.upperBound..<end])
    }
}
