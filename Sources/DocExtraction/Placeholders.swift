import Diagnostics

/// Finding placeholders in text and splitting declared placeholder expressions.
enum Placeholders {
    /// Distinct names written as `<UPPER_SNAKE>` (`<[A-Z][A-Z0-9_]*>`), in order of first appearance.
    static func angleNames(in lines: [ArraySlice<UInt8>]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for line in lines {
            var index = line.startIndex
            while let open = line[index...].firstIndex(of: UInt8(ascii: "<")) {
                var cursor = open + 1
                guard cursor < line.endIndex, ASCIIByte.isUpper(line[cursor]) else {
                    index = open + 1
                    continue
                }
                while cursor < line.endIndex, ASCIIByte.isUpper(line[cursor]) || ASCIIByte.isDigit(line[cursor]) || line[cursor] == UInt8(ascii: "_") {
                    cursor += 1
                }
                if cursor < line.endIndex, line[cursor] == UInt8(ascii: ">") {
                    let name = ByteClass.string(line[(open + 1)..<cursor])
                    if seen.insert(name).inserted { names.append(name) }
                    index = cursor + 1
                } else {
                    index = cursor
                }
            }
        }
        return names
    }

    /// The alternatives of a declared placeholder expression, split on `|` outside
    /// parentheses, brackets and braces, trimmed; each with its byte range in `bytes`.
    /// Empty alternatives are dropped.
    static func alternatives(in bytes: ArraySlice<UInt8>) -> [(pattern: String, range: Range<Int>)] {
        var result: [(pattern: String, range: Range<Int>)] = []
        var depth = 0
        var segmentStart = bytes.startIndex
        var index = bytes.startIndex
        func finishSegment(at end: Int) {
            var start = segmentStart
            var stop = end
            while start < stop, ByteClass.isSpace(bytes[start]) { start += 1 }
            while stop > start, ByteClass.isSpace(bytes[stop - 1]) { stop -= 1 }
            if start < stop { result.append((ByteClass.string(bytes[start..<stop]), start..<stop)) }
        }
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "|") where depth == 0:
                finishSegment(at: index)
                segmentStart = index + 1
            default:
                break
            }
            index += 1
        }
        finishSegment(at: bytes.endIndex)
        return result
    }
}
