import Foundation

/// The values of an attribute in an HTML text, in order: enough for the tests of pages we write
/// ourselves (double-quoted values, no entity decoding).
public enum HTMLAttributes {
    /// The values of every `name="…"` in `html` (e.g. `href`); ` id` with its leading space
    /// finds `id` without matching `data-id` or `grid`.
    public static func values(of name: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: name + "=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }
}
