/// Substring search over UTF-8 bytes: the checks search every prose line of every page, so
/// this stays off Foundation's bridged string search.
enum TextSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? 0 : nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8)) != nil
    }

    /// ASCII letters folded to lower case; other bytes unchanged.
    static func lowercasedASCII(_ text: String) -> [UInt8] {
        text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }

    /// How many Unicode scalars the first `byteOffset` bytes of UTF-8 `bytes` hold.
    static func scalarCount(_ bytes: [UInt8], upTo byteOffset: Int) -> Int {
        bytes[..<byteOffset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
