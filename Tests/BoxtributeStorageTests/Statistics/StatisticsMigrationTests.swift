import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDatabase

/// Migrations 5 and 6: the indexes and the summary table of the statistics queries, and the
/// translation of MySQL's index prefix lengths for SQLite.
@Suite("Statistics migration")
struct StatisticsMigrationTests {
    /// Migration 5's indexes and their tables.
    static let indexes = [
        ("history_record_changes", "history"), ("history_changes_from", "history"),
        ("history_table_changedate", "history"), ("stock_created", "stock"), ("people_created", "people"),
        ("tags_relations_created_type", "tags_relations"),
    ]

    @Test("the migrated database has every statistics index, on the engine the tests run on")
    func indexesExist() async throws {
        let database = try await Fixtures.makeDatabase()
        for (name, table) in Self.indexes {
            #expect(try await SchemaCatalog.hasIndex(name, on: table, in: database), "index \(name)")
        }
        #expect(try await SchemaMigrator.state(of: database) == .managed(version: 6))
        await database.close()
    }

    @Test("migration 6 creates box_origins, empty, and the indexes of the created boxes and the stock overview")
    func boxOrigins() async throws {
        let database = try await Fixtures.makeDatabase()
        #expect(try await SchemaCatalog.hasIndex("box_origins_base", on: "box_origins", in: database))
        #expect(try await SchemaCatalog.hasIndex("stock_location_overview", on: "stock", in: database))
        #expect(try await database.query("SELECT COUNT(*) FROM box_origins", []).first?.int(0) == 0)
        await database.close()
    }

    @Test("SQLite's statements of migration 5 have no prefix lengths; MySQL's keep them")
    func migrationStatements() throws {
        let migration = try #require(SchemaMigrator.migrations.first { $0.version == 5 })
        #expect(migration.name == "statistics indexes")
        let sqlite = try SchemaMigrator.statements(of: migration, dialect: .sqlite)
        #expect(sqlite.count == Self.indexes.count)
        #expect(sqlite.allSatisfy { !$0.contains("(24)") })
        #expect(sqlite.contains { $0.hasSuffix("ON history (tablename, record_id, changes, id)") })
        let mysql = try SchemaMigrator.statements(of: migration, dialect: .mysql)
        #expect(mysql.contains { $0.contains("changes(24), id)") })
    }

    @Test("a prefix length goes after an identifier or a backtick, and only there")
    func prefixStripping() {
        let strip = SchemaMigrator.strippingPrefixLengths
        #expect(strip("CREATE INDEX a ON t (x, changes(24), id)") == "CREATE INDEX a ON t (x, changes, id)")
        #expect(strip("CREATE INDEX a ON t (`changes`(191))") == "CREATE INDEX a ON t (`changes`)")
        #expect(strip("CREATE INDEX a ON t (col_2(8), b)") == "CREATE INDEX a ON t (col_2, b)")
        // A parenthesis after a space, or one holding anything but digits, stays.
        #expect(strip("CREATE INDEX a ON t (24)") == "CREATE INDEX a ON t (24)")
        #expect(strip("CREATE INDEX a ON t(x)") == "CREATE INDEX a ON t(x)")
        #expect(strip("CREATE INDEX a ON t (x(2a))") == "CREATE INDEX a ON t (x(2a))")
        #expect(strip("CREATE INDEX a ON t (x())") == "CREATE INDEX a ON t (x())")
        #expect(strip("CREATE INDEX a ON t (x(12") == "CREATE INDEX a ON t (x(12")
    }
}
