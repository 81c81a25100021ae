/// The shape of a placeholder that a reader replaces before running a command.
public enum PlaceholderShape {
    /// `DATABASE_NAME`, `COUNT`, `DB2`: a capital letter, then capitals, digits and underscores.
    public static func isCapitalisedWord(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
