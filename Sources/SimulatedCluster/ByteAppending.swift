/// Runs of one repeated ASCII byte, for padding output buffers a slice at a time. Literals,
/// so that reading one touches no global and retains nothing.
enum ByteRun {
    static var spaces: StaticString { "                                                                " }
    static var dashes: StaticString { "----------------------------------------------------------------" }
}

extension [UInt8] {
    /// Appends `count` bytes of `run` (one of the `ByteRun`s), nothing for a count below one.
    mutating func append(run: StaticString, count: Int) {
        var remaining = count
        run.withUTF8Buffer { bytes in
            while remaining > 0 {
                let chunk = Swift.min(remaining, bytes.count)
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<chunk]))
                remaining -= chunk
            }
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
