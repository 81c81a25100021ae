/// An influxctl release number such as `2.12.1`.
///
/// Parsing accepts `2.12.1`, `v2.12.1` and `2.12` (read as `2.12.0`); anything else is rejected.
/// The description is always the three-part form without the `v`.
public struct CLIVersion: Hashable, Comparable, Sendable, LosslessStringConvertible, Codable {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `MAJOR.MINOR[.PATCH]`, optionally preceded by `v`. Returns nil for anything else.
    public init?(_ description: String) {
        var text = Substring(description)
        if text.hasPrefix("v") { text = text.dropFirst() }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2 || pieces.count == 3 else { return nil }
        var numbers: [Int] = []
        for piece in pieces {
            guard !piece.isEmpty, piece.count <= 9,
                  piece.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
                  let number = Int(piece) else { return nil }
            numbers.append(number)
        }
        self.init(numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: CLIVersion, rhs: CLIVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = CLIVersion(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an influxctl version: \(text)")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
