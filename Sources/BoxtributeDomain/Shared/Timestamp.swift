/// A UTC timestamp as the database stores it (`YYYY-MM-DD HH:MM:SS`).
///
/// Kept as the database's text, not as a calendar value: the API only formats timestamps and
/// compares them in SQL. The usual forms, `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DD`, are held as
/// their digits packed into one integer, so that reading one from a row (several per box)
/// allocates nothing; any other text is kept as it is.
public struct Timestamp: Sendable, Hashable, Comparable {
    private enum Storage: Hashable {
        /// The 14 digits of `YYYYMMDDHHMMSS`, 4 bits each from the top, then 8 bits that are 1
        /// with a time of day and 0 for a date alone. Ordered as the texts are.
        case packed(UInt64)
        case text(String)
    }

    private let storage: Storage

    /// `YYYY-MM-DD HH:MM:SS`, optionally with fractional seconds.
    public var databaseText: String {
        switch storage {
        case .text(let text): text
        case .packed(let packed): Self.render(packed, dateSeparator: UInt8(ascii: " "), suffix: "")
        }
    }

    /// Wraps a database value; zero dates (`0000-00-00 ...`) and empty text give `nil`.
    public init?(databaseText: String) {
        // utf8.count: a date is ASCII, and counting characters would walk grapheme clusters.
        guard databaseText.utf8.count >= 10, !databaseText.hasPrefix("0000-00-00") else { return nil }
        self.init(trustedText: databaseText)
    }

    /// Wraps a database value given as UTF-8 bytes, with the checks of ``init(databaseText:)``;
    /// the usual forms are packed without making a string.
    public init?(databaseUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 10 else { return nil }
        let zeroDate: StaticString = "0000-00-00"
        let isZeroDate = zeroDate.withUTF8Buffer { zero in zero.elementsEqual(bytes.prefix(10)) }
        guard !isZeroDate else { return nil }
        storage = Self.pack(bytes).map(Storage.packed) ?? .text(String(decoding: bytes, as: UTF8.self))
    }

    /// Wraps text the server produced itself (`YYYY-MM-DD HH:MM:SS`), without checks.
    public init(trustedText: String) {
        var text = trustedText
        storage = text.withUTF8 { Self.pack($0) }.map(Storage.packed) ?? .text(trustedText)
    }

    /// ISO 8601 with an explicit UTC offset, as the reference serialises `Datetime`.
    public var iso8601: String {
        switch storage {
        case .packed(let packed):
            // A date alone is midnight.
            return Self.render(packed & ~0xFF | 1, dateSeparator: UInt8(ascii: "T"), suffix: "+00:00")
        case .text(let databaseText):
            return Self.iso8601(ofText: databaseText)
        }
    }

    /// The calendar date part, `YYYY-MM-DD`.
    public var datePart: String {
        switch storage {
        case .packed(let packed): Self.render(packed & ~0xFF, dateSeparator: UInt8(ascii: " "), suffix: "")
        case .text(let text): String(text.prefix(10))
        }
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        if case .packed(let left) = lhs.storage, case .packed(let right) = rhs.storage { return left < right }
        return lhs.databaseText < rhs.databaseText
    }

    // MARK: Packing

    /// Byte positions of the 14 digits in `YYYY-MM-DD HH:MM:SS`.
    private static let digitPositions: [Int] = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]

    /// The packed form of `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, or `nil` for any other text.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let hasTime: Bool
        switch bytes.count {
        case 10: hasTime = false
        case 19:
            guard bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
            else { return nil }
            hasTime = true
        default: return nil
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var packed: UInt64 = 0
        for (index, position) in digitPositions.enumerated() {
            var digit: UInt64 = 0
            if position < bytes.count {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                digit = UInt64(byte - UInt8(ascii: "0"))
            }
            packed |= digit << (60 - 4 * UInt64(index))
        }
        return packed | (hasTime ? 1 : 0)
    }

    /// The text of a packed timestamp: `YYYY-MM-DD`, then the time after `dateSeparator` when
    /// it has one, then `suffix`.
    private static func render(_ packed: UInt64, dateSeparator: UInt8, suffix: StaticString) -> String {
        let hasTime = packed & 0xFF != 0
        let length = (hasTime ? 19 : 10) + suffix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: length) { buffer in
            let template: StaticString = "0000-00-00 00:00:00"
            template.withUTF8Buffer { for index in 0..<(hasTime ? 19 : 10) { buffer[index] = $0[index] } }
            for (index, position) in digitPositions.enumerated() where position < (hasTime ? 19 : 10) {
                buffer[position] = UInt8(ascii: "0") + UInt8((packed >> (60 - 4 * UInt64(index))) & 0xF)
            }
            if hasTime { buffer[10] = dateSeparator }
            var count = hasTime ? 19 : 10
            suffix.withUTF8Buffer { for byte in $0 { buffer[count] = byte; count += 1 } }
            return count
        }
    }

    /// ``iso8601`` of a text that is not in one of the packed forms.
    private static func iso8601(ofText databaseText: String) -> String {
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
}
