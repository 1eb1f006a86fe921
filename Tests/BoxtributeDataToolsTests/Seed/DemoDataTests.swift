import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Synchronization
import Testing

@testable import BoxtributeDataTools

@Suite("DemoData")
struct DemoDataTests {
    static let logger = Logger.quiet("demo-data-tests")
    static let boxCount = 400

    private func seeded(boxes: Int = boxCount) async throws -> (SQLiteDatabase, DemoDataSummary) {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: Self.logger)
        let summary = try await DemoData.seed(into: database, boxes: boxes, logger: Self.logger)
        return (database, summary)
    }

    private func count(_ sql: String, in database: any Database) async throws -> Int {
        try await database.query(sql, []).first?.int(0) ?? -1
    }

    private func dump(_ table: String, in database: any Database) async throws -> [[SQLValue]] {
        try await database.query("SELECT * FROM \(table) ORDER BY 1, 2", []).map(\.values)
    }

    // MARK: Primitives

    @Test func labelsAreUniqueEightDigitStrings() {
        var seen = Set<String>()
        for id in 1...200_000 {
            let label = DemoLabel.label(forBox: id)
            #expect(label.count == 8 && label.allSatisfy(\.isNumber))
            seen.insert(label)
        }
        #expect(seen.count == 200_000)
    }

    @Test func clockFormatsUTC() {
        #expect(DemoClock.text(DemoClock.baseDate) == "2026-01-01 00:00:00")
        #expect(DemoClock.text(DemoClock.baseDate - 1) == "2025-12-31 23:59:59")
        #expect(DemoClock.text(951_782_400) == "2000-02-29 00:00:00")
    }

    @Test func randomStreamIsFixed() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = (0..<100).map { _ in a.int(1000) }
        #expect(first == (0..<100).map { _ in b.int(1000) })
        #expect(first.allSatisfy { (0..<1000).contains($0) })
    }

    // MARK: Seeding

    @Test func summaryMatchesTableCounts() async throws {
        let (database, summary) = try await seeded()
        defer { Task { await database.close() } }
        #expect(summary.tables.map(\.table) == DemoData.tables)
        for entry in summary.tables {
            let rows = try await count("SELECT COUNT(*) FROM \(entry.table)", in: database)
            // sizegroup also holds 28 Mass and 29 Volume from migration 0002.
            #expect(rows == entry.rows + (entry.table == "sizegroup" ? 2 : 0), "\(entry.table)")
        }
        #expect(summary.rows(in: "stock") == Self.boxCount)
        #expect(summary.rows(in: "organisations") == DemoDataSummary.organisations.count)
        #expect(summary.rows(in: "camps") == DemoDataSummary.bases.count)
        #expect(summary.rows(in: "cms_users") == DemoDataSummary.users.count)
        #expect(summary.rows(in: "people") == 4 * DemoCatalog.peoplePerBase)
        let users = try await database.query("SELECT id, email FROM cms_users ORDER BY id", [])
        #expect(users.map { $0.int(0) ?? 0 } == DemoDataSummary.users.map(\.id))
        #expect(users.map { $0.string(1) ?? "" } == DemoDataSummary.users.map(\.email))
        #expect(DemoDataSummary.users.first { $0.id == 2 }?.email == "coordinator.base1@demo.boxtribute.org")
    }

    @Test func seedingIsDeterministic() async throws {
        let (first, _) = try await seeded()
        let (second, _) = try await seeded()
        defer {
            Task {
                await first.close()
                await second.close()
            }
        }
        for table in ["stock", "qr", "history", "tags_relations", "shipment_detail", "people", "products", "locations"]
        {
            let a = try await dump(table, in: first)
            let b = try await dump(table, in: second)
            #expect(!a.isEmpty, "\(table)")
            #expect(a == b, "\(table)")
        }
    }

    @Test func labelsAndQrCodesAreUniqueAndQrCodesAreMD5OfTheirId() async throws {
        let (database, _) = try await seeded()
        defer { Task { await database.close() } }
        #expect(try await count("SELECT COUNT(DISTINCT box_id) FROM stock", in: database) == Self.boxCount)
        #expect(try await count("SELECT COUNT(*) FROM stock WHERE LENGTH(box_id) <> 8", in: database) == 0)
        let withQr = try await count("SELECT COUNT(*) FROM stock WHERE qr_id IS NOT NULL", in: database)
        #expect(withQr > Self.boxCount * 8 / 10)
        #expect(try await count("SELECT COUNT(DISTINCT qr_id) FROM stock", in: database) == withQr)
        let codes = try await database.query("SELECT id, code FROM qr ORDER BY id", [])
        for row in codes {
            let id = row.int(0) ?? 0
            #expect(row.string(1) == QrCode.code(forId: id))
        }
        let six = try await database.query("SELECT code FROM qr WHERE id = 6", [])
        #expect(six.first?.string(0) == "1679091c5a880faf6fb5e6087eb1b2dc")
    }

    @Test func everyBoxStateIsPresentAndConsistent() async throws {
        let (database, _) = try await seeded()
        defer { Task { await database.close() } }
        let states = try await database.query("SELECT DISTINCT box_state_id FROM stock ORDER BY 1", [])
        #expect(states.map { $0.int(0) ?? 0 } == Array(1...8))
        // Box product and location belong to the same base; no boxes in the deleted base.
        #expect(
            try await count(
                "SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id JOIN products p ON p.id = s.product_id WHERE l.camp_id <> p.camp_id OR l.camp_id = 4",
                in: database) == 0)
        // Lost / Donated / Scrap boxes sit in locations with that default state.
        #expect(
            try await count(
                "SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id WHERE s.box_state_id IN (2, 5, 6) AND l.box_state_id <> s.box_state_id",
                in: database) == 0)
        // Measure boxes have a unit and no size; others a size and no unit.
        #expect(
            try await count(
                "SELECT COUNT(*) FROM stock s JOIN products p ON p.id = s.product_id WHERE (p.sizegroup_id IN (28, 29)) <> (s.display_unit_id IS NOT NULL AND s.size_id IS NULL AND s.measure_value IS NOT NULL)",
                in: database) == 0)
        #expect(try await count("SELECT COUNT(*) FROM stock WHERE display_unit_id IS NOT NULL", in: database) > 0)
        // Live boxes carry the zero date, deleted ones a real date and a history entry.
        let deleted = try await count("SELECT COUNT(*) FROM stock WHERE deleted <> '0000-00-00 00:00:00'", in: database)
        #expect(deleted > 0)
        #expect(
            try await count(
                "SELECT COUNT(*) FROM history WHERE tablename = 'stock' AND changes = 'Record deleted'", in: database)
                == deleted)
        #expect(try await count("SELECT COUNT(*) FROM stock WHERE deleted IS NULL", in: database) == 0)
        // Exactly one creation entry per box; modified never before created.
        #expect(
            try await count(
                "SELECT COUNT(*) FROM stock s WHERE (SELECT COUNT(*) FROM history h WHERE h.tablename = 'stock' AND h.record_id = s.id AND h.changes = 'Record created') <> 1",
                in: database) == 0)
        #expect(try await count("SELECT COUNT(*) FROM stock WHERE modified < created", in: database) == 0)
        #expect(
            try await count("SELECT COUNT(*) FROM stock WHERE modified >= '2026-01-01 00:00:00'", in: database) == 0)
        #expect(try await count("SELECT COUNT(*) FROM tags_relations WHERE deleted_on IS NOT NULL", in: database) > 0)
        // Every foreign key holds.
        #expect(try await database.query("PRAGMA foreign_key_check", []).isEmpty)
    }

    @Test func shipmentBoxesHaveAnActiveDetailOfTheirBase() async throws {
        let (database, _) = try await seeded()
        defer { Task { await database.close() } }
        let rows = try await database.query(
            "SELECT s.id, l.camp_id FROM stock s JOIN locations l ON l.id = s.location_id WHERE s.box_state_id IN (3, 4, 7, 8)",
            [])
        #expect(rows.count >= 7)
        let boxIds = rows.map { Box.ID($0.int(0) ?? 0) }
        let bases = try await BoxStore.activeShipmentBases(ofBoxes: boxIds, in: database)
        for (row, box) in zip(rows, boxIds) {
            let shipmentBases = bases[box] ?? []
            #expect(shipmentBases.contains(Base.ID(row.int(1) ?? 0)), "box \(box)")
        }
        // Every shipment state appears, each box has one detail, and states match.
        let states = try await database.query("SELECT state FROM shipment ORDER BY id", [])
        #expect(
            states.map { $0.string(0) ?? "" } == ["Preparing", "Sent", "Receiving", "Lost", "Completed", "Canceled"])
        #expect(
            try await count("SELECT COUNT(DISTINCT box_id) FROM shipment_detail", in: database)
                == (try await count("SELECT COUNT(*) FROM shipment_detail", in: database)))
        let mismatched = try await count(
            """
            SELECT COUNT(*) FROM shipment_detail d JOIN shipment sh ON sh.id = d.shipment_id JOIN stock s ON s.id = d.box_id \
            WHERE NOT ((sh.state = 'Preparing' AND s.box_state_id = 3) OR (sh.state = 'Sent' AND s.box_state_id = 7) \
            OR (sh.state = 'Receiving' AND (s.box_state_id = 4 OR d.received_on IS NOT NULL)) \
            OR (sh.state = 'Lost' AND s.box_state_id = 8 AND d.lost_on IS NOT NULL) \
            OR (sh.state = 'Completed' AND s.box_state_id = 1 AND (d.received_on IS NOT NULL OR d.removed_on IS NOT NULL)) \
            OR (sh.state = 'Canceled' AND s.box_state_id = 1 AND d.removed_on IS NOT NULL))
            """, in: database)
        #expect(mismatched == 0)
        // Received boxes now live in the target base.
        #expect(
            try await count(
                "SELECT COUNT(*) FROM shipment_detail d JOIN shipment sh ON sh.id = d.shipment_id JOIN stock s ON s.id = d.box_id JOIN locations l ON l.id = s.location_id WHERE d.received_on IS NOT NULL AND l.camp_id <> sh.target_base_id",
                in: database) == 0)
    }

    @Test func refusesToSeedTwice() async throws {
        let (database, _) = try await seeded()
        defer { Task { await database.close() } }
        await #expect(throws: DemoDataError.databaseNotEmpty(table: "camps")) {
            _ = try await DemoData.seed(into: database, boxes: 100, logger: Self.logger)
        }
        await #expect(throws: DemoDataError.invalidBoxCount(5)) {
            _ = try await DemoData.seed(into: database, boxes: 5, logger: Self.logger)
        }
    }

    @Test func cleanupRemovesEverythingTheGeneratorWrote() async throws {
        let (database, _) = try await seeded(boxes: 100)
        defer { Task { await database.close() } }
        try await DemoData.removeSeededRows(from: database)
        try await DemoData.requireEmpty(database)
        // Reference data survives; seeding works again.
        #expect(try await count("SELECT COUNT(*) FROM box_state", in: database) == 8)
        #expect(try await count("SELECT COUNT(*) FROM sizegroup", in: database) == 2)
        let summary = try await DemoData.seed(into: database, boxes: 100, logger: Self.logger)
        #expect(summary.rows(in: "stock") == 100)
    }

    @Test func progressReportsEveryTable() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: Self.logger)
        defer { Task { await database.close() } }
        let seen = ProgressLog()
        let summary = try await DemoData.seed(into: database, boxes: 200, logger: Self.logger) { table, rows in
            seen.add(table, rows)
        }
        for entry in summary.tables { #expect(seen.last(entry.table) == entry.rows, "\(entry.table)") }
    }
}

/// Timing on a file database: `DEMO_DATA_BENCH_BOXES=1000000 swift test --filter DemoDataBenchmark`.
@Suite("DemoDataBenchmark")
struct DemoDataBenchmark {
    static let boxes = ProcessInfo.processInfo.environment["DEMO_DATA_BENCH_BOXES"].flatMap { Int($0) }

    @Test(.enabled(if: boxes != nil)) func seedFileDatabase() async throws {
        let boxes = Self.boxes ?? DemoData.defaultBoxCount
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-bench-\(getpid()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try await SQLiteDatabase.open(path: path, logger: DemoDataTests.logger)
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try await DemoData.seed(into: database, boxes: boxes, logger: DemoDataTests.logger)
        let elapsed = clock.now - start
        await database.close()
        print("demo data: \(boxes) boxes in \(elapsed)")
        print(summary)
        #expect(summary.rows(in: "stock") == boxes)
    }
}

/// Collects progress callbacks (called from the seeding task).
private final class ProgressLog: Sendable {
    private let rows = Mutex<[String: Int]>([:])
    func add(_ table: String, _ count: Int) { rows.withLock { $0[table] = count } }
    func last(_ table: String) -> Int? { rows.withLock { $0[table] } }
}
