import Yams

/// A parsed spec as JSON text, so Foundation's JSONDecoder (several times faster than decoding
/// Yams nodes) can hand it to OpenAPIKit. Plain scalars read as YAML's core schema reads them:
/// `null`, `~` and nothing are null, `true` and `false` booleans, JSON-shaped numbers numbers;
/// everything else, and every quoted scalar, is a string. JSON objects keep no key order, so
/// the order of each `properties` mapping is kept beside it (`fieldOrders`).
struct SpecJSON {
    var text: [UInt8] = []
    /// Each `properties` mapping's names in the order the spec writes them, by the set of names
    /// (the first mapping wins where two hold the same names).
    var fieldOrders: [Set<String>: [String]] = [:]

    init(_ node: Node) {
        text.reserveCapacity(1 << 16)
        write(node, namesFields: false)
    }

    private mutating func write(_ node: Node, namesFields: Bool) {
        switch node {
        case .mapping(let mapping):
            if namesFields {
                let names = mapping.map { $0.key.string ?? "" }
                let set = Set(names)
                if fieldOrders[set] == nil { fieldOrders[set] = names }
            }
            text.append(UInt8(ascii: "{"))
            for (index, (key, value)) in mapping.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                let name = key.string ?? ""
                writeString(name)
                text.append(UInt8(ascii: ":"))
                write(value, namesFields: !namesFields && name == "properties")
            }
            text.append(UInt8(ascii: "}"))
        case .sequence(let sequence):
            text.append(UInt8(ascii: "["))
            for (index, item) in sequence.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                write(item, namesFields: false)
            }
            text.append(UInt8(ascii: "]"))
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else {
                writeString(scalar.string)
                return
            }
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": text.append(contentsOf: "null".utf8)
            case "true", "True", "TRUE": text.append(contentsOf: "true".utf8)
            case "false", "False", "FALSE": text.append(contentsOf: "false".utf8)
            case let value where Self.isJSONNumber(value): text.append(contentsOf: value.utf8)
            case let value: writeString(value)
            }
        case .alias:
            // Parsing puts the node an alias names in its place; an alias node is only built
            // by hand, to be emitted.
            text.append(contentsOf: "null".utf8)
        }
    }

    private mutating func writeString(_ string: String) {
        text.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                text.append(UInt8(ascii: "\\"))
                text.append(byte)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                text.append(contentsOf: "\\u00".utf8)
                text.append(hex[Int(byte >> 4)])
                text.append(hex[Int(byte & 0xF)])
            default:
                text.append(byte)
            }
        }
        text.append(UInt8(ascii: "\""))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isJSONNumber(_ value: String) -> Bool {
        var rest = value.utf8[...]
        func digits() -> Int {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
