/// A point in virtual time: nanoseconds since 1970-01-01T00:00:00Z.
///
/// TokenCore has no clock of its own; callers (the simulated cluster) move time forward.
/// Arithmetic saturates at the ends of the `Int64` range instead of trapping.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch (negative before it).
    public var nanosecondsSinceEpoch: Int64

    /// The instant `nanosecondsSinceEpoch` nanoseconds after the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The instant `seconds` whole seconds after the Unix epoch (saturating).
    public init(secondsSinceEpoch seconds: Int64) {
        self.nanosecondsSinceEpoch = Self.saturatingMultiply(seconds, Self.nanosPerSecond)
    }

    /// 1970-01-01T00:00:00Z.
    public static let unixEpoch = Instant(nanosecondsSinceEpoch: 0)

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The instant `duration` later (earlier for a negative duration), saturating.
    public static func + (lhs: Instant, rhs: Duration) -> Instant {
        let (sum, overflow) = lhs.nanosecondsSinceEpoch.addingReportingOverflow(nanoseconds(in: rhs))
        if overflow { return Instant(nanosecondsSinceEpoch: rhs < .zero ? .min : .max) }
        return Instant(nanosecondsSinceEpoch: sum)
    }

    /// The instant `duration` earlier, saturating.
    public static func - (lhs: Instant, rhs: Duration) -> Instant {
        lhs + (.zero - rhs)
    }

    /// The span from `rhs` to `lhs`.
    public static func - (lhs: Instant, rhs: Instant) -> Duration {
        let (difference, overflow) = lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(rhs.nanosecondsSinceEpoch)
        if overflow {
            return .nanoseconds(lhs < rhs ? Int64.min : Int64.max)
        }
        return .nanoseconds(difference)
    }

    /// Whole nanoseconds in `duration`, truncated toward zero and saturated to `Int64`.
    public static func nanoseconds(in duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let fromSeconds = saturatingMultiply(seconds, nanosPerSecond)
        let (total, overflow) = fromSeconds.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return total
    }

    /// RFC 3339 in UTC, fractional seconds only when non-zero and without trailing zeros
    /// (Go's `time.RFC3339Nano`): `2026-01-01T00:00:00Z`, `2026-01-01T00:00:00.25Z`.
    public var rfc3339: String {
        let (seconds, nanos) = secondsAndNanoseconds
        return Self.format(seconds: seconds, nanoseconds: nanos)
    }

    /// RFC 3339 in UTC truncated to whole seconds (Go's `time.RFC3339`): `2026-01-01T00:00:00Z`.
    public var rfc3339Seconds: String {
        Self.format(seconds: secondsAndNanoseconds.seconds, nanoseconds: 0)
    }

    public var description: String { rfc3339 }

    /// Whole seconds since the epoch (rounded down) and the nanoseconds after them
    /// (0..<1_000_000_000), as in a protobuf Timestamp.
    public var secondsAndNanoseconds: (seconds: Int64, nanoseconds: Int64) {
        let seconds = Self.floorDivide(nanosecondsSinceEpoch, Self.nanosPerSecond)
        return (seconds, nanosecondsSinceEpoch - seconds * Self.nanosPerSecond)
    }

    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds
    /// (up to nine digits are kept, further digits are truncated), then `Z` or `±HH:MM`.
    ///
    /// Strict like Go's `time.Parse(time.RFC3339, ...)`, which influxctl uses: an upper-case
    /// `T` and `Z`, a colon in the offset (`+0000` is rejected), seconds 00-59, and the day
    /// must exist in its month. Returns nil for anything else, or for a time outside the
    /// `Int64` nanosecond range (years 1677-2262).
    public init?(rfc3339 text: String) {
        var parser = RFC3339Parser(text: text)
        guard let value = parser.parse() else { return nil }
        self.nanosecondsSinceEpoch = value
    }

    // MARK: - Civil calendar (proleptic Gregorian)

    static let nanosPerSecond: Int64 = 1_000_000_000
    static let secondsPerDay: Int64 = 86_400

    /// `YYYY-MM-DDTHH:MM:SS`, then `.` and the nanoseconds without trailing zeros unless
    /// they are zero, then `Z`, written straight into the string's storage.
    private static func format(seconds: Int64, nanoseconds: Int64) -> String {
        let days = floorDivide(seconds, secondsPerDay)
        let secondOfDay = seconds - days * secondsPerDay
        let (year, month, day) = civil(fromDays: days)
        // A sign and 19 digits of year, the 15 other date and time bytes, `.`, 9 digits and `Z`.
        return String(unsafeUninitializedCapacity: 46) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func put(_ value: Int64, width: Int) {
                if value < 0 { put(UInt8(ascii: "-")) }
                var digits = value.magnitude
                var length = 1
                while digits >= 10 {
                    digits /= 10
                    length += 1
                }
                for _ in length..<max(length, width) { put(UInt8(ascii: "0")) }
                digits = value.magnitude
                for position in stride(from: count + length - 1, through: count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(digits % 10)
                    digits /= 10
                }
                count += length
            }
            put(year, width: 4)
            put(UInt8(ascii: "-"))
            put(month, width: 2)
            put(UInt8(ascii: "-"))
            put(day, width: 2)
            put(UInt8(ascii: "T"))
            put(secondOfDay / 3600, width: 2)
            put(UInt8(ascii: ":"))
            put(secondOfDay / 60 % 60, width: 2)
            put(UInt8(ascii: ":"))
            put(secondOfDay % 60, width: 2)
            if nanoseconds != 0 {
                put(UInt8(ascii: "."))
                put(nanoseconds, width: 9)
                while buffer[count - 1] == UInt8(ascii: "0") { count -= 1 }
            }
            put(UInt8(ascii: "Z"))
            return count
        }
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    static func saturatingMultiply(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        if overflow { return (lhs < 0) != (rhs < 0) ? .min : .max }
        return product
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays dayCount: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = dayCount + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A one-shot cursor over the UTF-8 bytes of an RFC 3339 date-time.
private struct RFC3339Parser {
    private let bytes: [UInt8]
    private var index = 0

    init(text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parse() -> Int64? {
        guard let year = number(digits: 4), expect(UInt8(ascii: "-")),
              let month = number(digits: 2), expect(UInt8(ascii: "-")),
              let day = number(digits: 2), expect(UInt8(ascii: "T")),
              let hour = number(digits: 2), expect(UInt8(ascii: ":")),
              let minute = number(digits: 2), expect(UInt8(ascii: ":")),
              let second = number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Instant.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var fraction: Int64 = 0
        if expect(UInt8(ascii: ".")) {
            var digitCount = 0
            while let digit = peekDigit() {
                if digitCount < 9 { fraction = fraction * 10 + digit }
                digitCount += 1
                index += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<max(digitCount, 9) { fraction *= 10 }
        }

        guard let offsetSeconds = offset(), index == bytes.count else { return nil }

        let days = Instant.days(year: year, month: month, day: day)
        let localSeconds = days * Instant.secondsPerDay + hour * 3600 + minute * 60 + second
        let utcSeconds = localSeconds - offsetSeconds
        let (wholeNanos, multiplyOverflow) = utcSeconds.multipliedReportingOverflow(by: Instant.nanosPerSecond)
        guard !multiplyOverflow else { return nil }
        let (total, addOverflow) = wholeNanos.addingReportingOverflow(fraction)
        return addOverflow ? nil : total
    }

    /// `Z`, or `+HH:MM` / `-HH:MM` as signed seconds east of UTC.
    private mutating func offset() -> Int64? {
        if expect(UInt8(ascii: "Z")) { return 0 }
        let sign: Int64
        if expect(UInt8(ascii: "+")) {
            sign = 1
        } else if expect(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2), expect(UInt8(ascii: ":")), let minutes = number(digits: 2),
              hours < 24, minutes < 60
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private func peekDigit() -> Int64? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    private mutating func number(digits: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<digits {
            guard let digit = peekDigit() else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
