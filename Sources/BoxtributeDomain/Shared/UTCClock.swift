import Foundation

/// Server timestamps: UTC, second precision, database text.
public enum UTCClock {
    public static func now() -> String { format(Date()) }

    public static func format(_ date: Date) -> String {
        CivilCalendar.databaseText(epochSeconds: Int(date.timeIntervalSince1970.rounded(.down)))
    }
}
