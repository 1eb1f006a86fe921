import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// The public API's numbers over the statistics fixtures, in the standard and production
/// settings (production leaves organisation 1 out).
@Suite("Public numbers: counts and time-span errors")
struct PublicNumbersTests {
    enum Number: CaseIterable {
        case createdBoxes, registeredBeneficiaries, reachedBeneficiaries
    }

    static let untilNow = "2025-06-01 12:00:00"

    static func count(
        _ number: Number, start: String? = nil, end: String? = nil, days: Int? = nil,
        settings: StatisticsSettings = .standard, in database: any Database
    ) async throws -> Int {
        let session = SQLDataSource(database: database).openSession()
        let span = TimeSpanRequest(
            start: start.map(Timestamp.init(trustedText:)), end: end.map(Timestamp.init(trustedText:)),
            durationDays: days)
        let now = Fixtures.Statistics.now
        return switch number {
        case .createdBoxes:
            try await PublicNumbersService.newlyCreatedBoxes(span, now: now, settings: settings, in: session)
        case .registeredBeneficiaries:
            try await PublicNumbersService.newlyRegisteredBeneficiaries(span, now: now, settings: settings, in: session)
        case .reachedBeneficiaries:
            try await PublicNumbersService.reachedBeneficiaries(span, now: now, settings: settings, in: session)
        }
    }

    @Test("newly created boxes")
    func createdBoxes() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        // Every box of 2024 on, or only boxes 5 and 205 outside organisation 1.
        #expect(
            try await Self.count(.createdBoxes, start: "2024-01-01 00:00:00", end: Self.untilNow, in: database) == 13)
        #expect(
            try await Self.count(
                .createdBoxes, start: "2024-01-01 00:00:00", end: Self.untilNow, settings: .production, in: database)
                == 2)
        // Boxes 200 and 201.
        #expect(try await Self.count(.createdBoxes, start: "2024-03-01", days: 10, in: database) == 2)
        // Boxes 1, 204, 2, 3 and 4: both ends are included.
        #expect(try await Self.count(.createdBoxes, end: "2024-01-05 00:00:00", days: 4, in: database) == 5)
        #expect(try await Self.count(.createdBoxes, days: 30, in: database) == 0)
        await database.close()
    }

    @Test("newly registered beneficiaries, hard-deleted people included")
    func registeredBeneficiaries() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        // People 1, 2, 3, 4, 5, 200, 201, 202 and the hard-deleted 999.
        #expect(
            try await Self.count(
                .registeredBeneficiaries, start: "2024-01-01 00:00:00", end: Self.untilNow, in: database) == 9)
        // 5, 202 and 999.
        #expect(
            try await Self.count(
                .registeredBeneficiaries, start: "2024-01-01 00:00:00", end: Self.untilNow, settings: .production,
                in: database) == 3)
        // 201, 202 and 999.
        #expect(try await Self.count(.registeredBeneficiaries, days: 30, in: database) == 3)
        #expect(try await Self.count(.registeredBeneficiaries, start: "2025-05-01 00:00:00", in: database) == 3)
        await database.close()
    }

    @Test("reached beneficiaries")
    func reachedBeneficiaries() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        #expect(
            try await Self.count(.reachedBeneficiaries, start: "2024-01-01 00:00:00", end: Self.untilNow, in: database)
                == 9)
        #expect(
            try await Self.count(
                .reachedBeneficiaries, start: "2024-01-01 00:00:00", end: Self.untilNow, settings: .production,
                in: database) == 3)
        #expect(try await Self.count(.reachedBeneficiaries, days: 30, in: database) == 3)
        // Aisha's 2023 edit.
        #expect(try await Self.count(.reachedBeneficiaries, start: "2023-01-01 00:00:00", days: 30, in: database) == 1)
        await database.close()
    }

    @Test("a start and an end ignore a negative duration")
    func negativeDurationIgnored() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        for number in Number.allCases {
            let expected = try await Self.count(number, start: "2024-01-01 00:00:00", end: Self.untilNow, in: database)
            #expect(
                try await Self.count(number, start: "2024-01-01 00:00:00", end: Self.untilNow, days: -1, in: database)
                    == expected)
        }
        await database.close()
    }

    @Test("every number refuses a bad span with the reference's texts")
    func errors() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        for number in Number.allCases {
            await #expect(throws: DomainError.badUserInput("Start date cannot be after the end date.")) {
                try await Self.count(number, start: "2025-02-01", end: "2025-01-01", in: database)
            }
            await #expect(throws: DomainError.badUserInput("Start date cannot be after the end date.")) {
                try await Self.count(number, start: "2025-07-01", in: database)
            }
            await #expect(throws: DomainError.badUserInput("Insufficient arguments")) {
                try await Self.count(number, end: "2025-01-01", in: database)
            }
            await #expect(throws: DomainError.badUserInput("Insufficient arguments")) {
                try await Self.count(number, in: database)
            }
            await #expect(throws: DomainError.badUserInput("Duration cannot be negative.")) {
                try await Self.count(number, start: "2025-01-01", days: -1, in: database)
            }
        }
        await database.close()
    }
}
