import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

@testable import BoxtributeStorage

private let logger = Logger.quiet()

@Suite("Schema migrations")
struct MigrationTests {
    @Test("rows by id bind at most 10,000 ids per statement: 70,000 ids (more than either engine binds) work")
    func rowsByManyIds() async throws {
        let database = try await Fixtures.makeDatabase()
        let expected = try await database.query("SELECT id FROM stock ORDER BY id", []).compactMap {
            $0.values[0].intValue
        }
        let rows = try await database.rows(
            columns: "id", from: "stock", idColumn: "id", ids: Array(1...70_000).reversed(),
            decode: { $0.values[0].intValue ?? 0 })
        #expect(rows.sorted() == expected)
        await database.close()
    }

    @Test("an empty database gets the dropapp schema and the reference data")
    func emptyDatabase() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        #expect(try await SchemaMigrator.state(of: database) == .empty)
        #expect(try await SchemaMigrator.migrate(database, logger: logger) == [1, 2, 3, 4, 5, 6])
        #expect(try await SchemaMigrator.state(of: database) == .managed(version: 6))
        #expect(try await SchemaMigrator.migrate(database, logger: logger) == [])
        let tables = try await database.query(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", [])
        #expect(tables.first?.int(0) == 63)
        let states = try await database.query("SELECT id, label FROM box_state ORDER BY id", [])
        #expect(
            states.map { $0.string(1) } == [
                "Instock", "Lost", "MarkedForShipment", "Receiving", "Donated", "Scrap", "InTransit", "NotDelivered",
            ])
        let stock = try await database.query("PRAGMA table_info(stock)", [])
        #expect(stock.contains { $0["name"].stringValue == "box_id" })
        await database.close()
    }

    @Test("SQLite runs in WAL mode with foreign keys on; readers see committed writes")
    func walAndForeignKeys() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        #expect(try await database.query("PRAGMA journal_mode", []).first?.string(0) == "wal")
        #expect(try await database.query("PRAGMA foreign_keys", []).first?.int(0) == 1)
        await #expect(throws: DatabaseError.self) {
            try await database.transaction { connection in
                try await connection.execute(
                    "INSERT INTO camps (id, name, organisation_id, seq) VALUES (1, 'x', 999, 1)", [])
            }
        }
        try await database.transaction { connection in
            _ = try await connection.execute("INSERT INTO organisations (id, label) VALUES (1, 'Org')", [])
        }
        #expect(try await database.query("SELECT label FROM organisations", []).first?.string(0) == "Org")
        await database.close()
    }

    @Test("reused aggregates are recomputed after any commit, also one by another connection")
    func reusedAggregatesFollowChanges() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, readers: 1, logger: logger)
        let other = try await SQLiteDatabase.open(path: path, readers: 1, logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        let count = "SELECT COUNT(*) FROM organisations"
        #expect(try await database.queryReusingUntilChange(count, []).first?.int(0) == 0)
        try await database.transaction {
            _ = try await $0.execute("INSERT INTO organisations (label) VALUES ('A')", [])
        }
        #expect(try await database.queryReusingUntilChange(count, []).first?.int(0) == 1)
        try await other.transaction { _ = try await $0.execute("INSERT INTO organisations (label) VALUES ('B')", []) }
        #expect(try await database.queryReusingUntilChange(count, []).first?.int(0) == 2)
        // Unchanged data: the reader answers from its last run, still right.
        #expect(try await database.queryReusingUntilChange(count, []).first?.int(0) == 2)
        await other.close()
        await database.close()
    }

    @Test("a read session sees one snapshot until it closes, and gives its reader back")
    func readSessionSnapshot() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, readers: 2, logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        let count = "SELECT COUNT(*) FROM organisations"
        let insert = "INSERT INTO organisations (label) VALUES ('A')"
        let session = try #require(database.openReadSession())
        #expect(try await session.query(count, []).first?.int(0) == 0)
        try await database.transaction { _ = try await $0.execute(insert, []) }
        // The session keeps its snapshot; statements on the database see the commit.
        #expect(try await session.query(count, []).first?.int(0) == 0)
        #expect(try await session.queryReusingUntilChange(count, []).first?.int(0) == 0)
        #expect(try await database.query(count, []).first?.int(0) == 1)
        session.close()
        await #expect(throws: DatabaseError.self) { try await session.query(count, []) }

        // Both lendable readers in sessions: no third session, statements still run.
        let first = try #require(database.openReadSession())
        let second = try #require(database.openReadSession())
        #expect(database.openReadSession() == nil)
        #expect(try await first.query(count, []).first?.int(0) == 1)
        try await database.transaction { _ = try await $0.execute(insert, []) }
        #expect(try await database.query(count, []).first?.int(0) == 2)
        first.close()
        second.close()
        // Returned readers are outside any transaction: they see the latest data.
        let again = try #require(database.openReadSession())
        #expect(try await again.query(count, []).first?.int(0) == 2)
        #expect(try await database.query(count, []).first?.int(0) == 2)
        again.close()
        await database.close()
    }

    @Test("an in-memory database has no read sessions")
    func inMemoryReadSession() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        #expect(database.openReadSession() == nil)
        await database.close()
    }

    @Test("rows decoded in place read as copied rows do: offsets, nulls, zero dates, lenient numbers")
    func rowsDecodedInPlace() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        let sql = """
            SELECT 7, 'x', NULL, 2.5, '42', '0000-00-00 00:00:00', '2024-03-01 10:20:30', 3, X'4142' \
            UNION ALL SELECT 8, 'éa', 1, 3, 'no', '2023-01-02', NULL, 0, NULL
            """
        struct Read: Equatable {
            var int: Int?, string: String?, nullInt: Int?, double: Double?, textInt: Int?
            var zeroDate: Timestamp?, timestamp: Timestamp?, flag: Bool, blob: SQLValue, shifted: String?
            var values: [SQLValue]
        }
        func read(_ row: SQLRow) -> Read {
            Read(
                int: row.int(0), string: row.string(1), nullInt: row.int(2), double: row.double(3),
                textInt: row.int(4), zeroDate: row.timestamp(5), timestamp: row.timestamp(6), flag: row.bool(7),
                blob: row[8], shifted: row.droppingFirst(1).string(0), values: row.droppingFirst(7).values)
        }
        let inPlace = try await database.query(sql, [], decode: read)
        let copied = try await database.query(sql, []).map(read)
        #expect(inPlace == copied)
        #expect(inPlace.map(\.int) == [7, 8])
        #expect(inPlace.map(\.textInt) == [42, nil])
        #expect(inPlace.map(\.double) == [2.5, 3])
        #expect(inPlace.map(\.zeroDate) == [nil, Timestamp(databaseText: "2023-01-02")])
        #expect(inPlace[0].timestamp?.iso8601 == "2024-03-01T10:20:30+00:00")
        #expect(inPlace.map(\.shifted) == ["x", "éa"])
        #expect(inPlace[0].values == [.integer(3), .blob([0x41, 0x42])])
        #expect(inPlace.map(\.flag) == [true, false])
        await database.close()
    }

    @Test("a failed transaction leaves nothing behind")
    func rollback() async throws {
        let database = try await Fixtures.makeDatabase()
        await #expect(throws: DatabaseError.self) {
            try await database.transaction { connection in
                _ = try await connection.execute("INSERT INTO organisations (id, label) VALUES (3, 'New')", [])
                _ = try await connection.execute("INSERT INTO organisations (id, label) VALUES (3, 'Duplicate')", [])
            }
        }
        #expect(try await database.query("SELECT COUNT(*) FROM organisations", []).first?.int(0) == 2)
        await database.close()
    }

    @Test("database URLs")
    func databaseURLs() throws {
        #expect(try DatabaseLocation(url: "sqlite:data/box.sqlite3") == .sqlite(path: "data/box.sqlite3"))
        #expect(try DatabaseLocation(url: "sqlite::memory:") == .sqlite(path: ":memory:"))
        let mysql = try DatabaseLocation(url: "mysql://root:p%40ss@db.local:3307/dropapp")
        #expect(
            mysql
                == .mysql(
                    MySQLSettings(host: "db.local", port: 3307, user: "root", password: "p@ss", database: "dropapp")))
        #expect(mysql.redacted == "mysql://root@db.local:3307/dropapp")
        #expect(throws: InvalidDatabaseURL.self) { try DatabaseLocation(url: "postgres://x") }
    }
}

