/// A place in a source file: 1-based line and column. Columns count Unicode scalars, so a
/// caret printed under the column lands under the character an editor shows there.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The same line, `count` scalars further right.
    public func advanced(by count: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + count)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of a source file: `end` is the position just after the last character.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A range that covers `length` scalars on one line.
    public init(start: SourcePosition, length: Int) {
        self.init(start: start, end: start.advanced(by: max(length, 0)))
    }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)-\(end)" }
}

/// One line of text taken from a file, with the file position of its first character.
/// Code blocks are sequences of these, so a later stage can point at any character.
public struct SourceLine: Hashable, Sendable {
    public var text: String
    public var start: SourcePosition

    public init(text: String, start: SourcePosition) {
        self.text = text
        self.start = start
    }

    /// The file position of the scalar at `offset` (0-based) in `text`.
    public func position(atScalarOffset offset: Int) -> SourcePosition {
        start.advanced(by: offset)
    }
}

/// The offsets where the lines of a text start, in increasing order, the first being 0.
public struct LineStarts: Hashable, Sendable {
    public let offsets: [Int]

    public init(_ offsets: [Int]) {
        self.offsets = offsets
    }

    /// The 0-based line that holds `offset`: the last whose start is not after it.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = offsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
