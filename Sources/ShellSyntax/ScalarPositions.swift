import Diagnostics

/// The file positions of a text's Unicode scalars, one per scalar, stored as runs of scalars
/// that stand one after another on one line: text spelt in one piece costs its first position
/// and its length, however long it is.
///
/// Adjacent runs that continue each other are always merged, so two values are equal exactly
/// when they hold the same positions.
public struct ScalarPositions: Hashable, Sendable, Sequence {
    /// Scalars from `offset` on stand one after another from `start`, up to the next run.
    @usableFromInline
    struct Run: Hashable, Sendable {
        @usableFromInline var offset: Int
        @usableFromInline var start: SourcePosition

        @usableFromInline
        init(offset: Int, start: SourcePosition) {
            self.offset = offset
            self.start = start
        }
    }

    /// The position of the first scalar, which starts the first run; the origin when empty.
    @usableFromInline private(set) var head = SourcePosition(line: 0, column: 0)
    /// The runs after the first one, in order of their offsets.
    @usableFromInline private(set) var laterRuns: [Run] = []
    /// How many scalars have a position.
    public private(set) var count = 0

    /// No positions.
    public init() {}

    /// The positions of `count` scalars that stand one after another from `start` on one line.
    public init(runFrom start: SourcePosition, count: Int) {
        append(runFrom: start, count: count)
    }

    /// The given positions, in order.
    public init(_ positions: some Sequence<SourcePosition>) {
        for position in positions { append(position) }
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable public var first: SourcePosition? { count > 0 ? head : nil }

    public var last: SourcePosition? {
        guard count > 0 else { return nil }
        let run = laterRuns.last ?? Run(offset: 0, start: head)
        return run.start.advanced(by: count - 1 - run.offset)
    }

    /// The position of the scalar at `offset`, which must be less than `count`.
    public subscript(offset: Int) -> SourcePosition {
        precondition(offset >= 0 && offset < count, "scalar offset out of range")
        let run = self.run(containing: offset)
        return run.start.advanced(by: offset - run.offset)
    }

    /// The positions of the scalars at `bounds`, which must lie within `0..<count`.
    public subscript(bounds: Range<Int>) -> ScalarPositions {
        precondition(bounds.lowerBound >= 0 && bounds.upperBound <= count, "scalar offsets out of range")
        var result = ScalarPositions()
        guard !bounds.isEmpty else { return result }
        var runIndex = runIndex(containing: bounds.lowerBound)
        var offset = bounds.lowerBound
        while offset < bounds.upperBound {
            let run = self.run(at: runIndex)
            let runEnd = Swift.min(runEnd(at: runIndex), bounds.upperBound)
            result.append(runFrom: run.start.advanced(by: offset - run.offset), count: runEnd - offset)
            offset = runEnd
            runIndex += 1
        }
        return result
    }

    /// Appends the position of one more scalar.
    public mutating func append(_ position: SourcePosition) {
        append(runFrom: position, count: 1)
    }

    /// Appends the positions of `runCount` scalars that stand one after another from `start`
    /// on one line.
    public mutating func append(runFrom start: SourcePosition, count runCount: Int) {
        guard runCount > 0 else { return }
        if count == 0 {
            head = start
        } else if start != nextInLine {
            laterRuns.append(Run(offset: count, start: start))
        }
        count += runCount
    }

    public mutating func append(contentsOf other: ScalarPositions) {
        guard other.count > 0 else { return }
        if count == 0 {
            self = other
            return
        }
        for runIndex in 0...other.laterRuns.count {
            let run = other.run(at: runIndex)
            append(runFrom: run.start, count: other.runEnd(at: runIndex) - run.offset)
        }
    }

    /// Calls `body` with each run in order: the offset of its first scalar, that scalar's
    /// position and the run's length (the scalars stand one after another on one line).
    @inlinable
    public func forEachRun(_ body: (_ offset: Int, _ start: SourcePosition, _ count: Int) throws -> Void) rethrows {
        guard count > 0 else { return }
        var start = head
        var offset = 0
        for run in laterRuns {
            try body(offset, start, run.offset - offset)
            start = run.start
            offset = run.offset
        }
        try body(offset, start, count - offset)
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(self) }

    @inlinable public var underestimatedCount: Int { count }

    /// Walks the positions in order, a run at a time.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let positions: ScalarPositions
        /// The position `next()` returns, unless the run ends first.
        @usableFromInline var current: SourcePosition
        @usableFromInline var offset = 0
        /// The offset where the current run ends.
        @usableFromInline var runEnd: Int
        /// The index in `laterRuns` of the run after the current one.
        @usableFromInline var nextRunIndex = 0

        @inlinable
        init(_ positions: ScalarPositions) {
            self.positions = positions
            current = positions.head
            runEnd = positions.laterRuns.first?.offset ?? positions.count
        }

        @inlinable
        public mutating func next() -> SourcePosition? {
            if offset == runEnd {
                guard nextRunIndex < positions.laterRuns.count else { return nil }
                current = positions.laterRuns[nextRunIndex].start
                nextRunIndex += 1
                runEnd = nextRunIndex < positions.laterRuns.count ? positions.laterRuns[nextRunIndex].offset : positions.count
            }
            let position = current
            current.column += 1
            offset += 1
            return position
        }
    }

    /// The position a scalar appended now would have if it continued the last run.
    private var nextInLine: SourcePosition {
        let run = laterRuns.last ?? Run(offset: 0, start: head)
        return run.start.advanced(by: count - run.offset)
    }

    /// Run 0 is the head run; run `index` > 0 is `laterRuns[index - 1]`.
    private func run(at index: Int) -> Run {
        index == 0 ? Run(offset: 0, start: head) : laterRuns[index - 1]
    }

    private func runEnd(at index: Int) -> Int {
        index < laterRuns.count ? laterRuns[index].offset : count
    }

    private func run(containing offset: Int) -> Run {
        run(at: runIndex(containing: offset))
    }

    /// The index of the last run that starts at or before `offset` (binary search).
    private func runIndex(containing offset: Int) -> Int {
        var low = 0
        var high = laterRuns.count
        while low < high {
            let middle = (low + high) / 2
            if laterRuns[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
