/// The influxdb3 command model: the commands of InfluxDB 3 Core, generated from the CLI's clap
/// definitions by `scripts/import-influxdb3-clap` (`Influxdb3Catalog+Core.swift`).
public enum Influxdb3Catalog {}

/// humantime's durations, which influxdb3 reads for `--expiry`, `--retention-period` and
/// `--ttl`: one or more numbers each with a unit (`1y`, `30d`, `1h 30m`, `10 days`).
enum HumanDuration {
    static let units: Set<String> = [
        "nsec", "ns", "usec", "us", "msec", "ms", "seconds", "second", "sec", "secs", "s", "minutes", "minute", "min", "mins", "m",
        "hours", "hour", "hr", "hrs", "h", "days", "day", "d", "weeks", "week", "w", "months", "month", "M", "years", "year", "y",
    ]

    static func isValid(_ text: String) -> Bool {
        var scalars = Substring(text)[...]
        var pieces = 0
        while true {
            scalars = scalars.drop { $0 == " " }
            if scalars.isEmpty { return pieces > 0 }
            let digits = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            scalars = scalars.dropFirst(digits.count).drop { $0 == " " }
            let unit = scalars.prefix { $0.isLetter }
            guard units.contains(String(unit)) else { return false }
            scalars = scalars.dropFirst(unit.count)
            pieces += 1
        }
    }
}
