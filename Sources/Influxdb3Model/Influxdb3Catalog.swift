/// The influxdb3 command model: the commands of InfluxDB 3 Core, generated from the CLI's clap
/// definitions by `scripts/import-influxdb3-clap` (`Influxdb3Catalog+Core.swift`).
public enum Influxdb3Catalog {
    /// InfluxDB 3 Enterprise as far as a public source shows it: Core's commands, and the
    /// resource tokens of `create token --permission`, whose form InfluxDB documents
    /// (`influxdb3 create token --permission "db:DATABASE1,DATABASE2:read,write"`). Enterprise's
    /// CLI is not open source, so what else it adds is unknown to the model.
    public static let enterprise = core.modifying(["create", "token"]) { token in
        token.flags.append(ClapFlag(long: "permission", value: .permission, isRepeatable: true,
                                    usage: "A permission to grant, RESOURCE_TYPE:RESOURCE_NAMES:ACTIONS (InfluxDB 3 Enterprise)"))
    }
}

/// A resource token's permission, as `--permission` spells it: `db:sensors,logs:read,write`,
/// `db:*:read`, `system:health,metrics:read`.
public struct Influxdb3Permission: Hashable, Sendable {
    public enum ResourceType: String, Hashable, Sendable, CaseIterable {
        case db, system
    }

    public var type: ResourceType
    /// Names, or `*` for every resource of the type.
    public var names: [String]
    public var actions: [String]

    /// The permission `text` spells, or why it spells none.
    public static func parse(_ text: String) -> Result<Influxdb3Permission, PermissionProblem> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            return .failure(PermissionProblem("`\(text)` is not RESOURCE_TYPE:RESOURCE_NAMES:ACTIONS (three parts separated by `:`)"))
        }
        guard let type = ResourceType(rawValue: parts[0]) else {
            return .failure(PermissionProblem("`\(parts[0])` is no resource type; the types are db and system"))
        }
        let names = parts[1].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard !names.isEmpty, !names.contains("") else { return .failure(PermissionProblem("`\(text)` names no \(type == .db ? "database" : "system resource")")) }
        let actions = parts[2].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        let allowed = type == .db ? ["read", "write"] : ["read"]
        if let bad = actions.first(where: { !allowed.contains($0) }) {
            return .failure(PermissionProblem("`\(bad)` is no action for \(type.rawValue); the actions are \(allowed.joined(separator: " and "))"))
        }
        return .success(Influxdb3Permission(type: type, names: names, actions: actions))
    }
}

/// Why a `--permission` value is not one.
public struct PermissionProblem: Error, Hashable, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}

extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

/// humantime's durations, which influxdb3 reads for `--expiry`, `--retention-period` and
/// `--ttl`: one or more numbers each with a unit (`1y`, `30d`, `1h 30m`, `10 days`).
public enum HumanDuration {
    /// Seconds in each unit humantime reads (a month is 30.44 days, a year 365.25 days).
    static let secondsPerUnit: [String: Double] = {
        var table: [String: Double] = [:]
        let groups: [([String], Double)] = [
            (["nsec", "ns"], 1e-9), (["usec", "us"], 1e-6), (["msec", "ms"], 1e-3),
            (["seconds", "second", "sec", "secs", "s"], 1), (["minutes", "minute", "min", "mins", "m"], 60),
            (["hours", "hour", "hr", "hrs", "h"], 3_600), (["days", "day", "d"], 86_400), (["weeks", "week", "w"], 604_800),
            (["months", "month", "M"], 2_630_016), (["years", "year", "y"], 31_557_600),
        ]
        for (names, seconds) in groups { for name in names { table[name] = seconds } }
        return table
    }()

    static func isValid(_ text: String) -> Bool { seconds(text) != nil }

    /// The whole seconds `text` spells (`1y`, `30d`, `1h 30m`), or nil when it is no duration.
    public static func seconds(_ text: String) -> Int64? {
        var scalars = Substring(text)[...]
        var total = 0.0
        var pieces = 0
        while true {
            scalars = scalars.drop { $0 == " " }
            if scalars.isEmpty { return pieces > 0 && total < 9e18 ? Int64(total) : nil }
            let digits = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            scalars = scalars.dropFirst(digits.count).drop { $0 == " " }
            let unit = scalars.prefix { $0.isLetter }
            guard let perUnit = secondsPerUnit[String(unit)] else { return nil }
            total += number * perUnit
            scalars = scalars.dropFirst(unit.count)
            pieces += 1
        }
    }
}
