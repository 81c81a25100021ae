import Diagnostics

/// Recognizes front matter that is certainly valid YAML without asking Yams: a block mapping
/// (possibly nested) of plain keys and one-line plain values, as nearly every Hugo page has.
/// Anything else (quotes, sequences, flow collections, comments after values, multi-line
/// scalars, tabs, unusual characters, a repeated key) is left to Yams, so a `true` answer
/// never hides a YAML error.
enum PlainYAML {
    /// Whether `yaml` is such a mapping with no fence (three backticks or tildes in a row) in
    /// a value; it then parses without error to a mapping of strings (or to nothing, when it
    /// holds only blank and comment lines) none of which holds a code block. Every byte is
    /// looked at once.
    static func isPlainBlockMapping(_ yaml: [UInt8]) -> Bool {
        yaml.withUnsafeBufferPointer { buffer in
            // The open mappings, outermost first; each one's keys are `keys[firstKey...]` up to the next one's.
            var mappings: [(indentation: Int, firstKey: Int)] = [(0, 0)]
            mappings.reserveCapacity(4)
            var keys: [Range<Int>] = []
            keys.reserveCapacity(16)
            var valueMayNest = false
            var index = 0
            let count = buffer.count
            while index < count {
                let lineStart = index
                while index < count, buffer[index] == UInt8(ascii: " ") { index += 1 }
                if index == count { return true }
                if buffer[index] == UInt8(ascii: "\n") {
                    index += 1
                    continue
                }
                if buffer[index] == UInt8(ascii: "#") {
                    guard let lineEnd = printableLineEnd(buffer, from: index + 1) else { return false }
                    index = lineEnd + 1
                    continue
                }
                let indentation = index - lineStart
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
                while index < count, ByteClass.isName(buffer[index]) { index += 1 }
                let keyLength = index - keyStart
                guard keyLength > 0, keyLength <= maximumKeyLength, buffer[keyStart] != UInt8(ascii: "-"),
                      index < count, buffer[index] == UInt8(ascii: ":") else { return false }
                let key = keyStart..<index
                guard keys.count < maximumOpenKeys else { return false }
                for other in keys[mappings[mappings.count - 1].firstKey...] where other.count == key.count {
                    guard !buffer[other].elementsEqual(buffer[key]) else { return false }
                }
                keys.append(key)
                index += 1
                guard index == count || buffer[index] == UInt8(ascii: " ") || buffer[index] == UInt8(ascii: "\n") else { return false }
                while index < count, buffer[index] == UInt8(ascii: " ") { index += 1 }
                valueMayNest = index == count || buffer[index] == UInt8(ascii: "\n")
                if valueMayNest {
                    index += 1
                    continue
                }
                guard let valueEnd = plainValueEnd(buffer, from: index) else { return false }
                index = valueEnd + 1
            }
            return true
        }
    }

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

    /// Where the line of a plain scalar starting at `start` ends (its `\n` or the end of the
    /// buffer), or nil if it is not one that cannot be read as anything else: it starts with a
    /// letter, digit or one of `/(_.$`, holds only printable characters and no `:`, `#`, flow
    /// indicator, backslash or fence.
    private static func plainValueEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let first = buffer[start]
        guard first >= 0x80 || ASCIIByte.isUpper(first) || ASCIIByte.isLower(first) || ASCIIByte.isDigit(first)
            || first == UInt8(ascii: "/") || first == UInt8(ascii: "(") || first == UInt8(ascii: "_")
            || first == UInt8(ascii: ".") || first == UInt8(ascii: "$") else { return nil }
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
            case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"):
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
