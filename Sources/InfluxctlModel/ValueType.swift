import Diagnostics
/// What a flag or positional argument takes, and so how its value is checked.
public enum ValueType: Hashable, Sendable {
    /// Any text.
    case string
    /// Any text except the empty string.
    case nonEmptyString
    /// A switch: written `--force`, or `--force=true|false` (Go's `strconv.ParseBool` spellings).
    case bool
    /// influxctl's retention duration: `30d`, `2.5d`, `1y6mo`; units s, m, h, d, w, mo, y;
    /// combinable and fractional, never negative, no whitespace; `0` means infinite.
    case duration
    /// A Go `time.Duration` as urfave/cli's DurationFlag reads it: `1m0s`, `10s`, `500ms`.
    case goDuration
    /// A decimal (or `0x` hexadecimal) integer, at least `minimum` when one is given.
    case integer(minimum: Int?)
    /// An RFC3339 timestamp with a time zone: `2025-10-24T00:00:00Z`, `...T08:00:00+07:00`.
    case rfc3339Time
    /// One of a fixed list of words, e.g. `table` or `json`.
    case choice([String])
    /// A database name: 1–64 characters of a-z A-Z 0-9 _ - /; `*` (all databases) only
    /// when `allowsWildcard`.
    case databaseName(allowsWildcard: Bool)
    /// A partition template tag bucket: `TAG_KEY,N` with N from 1 to 100000.
    case tagBucket

    /// True for `.bool`: the flag takes no separate value word.
    public var isBool: Bool { self == .bool }

    /// A short description of what a value must look like, for messages.
    public var expectation: String {
        switch self {
        case .string: "text"
        case .nonEmptyString: "non-empty text"
        case .bool: "true or false"
        case .duration: "a duration such as 30d, 2.5d or 1y6mo (units s, m, h, d, w, mo, y)"
        case .goDuration: "a duration such as 30s, 1m0s or 500ms"
        case .integer(let minimum):
            if let minimum { "an integer of at least \(minimum)" } else { "an integer" }
        case .rfc3339Time: "an RFC3339 time such as 2025-10-24T00:00:00Z or 2025-10-24T08:00:00+07:00"
        case .choice(let values): "one of " + values.joined(separator: ", ")
        case .databaseName(let allowsWildcard):
            "a database name (1 to 64 characters of a-z, A-Z, 0-9, _, - and /)" + (allowsWildcard ? " or '*'" : "")
        case .tagBucket: "TAG_KEY,NUMBER_OF_BUCKETS with 1 to 100000 buckets"
        }
    }

    /// A sample of a valid value, for generated examples and tests.
    public var sampleValue: String {
        switch self {
        case .string, .nonEmptyString: "sample"
        case .bool: "true"
        case .duration: "30d"
        case .goDuration: "30s"
        case .integer(let minimum): String(max(minimum ?? 0, 1) * 10)
        case .rfc3339Time: "2030-01-01T00:00:00Z"
        case .choice(let values): values.first ?? ""
        case .databaseName: "sample_db"
        case .tagBucket: "host,10"
        }
    }

    /// Why `value` is not a valid value of this type, or nil when it is.
    public func problem(with value: String) -> ValueProblem? {
        switch self {
        case .string:
            return nil
        case .nonEmptyString:
            return value.isEmpty ? ValueProblem("the value must not be empty") : nil
        case .bool:
            return Self.goBoolSpellings.contains(value) ? nil : ValueProblem("expected true or false")
        case .duration:
            return ValueChecks.retentionDurationProblem(value)
        case .goDuration:
            return ValueChecks.goDurationProblem(value)
        case .integer(let minimum):
            return ValueChecks.integerProblem(value, minimum: minimum)
        case .rfc3339Time:
            return ValueChecks.rfc3339Problem(value)
        case .choice(let values):
            guard !values.contains(value) else { return nil }
            return ValueProblem("expected " + expectation, suggestion: Suggestions.nearest(to: value, in: values))
        case .databaseName(let allowsWildcard):
            return ValueChecks.databaseNameProblem(value, allowsWildcard: allowsWildcard)
        case .tagBucket:
            return ValueChecks.tagBucketProblem(value)
        }
    }

    /// The spellings Go's `strconv.ParseBool` accepts.
    static let goBoolSpellings: Set<String> = ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]
}

/// Why a value is invalid, and the value that would fix it when one is obvious.
public struct ValueProblem: Hashable, Sendable {
    public var message: String
    public var suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }
}

