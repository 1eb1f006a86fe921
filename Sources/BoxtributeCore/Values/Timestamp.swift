/// A UTC timestamp as the database stores it (`YYYY-MM-DD HH:MM:SS`).
///
/// Kept as text: the API only formats timestamps and compares them in SQL, so parsing
/// into a calendar type would be wasted work on every row.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// `YYYY-MM-DD HH:MM:SS`, optionally with fractional seconds.
    public let databaseText: String

    /// Wraps a database value; zero dates (`0000-00-00 ...`) and empty text give `nil`.
    public init?(databaseText: String) {
        // utf8.count: a date is ASCII, and counting characters would walk grapheme clusters.
        guard databaseText.utf8.count >= 10, !databaseText.hasPrefix("0000-00-00") else { return nil }
        self.databaseText = databaseText
    }

    /// Wraps a database value given as UTF-8 bytes, with the checks of ``init(databaseText:)``;
    /// zero dates are turned away before a string is made.
    public init?(databaseUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 10 else { return nil }
        let zeroDate: StaticString = "0000-00-00"
        let isZeroDate = zeroDate.withUTF8Buffer { zero in zero.elementsEqual(bytes.prefix(10)) }
        guard !isZeroDate else { return nil }
        databaseText = String(decoding: bytes, as: UTF8.self)
    }

    /// Wraps text the server produced itself (`YYYY-MM-DD HH:MM:SS`), without checks.
    public init(trustedText: String) { databaseText = trustedText }

    /// ISO 8601 with an explicit UTC offset, as the reference serialises `Datetime`.
    public var iso8601: String {
        let text = databaseText.utf8
        var kept = text.count
        // Fractional seconds are only shown when non-zero, as Python's isoformat does.
        if let dot = text.firstIndex(of: UInt8(ascii: ".")),
            text[text.index(after: dot)...].allSatisfy({ $0 == UInt8(ascii: "0") })
        {
            kept = text.distance(from: text.startIndex, to: dot)
        }
        let time: StaticString = "T00:00:00"
        let offset: StaticString = "+00:00"
        // Built in place: this runs for every timestamp of every response.
        return String(unsafeUninitializedCapacity: kept + time.utf8CodeUnitCount + offset.utf8CodeUnitCount) {
            buffer in
            var count = 0
            for byte in text.prefix(kept) {
                buffer[count] = count == 10 ? UInt8(ascii: "T") : byte
                count += 1
            }
            if count == 10 {
                time.withUTF8Buffer { for byte in $0 { buffer[count] = byte; count += 1 } }
            }
            offset.withUTF8Buffer { for byte in $0 { buffer[count] = byte; count += 1 } }
            return count
        }
    }

    /// The calendar date part, `YYYY-MM-DD`.
    public var datePart: String { String(databaseText.prefix(10)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.databaseText < rhs.databaseText }
}
