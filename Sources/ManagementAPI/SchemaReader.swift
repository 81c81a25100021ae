import Diagnostics

/// Reads a JSON body against the Management API schema, collecting `api.schema` findings and
/// the typed values the request needs. Each field gets at most one finding.
struct SchemaReader {
    private(set) var diagnostics: [Diagnostic] = []
    /// True when something the request needs is a shell value (`"permissions": $LIST`), so no
    /// typed request can be built even though nothing is wrong.
    private(set) var hasUnknownStructure = false

    /// True when the values read can form a typed request.
    var isComplete: Bool { diagnostics.isEmpty && !hasUnknownStructure }

    /// Names the schema in every message, as a spec-read finding names its spec file.
    let source: String

    init(source: String) {
        self.source = source
    }

    mutating func report(_ message: String, at range: SourceRange, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(rule: .apiSchema, range: range, message: SchemaNote.message(message, schemas: [source]), suggestion: suggestion))
    }

    /// The fields of an object, after checking names, required fields and `minProperties: 1`.
    /// `what` names the object in messages; `notes` explain why some names are refused.
    mutating func fields(
        of json: PositionedJSON, what: String, allowed: [String], required: [String] = [],
        notes: [String: String] = [:], needsOneField: Bool = false
    ) -> [String: PositionedJSON]? {
        switch json.value {
        case .unknown:
            hasUnknownStructure = true
            return nil
        case .object(let members):
            let opening = SourceRange(start: json.range.start, length: 1)
            var fields: [String: PositionedJSON] = [:]
            var namesAreKnown = true
            for member in members {
                if member.keyHasUnknownParts {
                    namesAreKnown = false
                    hasUnknownStructure = true
                    continue
                }
                guard allowed.contains(member.key) else {
                    let note = notes[member.key].map { " (\($0))" } ?? ""
                    let suggestion = ValueRules.nearest(to: member.key, in: allowed)
                    report("unknown field \"\(member.key)\" in \(what)\(note); its fields are \(Self.list(allowed))",
                           at: member.keyRange, suggestion: suggestion.map { "\"\($0)\"" })
                    continue
                }
                fields[member.key] = member.value
            }
            if namesAreKnown {
                for name in required where fields[name] == nil {
                    report("missing required field \"\(name)\" in \(what)", at: opening)
                }
                if needsOneField, members.isEmpty {
                    report("\(what) is empty: it needs at least one of \(Self.list(allowed))", at: opening)
                }
            }
            return fields
        default:
            report("\(what) must be a JSON object, found \(json.kindDescription)", at: json.range)
            return nil
        }
    }

    /// A string field; a shell value counts as an unknown string.
    mutating func string(_ json: PositionedJSON?, field: String) -> APIValue? {
        guard let json else { return nil }
        switch json.value {
        case .string(let text, let hasUnknownParts):
            return APIValue(text: text, range: json.range, isUnknown: hasUnknownParts)
        case .unknown(let source):
            return APIValue(text: source, range: json.range, isUnknown: true)
        default:
            report("\"\(field)\" must be a string, found \(json.kindDescription)", at: json.range)
            return nil
        }
    }

    /// A string field that must be one of `choices`.
    mutating func choice(_ json: PositionedJSON?, field: String, choices: [String]) -> APIValue? {
        guard let value = string(json, field: field) else { return nil }
        guard value.isUnknown || choices.contains(value.text) else {
            report("\"\(field)\" must be \(Self.list(choices, joinedBy: "or", quoted: true)), found \"\(value.text)\"", at: value.range,
                   suggestion: ValueRules.nearest(to: value.text, in: choices).map { "\"\($0)\"" })
            return nil
        }
        return value
    }

    /// A database name field (1 to 64 letters, digits, `_`, `-`, `/`); `allowWildcard` admits `*`.
    mutating func databaseName(_ json: PositionedJSON?, field: String, allowWildcard: Bool = false) -> APIValue? {
        guard let value = string(json, field: field) else { return nil }
        if value.isUnknown || (allowWildcard && value.text == "*") { return value }
        if let problem = ValueRules.databaseNameProblem(value.text) {
            let wildcard = allowWildcard ? " (or `*` for every database)" : ""
            report("\"\(field)\" \"\(value.text)\" is not a database name\(wildcard): it \(problem)", at: value.range)
            return nil
        }
        return value
    }

    /// An RFC3339 date-time string; values only a running shell knows pass.
    mutating func dateTime(_ json: PositionedJSON?, field: String) -> APIValue? {
        guard let value = string(json, field: field) else { return nil }
        guard value.isUnknown || ValueRules.isRFC3339(value.text) else {
            report("\"\(field)\" must be an RFC3339 date-time such as 2030-01-31T23:59:59Z, found \"\(value.text)\"", at: value.range)
            return nil
        }
        return value
    }

    /// An integer field within `range`; a shell value reads as nil (as if absent).
    mutating func integer(_ json: PositionedJSON?, field: String, range: ClosedRange<Int64>) -> Int64? {
        guard let json else { return nil }
        switch json.value {
        case .unknown:
            return nil
        case .number(let text):
            guard let number = Int64(text) else {
                let reason = text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? "must be an integer" : "is out of range"
                report("\"\(field)\" \(reason), found \(text)", at: json.range)
                return nil
            }
            guard range.contains(number) else {
                let bound = number < range.lowerBound ? "at least \(range.lowerBound)" : "at most \(range.upperBound)"
                report("\"\(field)\" must be \(bound), found \(text)", at: json.range)
                return nil
            }
            return number
        default:
            report("\"\(field)\" must be an integer, found \(json.kindDescription)", at: json.range)
            return nil
        }
    }

    /// An array field's elements; a shell value marks the structure unknown.
    mutating func array(_ json: PositionedJSON?, field: String) -> [PositionedJSON]? {
        guard let json else { return nil }
        switch json.value {
        case .array(let items):
            return items
        case .unknown:
            hasUnknownStructure = true
            return nil
        default:
            report("\"\(field)\" must be an array, found \(json.kindDescription)", at: json.range)
            return nil
        }
    }

    /// A token's permissions: `[{ "action": "read"|"write", "resource": name or "*" }]`.
    mutating func permissions(_ json: PositionedJSON?) -> [APIPermission]? {
        guard let items = array(json, field: "permissions") else { return nil }
        var permissions: [APIPermission] = []
        for item in items {
            guard let fields = fields(of: item, what: "a permission", allowed: ["action", "resource"], required: ["action", "resource"]) else { continue }
            let action = choice(fields["action"], field: "action", choices: ["read", "write"])
            let resource = databaseName(fields["resource"], field: "resource", allowWildcard: true)
            if let action, let resource { permissions.append(APIPermission(action: action, resource: resource)) }
        }
        return permissions
    }

    /// A partition template: 1 to 8 parts `{type: time|tag, value: string}` or
    /// `{type: bucket, value: {tagName, numberOfBuckets 1...100000}}`.
    mutating func partitionTemplate(_ json: PositionedJSON?) {
        guard let json, let parts = array(json, field: "partitionTemplate") else { return }
        if parts.isEmpty {
            report("\"partitionTemplate\" needs 1 to 8 parts, found none", at: json.range)
        } else if parts.count > 8 {
            report("\"partitionTemplate\" takes at most 8 parts, found \(parts.count)", at: parts[8].range)
        }
        for part in parts {
            guard let fields = fields(of: part, what: "a partition template part", allowed: ["type", "value"], required: ["type", "value"]),
                  let type = choice(fields["type"], field: "type", choices: ["time", "tag", "bucket"]), !type.isUnknown
            else { continue }
            if type.text == "bucket" {
                guard let value = fields["value"],
                      let bucket = self.fields(of: value, what: "a bucket part's value", allowed: ["tagName", "numberOfBuckets"], required: ["tagName", "numberOfBuckets"])
                else { continue }
                _ = string(bucket["tagName"], field: "tagName")
                _ = integer(bucket["numberOfBuckets"], field: "numberOfBuckets", range: 1...100_000)
            } else {
                _ = string(fields["value"], field: "value")
            }
        }
    }

    static func list(_ names: [String], joinedBy conjunction: String = "and", quoted: Bool = false) -> String {
        let shown = names.map { quoted ? "\"\($0)\"" : $0 }
        guard let last = shown.last else { return "" }
        guard shown.count > 1 else { return last }
        return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
