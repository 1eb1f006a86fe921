extension Timestamp {
    /// Seconds since 1970-01-01 00:00:00 UTC; nil for a text that is not
    /// `YYYY-MM-DD[ HH:MM:SS[.fraction]]` (fractions are dropped).
    public var epochSeconds: Int? {
        let text = Array(databaseText.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= text.count else { return nil }
            var value = 0
            for byte in text[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        var seconds = CivilCalendar.dayNumber(year: year, month: month, day: day) * 86_400
        if text.count >= 19 {
            guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else {
                return nil
            }
            seconds += hour * 3600 + minute * 60 + second
        }
        return seconds
    }

    /// This time plus `seconds` (negative: earlier), as `YYYY-MM-DD HH:MM:SS`; unchanged when
    /// the text has no calendar form.
    public func adding(seconds: Int) -> Timestamp {
        guard let epoch = epochSeconds else { return self }
        let (sum, overflow) = epoch.addingReportingOverflow(seconds)
        guard !overflow else { return self }
        return Timestamp(trustedText: CivilCalendar.databaseText(epochSeconds: sum))
    }

    /// This time plus `days` whole days (negative: earlier).
    public func adding(days: Int) -> Timestamp {
        let (seconds, overflow) = days.multipliedReportingOverflow(by: 86_400)
        return overflow ? self : adding(seconds: seconds)
    }
}
