import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import Testing

@testable import BoxtributeDomain
@testable import BoxtributeStorage

/// `box_origins` (migration 6): the created boxes read the origins of summarised boxes there
/// and work out the others from the history, with the same answer either way.
@Suite("Box origins of the created-boxes statistics")
struct BoxOriginTests {
    /// 2100-01-01: every fixture box was created long before.
    static let later = Date(timeIntervalSince1970: 4_102_444_800)
    static let bases = [Fixtures.BaseID.lesvos, Fixtures.BaseID.thessaloniki]

    static func createdBoxes(_ baseId: Base.ID, in database: any Database) async throws -> [CreatedBoxesFact] {
        let scope = ReadScope(user: Fixtures.god, session: SQLDataSource(database: database).openSession())
        return try await StockStatisticsService.createdBoxes(ofBase: baseId, in: scope).facts
    }

    static func count(_ sql: String, in database: any Database) async throws -> Int {
        try await database.query(sql, []).first?.int(0) ?? -1
    }

    /// Adds a jeans box with 4 items in Lesvos' warehouse, created at `created`.
    static func addBox(id: Int = 900, created: String, to database: any Database) async throws {
        try await database.transaction { connection in
            _ = try await connection.execute(
                """
                INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, created, modified)
                VALUES (?, ?, 1, 2, 4, ?, 1, ?, ?)
                """,
                [
                    .integer(id), .text(String(90_000_000 + id)),
                    .integer(Fixtures.LocationID.lesvosWarehouse.rawValue),
                    .text(created), .text(created),
                ])
        }
    }

    @Test("summarising every box changes no fact, and later changes of a summarised box change none either")
    func summarisedAnswersTheSame() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        var before: [[CreatedBoxesFact]] = []
        for base in Self.bases { before.append(try await Self.createdBoxes(base, in: database)) }
        let boxes = try await Self.count("SELECT COUNT(*) FROM stock", in: database)

        #expect(try await BoxOriginStore.refresh(in: database, now: Self.later) == boxes)
        #expect(try await Self.count("SELECT COUNT(*) FROM box_origins", in: database) == boxes)
        #expect(try await BoxOriginStore.refresh(in: database, now: Self.later) == 0)
        for (base, facts) in zip(Self.bases, before) {
            #expect(try await Self.createdBoxes(base, in: database) == facts, "base \(base)")
        }

        // Box 1 becomes rice with 30 items: its history keeps what it was created as.
        try await database.transaction { connection in
            _ = try await connection.execute("UPDATE stock SET product_id = 2, items = 30 WHERE id = 1", [])
            _ = try await connection.execute(
                """
                INSERT INTO history (tablename, record_id, changes, user_id, changedate, from_int, to_int)
                VALUES ('stock', 1, 'product_id', 1, '2024-06-01 10:00:00', 1, 2),
                       ('stock', 1, 'items', 1, '2024-06-01 10:00:00', 10, 30)
                """, [])
        }
        #expect(try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database) == before[0])
        await database.close()
    }

    @Test("a box created within the settling time is worked out from the history until it is summarised")
    func youngBoxes() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        try await BoxOriginStore.refresh(in: database)
        let before = try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database)
        let now = UTCClock.now()
        try await Self.addBox(created: now, to: database)

        #expect(try await BoxOriginStore.refresh(in: database) == 0)
        let young = try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database)
        let today = String(now.prefix(10))
        #expect(young.filter { $0.createdOn != today } == before)
        #expect(young.filter { $0.createdOn == today }.map { [$0.boxesCount, $0.itemsCount ?? -1] } == [[1, 4]])

        #expect(try await BoxOriginStore.refresh(in: database, now: Date().addingTimeInterval(3600)) == 1)
        #expect(try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database) == young)
        await database.close()
    }

    @Test("ids further apart than one statement's range are all summarised")
    func sparseIds() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        try await Self.addBox(
            id: 3 * BoxOriginStore.boxesPerStatement + 7, created: "2024-05-01 09:00:00", to: database)
        let boxes = try await Self.count("SELECT COUNT(*) FROM stock", in: database)
        #expect(try await BoxOriginStore.refresh(in: database, now: Self.later) == boxes)
        let lesvos = try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database)
        #expect(lesvos.filter { $0.createdOn == "2024-05-01" }.map(\.boxesCount) == [1])
        await database.close()
    }

    @Test("without box_origins (a Boxtribute database served as it is) the history alone gives the same facts")
    func withoutTheTable() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        try await BoxOriginStore.refresh(in: database, now: Self.later)
        let summarised = try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database)
        try await database.transaction { _ = try await $0.execute("DROP TABLE box_origins", []) }
        #expect(try await BoxOriginStore.refresh(in: database, now: Self.later) == 0)
        #expect(try await Self.createdBoxes(Fixtures.BaseID.lesvos, in: database) == summarised)
        await database.close()
    }
}
