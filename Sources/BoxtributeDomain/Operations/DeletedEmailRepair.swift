import Foundation

/// Deleted users' e-mail addresses get `.deleted.<id>` appended; some received it twice or
/// more (the reference's `cron/housekeeping.py`). The repair keeps everything before the
/// second `.deleted.`, so the address ends in one suffix again.
public enum DeletedEmailRepair {
    private static let marker = ".deleted."

    /// The repaired address, or `nil` when `email` does not end in two or more
    /// `.deleted.<digits>` suffixes.
    public static func repaired(_ email: String) -> String? {
        guard endsInRepeatedSuffix(email) else { return nil }
        guard let first = email.range(of: marker),
            let second = email.range(of: marker, range: first.upperBound..<email.endIndex)
        else { return nil }
        return String(email[..<second.lowerBound])
    }

    /// Whether `email` ends in `.deleted.<digits>.deleted.<digits>`.
    static func endsInRepeatedSuffix(_ email: String) -> Bool {
        var rest = Substring(email)
        for _ in 0..<2 {
            let digits = rest.reversed().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropLast(digits.count)
            guard rest.lowercased().hasSuffix(marker) else { return false }
            rest = rest.dropLast(marker.count)
        }
        return true
    }
}
