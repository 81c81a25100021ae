#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libcmark 0.30 takes worse than quadratic time over many image openers (`![`) in one
/// paragraph (CVE-2023-22486): 20,000 `![[]()` take about 0.5 s, 40,000 about 6 s, 160,000
/// practically forever. A page with more than `limit` of them is parsed with the `!` of each
/// `![` read as a space: images become links, which docverify treats alike, every byte keeps
/// its place, and the page gets an input problem that says so.
enum ImageOpenerGuard {
    /// What an input problem says about a text that held `count` image openers.
    static func problem(count: Int) -> String {
        "\(count) image openers ('![') are more than libcmark 0.30 parses in bounded time (\(limit)); "
            + "the images were read as links"
    }

    /// At most this many image openers are parsed as written (10,000 take about 0.1 s).
    static let limit = 10_000

    /// The bytes cmark should parse (`CMarkDocument` asks): `bytes` itself, or when it holds
    /// more than `limit` image openers, a copy without them, how many there were and the
    /// offset of the first from the start of `bytes`.
    static func parseable(_ bytes: ArraySlice<UInt8>) -> (bytes: ArraySlice<UInt8>, neutralized: (count: Int, first: Int)?) {
        var openers: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset + 1 < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "!")), buffer.count - offset - 1) {
                offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if buffer[offset + 1] == UInt8(ascii: "[") { openers.append(offset) }
                offset += 1
            }
        }
        guard openers.count > limit, let first = openers.first else { return (bytes, nil) }
        var copy = bytes
        for index in openers { copy[copy.startIndex + index] = UInt8(ascii: " ") }
        return (copy, (openers.count, first))
    }
}
