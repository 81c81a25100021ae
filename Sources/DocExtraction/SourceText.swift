#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Text as bytes of valid UTF-8 with a table of its lines. Lines end at `\n`, `\r\n` or `\r`,
/// exactly as cmark counts them; a line's bytes never include its terminator.
struct TextLines {
    let bytes: [UInt8]
    /// Byte offset of each line's first byte; index 0 is line 1.
    private let starts: [Int]
    /// Byte offset just past each line's last byte (before its terminator).
    private let ends: [Int]
    /// `scalarCheckpoints[k]` is the number of scalars in the first `k * checkpointStride`
    /// bytes, so a column costs one stride of counting however long its line is (empty for
    /// ASCII text).
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 64
    /// Every byte is a scalar: columns need no counting.
    private let isASCII: Bool

    /// `isASCII` tells that the bytes are known to be ASCII, so they need not be scanned for it.
    init(_ bytes: [UInt8], isASCII knownASCII: Bool = false) {
        self.bytes = bytes
        // Room for lines of 32 bytes on average, so that few pages grow the tables.
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 2)
        starts.append(0)
        var ends: [Int] = []
        ends.reserveCapacity(bytes.count / 32 + 2)
        var checkpoints: [Int] = []
        var isASCII = true
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            if let base = buffer.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), count) == nil {
                // Nearly every page: line feeds only, found with memchr.
                var offset = 0
                while offset < count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), count - offset) {
                    let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    ends.append(index)
                    starts.append(index + 1)
                    offset = index + 1
                }
            } else {
                var index = 0
                while index < count {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: "\n") {
                        ends.append(index)
                        index += 1
                        starts.append(index)
                    } else if byte == UInt8(ascii: "\r") {
                        ends.append(index)
                        index += (index + 1 < count && buffer[index + 1] == UInt8(ascii: "\n")) ? 2 : 1
                        starts.append(index)
                    } else {
                        index += 1
                    }
                }
            }
            isASCII = knownASCII || UTF8Scalars.count(buffer) == count
            guard !isASCII else { return }
            checkpoints.reserveCapacity(count / Self.checkpointStride + 1)
            var scalars = 0
            var chunkStart = 0
            while chunkStart <= count {
                checkpoints.append(scalars)
                let chunkEnd = min(chunkStart + Self.checkpointStride, count)
                scalars += UTF8Scalars.count(UnsafeBufferPointer(rebasing: buffer[chunkStart..<chunkEnd]))
                chunkStart += Self.checkpointStride
            }
        }
        ends.append(bytes.count)
        self.isASCII = isASCII
        self.starts = starts
        self.ends = ends
        scalarCheckpoints = checkpoints
    }

    /// The number of scalars in `bytes[0..<offset]`.
    private func scalars(before offset: Int) -> Int {
        if isASCII { return offset }
        let checkpoint = offset / Self.checkpointStride
        return scalarCheckpoints[checkpoint] + UTF8Scalars.count(bytes[(checkpoint * Self.checkpointStride)..<offset])
    }

    /// Number of lines; after a final terminator comes one more, empty, line.
    var count: Int { starts.count }

    /// Byte offset of the first byte of 1-based line `number` (which must exist).
    func start(ofLine number: Int) -> Int { starts[number - 1] }

    /// The 1-based line that holds the byte at `offset` (a terminator belongs to its line).
    func lineNumber(containingByte offset: Int) -> Int {
        LineStarts(starts).line(containing: offset) + 1
    }

    /// The bytes of 1-based line `number`, empty when out of range.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        return bytes[starts[number - 1]..<ends[number - 1]]
    }

    /// The byte range of 1-based line `number` in `bytes`, empty when out of range.
    func lineRange(_ number: Int) -> Range<Int> {
        guard number >= 1, number <= starts.count else { return 0..<0 }
        return starts[number - 1]..<ends[number - 1]
    }

    /// Whether 1-based line `number` holds `byte`; found with memchr, without slicing.
    func line(_ number: Int, holds byte: UInt8) -> Bool {
        let range = lineRange(number)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !range.isEmpty else { return false }
            return memchr(base + range.lowerBound, Int32(byte), range.count) != nil
        }
    }

    /// The 1-based scalar column of the byte at `byteOffset` (0-based, within the line).
    func column(line number: Int, byteOffset: Int) -> Int {
        guard number >= 1, number <= starts.count else { return 1 }
        let start = starts[number - 1]
        let end = min(start + max(byteOffset, 0), ends[number - 1])
        return scalars(before: end) - scalars(before: start) + 1
    }

    /// The 1-based scalar column where `content` starts in line `number`, given that cmark
    /// produced `content` from that line after removing container prefixes and indentation.
    /// `emptyColumn` is used (capped at the line's end) when `content` is empty.
    func column(line number: Int, content: ArraySlice<UInt8>, emptyColumn: Int) -> Int {
        let raw = line(number)
        let rawScalars = scalars(before: raw.endIndex) - scalars(before: raw.startIndex)
        if content.isEmpty {
            return max(1, min(rawScalars + 1, emptyColumn))
        }
        if raw.hasSuffix(content) {
            return rawScalars - UTF8Scalars.count(content) + 1
        }
        // cmark turns a partly consumed tab into spaces; match what follows them.
        let body = content.drop { $0 == UInt8(ascii: " ") }
        let virtualSpaces = content.count - body.count
        if !body.isEmpty, raw.hasSuffix(body) {
            return max(1, rawScalars - UTF8Scalars.count(body) + 1 - virtualSpaces)
        }
        return max(1, min(rawScalars + 1, emptyColumn))
    }
}

