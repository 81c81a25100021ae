import Diagnostics

/// Checks a JSON body against the schema an OpenAPI spec gives it, collecting `api.schema`
/// findings that name the spec. Each value gets at most one finding; values only a running
/// shell knows pass.
struct SpecValidation {
    /// Names the spec in every message: `api-docs/…/openapi.yml`.
    let specFile: String
    private(set) var diagnostics: [Diagnostic] = []

    init(specFile: String) {
        self.specFile = specFile
    }

    private mutating func report(_ message: String, at range: SourceRange, suggestion: String? = nil, severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule: .apiSchema, range: range, message: SchemaNote.message(message, schemas: [specFile]), suggestion: suggestion, severity: severity))
    }

    /// Checks `json`, called `what` in messages, against `schema`.
    mutating func check(_ json: PositionedJSON, against schema: BodySchema, what: String) {
        if case .unknown = json.value { return }
        switch schema {
        case .anything:
            return
        case .object(let fields, let minFields, let otherFields):
            checkObject(json, fields: fields, minFields: minFields, otherFields: otherFields, what: what)
        case .array(let items, let minItems, let maxItems):
            guard case .array(let elements) = json.value else { return mismatch(json, expected: "an array", what: what) }
            if elements.count < minItems {
                report("\(what) needs at least \(minItems) item\(minItems == 1 ? "" : "s"), found \(elements.count)", at: json.range)
            } else if let maxItems, elements.count > maxItems {
                report("\(what) takes at most \(maxItems) item\(maxItems == 1 ? "" : "s"), found \(elements.count)", at: elements[maxItems].range)
            }
            guard let items else { return }
            for element in elements { check(element, against: items, what: "an item of \(what)") }
        case .string(let choices, let minLength, let maxLength, let isDateTime):
            checkString(json, choices: choices, minLength: minLength, maxLength: maxLength, isDateTime: isDateTime, what: what)
        case .integer(let minimum, let maximum):
            guard case .number(let text) = json.value else { return mismatch(json, expected: "an integer", what: what) }
            guard let number = Int64(text) else {
                let isFraction = text.contains { $0 == "." || $0 == "e" || $0 == "E" }
                return report("\(what) \(isFraction ? "must be an integer" : "is out of range"), found \(text)", at: json.range)
            }
            if let minimum, number < minimum {
                report("\(what) must be at least \(minimum), found \(text)", at: json.range)
            } else if let maximum, number > maximum {
                report("\(what) must be at most \(maximum), found \(text)", at: json.range)
            }
        case .number:
            guard case .number = json.value else { return mismatch(json, expected: "a number", what: what) }
        case .boolean:
            guard case .bool = json.value else { return mismatch(json, expected: "true or false", what: what) }
        case .anyOf(let alternatives):
            checkAlternatives(json, alternatives, what: what)
        }
    }

    private mutating func mismatch(_ json: PositionedJSON, expected: String, what: String) {
        report("\(what) must be \(expected), found \(json.kindDescription)", at: json.range)
    }

    private mutating func checkObject(_ json: PositionedJSON, fields: [BodySchema.Field], minFields: Int, otherFields: BodySchema.OtherFields, what: String) {
        guard case .object(let members) = json.value else { return mismatch(json, expected: "a JSON object", what: what) }
        let names = fields.map(\.name)
        var namesAreKnown = true
        var present: Set<String> = []
        for member in members {
            guard !member.keyHasUnknownParts else {
                namesAreKnown = false
                continue
            }
            present.insert(member.key)
            guard let field = fields.first(where: { $0.name == member.key }) else {
                let suggestion = ValueRules.nearest(to: member.key, in: names).map { "\"\($0)\"" }
                if otherFields == .allowed { continue }
                if otherFields == .unlisted {
                    report("field \"\(member.key)\" is not in the spec's \(what), whose fields are \(SchemaReader.list(names)); the spec does not forbid other fields, so the API may ignore it: a doc bug or a gap in the spec",
                           at: member.keyRange, suggestion: suggestion, severity: .warning)
                } else {
                    report("unknown field \"\(member.key)\" in \(what); its fields are \(SchemaReader.list(names))", at: member.keyRange, suggestion: suggestion)
                }
                continue
            }
            check(member.value, against: field.schema, what: "\"\(member.key)\"")
        }
        guard namesAreKnown else { return }
        let opening = SourceRange(start: json.range.start, length: 1)
        for field in fields where field.isRequired && !present.contains(field.name) {
            report("missing required field \"\(field.name)\" in \(what)", at: opening)
        }
        if members.count < minFields {
            report("\(what) needs at least \(minFields) of its fields \(SchemaReader.list(names, joinedBy: "or")), found \(members.count)", at: opening)
        }
    }

    private mutating func checkString(_ json: PositionedJSON, choices: [String]?, minLength: Int, maxLength: Int?, isDateTime: Bool, what: String) {
        guard case .string(let text, let hasUnknownParts) = json.value else { return mismatch(json, expected: "a string", what: what) }
        guard !hasUnknownParts else { return }
        if let choices, !choices.contains(text) {
            report("\(what) must be \(SchemaReader.list(choices, joinedBy: "or", quoted: true)), found \"\(text)\"", at: json.range,
                   suggestion: ValueRules.nearest(to: text, in: choices).map { "\"\($0)\"" })
        } else if text.count < minLength {
            report(minLength == 1 ? "\(what) must not be empty" : "\(what) needs at least \(minLength) characters, found \(text.count)", at: json.range)
        } else if let maxLength, text.count > maxLength {
            report("\(what) takes at most \(maxLength) characters, found \(text.count)", at: json.range)
        } else if isDateTime, !ValueRules.isRFC3339(text) {
            report("\(what) must be an RFC3339 date-time such as 2030-01-31T23:59:59Z, found \"\(text)\"", at: json.range)
        }
    }

    /// Valid when one alternative is. Otherwise the findings of the alternative that comes
    /// closest, or, when each alternative refuses the same value, one finding naming them all.
    private mutating func checkAlternatives(_ json: PositionedJSON, _ alternatives: [BodySchema], what: String) {
        if let (field, branches) = Self.discriminator(of: alternatives), case .object(let members) = json.value,
           let member = members.first(where: { $0.key == field }), case .string(let text, false) = member.value.value {
            guard let branch = branches[text] else {
                let choices = alternatives.compactMap { Self.choice(of: field, in: $0) }
                report("\"\(field)\" must be \(SchemaReader.list(choices, joinedBy: "or", quoted: true)), found \"\(text)\"", at: member.value.range,
                       suggestion: ValueRules.nearest(to: text, in: choices).map { "\"\($0)\"" })
                return
            }
            return check(json, against: branch, what: what)
        }
        var attempts: [[Diagnostic]] = []
        for alternative in alternatives {
            var attempt = SpecValidation(specFile: specFile)
            attempt.check(json, against: alternative, what: what)
            if attempt.diagnostics.isEmpty { return }
            attempts.append(attempt.diagnostics)
        }
        guard let closest = attempts.min(by: { $0.count < $1.count }) else { return }
        let firsts = attempts.compactMap(\.first)
        if attempts.allSatisfy({ $0.count == 1 }), Set(firsts.map(\.range)).count == 1, attempts.count > 1 {
            let reasons = firsts.map { SchemaNote.parts(of: $0.message).statement }
            report("\(what) fits none of the spec's alternatives: " + reasons.joined(separator: "; or "), at: firsts[0].range)
            return
        }
        diagnostics += closest
    }

    /// The field whose single-choice value tells objects apart (`"type": "tag"` against
    /// `"type": "bucket"`), and the alternative for each value; nil when there is none.
    private static func discriminator(of alternatives: [BodySchema]) -> (field: String, branches: [String: BodySchema])? {
        guard alternatives.count > 1, case .object(let fields, _, _) = alternatives[0] else { return nil }
        for candidate in fields.map(\.name) {
            var branches: [String: BodySchema] = [:]
            for alternative in alternatives {
                guard let value = choice(of: candidate, in: alternative), branches[value] == nil else { break }
                branches[value] = alternative
            }
            if branches.count == alternatives.count { return (candidate, branches) }
        }
        return nil
    }

    /// The one value `field` of an object schema may take, if its schema allows just one.
    private static func choice(of field: String, in schema: BodySchema) -> String? {
        guard case .object(let fields, _, _) = schema, let match = fields.first(where: { $0.name == field }),
              case .string(let choices?, _, _, _) = match.schema, choices.count == 1 else { return nil }
        return choices[0]
    }
}
