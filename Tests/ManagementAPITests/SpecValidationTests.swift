import Diagnostics
import ManagementAPI
import Testing

/// A spec of one endpoint, written as the OpenAPI reader would give it.
private let spec = APISpec(file: "api-docs/widget/management/openapi.yml", bodies: [
    "POST /tokens": .object(fields: [
        .init(name: "description", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
        .init(name: "permissions", schema: .array(items: .object(fields: [
            .init(name: "action", schema: .string(choices: ["read", "write"], minLength: 0, maxLength: nil, isDateTime: false), isRequired: true),
            .init(name: "resource", schema: .anyOf([
                .string(choices: nil, minLength: 1, maxLength: 8, isDateTime: false),
                .string(choices: ["*"], minLength: 0, maxLength: nil, isDateTime: false),
            ]), isRequired: true),
        ], minFields: 0, otherFields: .forbidden), minItems: 0, maxItems: nil), isRequired: false),
        .init(name: "expiresAt", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: true), isRequired: false),
        .init(name: "label", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
    ], minFields: 0, otherFields: .forbidden),
    "PATCH /tokens/{tokenId}": .object(fields: [
        .init(name: "description", schema: .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
    ], minFields: 1, otherFields: .unlisted),
    "POST /databases": .object(fields: [
        .init(name: "name", schema: .string(choices: nil, minLength: 1, maxLength: 64, isDateTime: false), isRequired: true),
        .init(name: "partitionTemplate", schema: .array(items: .anyOf([
            .object(fields: [
                .init(name: "type", schema: .string(choices: ["tag"], minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
                .init(name: "value", schema: .string(choices: nil, minLength: 1, maxLength: nil, isDateTime: false), isRequired: false),
            ], minFields: 0, otherFields: .forbidden),
            .object(fields: [
                .init(name: "type", schema: .string(choices: ["bucket"], minLength: 0, maxLength: nil, isDateTime: false), isRequired: false),
                .init(name: "value", schema: .object(fields: [
                    .init(name: "numberOfBuckets", schema: .integer(minimum: 1, maximum: 100), isRequired: false),
                ], minFields: 0, otherFields: .forbidden), isRequired: false),
            ], minFields: 0, otherFields: .forbidden),
        ]), minItems: 1, maxItems: 2), isRequired: false),
    ], minFields: 0, otherFields: .forbidden),
])

private func check(_ body: String, path: String = "tokens") -> APIParse {
    APIParser.parse(CurlParser.parse(command(
        "curl https://h/api/v0/\(path) -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '\(body)'"
    )), managementSchemas: .spec(spec))
}

@Suite("Request bodies checked against a product's OpenAPI spec")
struct SpecValidationTests {
    @Test("the spec judges: a field only it lists passes, one only the built-in model lists is unknown, each message names the spec")
    func theSpecJudges() throws {
        let labelled = check(#"{"description": "d", "label": "x", "permissions": [{"action": "read", "resource": "db1"}]}"#)
        #expect(labelled.diagnostics.isEmpty)
        // The spec's token body needs no description; the built-in model's does.
        #expect(check(#"{"permissions": []}"#).diagnostics.isEmpty)
        let builtIn = APIParser.parse(CurlParser.parse(command(
            #"curl https://h/api/v0/tokens -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '{"permissions": []}'"#)))
        let missing = try #require(builtIn.diagnostics.first)
        #expect(missing.message.hasSuffix("(schema: docverify's built-in Management API model)"))

        let unknown = try #require(check(#"{"description": "d", "expirationType": "never"}"#).diagnostics.first)
        #expect(unknown.rule == .apiSchema)
        #expect(unknown.message.contains("unknown field \"expirationType\""))
        #expect(unknown.message.contains("description, permissions, expiresAt and label"))
        #expect(unknown.message.hasSuffix("(schema: api-docs/widget/management/openapi.yml)"))
    }

    @Test("a field the spec leaves out but does not forbid is a warning; an empty body it needs a field in is an error")
    func fieldsTheSpecDoesNotForbid() throws {
        let id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        let extra = APIParser.parse(CurlParser.parse(command(
            "curl -X PATCH https://h/api/v0/tokens/\(id) -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '{\"description\": \"d\", \"descripton\": \"e\"}'"
        )), managementSchemas: .spec(spec))
        let warning = try #require(extra.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("field \"descripton\" is not in the spec's"))
        #expect(warning.suggestion == "\"description\"")
        let empty = APIParser.parse(CurlParser.parse(command(
            "curl -X PATCH https://h/api/v0/tokens/\(id) -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '{}'"
        )), managementSchemas: .spec(spec))
        #expect(empty.diagnostics.map(\.severity) == [.error])
        #expect(empty.diagnostics.first?.message.contains("needs at least 1 of its fields description") == true)
    }

    @Test("types, choices, bounds and date-times, one finding each", arguments: [
        (#"{"description": 5}"#, "\"description\" must be a string, found a number"),
        (#"{"permissions": [{"action": "reed", "resource": "db"}]}"#, "\"action\" must be \"read\" or \"write\", found \"reed\""),
        (#"{"permissions": [{"action": "read"}]}"#, "missing required field \"resource\""),
        (#"{"expiresAt": "tomorrow"}"#, "\"expiresAt\" must be an RFC3339 date-time"),
        (#"{"permissions": [{"action": "read", "resource": "a-very-long-name"}]}"#, "\"resource\" fits none of the spec's alternatives: \"resource\" takes at most 8 characters, found 16; or \"resource\" must be \"*\""),
    ])
    func valueFindings(_ body: String, _ message: String) throws {
        let parse = check(body)
        #expect(parse.diagnostics.count == 1)
        #expect(parse.request == nil)
        let finding = try #require(parse.diagnostics.first)
        #expect(finding.message.contains(message), "\(finding.message)")
    }

    @Test("a part whose type names no alternative gets every type the spec allows; a known type is checked as its own")
    func discriminatedAlternatives() throws {
        let wrongType = check(#"{"name": "db", "partitionTemplate": [{"type": "bukket", "value": {}}]}"#, path: "databases")
        let typeFinding = try #require(wrongType.diagnostics.first)
        #expect(wrongType.diagnostics.count == 1)
        #expect(typeFinding.message.contains("\"type\" must be \"tag\" or \"bucket\", found \"bukket\""))
        #expect(typeFinding.suggestion == "\"bucket\"")
        let tooMany = check(#"{"name": "db", "partitionTemplate": [{"type": "bucket", "value": {"numberOfBuckets": 500}}]}"#, path: "databases")
        #expect(tooMany.diagnostics.map(\.message).first?.contains("\"numberOfBuckets\" must be at most 100, found 500") == true)
        let parts = check(#"{"name": "db", "partitionTemplate": [{"type": "tag", "value": "a"}, {"type": "tag", "value": "b"}, {"type": "tag", "value": "c"}]}"#, path: "databases")
        #expect(parts.diagnostics.map(\.message).first?.contains("takes at most 2 items, found 3") == true)
    }

    @Test("a body the spec accepts still runs when the built-in model can type it")
    func acceptedBodyIsTyped() {
        let parse = check(#"{"description": "d", "permissions": [{"action": "write", "resource": "*"}]}"#)
        #expect(parse.diagnostics.isEmpty)
        #expect(parse.request != nil)
    }

    @Test("an unreadable spec falls back to the built-in model and says so")
    func unreadableSpec() throws {
        let parse = APIParser.parse(CurlParser.parse(command(
            #"curl https://h/api/v0/tokens -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '{"permissions": []}'"#
        )), managementSchemas: .unreadableSpec(file: "api-docs/x/openapi.yml"))
        let finding = try #require(parse.diagnostics.first)
        #expect(finding.message.hasSuffix("(schema: docverify's built-in Management API model, as api-docs/x/openapi.yml could not be read)"))
    }
}
