import DocExtraction
import Foundation
import ShellSyntax

/// The bare placeholders a block declares, compiled once: a word whose whole value matches
/// one of them is a placeholder.
struct DeclaredPlaceholders {
    private struct Compiled {
        var declaration: DeclaredPlaceholder
        /// Matches a whole value.
        var whole: NSRegularExpression
        /// Finds the placeholder anywhere in a text.
        var anywhere: NSRegularExpression
    }

    private let patterns: [Compiled]

    init(_ declarations: [DeclaredPlaceholder]) {
        patterns = declarations.compactMap { declaration in
            guard let whole = try? NSRegularExpression(pattern: "^(?:\(declaration.pattern))$"),
                  let anywhere = try? NSRegularExpression(pattern: declaration.pattern) else { return nil }
            return Compiled(declaration: declaration, whole: whole, anywhere: anywhere)
        }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// The declaration that `text` matches in full, if any.
    func declaration(matching text: String) -> DeclaredPlaceholder? {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.first { $0.whole.firstMatch(in: text, range: range) != nil }?.declaration
    }

    /// The declarations that occur nowhere in `text`; a declaration that is no valid
    /// pattern counts as used.
    func unused(in text: String) -> Set<DeclaredPlaceholder> {
        let range = NSRange(text.startIndex..., in: text)
        return Set(patterns.filter { $0.anywhere.firstMatch(in: text, range: range) == nil }.map(\.declaration))
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
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first), text.contains("_") else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func findings(for blocks: [PreparedBlock], file: String) -> [Finding] {
        var findings: [Finding] = []
        var shortcodeUses: [DeclaredPlaceholder: (used: Bool, block: Int)] = [:]
        for block in blocks where !block.isSkipped {
            let text = block.block.text
            let unused = block.declared.unused(in: text)
            for declaration in block.block.declaredPlaceholders {
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
                for word in valueWords(of: command) where word.placeholder == nil {
                    guard let value = word.literalValue, isBareUpperSnake(value) else { continue }
                    findings.append(Finding(rule: .placeholderUndeclared, file: file, range: word.range,
                                            message: "'\(value)' looks like a placeholder but the block does not declare it",
                                            suggestion: "{ placeholders=\"\(value)\" }", blockIndex: block.index))
                }
            }
        }
        for (declaration, use) in shortcodeUses where !use.used {
            findings.append(Finding(rule: .placeholderUnused, file: file, range: declaration.range,
                                    message: "placeholder '\(declaration.pattern)' is declared but appears in none of the blocks it wraps", blockIndex: use.block))
        }
        return findings
    }

    /// The words of an influxctl command that hold values: flag values and arguments.
    private static func valueWords(of command: PreparedCommand) -> [Word] {
        guard let invocation = command.invocation else { return [] }
        return (invocation.globalFlags + invocation.flags).compactMap(\.value) + invocation.arguments
    }
}
