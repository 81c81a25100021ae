import Diagnostics
import DocExtraction
import Foundation
import ShellSyntax

/// The bare placeholders a block declares, compiled once: a word whose whole value matches
/// one of them is a placeholder.
struct DeclaredPlaceholders {
    private enum Matcher {
        /// A pattern of plain names joined by `|` (nearly every declaration): no regex needed.
        case names([String])
        /// Any other pattern: one regex for a whole value, one to find it anywhere.
        case regex(whole: NSRegularExpression, anywhere: NSRegularExpression)

        init?(_ pattern: String) {
            if let names = Self.plainNames(in: pattern) {
                self = .names(names)
                return
            }
            guard let whole = try? NSRegularExpression(pattern: "^(?:\(pattern))$"),
                  let anywhere = try? NSRegularExpression(pattern: pattern) else { return nil }
            self = .regex(whole: whole, anywhere: anywhere)
        }

        /// The names of a pattern of non-empty names of letters, digits and `_` joined by `|`;
        /// nil for any other pattern.
        private static func plainNames(in pattern: String) -> [String]? {
            let bytes = pattern.utf8
            var names: [String] = []
            var nameStart = bytes.startIndex
            var index = nameStart
            while true {
                if index == bytes.endIndex || bytes[index] == UInt8(ascii: "|") {
                    guard index != nameStart else { return nil }
                    let isWhole = nameStart == bytes.startIndex && index == bytes.endIndex
                    names.append(isWhole ? pattern : String(Substring(bytes[nameStart..<index])))
                    guard index != bytes.endIndex else { return names }
                    nameStart = bytes.index(after: index)
                } else if !(ASCIIByte.isUpper(bytes[index]) || ASCIIByte.isLower(bytes[index]) || ASCIIByte.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_")) {
                    return nil
                }
                index = bytes.index(after: index)
            }
        }

        func matchesWhole(_ text: String) -> Bool {
            switch self {
            case .names(let names): names.contains(text)
            case .regex(let whole, _): whole.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }

        /// Whether the pattern occurs in the lines joined with newlines; a name holds no
        /// newline, so it is looked for line by line without joining them.
        func occurs(inLines lines: some Collection<String>) -> Bool {
            switch self {
            case .names(let names):
                return names.contains { name in lines.contains { TextSearch.contains($0, name) } }
            case .regex(_, let anywhere):
                let text = lines.joined(separator: "\n")
                return anywhere.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }
    }

    private let patterns: [(declaration: DeclaredPlaceholder, matcher: Matcher)]

    init(_ declarations: [DeclaredPlaceholder]) {
        patterns = declarations.compactMap { declaration in Matcher(declaration.pattern).map { (declaration, $0) } }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// The declaration that `text` matches in full, if any.
    func declaration(matching text: String) -> DeclaredPlaceholder? {
        patterns.first { $0.matcher.matchesWhole(text) }?.declaration
    }

    /// The declarations that occur nowhere in `lines` joined with newlines; a declaration
    /// that is no valid pattern counts as used.
    func unused(inLines lines: some Collection<String>) -> Set<DeclaredPlaceholder> {
        Set(patterns.filter { !$0.matcher.occurs(inLines: lines) }.map(\.declaration))
    }

    /// The command with every word that is a declared placeholder marked as one.
    func mark(_ command: SimpleCommand) -> SimpleCommand {
        guard !isEmpty else { return command }
        var marked = command
        for index in marked.words.indices where marked.words[index].placeholder == nil {
            if let value = marked.words[index].literalValue, declaration(matching: value) != nil {
                marked.words[index].placeholder = value
            }
        }
        return marked
    }
}

/// `placeholder.undeclared` and `placeholder.unused`.
enum PlaceholderCheck {
    /// A bare UPPER_SNAKE word: capitals and digits with at least one underscore.
    static func isBareUpperSnake(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, ASCIIByte.isUpper(first), bytes.contains(UInt8(ascii: "_")) else { return false }
        return bytes.allSatisfy {
            ASCIIByte.isUpper($0) || ASCIIByte.isDigit($0) || $0 == UInt8(ascii: "_")
        }
    }

    /// `configured`: names the run gives values for, which are placeholders whatever the page declares.
    static func findings(for blocks: [PreparedBlock], of page: Page, configured: [String: String] = [:]) -> [Finding] {
        let file = page.path
        var findings: [Finding] = []
        var shortcodeUses: [DeclaredPlaceholder: (used: Bool, block: Int)] = [:]
        for index in blocks.indices where !blocks[index].isSkipped {
            let block = blocks[index]
            // Text a shortcode puts in the block is not seen: what it declares may be used there.
            let unused = block.declared.isEmpty || page.blocks[index].holdsShortcodeLines ? [] : block.declared.unused(inLines: page.blocks[index].lines.lazy.map(\.text))
            for declaration in page.blocks[index].declaredPlaceholders {
                let used = !unused.contains(declaration)
                if declaration.source == .attribute {
                    if !used {
                        findings.append(Finding(rule: .placeholderUnused, file: file, range: declaration.range,
                                                message: "placeholder '\(declaration.pattern)' is declared but does not appear in the block", blockIndex: block.index))
                    }
                } else {
                    let previous = shortcodeUses[declaration]
                    shortcodeUses[declaration] = ((previous?.used ?? false) || used, previous?.block ?? block.index)
                }
            }
            for command in block.commands {
                guard let invocation = command.invocation else { continue }
                func check(_ word: Word) {
                    guard word.placeholder == nil, let value = word.literalValue, isBareUpperSnake(value), configured[value] == nil else { return }
                    findings.append(Finding(rule: .placeholderUndeclared, file: file, range: word.range,
                                            message: "'\(value)' looks like a placeholder but the block does not declare it",
                                            suggestion: "{ placeholders=\"\(value)\" }", blockIndex: block.index))
                }
                // The words that hold values: flag values, then arguments.
                for flag in invocation.globalFlags { if let value = flag.value { check(value) } }
                for flag in invocation.flags { if let value = flag.value { check(value) } }
                for argument in invocation.arguments { check(argument) }
            }
        }
        for (declaration, use) in shortcodeUses where !use.used {
            findings.append(Finding(rule: .placeholderUnused, file: file, range: declaration.range,
                                    message: "placeholder '\(declaration.pattern)' is declared but appears in none of the blocks it wraps", blockIndex: use.block))
        }
        return findings
    }
}
