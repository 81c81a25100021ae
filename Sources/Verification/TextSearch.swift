#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes with the C library's `memchr` and `memcmp`: the checks search every
/// prose line of every page, so this stays off Foundation's bridged string search.
enum TextSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { firstOffset(of: needle, in: $0) }
        }
    }

    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last, let found = memchr(base + offset, Int32(first), last - offset + 1) {
            offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            offset += 1
        }
        return nil
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { haystack in needle.withUTF8 { firstOffset(of: $0, in: haystack) != nil } }
    }

    /// Whether UTF-8 `haystack` contains `needle`.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        var needle = needle
        return haystack.withUnsafeBufferPointer { haystack in needle.withUTF8 { firstOffset(of: $0, in: haystack) != nil } }
    }

    /// ASCII letters folded to lower case; other bytes unchanged.
    static func lowercasedASCII(_ text: String) -> [UInt8] {
        var lowered: [UInt8] = []
        lowercaseASCII(text, into: &lowered)
        return lowered
    }

    /// Replaces the contents of `lowered` with `text` lower-cased as `lowercasedASCII` does,
    /// keeping its storage (one buffer serves every line of a page).
    static func lowercaseASCII(_ text: String, into lowered: inout [UInt8]) {
        lowered.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            lowered.append(contentsOf: bytes)
        }
        lowered.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] &- UInt8(ascii: "A") < 26 {
                buffer[index] |= 0x20
            }
        }
    }

    /// How many Unicode scalars the first `byteOffset` bytes of UTF-8 `bytes` hold.
    static func scalarCount(_ bytes: [UInt8], upTo byteOffset: Int) -> Int {
        bytes[..<byteOffset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
