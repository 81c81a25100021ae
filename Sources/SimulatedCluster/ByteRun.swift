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
}
