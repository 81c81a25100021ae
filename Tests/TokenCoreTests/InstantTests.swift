import Testing
import TokenCore

@Suite("Instant")
struct InstantTests {
    @Test func formatsTheEpochAndWholeSeconds() {
        #expect(Instant.unixEpoch.rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: 1_767_225_600).rfc3339 == "2026-01-01T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: 951_782_400).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: 4_107_542_399).rfc3339 == "2100-02-28T23:59:59Z")
    }

    @Test func formatsFractionsWithoutTrailingZeros() {
        let base = Instant(secondsSinceEpoch: 1_767_225_600)
        #expect((base + .milliseconds(250)).rfc3339 == "2026-01-01T00:00:00.25Z")
        #expect((base + .nanoseconds(1)).rfc3339 == "2026-01-01T00:00:00.000000001Z")
        #expect((base + .milliseconds(250)).rfc3339Seconds == "2026-01-01T00:00:00Z")
        #expect((base + .milliseconds(250)).description == "2026-01-01T00:00:00.25Z")
    }

    @Test func formatsInstantsBeforeTheEpoch() {
        let instant = Instant(nanosecondsSinceEpoch: -500_000_000)
        #expect(instant.rfc3339 == "1969-12-31T23:59:59.5Z")
        #expect(instant.rfc3339Seconds == "1969-12-31T23:59:59Z")
        #expect(instant.secondsAndNanoseconds.seconds == -1)
        #expect(instant.secondsAndNanoseconds.nanoseconds == 500_000_000)
    }

    @Test(arguments: [
        ("2026-01-01T00:00:00Z", Int64(1_767_225_600_000_000_000)),
        ("2026-01-01T01:30:00+01:30", 1_767_225_600_000_000_000),
        ("2025-12-31T19:00:00-05:00", 1_767_225_600_000_000_000),
        ("2026-01-01T00:00:00.5Z", 1_767_225_600_500_000_000),
        ("2026-01-01T00:00:00.123456789Z", 1_767_225_600_123_456_789),
        ("2026-01-01T00:00:00.1234567891Z", 1_767_225_600_123_456_789),
        ("2024-02-29T12:00:00Z", 1_709_208_000_000_000_000),
        ("1970-01-01T00:00:00Z", 0),
    ])
    func parsesRFC3339(text: String, nanoseconds: Int64) {
        #expect(Instant(rfc3339: text)?.nanosecondsSinceEpoch == nanoseconds)
    }

    @Test(arguments: [
        "", "2026-01-01", "2026-01-01 00:00:00Z", "2026-01-01t00:00:00Z", "2026-01-01T00:00:00z",
        "2026-01-01T00:00:00", "2026-01-01T00:00:00+0000", "2026-01-01T00:00:00+00", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00Zjunk",
        "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00+01:60", "26-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
        "9999-01-01T00:00:00Z", "$(date -d \"+7 days\" +\"%Y-%m-%dT%H:%M:%S%z\")",
    ])
    func rejectsWhatGoWouldReject(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func roundTripsRandomInstants() {
        var generator = SeededGenerator(seed: 7)
        let range: ClosedRange<UInt64> = 0...UInt64(4_000_000_000_000_000_000)
        for _ in 0..<2000 {
            let instant = Instant(nanosecondsSinceEpoch: Int64(generator.uniform(in: range)) - 1_000_000_000_000_000_000)
            #expect(Instant(rfc3339: instant.rfc3339) == instant)
            let truncated = Instant(rfc3339: instant.rfc3339Seconds)
            #expect(truncated?.secondsAndNanoseconds.seconds == instant.secondsAndNanoseconds.seconds)
        }
    }

    @Test func addsAndSubtractsDurations() {
        let start = Instant(secondsSinceEpoch: 100)
        #expect(start + .seconds(5) == Instant(secondsSinceEpoch: 105))
        #expect(start - .seconds(5) == Instant(secondsSinceEpoch: 95))
        #expect(start + .seconds(-5) == Instant(secondsSinceEpoch: 95))
        #expect((start + .milliseconds(1500)) - start == .milliseconds(1500))
        #expect(start < start + .nanoseconds(1))
        #expect(Instant.nanoseconds(in: .seconds(3)) == 3_000_000_000)
    }

    @Test func saturatesInsteadOfOverflowing() {
        let late = Instant(nanosecondsSinceEpoch: .max - 1)
        #expect((late + .seconds(10)).nanosecondsSinceEpoch == .max)
        let early = Instant(nanosecondsSinceEpoch: .min + 1)
        #expect((early - .seconds(10)).nanosecondsSinceEpoch == .min)
        #expect(Instant(secondsSinceEpoch: .max).nanosecondsSinceEpoch == .max)
        #expect(Instant.nanoseconds(in: .seconds(Int64.max)) == .max)
    }
}
