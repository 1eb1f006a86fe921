/// A UTC timestamp as the database stores it (`YYYY-MM-DD HH:MM:SS`).
///
/// Kept as text: the API only formats timestamps and compares them in SQL, so parsing
/// into a calendar type would be wasted work on every row.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// `YYYY-MM-DD HH:MM:SS`, optionally with fractional seconds.
    public let databaseText: String

    /// Wraps a database value; zero dates (`0000-00-00 ...`) and empty text give `nil`.
    public init?(databaseText: String) {
        guard databaseText.count >= 10, !databaseText.hasPrefix("0000-00-00") else { return nil }
        self.databaseText = databaseText
    }

    /// Wraps text the server produced itself (`YYYY-MM-DD HH:MM:SS`), without checks.
    public init(trustedText: String) { databaseText = trustedText }

    /// ISO 8601 with an explicit UTC offset, as the reference serialises `Datetime`.
    public var iso8601: String {
        var text = databaseText
        if text.count == 10 { text += " 00:00:00" }
        var utf8 = Array(text.utf8)
        if utf8.count > 10 { utf8[10] = UInt8(ascii: "T") }
        // Fractional seconds are only shown when non-zero, as Python's isoformat does.
        if let dot = utf8.firstIndex(of: UInt8(ascii: ".")),
            utf8[(dot + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") })
        {
            utf8.removeSubrange(dot...)
        }
        return String(decoding: utf8, as: UTF8.self) + "+00:00"
    }

    /// The calendar date part, `YYYY-MM-DD`.
    public var datePart: String { String(databaseText.prefix(10)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.databaseText < rhs.databaseText }
}
