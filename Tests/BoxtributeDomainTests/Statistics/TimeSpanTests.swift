import Testing

@testable import BoxtributeDomain

/// The time span of the public numbers (`get_time_span` in the reference).
@Suite("Public numbers: time spans")
struct TimeSpanTests {
    static let now = Timestamp(trustedText: "2025-06-01 12:00:00")

    static func span(start: String? = nil, end: String? = nil, days: Int? = nil) throws(DomainError) -> [String] {
        let request = TimeSpanRequest(
            start: start.map(Timestamp.init(trustedText:)), end: end.map(Timestamp.init(trustedText:)),
            durationDays: days)
        let span = try request.span(now: now)
        return [span.start.databaseText, span.end.databaseText]
    }

    @Test("start and end give [start, end], whatever the duration, even a negative one")
    func startAndEnd() throws {
        #expect(
            try Self.span(start: "2024-01-01 00:00:00", end: "2025-06-01 12:00:00")
                == ["2024-01-01 00:00:00", "2025-06-01 12:00:00"])
        #expect(
            try Self.span(start: "2024-01-01", end: "2024-02-01", days: 3)
                == ["2024-01-01 00:00:00", "2024-02-01 00:00:00"])
        #expect(
            try Self.span(start: "2024-01-01", end: "2024-02-01", days: -1)
                == ["2024-01-01 00:00:00", "2024-02-01 00:00:00"])
        #expect(
            try Self.span(start: "2024-01-01", end: "2024-01-01") == ["2024-01-01 00:00:00", "2024-01-01 00:00:00"])
    }

    @Test("a start after the end is refused")
    func startAfterEnd() {
        #expect(throws: DomainError.badUserInput("Start date cannot be after the end date.")) {
            try Self.span(start: "2025-02-01", end: "2025-01-01")
        }
        #expect(throws: DomainError.badUserInput("Start date cannot be after the end date.")) {
            try Self.span(start: "2025-07-01")
        }
    }

    @Test("a duration counts whole days from the start, back from the end, or back from now")
    func durations() throws {
        #expect(try Self.span(start: "2024-03-01", days: 10) == ["2024-03-01 00:00:00", "2024-03-11 00:00:00"])
        #expect(
            try Self.span(end: "2024-01-05 00:00:00", days: 4) == ["2024-01-01 00:00:00", "2024-01-05 00:00:00"])
        #expect(try Self.span(days: 30) == ["2025-05-02 12:00:00", "2025-06-01 12:00:00"])
        #expect(try Self.span(days: 0) == ["2025-06-01 12:00:00", "2025-06-01 12:00:00"])
    }

    @Test("only a start runs until now")
    func onlyStart() throws {
        #expect(try Self.span(start: "2025-05-01 00:00:00") == ["2025-05-01 00:00:00", "2025-06-01 12:00:00"])
        #expect(try Self.span(start: "2025-06-01 12:00:00") == ["2025-06-01 12:00:00", "2025-06-01 12:00:00"])
    }

    @Test("a negative duration is refused where it counts")
    func negativeDuration() {
        for (start, end) in [("2025-01-01", nil), (nil, "2025-01-01"), (nil, nil)] as [(String?, String?)] {
            #expect(throws: DomainError.badUserInput("Duration cannot be negative.")) {
                try Self.span(start: start, end: end, days: -1)
            }
        }
    }

    @Test("only an end, or nothing, is not enough")
    func insufficient() {
        #expect(throws: DomainError.badUserInput("Insufficient arguments")) { try Self.span(end: "2025-01-01") }
        #expect(throws: DomainError.badUserInput("Insufficient arguments")) { try Self.span() }
    }

    @Test("huge durations stop at the calendar's ends, so the texts keep four year digits")
    func bounded() throws {
        #expect(try Self.span(days: Int.max) == ["0001-01-01 00:00:00", "2025-06-01 12:00:00"])
        #expect(
            try Self.span(start: "2025-01-01", days: 2_147_483_647) == ["2025-01-01 00:00:00", "9999-12-31 23:59:59"])
        #expect(try Self.span(end: "2025-01-01", days: 1_000_000) == ["0001-01-01 00:00:00", "2025-01-01 00:00:00"])
    }
}
