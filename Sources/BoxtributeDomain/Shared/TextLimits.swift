/// The longest texts a mutation may store, from the columns of Boxtribute's schema: names
/// are `varchar(255)` (counted in characters), comments and descriptions `text` (65,535
/// bytes). A longer text is refused as a bad input instead of being cut, or failing in the
/// database (MySQL in strict mode), or filling a response when it is read back.
public enum TextLimits {
    /// `varchar(255)` columns: tag, product and location names, product comments.
    public static let name = 255
    /// Bytes of a `text` comment or description. Half of the column: the `history` row of a
    /// change (also `text`) holds the old and the new comment.
    public static let longTextBytes = 32_000

    /// Refuses `text` when it has more than `maxCharacters` characters.
    public static func check(_ text: String?, field: String, maxCharacters: Int = name) throws(DomainError) {
        guard let text, text.utf8.count > maxCharacters, text.count > maxCharacters else { return }
        throw .badUserInput("Invalid input: '\(field)' is longer than \(maxCharacters) characters.")
    }

    /// Refuses `text` when its UTF-8 form is longer than ``longTextBytes``.
    public static func checkLong(_ text: String?, field: String) throws(DomainError) {
        guard let text, text.utf8.count > longTextBytes else { return }
        throw .badUserInput("Invalid input: '\(field)' is longer than \(longTextBytes) bytes.")
    }

    /// Refuses any of `texts` longer than `maxCharacters` characters.
    public static func check(_ texts: [String]?, field: String, maxCharacters: Int = name) throws(DomainError) {
        for text in texts ?? [] { try check(text, field: field, maxCharacters: maxCharacters) }
    }
}
