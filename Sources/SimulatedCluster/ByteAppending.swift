/// Runs of one repeated ASCII byte, for padding output buffers a slice at a time.
enum ByteRun {
    static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    static let dashes = [UInt8](repeating: UInt8(ascii: "-"), count: 64)
}

extension [UInt8] {
    /// Appends `count` bytes of `run` (one of the `ByteRun`s), nothing for a count below one.
    mutating func append(run: [UInt8], count: Int) {
        var remaining = count
        while remaining > 0 {
            let chunk = Swift.min(remaining, run.count)
            append(contentsOf: run[..<chunk])
            remaining -= chunk
        }
    }

    /// Appends the UTF-8 of `text`, copied in one piece when it is stored contiguously.
    mutating func append(utf8 text: some StringProtocol) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }

    /// Appends the UTF-8 of a literal.
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