/// The checks behind `ValueType.problem(with:)`.
enum ValueChecks {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func retentionDurationProblem(_ value: String) -> ValueProblem? {
        if case .problem(let problem) = retentionDuration(value) { problem } else { nil }
    }

    /// A retention period as read: its length in nanoseconds (0 for `0`, which is infinite),
    /// or what is wrong with the text.
    enum RetentionReading {
        case nanoseconds(Double)
        case problem(ValueProblem)
    }

    static func retentionDuration(_ value: String) -> RetentionReading {
        if value.unicodeScalars.contains(where: isWhitespace) {
            return .problem(ValueProblem("a duration can't contain whitespace; expected \(ValueType.duration.expectation)"))
        }
        if value.hasPrefix("-") {
            return .problem(ValueProblem("a duration can't be negative; expected \(ValueType.duration.expectation)"))
        }
        if value == "0" { return .nanoseconds(0) }
        guard let total = sumDuration(value, units: retentionUnits) else {
            return .problem(ValueProblem("expected \(ValueType.duration.expectation)"))
        }
        return .nanoseconds(total)
    }

    /// Unicode's White_Space property, answered without a property lookup for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// `mo` is 30 days and `y` 365 days.
    private static let retentionUnits: [(name: String, nanoseconds: Double)] = [
        ("mo", 30 * 86_400e9), ("s", 1e9), ("m", 60e9), ("h", 3_600e9), ("d", 86_400e9), ("w", 7 * 86_400e9), ("y", 365 * 86_400e9),
    ]

    static func goDurationProblem(_ value: String) -> ValueProblem? {
        var body = Substring(value)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        if body == "0" { return nil }
        let units = ["ns", "us", "\u{00B5}s", "\u{03BC}s", "ms", "s", "m", "h"]
        return scanDuration(String(body), units: units) ? nil : ValueProblem("expected \(ValueType.goDuration.expectation)")
    }

    /// True when `text` is one or more `NUMBER UNIT` pairs; NUMBER may be fractional.
    /// `units` are tried in order, so list longer units sharing a prefix first.
    static func scanDuration(_ text: String, units: [String]) -> Bool {
        sumDuration(text, units: units.map { ($0, 0) }) != nil
    }

