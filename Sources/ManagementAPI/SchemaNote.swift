import Foundation

/// How an `api.schema` message names the API reference that judged it: `… (schema: FILE)`,
/// and `(schema: A, B)` when the readings of a shared page were judged by each product's own.
public enum SchemaNote {
    /// `statement` followed by the references that judged it.
    public static func message(_ statement: String, schemas: [String]) -> String {
        "\(statement) (schema: \(schemas.joined(separator: ", ")))"
    }

    /// A message that names the one reference that judged it, split into what it says and that
    /// reference; the message and nil for any other.
    public static func parts(of message: String) -> (statement: String, schema: String?) {
        guard message.hasSuffix(")"), let open = message.range(of: " (schema: ", options: .backwards) else { return (message, nil) }
        return (String(message[..<open.lowerBound]), String(message[open.upperBound...].dropLast()))
    }
}
