import Diagnostics

/// Recognizes front matter that is certainly valid YAML without asking Yams: a block mapping
/// (possibly nested) of plain keys whose values are one-line plain or quoted scalars, folded
/// or literal block scalars, one-line flow sequences of such scalars, or block sequences of
/// them, as nearly every Hugo page has. Anything else (comments after values, multi-line
/// flow or quoted scalars, mappings in sequences, escapes beyond the simple ones, tabs,
/// unusual characters, a repeated key) is left to Yams, so a `true` answer never hides a
/// YAML error.
enum PlainYAML {
    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    /// Whether `yaml` is such a mapping with no fence (three backticks or tildes in a row) in
    /// a value; it then parses without error to a mapping (or to nothing, when it holds only
    /// blank and comment lines) none of whose strings holds a code block. Every byte is
    /// looked at once.
    static func isPlainBlockMapping(_ yaml: [UInt8]) -> Bool {
        yaml.withUnsafeBufferPointer { buffer in
            // The open mappings, outermost first; each one's keys are `keys[firstKey...]` up to the next one's.
            var mappings: [(indentation: Int, firstKey: Int)] = [(0, 0)]
            mappings.reserveCapacity(4)
            var keys: [Range<Int>] = []
            keys.reserveCapacity(16)
            var valueMayNest = false
            // The indentation of the block sequence whose items are being read.
            var sequence: Int?
            var index = 0
            let count = buffer.count
            while index < count {
                let lineStart = index
                while index < count, buffer[index] == space { index += 1 }
                if index == count { return true }
                if buffer[index] == newline {
                    index += 1
                    continue
                }
                if buffer[index] == UInt8(ascii: "#") {
                    guard let lineEnd = printableLineEnd(buffer, from: index + 1) else { return false }
                    index = lineEnd + 1
                    continue
                }
                let indentation = index - lineStart
                if let open = sequence {
                    if indentation == open, isItem(buffer, at: index) {
                        guard let itemEnd = itemEnd(buffer, from: index) else { return false }
                        index = itemEnd + 1
                        continue
                    }
                    // More indented, the line would continue an item.
                    guard indentation <= open else { return false }
                    sequence = nil
                }
                // A key without a value may hold a sequence, as indented as the key or more.
                if valueMayNest, isItem(buffer, at: index), indentation >= mappings[mappings.count - 1].indentation {
                    valueMayNest = false
                    sequence = indentation
                    guard let itemEnd = itemEnd(buffer, from: index) else { return false }
                    index = itemEnd + 1
                    continue
                }
                if valueMayNest, indentation > mappings[mappings.count - 1].indentation {
                    mappings.append((indentation, keys.count))
                } else {
                    while indentation < mappings[mappings.count - 1].indentation {
                        keys.removeSubrange(mappings[mappings.count - 1].firstKey...)
                        mappings.removeLast()
                    }
                    guard indentation == mappings[mappings.count - 1].indentation else { return false }
                }
                let keyStart = index
                while index < count, isKeyByte(buffer[index]) { index += 1 }
                let keyLength = index - keyStart
                guard keyLength > 0, keyLength <= maximumKeyLength, ByteClass.isName(buffer[keyStart]), buffer[keyStart] != UInt8(ascii: "-"),
                      index < count, buffer[index] == UInt8(ascii: ":") else { return false }
                let key = keyStart..<index
                guard keys.count < maximumOpenKeys else { return false }
                for other in keys[mappings[mappings.count - 1].firstKey...] where other.count == key.count {
                    guard !buffer[other].elementsEqual(buffer[key]) else { return false }
                }
                keys.append(key)
                index += 1
                guard index == count || buffer[index] == space || buffer[index] == newline else { return false }
                while index < count, buffer[index] == space { index += 1 }
                valueMayNest = index == count || buffer[index] == newline
                if valueMayNest {
                    index += 1
                    continue
                }
                let valueEnd: Int?
                switch buffer[index] {
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    valueEnd = blockScalarEnd(buffer, from: index, parentIndentation: mappings[mappings.count - 1].indentation)
                case UInt8(ascii: "["):
                    valueEnd = flowSequenceEnd(buffer, from: index)
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    valueEnd = quotedScalarEnd(buffer, from: index).flatMap { lineEnd(buffer, from: $0) }
                default:
                    valueEnd = plainValueEnd(buffer, from: index)
                }
                guard let valueEnd else { return false }
                index = valueEnd + 1
            }
            return true
        }
    }

    /// A key's bytes: a YAML name's, and `/` and `.` (`influxdb3/core/tags`).
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ByteClass.isName(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }

    /// `- ` opens a sequence item.
    private static func isItem(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        buffer[index] == UInt8(ascii: "-") && index + 1 < buffer.count && buffer[index + 1] == space
    }

