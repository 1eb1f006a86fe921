import BoxtributeDatabase
import BoxtributeTestSupport
import Testing

@testable import BoxtributeStorage

/// SQLite's plans of the history-heavy cubes: every history look-up seeks
/// `history_record_changes` (or `history_changes_from`); none reads the whole table.
@Suite("Stock statistics: SQLite query plans")
struct StatisticsPlanTests {
    /// The `detail` lines of SQLite's plan for `sql`.
    static func plan(_ sql: String, _ binds: [SQLValue]) async throws -> [String] {
        let database = try await Fixtures.makeSQLiteDatabase()
        let rows = try await database.query("EXPLAIN QUERY PLAN " + sql, binds)
        await database.close()
        return rows.compactMap { $0.string(3) }
    }

    /// Whether a plan line reads all of `history` (aliased `h` in the statements).
    static func scansHistory(_ line: String) -> Bool {
        line == "SCAN h" || line.hasPrefix("SCAN h ") || line.hasPrefix("SCAN history")
    }

    @Test("movedBoxes seeks the box's history rows by record and change")
    func movedBoxes() async throws {
        let lines = try await Self.plan(
            MovedBoxesStore.statement(for: .sqlite), [.integer(1), .integer(1), .integer(1), .integer(1), .integer(1)])
        #expect(lines.contains { $0.contains("history_record_changes") }, "\(lines)")
        #expect(!lines.contains(where: Self.scansHistory), "\(lines)")
        // Every look-up starts from a box: `history_changes_from` would read the moves of all
        // boxes once per box.
        #expect(!lines.contains { $0.contains("history_changes_from") }, "\(lines)")
    }

    @Test("createdBoxes seeks the oldest changes by record, and the moves out of the base by change")
    func createdBoxes() async throws {
        let lines = try await Self.plan(
            StockStatisticsStore.createdBoxesStatement, [.integer(1), .integer(1), .integer(1)])
        #expect(lines.contains { $0.contains("history_record_changes") }, "\(lines)")
        #expect(lines.contains { $0.contains("history_changes_from") }, "\(lines)")
        #expect(!lines.contains(where: Self.scansHistory), "\(lines)")
    }

    @Test("createdBoxes with box_origins reads the base's origins from their index and seeks only younger boxes")
    func createdBoxesFromOrigins() async throws {
        let lines = try await Self.plan(
            StockStatisticsStore.createdBoxesFromOriginsStatement(for: .sqlite), [.integer(1), .integer(1)])
        #expect(lines.contains { $0.contains("COVERING INDEX box_origins_base (camp_id=?") }, "\(lines)")
        // The younger boxes: a range of ids above the last summarised one, never all of `stock`.
        #expect(lines.contains { $0.hasPrefix("SEARCH s USING INTEGER PRIMARY KEY (rowid>?)") }, "\(lines)")
        #expect(!lines.contains { $0 == "SCAN s" || $0.hasPrefix("SCAN s ") }, "\(lines)")
        #expect(!lines.contains(where: Self.scansHistory), "\(lines)")
        #expect(!lines.contains { $0.contains("history_changes_from") }, "\(lines)")
        #expect(!lines.contains(where: Self.scansTagRelations), "\(lines)")
    }

    @Test("the refresh of box_origins seeks each box's oldest changes by record and change")
    func boxOriginRefresh() async throws {
        let sql = "SELECT \(BoxOriginStore.originColumns(for: .sqlite)) FROM stock s WHERE s.id > ? AND s.id <= ?"
        let lines = try await Self.plan(sql, [.integer(0), .integer(50_000)])
        #expect(lines.filter { $0.contains("USING INDEX history_record_changes") }.count == 3, "\(lines)")
        #expect(!lines.contains { $0.contains("history_changes_from") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") }, "\(lines)")
    }

    @Test("stockOverview reads the base's boxes from stock_location_overview alone", arguments: [0, 2])
    func stockOverview(filterTags: Int) async throws {
        let sql = StockStatisticsStore.stockOverviewStatement(
            including: filterTags, excluding: filterTags, dialect: .sqlite)
        let lines = try await Self.plan(sql, Array(repeating: .integer(1), count: 1 + 2 * filterTags))
        #expect(lines.contains { $0.contains("COVERING INDEX stock_location_overview") }, "\(lines)")
        #expect(!lines.contains(where: Self.scansTagRelations), "\(lines)")
    }

    /// Whether a plan line reads every tag relation of a type instead of seeking the object's.
    static func scansTagRelations(_ line: String) -> Bool {
        line.hasPrefix("SCAN tr") || (line.hasPrefix("SEARCH tr") && !line.contains("object_id"))
    }

    @Test("the tag lists of createdBoxes and movedBoxes seek the box's relations by object id")
    func tagLists() async throws {
        let plans = [
            try await Self.plan(
                MovedBoxesStore.statement(for: .sqlite),
                [.integer(1), .integer(1), .integer(1), .integer(1), .integer(1)]),
            try await Self.plan(StockStatisticsStore.createdBoxesStatement, [.integer(1), .integer(1), .integer(1)]),
        ]
        for lines in plans {
            #expect(lines.contains { $0.hasPrefix("SEARCH tr") }, "\(lines)")
            #expect(!lines.contains(where: Self.scansTagRelations), "\(lines)")
        }
    }
}
