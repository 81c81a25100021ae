#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Substring search over UTF-8 bytes with the C library's `memchr` and `memcmp`: the checks search every
/// prose line of every page, so this stays off Foundation's bridged string search.
enum TextSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { firstOffset(of: needle, in: $0) }
        }
    }

    /// Finds candidates with `memchr` on the needle's rarest byte in English text (`b` in
    /// " be ", not the space), so prose full of common letters yields few candidates to compare.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count, let pattern = needle.baseAddress else { return nil }
        let pivot = rarestByteIndex(in: needle)
        return firstCandidate(in: haystack, length: needle.count, pivot: pivot, pivotByte: needle[pivot]) { start in
            memcmp(start, pattern, needle.count) == 0
        }
    }

    /// A lower-case ASCII needle for `containsIgnoringASCIICase`, with the byte its search
    /// looks for chosen once instead of on every search.
    struct FoldedNeedle: Sendable {
        let bytes: [UInt8]
        let pivot: Int

        init(lowercased bytes: [UInt8]) {
            self.bytes = bytes
            pivot = bytes.withUnsafeBufferPointer(TextSearch.rarestByteIndex)
        }
    }

    /// Whether UTF-8 `haystack` contains one of `needles` with its ASCII letters read as
    /// lower case, without copying it: `memchr` finds both cases of each needle's rarest byte.
    static func containsIgnoringASCIICase(_ haystack: UnsafeBufferPointer<UInt8>, anyOf needles: [FoldedNeedle]) -> Bool {
        needles.contains { folded in
            folded.bytes.withUnsafeBufferPointer { needle in
                guard !needle.isEmpty else { return true }
                let pivot = folded.pivot
                let matches = { (start: UnsafePointer<UInt8>) in needle.indices.allSatisfy { ASCIIByte.lowercased(start[$0]) == needle[$0] } }
                let lower = needle[pivot]
                let upper = ASCIIByte.isLower(lower) ? lower - 0x20 : lower
                return firstCandidate(in: haystack, length: needle.count, pivot: pivot, pivotByte: lower, where: matches) != nil
                    || (upper != lower && firstCandidate(in: haystack, length: needle.count, pivot: pivot, pivotByte: upper, where: matches) != nil)
            }
        }
    }

    /// The offset of the first `length` bytes of `haystack` whose byte at `pivot` is
    /// `pivotByte` and which `matches` accepts (given their start).
    private static func firstCandidate(in haystack: UnsafeBufferPointer<UInt8>, length: Int, pivot: Int, pivotByte: UInt8,
                                       where matches: (UnsafePointer<UInt8>) -> Bool) -> Int? {
        guard length <= haystack.count, let base = haystack.baseAddress else { return nil }
        let lastPivot = haystack.count - length + pivot
        var position = pivot
        while position <= lastPivot, let found = memchr(base + position, Int32(pivotByte), lastPivot - position + 1) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if matches(base + at - pivot) { return at - pivot }
            position = at + 1
        }
        return nil
    }

    /// How rare each byte is in English prose: the space and `etaoinshrdlcumwfgypbvkjxqz` rank
    /// from most to least frequent (0 to 26); every other byte ranks rarer (27).
    private static let rarity: [UInt8] = {
        var ranks = [UInt8](repeating: 27, count: 256)
        for (rank, byte) in " etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { ranks[Int(byte)] = UInt8(rank) }
        return ranks
    }()

    private static func rarestByteIndex(in needle: UnsafeBufferPointer<UInt8>) -> Int {
        var rarest = 0
        var rarestRank = -1
        for (index, byte) in needle.enumerated() {
            let rank = Int(rarity[Int(byte)])
            if rank > rarestRank { (rarest, rarestRank) = (index, rank) }
            if rank == 27 { break }
        }
        return rarest
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { haystack in needle.withUTF8 { firstOffset(of: $0, in: haystack) != nil } }
    }

    /// Whether UTF-8 `haystack` contains `needle`.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        contains(haystack[...], needle)
    }

    /// Whether UTF-8 `haystack` contains `needle`.
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
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
            for index in buffer.indices {
                buffer[index] = ASCIIByte.lowercased(buffer[index])
            }
        }
    }

    /// How many Unicode scalars the first `byteOffset` bytes of UTF-8 `bytes` hold.
    static func scalarCount(_ bytes: [UInt8], upTo byteOffset: Int) -> Int {
        bytes[..<byteOffset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