@Suite("Importing a MySQL dump")
struct DumpImportTests {
    @Test("init.sql loads with the dump's row counts", .enabled(if: SharedData.isAvailable))
    func importInitDump() async throws {
        let dump = try #require(SharedData.initDump)
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        let report = try await DumpImporter.load(path: dump.path, into: database)
        #expect(report.tables.reduce(0) { $0 + $1.rows } == 15_091)
        for table in report.tables {
            let count = try await database.query(
                "SELECT COUNT(*) FROM \(MySQLToSQLite.quoteIdentifier(table.name))", [])
            #expect(count.first?.int(0) == table.rows, "\(table.name)")
        }
        let known = [
            "camps": 6, "organisations": 6, "cms_users": 43, "stock": 802, "products": 344, "locations": 31, "tags": 80,
            "qr": 905, "history": 7144, "people": 769,
        ]
        for (table, rows) in known {
            #expect(try await database.query("SELECT COUNT(*) FROM \(table)", []).first?.int(0) == rows, "\(table)")
        }
        #expect(try await SchemaMigrator.state(of: database) == .existing)
        #expect(try await database.query("PRAGMA foreign_keys", []).first?.int(0) == 1)
        await database.close()
    }

    @Test("an import replaces the previous content", .enabled(if: SharedData.isAvailable))
    func replacesContent() async throws {
        let dump = try #require(SharedData.minimalDump)
        let database = try await Fixtures.makeDatabase()
        _ = try await DumpImporter.load(path: dump.path, into: database)
        #expect(try await SchemaMigrator.state(of: database) == .existing)
        let labels = try await database.query("SELECT label FROM organisations ORDER BY id", []).compactMap {
            $0.string(0)
        }
        #expect(!labels.contains("Aid Org A"))
        await database.close()
    }

