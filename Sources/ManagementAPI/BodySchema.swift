/// A request body's JSON schema as an API's OpenAPI spec gives it, reduced to what a
/// documented example can break: field names, required fields, types, choices and bounds.
public indirect enum BodySchema: Hashable, Sendable {
    /// One named field of an object.
    public struct Field: Hashable, Sendable {
        public var name: String
        public var schema: BodySchema
        public var isRequired: Bool

        public init(name: String, schema: BodySchema, isRequired: Bool) {
            self.name = name
            self.schema = schema
            self.isRequired = isRequired
        }
    }

    /// What an object says of fields it does not list.
    public enum OtherFields: Hashable, Sendable {
        /// `additionalProperties: false`: such a field is an error.
        case forbidden
        /// Nothing said: such a field is a warning, as the API may ignore it and the reference
        /// leaves it out.
        case unlisted
        /// `additionalProperties: true` or a schema, or an object that lists no fields (a map):
        /// any field goes.
        case allowed
    }

    /// An object and its fields, in the spec's order.
    case object(fields: [Field], minFields: Int, otherFields: OtherFields)
    case array(items: BodySchema?, minItems: Int, maxItems: Int?)
    /// A string; `choices` from an `enum`, `isDateTime` from `format: date-time`.
    case string(choices: [String]?, minLength: Int, maxLength: Int?, isDateTime: Bool)
    case integer(minimum: Int64?, maximum: Int64?)
    case number
    case boolean
    /// Valid when one of the schemas is (`anyOf`, `oneOf`).
    case anyOf([BodySchema])
    /// Anything goes (a schema with no type).
    case anything
}

/// Where the request schemas of one API come from: a product's OpenAPI spec, read once per
/// run, or docverify's built-in model of the Management API.
public struct APISpec: Hashable, Sendable {
    /// The spec file as the run spells it (`api-docs/influxdb3/clustered/management/openapi.yml`).
    public var file: String
    /// Request bodies by `METHOD /path`, the path relative to the API's base as docverify's
    /// endpoints spell it (`POST /tokens`, `PATCH /databases/{databaseName}`).
    public var bodies: [String: BodySchema]
    /// The methods of each path the spec gives, by path (`/api/v3/configure/database`).
    public var methods: [String: [String]]
    /// The `METHOD /path` keys whose request body the spec marks `required: true`.
    public var requiredBodies: Set<String>

    public init(file: String, bodies: [String: BodySchema], methods: [String: [String]] = [:], requiredBodies: Set<String> = []) {
        self.file = file
        self.bodies = bodies
        self.methods = methods
        self.requiredBodies = requiredBodies
    }

    /// The body schema of `method path`, if the spec gives one.
    public func body(method: String, path: String) -> BodySchema? {
        bodies["\(method) \(path)"]
    }
}

/// What request bodies are checked against: a product's OpenAPI spec, or docverify's built-in
/// model when there is none or it could not be read. Every `api.schema` message names it.
public enum SchemaSource: Hashable, Sendable {
    case builtIn
    case spec(APISpec)
    /// The product has a spec, but it could not be read: the built-in model stands in.
    case unreadableSpec(file: String)

    var spec: APISpec? {
        if case .spec(let spec) = self { spec } else { nil }
    }

    /// How messages name the built-in model.
    var builtInName: String {
        switch self {
        case .unreadableSpec(let file): "docverify's built-in Management API model, as \(file) could not be read"
        default: "docverify's built-in Management API model"
        }
    }
}
