import Foundation

/// Imports an influxctl release's command tree from the CLI's own `--help` output, so a
/// release is added by running the new binary's help rather than by hand.
///
/// **One page** is one command's help as urfave/cli v2 prints it: headings at the start of a
/// line (`NAME:`, `USAGE:`, `VERSION:`, `DESCRIPTION:`, `CATEGORY:`, `AUTHOR(S):`, `COMMANDS:`,
/// `OPTIONS:`, `GLOBAL OPTIONS:`, `COPYRIGHT:`), each followed by indented lines.
/// - NAME: `influxctl token create - Create a database token`; the words before ` - ` are
///   the command path, the first of them the program.
/// - USAGE: `influxctl token create [command options] <TOKEN_DESCRIPTION>`. On a page without
///   COMMANDS it gives the positional arguments: `<X>` required, `[<X>]` optional, `...` after
///   either (or inside the brackets) variadic, and `<X> [<X_N>...]` one variadic required `X`.
///   Bracketed text about options or flags is skipped.
/// - COMMANDS: `revoke, delete  Revoke tokens` (name, aliases, then a tab or two spaces and
///   the summary); category lines ending in `:` are skipped.
/// - OPTIONS (GLOBAL OPTIONS on the root page): `--name value, -n value  text (default: x)`.
///   A flag with a placeholder takes a value, one without is a bool. `[ --name value ]` after
///   the names, or `(accepts multiple inputs)` in the text, makes it repeatable. Go's quotes
///   around the default and a trailing `[$ENV_VAR]` hint are dropped. The value type is
///   inferred: a word list (`table|json`, or a bracketed comma list holding the default) is a
///   choice; `RFC3339` in the placeholder or text a time; an integer default an integer; a
///   duration default a retention duration when the text speaks of days, weeks, months,
///   years, retention or forever, otherwise a Go duration; anything else text. More
///   indented lines continue the previous flag's text; other lines are category headings.
///
/// **A directory** holds one `.txt` file per command, named after its command path with
/// the words joined by spaces or underscores, with or without the program name in front:
/// `influxctl.txt` (the root, required), `influxctl token create.txt`, `token_create.txt`.
/// Other files are ignored. Each file's NAME line must name the command its file name does.
///
/// The tree leaves out urfave/cli's `--help, -h` flag and the `help, h` command of every
/// group, as `CommandCatalog` does; the top-level `help` command is kept.
public enum HelpImport {
    /// Parses one command's urfave/cli v2 help text (NAME / USAGE / DESCRIPTION / COMMANDS /
    /// OPTIONS / GLOBAL OPTIONS sections). Throws a `HelpImportError` with the line at fault.
    public static func parseHelp(_ text: String) throws -> HelpPage {
        try HelpTextParser.parse(text)
    }

    /// Reads every `.txt` file in the directory at `path` (see the type's documentation for
    /// the naming) and builds the command tree. Throws a `HelpImportError` naming the file and
    /// line at fault.
    public static func importTree(fromDirectory path: String) throws -> ImportedTree {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: path)
        } catch {
            throw HelpImportError(line: nil, problem: .unreadable("can't list the directory \(path)"))
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".txt") && !name.hasPrefix(".") {
            let filePath = URL(fileURLWithPath: path).appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: filePath, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = manager.contents(atPath: filePath) else {
                throw HelpImportError(file: name, line: nil, problem: .unreadable("can't read the file"))
            }
            files[name] = String(decoding: data, as: UTF8.self)
        }
        guard !files.isEmpty else {
            throw HelpImportError(line: nil, problem: .unreadable("there are no help files (*.txt) in \(path)"))
        }
        return try importTree(fromFiles: files)
    }

    /// Builds the command tree from help texts keyed by file name, named as for
    /// `importTree(fromDirectory:)` (the `.txt` is optional here).
    public static func importTree(fromFiles files: [String: String]) throws -> ImportedTree {
        var pages: [[String]: (file: String, page: HelpPage)] = [:]
        var programName: String?
        for (file, text) in files.sorted(by: { $0.key < $1.key }) {
            let page: HelpPage
            do {
                page = try parseHelp(text)
            } catch var error as HelpImportError {
                error.file = file
                throw error
            }
            let program = page.commandPath[0]
            let commandPath = Array(page.commandPath.dropFirst())
            let stem = file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
            let fileWords = stem.split { $0 == " " || $0 == "_" }.map(String.init)
            let fileCommand = fileWords.first == program ? Array(fileWords.dropFirst()) : fileWords
            guard fileCommand == commandPath else {
                throw HelpImportError(file: file, line: page.nameLine, problem: .nameMismatch(
                    fileName: fileCommand.joined(separator: " "), nameLine: page.commandPath.joined(separator: " ")))
            }
            if let programName, programName != program {
                throw HelpImportError(file: file, line: page.nameLine, problem: .mixedPrograms(expected: programName, found: program))
            }
            programName = program
            if let other = pages[commandPath] {
                throw HelpImportError(file: file, line: page.nameLine, problem: .repeatedPage(
                    command: page.commandPath.joined(separator: " "), otherFile: other.file))
            }
            pages[commandPath] = (file, page)
        }
        guard let programName, let rootPage = pages[[]]?.page else {
            throw HelpImportError(line: nil, problem: .noRootPage)
        }
        let builder = TreeBuilder(programName: programName, pages: pages)
        return ImportedTree(
            programName: programName,
            globalFlags: rootPage.globalOptions.filter { $0.name != "help" },
            root: try builder.command(at: [], listedAs: nil)
        )
    }

    /// Builds `ImportedCommand`s from parsed pages keyed by command path.
    struct TreeBuilder {
        var programName: String
        var pages: [[String]: (file: String, page: HelpPage)]
        /// Every page's path and every prefix of one.
        var knownPaths: Set<[String]>

        init(programName: String, pages: [[String]: (file: String, page: HelpPage)]) {
            self.programName = programName
            self.pages = pages
            knownPaths = Set(pages.keys.flatMap { path in (0...path.count).map { Array(path.prefix($0)) } })
        }

        /// The names under `path` that a file (or a file further down) is for, sorted.
        func childNames(of path: [String]) -> [String] {
            knownPaths.filter { $0.count == path.count + 1 && $0.starts(with: path) }.map { $0[path.count] }.sorted()
        }

        func command(at path: [String], listedAs entry: HelpCommandEntry?) throws -> ImportedCommand {
            guard let (file, page) = pages[path] else {
                return ImportedCommand(
                    name: path.last ?? "", aliases: entry?.aliases ?? [], summary: entry?.summary ?? "",
                    subcommands: try childNames(of: path).map { try command(at: path + [$0], listedAs: nil) })
            }
            let listed = page.commands.filter { path.isEmpty || $0.name != "help" }
            for child in childNames(of: path) where !listed.contains(where: { $0.name == child }) {
                let childPath = path + [child]
                let culprit = pages.filter { $0.key.starts(with: childPath) }.map(\.value).min { $0.file < $1.file }
                throw HelpImportError(file: culprit?.file, line: culprit?.page.nameLine,
                                      problem: .unlistedCommand(([programName] + childPath).joined(separator: " ")))
            }
            return ImportedCommand(
                name: path.last ?? "",
                aliases: entry?.aliases ?? [],
                summary: page.summary,
                flags: path.isEmpty ? [] : page.options.filter { $0.name != "help" },
                arguments: path.isEmpty ? [] : page.arguments,
                subcommands: try listed.map { try command(at: path + [$0.name], listedAs: $0) },
                helpFile: file
            )
        }
    }
}
