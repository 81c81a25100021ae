import Diagnostics
import Testing
import ShellSyntax

/// Positions kept as runs read back exactly as the positions that were appended.
@Suite struct ScalarPositionsTests {
    /// Two runs on line 3, a jump to line 4 and a lone position back on line 3.
    static let expected: [SourcePosition] = [
        SourcePosition(line: 3, column: 5), SourcePosition(line: 3, column: 6), SourcePosition(line: 3, column: 7),
        SourcePosition(line: 3, column: 9), SourcePosition(line: 3, column: 10),
        SourcePosition(line: 4, column: 1), SourcePosition(line: 4, column: 2),
        SourcePosition(line: 3, column: 2),
    ]

    @Test func readsBackWhatWasAppended() {
        let positions = ScalarPositions(Self.expected)
        #expect(Array(positions) == Self.expected)
        #expect(positions.count == Self.expected.count)
        #expect(positions.first == Self.expected.first)
        #expect(positions.last == Self.expected.last)
        for offset in Self.expected.indices {
            #expect(positions[offset] == Self.expected[offset])
        }
    }

    @Test func slicesKeepTheirPositions() {
        let positions = ScalarPositions(Self.expected)
        for lower in 0...Self.expected.count {
            for upper in lower...Self.expected.count {
                #expect(Array(positions[lower..<upper]) == Array(Self.expected[lower..<upper]))
            }
        }
    }

    @Test func runsAreMergedSoEqualPositionsAreEqualValues() {
        var byRuns = ScalarPositions(runFrom: SourcePosition(line: 2, column: 1), count: 2)
        byRuns.append(runFrom: SourcePosition(line: 2, column: 3), count: 3)
        var appended = ScalarPositions((1...3).map { SourcePosition(line: 2, column: $0) })
        appended.append(contentsOf: ScalarPositions((4...5).map { SourcePosition(line: 2, column: $0) }))
        #expect(byRuns == appended)
        #expect(byRuns.hashValue == appended.hashValue)
        #expect(byRuns == ScalarPositions(runFrom: SourcePosition(line: 2, column: 1), count: 5))
        #expect(ScalarPositions() == ScalarPositions([]))
        #expect(ScalarPositions(Self.expected)[2..<2] == ScalarPositions())
    }

    @Test func runWalkCoversEveryPosition() {
        let positions = ScalarPositions(Self.expected)
        var walked: [SourcePosition] = []
        positions.forEachRun { offset, start, count in
            #expect(offset == walked.count)
            walked += (0..<count).map { start.advanced(by: $0) }
        }
        #expect(walked == Self.expected)
    }
}
