extension TimeSpanRequest {
    /// The span the public numbers count over (the reference's `get_time_span` in
    /// `metrics/crud.py`), both ends included, as `YYYY-MM-DD HH:MM:SS`:
    /// - start and end: [start, end]; the duration is ignored, even a negative one;
    /// - start and duration: [start, start + duration days];
    /// - end and duration: [end − duration days, end];
    /// - only a duration: [now − duration days, now];
    /// - only start: [start, now].
    ///
    /// Throws `badUserInput` with the reference's texts when start is after the end, the
    /// duration is negative, or neither start nor a duration is given.
    public func span(now: Timestamp) throws(DomainError) -> (start: Timestamp, end: Timestamp) {
        let start = start.map(Self.normalized)
        let end = end.map(Self.normalized)
        let now = Self.normalized(now)
        switch (start, end, durationDays) {
        case (let start?, let end?, _):
            return try Self.ordered(start, end)
        case (let start?, nil, let days?):
            return (start, Self.shift(start, days: try Self.checked(days)))
        case (nil, let end?, let days?):
            return (Self.shift(end, days: -(try Self.checked(days))), end)
        case (nil, nil, let days?):
            return (Self.shift(now, days: -(try Self.checked(days))), now)
        case (let start?, nil, nil):
            return try Self.ordered(start, now)
        case (nil, _, nil):
            throw .badUserInput("Insufficient arguments")
        }
    }

    private static func ordered(
        _ start: Timestamp, _ end: Timestamp
    ) throws(DomainError) -> (
        start: Timestamp, end: Timestamp
    ) {
        if end < start { throw .badUserInput("Start date cannot be after the end date.") }
        return (start, end)
    }

    private static func checked(_ days: Int) throws(DomainError) -> Int {
        if days < 0 { throw .badUserInput("Duration cannot be negative.") }
        return days
    }

    /// `YYYY-MM-DD HH:MM:SS` (a date alone is its midnight), so spans compare and bind alike.
    private static func normalized(_ timestamp: Timestamp) -> Timestamp { timestamp.adding(seconds: 0) }

    /// First second of year 1 and last second of year 9999, as seconds since 1970.
    private static let earliest = -62_135_596_800
    private static let latest = 253_402_300_799
    /// More days than the calendar's range holds; bounds the arithmetic.
    private static let maxDays = 4_000_000

    /// `timestamp` moved by `days`, kept within years 1 to 9999 so that the text still has
    /// four year digits and compares in order (the reference overflows there).
    private static func shift(_ timestamp: Timestamp, days: Int) -> Timestamp {
        guard let epoch = timestamp.epochSeconds else { return timestamp }
        let bounded = max(-maxDays, min(maxDays, days))
        let moved = max(earliest, min(latest, epoch + bounded * 86_400))
        return Timestamp(trustedText: CivilCalendar.databaseText(epochSeconds: moved))
    }
}