    @Test("a malformed dump fails with its statement number and leaves the database as it was")
    func malformedDump() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).sql").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = """
            DROP TABLE IF EXISTS `organisations`;
            CREATE TABLE `organisations` (`id` int unsigned NOT NULL AUTO_INCREMENT, `label` varchar(255) NOT NULL, PRIMARY KEY (`id`));
            INSERT INTO `organisations` VALUES (1,'Imported');
            INSERT INTO `missing_table` VALUES (1);
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let database = try await Fixtures.makeDatabase()
        do {
            _ = try await DumpImporter.load(path: path, into: database)
            Issue.record("the import should fail")
        } catch let failure as DumpImporter.Failure {
            #expect(failure.statementNumber == 4)
        }
        let labels = try await database.query("SELECT label FROM organisations ORDER BY id", []).compactMap {
            $0.string(0)
        }
        #expect(labels == ["Aid Org A", "Aid Org B"])
        #expect(try await SchemaMigrator.state(of: database) == .managed(version: 6))

        try "INSERT INTO `organisations` VALUES (1,'unterminated".write(toFile: path, atomically: true, encoding: .utf8)
        await #expect(throws: DumpImporter.Failure.self) { _ = try await DumpImporter.load(path: path, into: database) }
        await database.close()
    }
}

