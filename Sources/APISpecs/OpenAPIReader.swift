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
        let fieldOrders: [Set<String>: [String]]
        do {
            guard let tree = try Yams.compose(yaml: SpecText.pruned(text), .basic) else { throw Failure(file: displayName, reason: "the file is empty") }
            let requests = Self.requestParts(of: tree)
            let json = SpecJSON(requests)
            fieldOrders = json.fieldOrders
            let isVersion30 = Self.version(of: text).hasPrefix("3.0")
            // Decoded as JSON, several times faster than from Yams' nodes; a document only Yams
            // reads as written (a number where a string belongs) is decoded again from the
            // nodes, which also gives the precise reason when it cannot be read.
            // Vendor extensions are not read: OpenAPIKit finds them by decoding every object
            // once more, at every level, and the checks use none.
            let jsonDecoder = JSONDecoder()
            jsonDecoder.userInfo = [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false]
            let options: [CodingUserInfoKey: Any] = [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false]
            do {
                document = isVersion30
                    ? try jsonDecoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: Data(json.text)).convert(to: .v3_1_0)
                    : try jsonDecoder.decode(OpenAPIKit.OpenAPI.Document.self, from: Data(json.text))
            } catch {
                document = isVersion30
                    ? try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: requests, userInfo: options).convert(to: .v3_1_0)
                    : try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: requests, userInfo: options)
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
                      let json = content.sorted(by: { $0.key.rawValue < $1.key.rawValue })
                          .first(where: { $0.key.typeAndSubtype.hasSuffix("json") })?.value.schema
                else { continue }
                bodies["\(endpoint.method.rawValue) \(route)"] = BodySchema(json, fieldOrders: fieldOrders)
                if endpoint.operation.requestBody?.underlyingRequest.required == true { requiredBodies.insert("\(endpoint.method.rawValue) \(route)") }
            }
        }
        return APISpec(file: displayName, bodies: bodies, methods: methods, requiredBodies: requiredBodies)
    }

    /// The document with only what request bodies need: paths, their operations' request
    /// bodies, and the component schemas and request bodies those reach. Parameters,
    /// responses, examples, prose and vendor extensions are left out: a defect there (a path
    /// parameter without `required: true`, an example that is not an Example Object) does not
    /// cost the schemas, and a spec of thousands of lines decodes in a few milliseconds.
    private static func requestParts(of node: Node) -> Node {
        guard let document = node.mapping else { return node }
        var kept: [(Node, Node)] = []
        var paths: Node?
        for (key, value) in document {
            switch key.string {
            case "openapi", "info", "jsonSchemaDialect":
                kept.append((key, value))
            case "paths":
                guard let items = value.mapping else { continue }
                paths = .mapping(Node.Mapping(items.map { path, item in (path, operations(of: item)) }))
                kept.append((key, paths ?? value))
            default:
                continue
            }
        }
        guard let components = document["components"]?.mapping, let paths else { return .mapping(Node.Mapping(kept)) }
        // The components the request bodies reach, followed through their own references.
        var reached: Set<String> = []
        var pending = references(in: paths)
        while let reference = pending.popLast() {
            guard reached.insert(reference).inserted, let target = component(reference, in: components) else { continue }
            pending += references(in: target)
        }
        let parts = ["schemas", "requestBodies"].compactMap { part -> (Node, Node)? in
            guard let entries = components[part]?.mapping else { return nil }
            let used = entries.filter { name, _ in reached.contains("#/components/\(part)/\(name.string ?? "")") }
            return (Node(part), .mapping(Node.Mapping(used.map { ($0.key, withoutProse($0.value)) })))
        }
        kept.append(("components", .mapping(Node.Mapping(parts))))
        return .mapping(Node.Mapping(kept))
    }

    /// A path item's operations with their request bodies and an empty response list.
    private static func operations(of item: Node) -> Node {
        guard let methods = item.mapping else { return item }
        let operations = methods.compactMap { method, operation -> (Node, Node)? in
            guard let name = method.string, OpenAPIKit.OpenAPI.HttpMethod(rawValue: name.uppercased()) != nil, let fields = operation.mapping else { return nil }
            var kept: [(Node, Node)] = [("responses", .mapping(Node.Mapping([])))]
            if let body = fields["requestBody"] { kept.append(("requestBody", withoutProse(body))) }
            return (method, .mapping(Node.Mapping(kept)))
        }
        return .mapping(Node.Mapping(operations))
    }

    /// Every `$ref` under `node`.
    private static func references(in node: Node) -> [String] {
        switch node {
        case .mapping(let mapping):
            return mapping.flatMap { key, value in key.string == "$ref" ? [value.string].compactMap { $0 } : references(in: value) }
        case .sequence(let sequence):
            return sequence.flatMap(references(in:))
        default:
            return []
        }
    }

    /// The component a local reference names (`#/components/schemas/Name`).
    private static func component(_ reference: String, in components: Node.Mapping) -> Node? {
        let parts = reference.split(separator: "/")
        guard parts.count == 4, parts[0] == "#", parts[1] == "components" else { return nil }
        return components[String(parts[2])]?.mapping?[String(parts[3])]
    }

    /// `node` without what only readers of the reference need: examples, descriptions,
    /// summaries, titles, external docs and `x-` extensions (field names under `properties`
    /// are kept, whatever they are called).
    private static func withoutProse(_ node: Node, namesFields: Bool = false) -> Node {
        switch node {
        case .mapping(let mapping):
            let kept = mapping.compactMap { key, value -> (Node, Node)? in
                let name = key.string ?? ""
                if !namesFields, Self.proseKeys.contains(name) || name.hasPrefix("x-") { return nil }
                return (key, withoutProse(value, namesFields: !namesFields && name == "properties"))
            }
            return .mapping(Node.Mapping(kept))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { withoutProse($0) }))
        default:
            return node
        }
    }

    private static let proseKeys: Set<String> = ["example", "examples", "description", "summary", "title", "externalDocs"]

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

    /// The parts of a dereferenced schema a request body can break; an object's fields in the
    /// order `fieldOrders` gives for its names, else by name.
    init(_ schema: OpenAPIKit.DereferencedJSONSchema, fieldOrders: [Set<String>: [String]]) {
        switch schema {
        case .object(_, let object):
            let required = Set(object.requiredProperties)
            let names = fieldOrders[Set(object.properties.keys)] ?? object.properties.keys.sorted()
            self = .object(fields: names.compactMap { name in
                object.properties[name].map { Field(name: name, schema: BodySchema($0, fieldOrders: fieldOrders), isRequired: required.contains(name)) }
            // OpenAPIKit counts required fields into minProperties; they are checked as required.
            }, minFields: object.minProperties > required.count ? object.minProperties : 0, otherFields: Self.otherFields(of: object))
        case .array(_, let array):
            self = .array(items: array.items.map { BodySchema($0, fieldOrders: fieldOrders) }, minItems: array.minItems, maxItems: array.maxItems)
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
            self = .anyOf(alternatives.map { BodySchema($0, fieldOrders: fieldOrders) })
        case .all(let parts, _):
            // Each part constrains the same value; one object part is what bodies use.
            self = parts.count == 1 ? BodySchema(parts[0], fieldOrders: fieldOrders) : .anything
        case .null, .not, .fragment:
            self = .anything
        }
    }
}

