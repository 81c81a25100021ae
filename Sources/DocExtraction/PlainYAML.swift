/// Recognizes front matter that is certainly valid YAML without asking Yams: a block mapping
/// (possibly nested) of plain keys and one-line plain values, as nearly every Hugo page has.
/// Anything else (quotes, sequences, flow collections, comments after values, multi-line
/// scalars, tabs, unusual characters, a repeated key) is left to Yams, so a `true` answer
/// never hides a YAML error.
enum PlainYAML {
    /// Whether `yaml` is such a mapping; it then parses without error to a mapping of
    /// strings (or to nothing, when it holds only blank and comment lines).
    static func isPlainBlockMapping(_ yaml: [UInt8]) -> Bool {
        yaml.withUnsafeBufferPointer { buffer in
            // The open mappings, outermost first; each one's keys are `keys[firstKey...]` up to the next one's.
            var mappings: [(indentation: Int, firstKey: Int)] = [(0, 0)]
            var keys: [Range<Int>] = []
            var valueMayNest = false
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard isPrintable(buffer, from: lineStart, to: lineEnd) else { return false }
                var index = lineStart
                while index < lineEnd, buffer[index] == UInt8(ascii: " ") { index += 1 }
                if index == lineEnd || buffer[index] == UInt8(ascii: "#") { continue }
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
                while index < lineEnd, isKeyByte(buffer[index]) { index += 1 }
                let keyLength = index - keyStart
                guard keyLength > 0, keyLength <= maximumKeyLength, buffer[keyStart] != UInt8(ascii: "-"),
                      index < lineEnd, buffer[index] == UInt8(ascii: ":") else { return false }
                let key = keyStart..<index
                for other in keys[mappings[mappings.count - 1].firstKey...] where other.count == key.count {
                    guard !buffer[other].elementsEqual(buffer[key]) else { return false }
                }
                keys.append(key)
                index += 1
                guard index == lineEnd || buffer[index] == UInt8(ascii: " ") else { return false }
                while index < lineEnd, buffer[index] == UInt8(ascii: " ") { index += 1 }
                valueMayNest = index == lineEnd
                guard valueMayNest || isPlainValue(buffer, from: index, to: lineEnd) else { return false }
            }
            return true
        }
    }

    /// libyaml gives up on a simple key longer than 1024 characters; stay far below.
    private static let maximumKeyLength = 128

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ByteClass.isUpper(byte) || ByteClass.isLower(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// A plain scalar that cannot be read as anything else: it starts with a letter, digit or
    /// one of `/(_.$` and holds no `:`, `#`, flow indicator or backslash.
    private static func isPlainValue(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let first = buffer[start]
        guard first >= 0x80 || ByteClass.isUpper(first) || ByteClass.isLower(first) || ByteClass.isDigit(first)
            || first == UInt8(ascii: "/") || first == UInt8(ascii: "(") || first == UInt8(ascii: "_")
            || first == UInt8(ascii: ".") || first == UInt8(ascii: "$") else { return false }
        for index in start..<end {
            switch buffer[index] {
            case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"):
                return false
            default:
                continue
            }
        }
        return true
    }

    /// Whether the line holds only characters libyaml reads as ordinary printable ones:
    /// printable ASCII and valid UTF-8 other than C1 controls, U+2028, U+2029, U+FEFF, U+FFFE
    /// and U+FFFF (the text was decoded, so the UTF-8 is well formed).
    private static func isPrintable(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte < 0x80 {
                guard byte >= 0x20, byte < 0x7F else { return false }
                index += 1
                continue
            }
            let second: UInt8 = index + 1 < end ? buffer[index + 1] : 0
            let third: UInt8 = index + 2 < end ? buffer[index + 2] : 0
            switch byte {
            case 0xC2:
                guard second >= 0xA0 else { return false }
            case 0xE2:
                guard !(second == 0x80 && (third == 0xA8 || third == 0xA9)) else { return false }
            case 0xEF:
                guard !(second == 0xBB && third == 0xBF), !(second == 0xBF && third >= 0xBE) else { return false }
            default:
                break
            }
            index += 1
            while index < end, buffer[index] & 0xC0 == 0x80 { index += 1 }
        }
        return true
    }
}