    /// Where the line of the item at `start` ends: a plain or quoted scalar after its dash.
    private static func itemEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start + 1
        while index < buffer.count, buffer[index] == space { index += 1 }
        guard index < buffer.count else { return nil }
        if buffer[index] == UInt8(ascii: "'") || buffer[index] == UInt8(ascii: "\"") {
            return quotedScalarEnd(buffer, from: index).flatMap { lineEnd(buffer, from: $0) }
        }
        return plainValueEnd(buffer, from: index)
    }

    /// Where the line ends when only spaces follow `start`; nil when anything else does.
    private static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < buffer.count, buffer[index] == space { index += 1 }
        return index == buffer.count || buffer[index] == newline ? index : nil
    }

    /// Where the lines of the block scalar whose header (`|`, `>`, either with `-` or `+`)
    /// starts at `start` end: the end of its last line, blank lines included. Its lines are
    /// those more indented than the mapping (`parentIndentation`), up to the first less
    /// indented than its first. Nil for a header with more in it, leading blank lines with
    /// more spaces than the first, or a line that is not printable or holds a fence.
    private static func blockScalarEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, parentIndentation: Int) -> Int? {
        let count = buffer.count
        var index = start + 1
        if index < count, buffer[index] == UInt8(ascii: "-") || buffer[index] == UInt8(ascii: "+") { index += 1 }
        guard var end = lineEnd(buffer, from: index) else { return nil }
        var contentIndentation: Int?
        var leadingBlankSpaces = 0
        var fenceRun = FenceRun()
        while end < count {
            let lineStart = end + 1
            var cursor = lineStart
            while cursor < count, buffer[cursor] == space { cursor += 1 }
            let indentation = cursor - lineStart
            if cursor == count { return count }
            if buffer[cursor] == newline {
                if contentIndentation == nil { leadingBlankSpaces = max(leadingBlankSpaces, indentation) }
                end = cursor
                continue
            }
            if contentIndentation == nil {
                // Not more indented than the mapping: the scalar is empty and the line is the mapping's.
                guard indentation > parentIndentation else { return end }
                guard leadingBlankSpaces <= indentation else { return nil }
                contentIndentation = indentation
            }
            guard let content = contentIndentation, indentation >= content else { return end }
            guard let lineEnd = printableLineEnd(buffer, from: cursor) else { return nil }
            for byte in buffer[cursor..<lineEnd] where fenceRun.isComplete(after: byte) { return nil }
            end = lineEnd
        }
        return end
    }

    /// Where the one-line flow sequence at `start` (`[a, b c, "d"]`, or `[]`) ends: its line's
    /// end. Its items are plain scalars without `:`, `#`, quotes or flow indicators, or quoted
    /// scalars; nil for anything else, an empty item among them, or a comma before `]`.
    private static func flowSequenceEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = buffer.count
        var index = start + 1
        func skipSpaces() { while index < count, buffer[index] == space { index += 1 } }
        skipSpaces()
        if index < count, buffer[index] == UInt8(ascii: "]") { return lineEnd(buffer, from: index + 1) }
        var fenceRun = FenceRun()
        while index < count {
            let first = buffer[index]
            if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
                guard let end = quotedScalarEnd(buffer, from: index) else { return nil }
                index = end
            } else {
                guard startsPlainScalar(first) else { return nil }
                while index < count {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
                    guard !fenceRun.isComplete(after: byte) else { return nil }
                    if byte >= 0x20, byte < 0x7F, !flowExcluded[Int(byte)] {
                        index += 1
                    } else if byte >= 0x80, let next = printableScalarEnd(buffer, at: index) {
                        index = next
                    } else {
                        return nil
                    }
                }
            }
            skipSpaces()
            guard index < count else { return nil }
            if buffer[index] == UInt8(ascii: "]") { return lineEnd(buffer, from: index + 1) }
            guard buffer[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            skipSpaces()
        }
        return nil
    }

    /// By byte value: what a plain scalar inside a flow sequence may not hold here.
    private static let flowExcluded: [Bool] = (0...255).map { byte in Array(":#[]{},\"'\\".utf8).contains(UInt8(byte)) }

    /// Just past the closing quote of the one-line quoted scalar at `start`: single-quoted
    /// with `''` for a quote, or double-quoted with only one-character escapes. Nil when it
    /// does not close on its line, holds a character that is not printable, an escape with
    /// more to it, or a fence.
    private static func quotedScalarEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let quote = buffer[start]
        let isDouble = quote == UInt8(ascii: "\"")
        var fenceRun = FenceRun()
        var index = start + 1
        while index < buffer.count {
            let byte = buffer[index]
            if byte == quote {
                guard !isDouble, index + 1 < buffer.count, buffer[index + 1] == quote else { return index + 1 }
                index += 2
                continue
            }
            if isDouble, byte == UInt8(ascii: "\\") {
                guard index + 1 < buffer.count, simpleEscapes[Int(buffer[index + 1])] else { return nil }
                index += 2
                continue
            }
            guard !fenceRun.isComplete(after: byte) else { return nil }
            if byte >= 0x20, byte < 0x7F {
                index += 1
            } else if byte >= 0x80, let next = printableScalarEnd(buffer, at: index) {
                index = next
            } else {
                return nil
            }
        }
        return nil
    }

    /// By byte value: the characters after a backslash that make an escape of their own in a
    /// double-quoted scalar (`\n`, `\"`, `\\`, ...).
    private static let simpleEscapes: [Bool] = (0...255).map { byte in Array("0abtnvfre \"/\\N_LP".utf8).contains(UInt8(byte)) }

    /// Keys a repeat is looked for among are at most this many, so the search stays linear in
    /// the text: front matter with more keys open at once is left to Yams, which hashes them.
    private static let maximumOpenKeys = 64

    /// libyaml gives up on a simple key longer than 1024 characters; stay far below.
    private static let maximumKeyLength = 128

    /// By byte value: printable ASCII that neither ends a plain value's line, nor makes it
    /// something else, nor belongs to a fence.
    private static let ordinaryValueBytes: [Bool] = (0...255).map { byte in
        byte >= 0x20 && byte < 0x7F && !Array(":#[]{}\\`~".utf8).contains(UInt8(byte))
    }

    /// Whether `byte` may start a plain scalar here: a letter, digit, one of `/(_.$` or a
    /// non-ASCII character.
    private static func startsPlainScalar(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCIIByte.isUpper(byte) || ASCIIByte.isLower(byte) || ASCIIByte.isDigit(byte)
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "$")
    }

    /// Where the line of a plain scalar starting at `start` ends (its `\n` or the end of the
    /// buffer), or nil if it is not one that cannot be read as anything else: it starts with a
    /// letter, digit or one of `/(_.$`, holds only printable characters, no `:` before a space
    /// or the line's end, no `#` after a space, no flow indicator, backslash or fence.
    private static func plainValueEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard startsPlainScalar(buffer[start]) else { return nil }
        var fenceRun = FenceRun()
        var index = start
        let ordinary = ordinaryValueBytes
        while index < buffer.count {
            let byte = buffer[index]
            if ordinary[Int(byte)] {
                // Most of a value: skipped a run at a time, which also breaks any fence run.
                repeat { index += 1 } while index < buffer.count && ordinary[Int(buffer[index])]
                fenceRun = FenceRun()
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"):
                return index
            case UInt8(ascii: ":"):
                // `:` followed by a space or the line's end would make the line a mapping.
                guard index + 1 < buffer.count, buffer[index + 1] > space, buffer[index + 1] != 0x7F else { return nil }
                index += 1
                fenceRun = FenceRun()
            case UInt8(ascii: "#"):
                // After a space, `#` starts a comment.
                guard buffer[index - 1] != space else { return nil }
                index += 1
                fenceRun = FenceRun()
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"):
                return nil
            case 0x20..<0x7F:
                guard !fenceRun.isComplete(after: byte) else { return nil }
                index += 1
            case 0x80...:
                guard let next = printableScalarEnd(buffer, at: index), !fenceRun.isComplete(after: byte) else { return nil }
                index = next
            default:
                return nil
            }
        }
        return index
    }

    /// Where the line from `start` ends (its `\n` or the end of the buffer), or nil if it holds
    /// a character that is not printable.
    private static func printableLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if byte >= 0x20, byte < 0x7F {
                index += 1
            } else if byte == UInt8(ascii: "\n") {
                return index
            } else if byte >= 0x80, let next = printableScalarEnd(buffer, at: index) {
                index = next
            } else {
                return nil
            }
        }
        return index
    }

    /// Where the non-ASCII scalar at `index` ends, if libyaml reads it as an ordinary
    /// printable character: anything but C1 controls, U+2028, U+2029, U+FEFF, U+FFFE and
    /// U+FFFF (the text was decoded, so the UTF-8 is well formed).
    private static func printableScalarEnd(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let byte = buffer[start]
        let second: UInt8 = start + 1 < buffer.count ? buffer[start + 1] : 0
        let third: UInt8 = start + 2 < buffer.count ? buffer[start + 2] : 0
        switch byte {
        case 0xC2:
            guard second >= 0xA0 else { return nil }
        case 0xE2:
            guard !(second == 0x80 && (third == 0xA8 || third == 0xA9)) else { return nil }
        case 0xEF:
            guard !(second == 0xBB && third == 0xBF), !(second == 0xBF && third >= 0xBE) else { return nil }
        default:
            break
        }
        var index = start + 1
        while index < buffer.count, buffer[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
