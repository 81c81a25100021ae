import Diagnostics
import Testing

@Suite struct LineStartsTests {
    @Test(arguments: [(0, 0), (4, 0), (5, 1), (6, 1), (9, 2), (1_000, 2)])
    func anOffsetBelongsToTheLastLineStartingAtOrBeforeIt(offset: Int, line: Int) {
        #expect(LineStarts([0, 5, 9]).line(containing: offset) == line)
    }

    @Test func oneLineHoldsEverything() {
        #expect(LineStarts([0]).line(containing: 42) == 0)
    }
}
