import Diagnostics
import DocExtraction
import InfluxctlModel
import ShellSyntax

/// `reference.flag-table`: on a reference page, the Markdown table under a "Flags" heading
/// must list exactly the flags the release gives the page's command.
enum ReferenceTableCheck {
    /// - Parameter commands: the page's influxctl commands; the first one names the command
    ///   the page documents (usually its usage synopsis).
    static func findings(page: Page, commands: [SimpleCommand], release: CLIVersion) -> [Finding] {
        let tree = InfluxctlReleases.commandTree(for: release)
        guard let first = commands.first, let (path, command) = documentedCommand(first, in: tree),
              let table = flagTable(in: page) else { return [] }
        let name = "influxctl " + path.joined(separator: " ")
        var findings: [Finding] = []
        var listed: Set<String> = []
        for row in table.rows {
            for (flag, position) in row {
                listed.insert(flag)
                guard flag != "help", command.flag(flag) == nil, tree.globalFlag(flag) == nil else { continue }
                let elsewhere = InfluxctlReleases.all.filter { InfluxctlReleases.commandTree(for: $0).command(at: path)?.flag(flag) != nil }
                let note = elsewhere.isEmpty ? "" : " (it exists in \(elsewhere.first?.description ?? "")\(elsewhere.count > 1 ? " to \(elsewhere.last?.description ?? "")" : ""))"
                findings.append(Finding(rule: .referenceFlagTable, file: page.path, range: SourceRange(start: position, length: flag.count + 2),
                                        message: "the flag table lists --\(flag), which '\(name)' does not have in influxctl \(release)\(note)"))
            }
        }
        for flag in command.flags where !listed.contains(flag.name) {
            findings.append(Finding(rule: .referenceFlagTable, file: page.path, range: SourceRange(start: table.start, length: 1),
                                    message: "the flag table lacks --\(flag.name), which '\(name)' has in influxctl \(release)",
                                    suggestion: "--\(flag.name)"))
        }
        return findings
    }

    /// The flags of each row of the first table under a heading named "Flags".
    private static func flagTable(in page: Page) -> (start: SourcePosition, rows: [[(String, SourcePosition)]])? {
        var underFlags = false
        for span in page.prose {
            if span.kind == .heading {
                underFlags = trimmed(span.text).lowercased() == "flags"
                continue
            }
            guard underFlags, let firstLine = span.lines.first, trimmed(firstLine.text).hasPrefix("|") else { continue }
            let rows = span.lines.dropFirst(2).map(flags(in:))
            return (firstLine.start, rows)
        }
        return nil
    }

    /// The text without leading and trailing spaces and tabs.
    private static func trimmed(_ text: String) -> Substring {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        let start = text.drop(while: isBlank)
        return start.dropLast(start.reversed().prefix(while: isBlank).count)
    }

    /// Every `--name` in a table row, with where it stands.
    private static func flags(in line: SourceLine) -> [(String, SourcePosition)] {
        let scalars = Array(line.text.unicodeScalars)
        var found: [(String, SourcePosition)] = []
        var index = 0
        while index + 2 < scalars.count {
            let startsFlag = scalars[index] == "-" && scalars[index + 1] == "-" && (index == 0 || !isNameCharacter(scalars[index - 1]))
            guard startsFlag else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
            if end > index + 2 {
                found.append((String(String.UnicodeScalarView(scalars[(index + 2)..<end])), line.position(atScalarOffset: index)))
            }
            index = end
        }
        return found
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }

    /// The command a usage line names: its leading literal words, as far as they are a command.
    private static func documentedCommand(_ command: SimpleCommand, in tree: CommandTree) -> ([String], CommandSpec)? {
        var path: [String] = []
        for word in command.words.dropFirst() {
            guard word.placeholder == nil, let value = word.literalValue, let first = value.first,
                  first != "-", first != "[", first != "<" else { break }
            path.append(value)
        }
        while !path.isEmpty {
            if let spec = tree.command(at: path), !spec.isGroup {
                return (path, spec)
            }
            path.removeLast()
        }
        return nil
    }
}
