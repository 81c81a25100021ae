/// The documented database naming rules.
public enum DatabaseName {
    /// The longest allowed name, in characters.
    public static let maximumLength = 64

    /// Why `name` is not a valid database name, or nil if it is. The rules: 1-64 characters,
    /// only `a-z A-Z 0-9 _ - /`, and a letter or digit first. The docs call a leading `_`
    /// reserved and say it "might not be explicitly rejected"; the simulator rejects it (and
    /// a leading `-` or `/`) so that such names in examples are caught.
    public static func problem(with name: String) -> String? {
        guard !name.isEmpty else { return "database name must not be empty" }
        let count = name.unicodeScalars.count
        guard count <= maximumLength else {
            return "database name \"\(name)\" is \(count) characters long; the maximum is \(maximumLength)"
        }
        if let invalid = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "database name \"\(name)\" contains \"\(invalid)\"; only letters, digits, _, - and / are allowed"
        }
        if let first = name.unicodeScalars.first, !isLetterOrDigit(first) {
            return "database name \"\(name)\" must start with a letter or a digit"
        }
        return nil
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "_" || scalar == "-" || scalar == "/"
    }
}