    /// The sum of `NUMBER UNIT` pairs, each unit weighted by its length in nanoseconds;
    /// nil when `text` is not such a sequence.
    /// Read over UTF-8: digits, `.` and the units' spellings are whole scalars, so byte
    /// prefixes match exactly where scalar prefixes do.
    static func sumDuration(_ text: String, units: [(name: String, nanoseconds: Double)]) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            guard !bytes.isEmpty else { return nil }
            func digitsEnd(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
                return end
            }
            func digits(_ range: Range<Int>) -> String {
                range.isEmpty ? "0" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var index = 0
            var total = 0.0
            while index < bytes.count {
                let number = index..<digitsEnd(from: index)
                index = number.upperBound
                var fraction = index..<index
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    fraction = (index + 1)..<digitsEnd(from: index + 1)
                    index = fraction.upperBound
                }
                let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                guard number.count + fraction.count > 0,
                      let unit = units.first(where: { rest.starts(with: $0.name.utf8) }),
                      let value = Double(digits(number) + "." + digits(fraction)) else { return nil }
                total += value * unit.nanoseconds
                index += unit.name.utf8.count
            }
            return total
        }
    }

    static func integerProblem(_ value: String, minimum: Int?) -> ValueProblem? {
        let expectation = ValueType.integer(minimum: minimum).expectation
        guard let number = parseGoInteger(value) else {
            return ValueProblem("expected \(expectation)")
        }
        if let minimum, number < minimum {
            return ValueProblem("expected \(expectation)")
        }
        return nil
    }

    /// Decimal or `0x` hexadecimal, with an optional sign, within 64 bits.
    static func parseGoInteger(_ value: String) -> Int64? {
        var body = Substring(value)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        let magnitude: Int64?
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            magnitude = Int64(body.dropFirst(2), radix: 16)
        } else if !body.isEmpty, body.unicodeScalars.allSatisfy(isDigit) {
            magnitude = Int64(body)
        } else {
            magnitude = nil
        }
        guard let magnitude else { return nil }
        return negative ? -magnitude : magnitude
    }

    static func rfc3339Problem(_ value: String) -> ValueProblem? {
        let generic = ValueProblem("expected \(ValueType.rfc3339Time.expectation)")
        let scalars = Array(value.unicodeScalars)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scalars.count else { return nil }
            let slice = scalars[start..<(start + length)]
            guard slice.allSatisfy(isDigit) else { return nil }
            return Int(String(String.UnicodeScalarView(slice)))
        }
        func scalar(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        guard let year = number(0, 4), scalar(4) == "-", let month = number(5, 2), scalar(7) == "-",
              let day = number(8, 2) else { return generic }
        guard scalar(10) == "T", let hour = number(11, 2), scalar(13) == ":", let minute = number(14, 2),
              scalar(16) == ":", let second = number(17, 2) else {
            if scalars.count == 10 {
                return ValueProblem("a date alone is not an RFC3339 time: add a time and a time zone", suggestion: value + "T00:00:00Z")
            }
            return generic
        }
        guard (1...12).contains(month) else { return ValueProblem("month \(month) is out of range; \(generic.message)") }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            return ValueProblem("day \(day) does not exist in that month; \(generic.message)")
        }
        guard hour < 24, minute < 60, second < 60 else { return ValueProblem("the time of day is out of range; \(generic.message)") }
        var index = 19
        if scalar(index) == "." {
            index += 1
            let digits = scalars[index...].prefix(while: isDigit).count
            guard digits > 0 else { return generic }
            index += digits
        }
        let zone = String(String.UnicodeScalarView(scalars[min(index, scalars.count)...]))
        if zone == "Z" { return nil }
        guard let sign = zone.unicodeScalars.first, sign == "+" || sign == "-" else {
            return ValueProblem("a time zone (Z or an offset such as +07:00) is required; \(generic.message)")
        }
        let offset = Array(zone.unicodeScalars.dropFirst())
        if offset.count == 5, offset[2] == ":", offset.enumerated().allSatisfy({ $0.offset == 2 || isDigit($0.element) }) {
            let offsetHours = Int(String(String.UnicodeScalarView(offset[0..<2]))) ?? 99
            let offsetMinutes = Int(String(String.UnicodeScalarView(offset[3..<5]))) ?? 99
            return offsetHours < 24 && offsetMinutes < 60 ? nil : ValueProblem("the time zone offset is out of range; \(generic.message)")
        }
        if offset.count == 4, offset.allSatisfy(isDigit) {
            let prefix = String(value.unicodeScalars.dropLast(4).map(Character.init))
            let fixed = prefix + String(String.UnicodeScalarView(offset[0..<2])) + ":" + String(String.UnicodeScalarView(offset[2..<4]))
            return ValueProblem("the offset \(zone) is not RFC3339: it needs a colon (\(zone.prefix(3)):\(zone.suffix(2)))", suggestion: fixed)
        }
        return generic
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func databaseNameProblem(_ value: String, allowsWildcard: Bool) -> ValueProblem? {
        if value == "*" {
            return allowsWildcard ? nil : ValueProblem("'*' (all databases) is only allowed for --read-database and --write-database")
        }
        if value.isEmpty { return ValueProblem("a database name can't be empty") }
        let length = value.unicodeScalars.count
        if length > 64 { return ValueProblem("a database name has at most 64 characters; this one has \(length)") }
        if let bad = value.unicodeScalars.first(where: { !isDatabaseNameScalar($0) }) {
            let shown = bad.properties.isWhitespace ? "whitespace" : "'\(bad)'"
            var message = "\(shown) is not allowed in a database name (use a-z, A-Z, 0-9, _, - and /)"
            if bad == "," {
                message += "; influxctl does not split on commas here: repeat the flag for each database"
            }
            return ValueProblem(message)
        }
        return nil
    }

    static func isDatabaseNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDigit(scalar)
            || scalar == "_" || scalar == "-" || scalar == "/"
    }

    static func tagBucketProblem(_ value: String) -> ValueProblem? {
        let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty,
              let buckets = parseGoInteger(String(pieces[1])), (1...100_000).contains(buckets) else {
            return ValueProblem("expected \(ValueType.tagBucket.expectation)")
        }
        return nil
    }
}

/// Retention periods as `database create --retention-period` takes them: `30d`, `1y`,
/// `2.5d`, `1w12h`; `mo` is 30 days and `y` 365 days.
public enum RetentionPeriod {
    /// The period in nanoseconds (0 = infinite); nil when the text is not a valid period.
    public static func nanoseconds(_ text: String) -> Int64? {
        guard case .nanoseconds(let total) = ValueChecks.retentionDuration(text), total < Double(Int64.max) else { return nil }
        return Int64(total)
    }
}