extension ArraySlice where Element == UInt8 {
    func hasSuffix(_ suffix: ArraySlice<UInt8>) -> Bool {
        guard suffix.count <= count else { return false }
        guard !suffix.isEmpty else { return true }
        return withUnsafeBufferPointer { own in
            suffix.withUnsafeBufferPointer { other in
                guard let ownBase = own.baseAddress, let otherBase = other.baseAddress else { return false }
                return memcmp(ownBase + (own.count - other.count), otherBase, other.count) == 0
            }
        }
    }
}

/// Counting Unicode scalars in valid UTF-8.
enum UTF8Scalars {
    static func count(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer(count)
    }

    /// Every byte but a continuation byte (`10xxxxxx`) starts a scalar; eight bytes are
    /// looked at in one step.
    static func count(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let wordSize = MemoryLayout<UInt64>.size
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var offset = 0
        while offset + wordSize <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            continuations += (word & ~(word << 1) & highBits).nonzeroBitCount
            offset += wordSize
        }
        while offset < buffer.count {
            if buffer[offset] & 0xC0 == 0x80 { continuations += 1 }
            offset += 1
        }
        return buffer.count - continuations
    }
}

/// Turns raw file bytes into valid UTF-8 text: drops a leading byte order mark, replaces
/// ill-formed sequences and NUL bytes by U+FFFD and records each as an `InputProblem`.
struct InputDecoder {
    /// At most this many problems are listed one by one; a last one counts the rest.
    static let problemLimit = 50

    private(set) var text: [UInt8] = []
    private(set) var problems: [InputProblem] = []
    /// Whether `text` is plain ASCII (then it is the input itself).
    private(set) var isASCII = false
    private var unlistedProblems = 0
    private var firstUnlisted: SourcePosition?

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func decode(_ bytes: [UInt8]) -> InputDecoder {
        var decoder = InputDecoder()
        decoder.run(bytes)
        return decoder
    }

    private mutating func run(_ bytes: [UInt8]) {
        // Most pages: ASCII without a NUL byte, valid as it is.
        if bytes.withUnsafeBufferPointer(Self.isASCIIWithoutNUL) {
            text = bytes
            isASCII = true
            return
        }
        // Nearly every other page: valid UTF-8 without a byte-order mark or a NUL byte, kept as is.
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !hasNUL, String(validating: bytes, as: UTF8.self) != nil {
            text = bytes
            return
        }
        text.reserveCapacity(bytes.count)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var column = 1
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte >= 0x20, byte < 0x80 {
                    text.append(byte)
                    column += 1
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    text.append(byte)
                    let crlf = byte == UInt8(ascii: "\r") && index + 1 < count && buffer[index + 1] == UInt8(ascii: "\n")
                    if crlf { text.append(UInt8(ascii: "\n")) }
                    index += crlf ? 2 : 1
                    line += 1
                    column = 1
                    continue
                }
                if byte == 0 {
                    record(SourcePosition(line: line, column: column), "NUL byte")
                    text.append(contentsOf: Self.replacement)
                    column += 1
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    text.append(byte)
                    column += 1
                    index += 1
                    continue
                }
                let length = Self.wellFormedLength(buffer, at: index)
                if length > 0 {
                    text.append(contentsOf: buffer[index..<(index + length)])
                    index += length
                } else {
                    record(SourcePosition(line: line, column: column), "invalid UTF-8 byte " + Self.hex(byte))
                    text.append(contentsOf: Self.replacement)
                    index += Self.maximalSubpartLength(buffer, at: index)
                }
                column += 1
            }
        }
        if unlistedProblems > 0, let position = firstUnlisted {
            problems.append(InputProblem(position: position, message: "\(unlistedProblems) more invalid bytes from here on are not listed"))
        }
    }

    /// Whether every byte is in 0x01...0x7F; eight bytes are looked at in one step.
    private static func isASCIIWithoutNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let wordSize = MemoryLayout<UInt64>.size
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + wordSize <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // A high bit set, or a zero byte (the classic has-zero-byte test).
            if (word | ((word &- ones) & ~word)) & highBits != 0 { return false }
            offset += wordSize
        }
        while offset < buffer.count {
            if buffer[offset] == 0 || buffer[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    private mutating func record(_ position: SourcePosition, _ message: String) {
        if problems.count < Self.problemLimit {
            problems.append(InputProblem(position: position, message: message))
        } else {
            if firstUnlisted == nil { firstUnlisted = position }
            unlistedProblems += 1
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The allowed range of the second byte after each lead byte (Unicode table 3-7).
    private static func secondByteRange(_ lead: UInt8) -> ClosedRange<UInt8>? {
        switch lead {
        case 0xC2...0xDF: return 0x80...0xBF
        case 0xE0: return 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: return 0x80...0xBF
        case 0xED: return 0x80...0x9F
        case 0xF0: return 0x90...0xBF
        case 0xF1...0xF3: return 0x80...0xBF
        case 0xF4: return 0x80...0x8F
        default: return nil
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        default: return 4
        }
    }

    /// Length of the well-formed multi-byte sequence at `index`, or 0.
    private static func wellFormedLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let length = sequenceLength(buffer[index])
        return maximalSubpartLength(buffer, at: index) == length && secondByteRange(buffer[index]) != nil ? length : 0
    }

    /// Length of the longest prefix at `index` that could start a well-formed sequence
    /// (at least 1): the bytes one U+FFFD replaces.
    private static func maximalSubpartLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard let second = secondByteRange(buffer[index]) else { return 1 }
        let length = sequenceLength(buffer[index])
        var consumed = 1
        while consumed < length, index + consumed < buffer.count {
            let byte = buffer[index + consumed]
            let allowed = consumed == 1 ? second : 0x80...0xBF
            guard allowed.contains(byte) else { break }
            consumed += 1
        }
        return consumed
    }
}
