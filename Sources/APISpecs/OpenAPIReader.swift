import Foundation
import ManagementAPI
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// Reads the request schemas of an OpenAPI spec (3.0 or 3.1, YAML or JSON) with OpenAPIKit,
/// so request bodies are checked against what the API reference publishes.
public enum OpenAPIReader {
    /// Why a spec could not be read.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// The request bodies of the spec at `file`, named `displayName` in messages. A path that
    /// starts with one of `prefixes` is keyed without it (`/accounts/{accountId}/clusters/{clusterId}/tokens`
    /// is `/tokens` when that prefix is given).
    public static func spec(at file: String, displayName: String, prefixes: [String] = []) throws(Failure) -> APISpec {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw Failure(file: displayName, reason: "cannot read: \(error.localizedDescription)")
        }
        return try spec(text: text, displayName: displayName, prefixes: prefixes)
    }

    /// The same for a spec's text.
    public static func spec(text: String, displayName: String, prefixes: [String] = []) throws(Failure) -> APISpec {
        let document: OpenAPIKit.OpenAPI.Document
        do {
            guard let tree = try Yams.compose(yaml: text) else { throw Failure(file: displayName, reason: "the file is empty") }
            let requests = Self.requestParts(of: tree)
            if Self.version(of: text).hasPrefix("3.0") {
                document = try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: requests).convert(to: .v3_1_0)
            } else {
                document = try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: requests)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(file: displayName, reason: "not an OpenAPI document OpenAPIKit can read: \(error)")
        }
        let dereferenced: OpenAPIKit.DereferencedDocument
        do {
            dereferenced = try document.locallyDereferenced()
        } catch {
            throw Failure(file: displayName, reason: "a $ref cannot be followed: \(error)")
        }
        var bodies: [String: BodySchema] = [:]
        var methods: [String: [String]] = [:]
        var requiredBodies: Set<String> = []
        for (path, item) in dereferenced.paths {
            var route = path.rawValue
            if let prefix = prefixes.first(where: { route.hasPrefix($0 + "/") }) { route.removeFirst(prefix.count) }
            methods[route] = item.endpoints.map(\.method.rawValue).sorted()
            for endpoint in item.endpoints {
                guard let content = endpoint.operation.requestBody?.content,
                      let json = content.first(where: { $0.key.typeAndSubtype.hasSuffix("json") })?.value.schema
                else { continue }
                bodies["\(endpoint.method.rawValue) \(route)"] = BodySchema(json)
                if endpoint.operation.requestBody?.underlyingRequest.required == true { requiredBodies.insert("\(endpoint.method.rawValue) \(route)") }
            }
        }
        return APISpec(file: displayName, bodies: bodies, methods: methods, requiredBodies: requiredBodies)
    }

    /// The document with only what request bodies need: paths, their operations' request
    /// bodies, and the components' schemas and request bodies. Parameters, responses and
    /// examples are left out, so that a defect there (a path parameter without
    /// `required: true`, an example that is not an Example Object) does not cost the schemas.
    private static func requestParts(of node: Node) -> Node {
        guard let document = node.mapping else { return node }
        let kept = document.compactMap { key, value -> (Node, Node)? in
            switch key.string {
            case "paths":
                guard let paths = value.mapping else { return (key, value) }
                return (key, .mapping(Node.Mapping(paths.map { path, item in (path, operations(of: item)) })))
            case "components":
                guard let components = value.mapping else { return (key, value) }
                let parts = components.filter { ["schemas", "requestBodies"].contains($0.key.string ?? "") }
                return (key, .mapping(Node.Mapping(parts.map { ($0.key, withoutExamples($0.value)) })))
            case "openapi", "info", "jsonSchemaDialect":
                return (key, value)
            default:
                return nil
            }
        }
        return .mapping(Node.Mapping(kept))
    }

    /// A path item's operations with their request bodies and an empty response list.
    private static func operations(of item: Node) -> Node {
        guard let methods = item.mapping else { return item }
        let operations = methods.compactMap { method, operation -> (Node, Node)? in
            guard let name = method.string, OpenAPIKit.OpenAPI.HttpMethod(rawValue: name.uppercased()) != nil, let fields = operation.mapping else { return nil }
            var kept: [(Node, Node)] = [("responses", .mapping(Node.Mapping([])))]
            if let body = fields["requestBody"] { kept.append(("requestBody", withoutExamples(body))) }
            return (method, .mapping(Node.Mapping(kept)))
        }
        return .mapping(Node.Mapping(operations))
    }

    /// `node` without `example` and `examples` keys, except as field names under `properties`.
    private static func withoutExamples(_ node: Node, namesFields: Bool = false) -> Node {
        switch node {
        case .mapping(let mapping):
            let kept = mapping.compactMap { key, value -> (Node, Node)? in
                if !namesFields, key.string == "example" || key.string == "examples" { return nil }
                return (key, withoutExamples(value, namesFields: !namesFields && key.string == "properties"))
            }
            return .mapping(Node.Mapping(kept))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { withoutExamples($0) }))
        default:
            return node
        }
    }

    /// The `openapi:` version a spec declares, read before decoding picks a model.
    private static func version(of text: String) -> String {
        for line in text.split(separator: "\n", maxSplits: 40) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for key in ["openapi:", "\"openapi\":"] where trimmed.hasPrefix(key) {
                return trimmed.dropFirst(key.count).trimmingCharacters(in: CharacterSet(charactersIn: " \"',"))
            }
        }
        return ""
    }
}

extension BodySchema {
    /// What an object schema says of fields it does not list.
    private static func otherFields(of object: OpenAPIKit.DereferencedJSONSchema.ObjectContext) -> OtherFields {
        switch object.additionalProperties {
        case .a(false): .forbidden
        case .a(true), .b: .allowed
        case nil: object.properties.isEmpty ? .allowed : .unlisted
        }
    }

    /// The parts of a dereferenced schema a request body can break.
    init(_ schema: OpenAPIKit.DereferencedJSONSchema) {
        switch schema {
        case .object(_, let object):
            let required = Set(object.requiredProperties)
            self = .object(fields: object.properties.map { name, property in
                Field(name: name, schema: BodySchema(property), isRequired: required.contains(name))
            // OpenAPIKit counts required fields into minProperties; they are checked as required.
            }, minFields: object.minProperties > required.count ? object.minProperties : 0, otherFields: Self.otherFields(of: object))
        case .array(_, let array):
            self = .array(items: array.items.map(BodySchema.init), minItems: array.minItems, maxItems: array.maxItems)
        case .string(let core, let string):
            let choices = core.allowedValues?.compactMap { $0.value as? String }
            self = .string(choices: choices, minLength: string.minLength, maxLength: string.maxLength, isDateTime: core.formatString == "date-time")
        case .integer(_, let integer):
            self = .integer(minimum: integer.minimum.map { Int64($0.value) + ($0.exclusive ? 1 : 0) },
                            maximum: integer.maximum.map { Int64($0.value) - ($0.exclusive ? 1 : 0) })
        case .number:
            self = .number
        case .boolean:
            self = .boolean
        case .one(let alternatives, _), .any(let alternatives, _):
            self = .anyOf(alternatives.map(BodySchema.init))
        case .all(let parts, _):
            // Each part constrains the same value; one object part is what bodies use.
            self = parts.count == 1 ? BodySchema(parts[0]) : .anything
        case .null, .not, .fragment:
            self = .anything
        }
    }
}
