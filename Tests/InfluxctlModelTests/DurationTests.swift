import Testing
@testable import InfluxctlModel

/// Durations are read as sums of `NUMBER UNIT` pairs, fractions included.
@Suite struct DurationTests {
    static let second: Int64 = 1_000_000_000
    static let day: Int64 = 86_400 * second
    static let periods: [(text: String, nanoseconds: Int64)] = [
        ("30d", 30 * day),
        ("1y6mo", 365 * day + 180 * day),
        ("2.5d", 5 * day / 2),
        ("1.d", day),
        (".5h", 1_800 * second),
        ("0", 0),
    ]

    @Test(arguments: periods)
    func retentionPeriods(text: String, nanoseconds: Int64) {
        #expect(RetentionPeriod.nanoseconds(text) == nanoseconds)
    }

    @Test(arguments: ["", "d", ".d", "1", "1x", "-1d", "1 d", "1d\u{301}", "1\u{301}d", "1.\u{301}d", "1dd"])
    func invalidRetentionPeriods(text: String) {
        #expect(RetentionPeriod.nanoseconds(text) == nil)
        #expect(ValueType.duration.problem(with: text) != nil)
    }

    @Test(arguments: ["500ms", "1m0s", "3\u{00B5}s", "3\u{03BC}s", "-2h", "0"])
    func goDurations(text: String) {
        #expect(ValueType.goDuration.problem(with: text) == nil)
    }
}