/// The `detail` lines of SQLite's query plan for `sql`.
private func queryPlan(_ sql: String, _ binds: [SQLValue] = [], in database: SQLiteDatabase) async throws -> [String] {
    try await database.query("EXPLAIN QUERY PLAN " + sql, binds).compactMap { $0["detail"].stringValue }
}

@Suite("Box list query plan")
struct BoxListPlanTests {
    @Test("the box list of a base walks stock by modification date, skipping other bases' boxes in the index")
    func usesModifiedIndex() async throws {
        let database = try await Fixtures.makeSQLiteDatabase()
        let steps = try await queryPlan(
            """
            SELECT s.id FROM stock s CROSS JOIN locations l ON l.id = s.location_id \
            WHERE l.camp_id = \(Fixtures.BaseID.lesvos) AND \(SQL.notDeleted("s.deleted")) AND s.id < 99 ORDER BY s.modified DESC, s.id DESC LIMIT 51
            """, in: database)
        #expect(steps.contains { $0.contains("COVERING INDEX stock_modified_live") }, "\(steps)")
        #expect(!steps.contains { $0.contains("TEMP B-TREE") })
        let indexes = try await database.query("SELECT name FROM sqlite_master WHERE type = 'index'", [])
        #expect(!indexes.contains { $0.string(0) == "stock_modified" })
        await database.close()
    }
}

@Suite("Rows by id")
struct RowsByIdTests {
    @Test("rows by id: each id once, missing ids left out, joined sources filtered by the id column")
    func rowsById() async throws {
        let database = try await Fixtures.makeDatabase()
        let organisations = try await database.rowsById(
            columns: "id, label", from: "organisations", idColumn: "id",
            ids: [Fixtures.Org.aidB, Fixtures.Org.aidA, Fixtures.Org.aidB, Fixtures.unknownID],
            decode: { ($0.int(0) ?? 0, $0.string(1) ?? "") }, id: \.0)
        #expect(organisations.keys.sorted() == [1, 2])
        #expect(organisations[2]?.0 == 2)
        let repeated = try await database.rows(
            columns: "id", from: "organisations", idColumn: "id",
            ids: [Fixtures.Org.aidB, Fixtures.Org.aidA, Fixtures.Org.aidB, Fixtures.Org.aidA, Fixtures.Org.aidB]
        ) { $0.int(0) ?? 0 }
        #expect(repeated.sorted() == [1, 2])
        let bases = try await database.rows(
            columns: "c.id, o.id", from: "camps c JOIN organisations o ON o.id = c.organisation_id", idColumn: "c.id",
            ids: [Fixtures.BaseID.lesvos.rawValue, Fixtures.BaseID.thessaloniki.rawValue],
            decode: { [$0.int(0), $0.int(1)] })
        let expected = try await database.query(
            "SELECT c.id, c.organisation_id FROM camps c WHERE c.id IN (\(Fixtures.BaseID.lesvos), \(Fixtures.BaseID.thessaloniki)) ORDER BY c.id",
            []
        ) { [$0.int(0), $0.int(1)] }
        #expect(bases.sorted { ($0[0] ?? 0) < ($1[0] ?? 0) } == expected)
        #expect(
            try await database.rows(columns: "id", from: "organisations", idColumn: "id", ids: []) { $0.int(0) }.isEmpty
        )
        await database.close()
    }

    @Test("on SQLite, rows by id look each id up without a temporary index of the ids")
    func noTemporaryIndex() async throws {
        let database = try await Fixtures.makeSQLiteDatabase()
        let steps = try await queryPlan(
            "SELECT q.id FROM (VALUES \(SQL.valueRows(3))) AS wanted CROSS JOIN qr q WHERE q.id = wanted.column1",
            [.integer(1), .integer(2), .integer(3)], in: database)
        #expect(steps.contains { $0.contains("INTEGER PRIMARY KEY") })
        #expect(!steps.contains { $0.contains("TEMP B-TREE") || $0.contains("LIST SUBQUERY") })
        await database.close()
    }
}
