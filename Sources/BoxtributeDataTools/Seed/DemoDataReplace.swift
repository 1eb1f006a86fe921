import BoxtributeDatabase
import Logging

extension DemoData {
    /// Tables whose rows come with the schema (migration 2) and stay when the data is
    /// replaced; `sizegroup` keeps its ids above 27 (the generator writes 1–27).
    static let referenceTables: Set<String> = [
        "box_state", "genders", "languages", "product_categories", "units", "boxtribute_schema_migrations",
    ]

    /// Replaces every row of the database, whatever it holds, by the demo data of `boxes`
    /// boxes (the `reseed-db` cron job): the rows of every table but the reference tables are
    /// deleted and the demo data written, all in one transaction, so a failure leaves the old
    /// data as it was. The database is migrated first when needed.
    public static func replaceAll(
        in database: any Database, boxes: Int = defaultBoxCount, logger: Logger
    ) async throws -> DemoDataSummary {
        guard allowedBoxCounts.contains(boxes) else { throw DemoDataError.invalidBoxCount(boxes) }
        try await SchemaMigrator.migrate(database, logger: logger)
        var setup = DemoSetup()
        let layout = setup.build(boxes: boxes)
        setup.finish()
        var generator = DemoBoxGenerator(
            layout: layout, firstHistoryId: setup.nextHistoryId, firstRelationId: setup.nextRelationId)
        var statements = setup.statements
        while !generator.isFinished { statements += generator.nextChunk(count: boxesPerTransaction).statements }
        let all = statements
        let tables = try await userTables(of: database)
        try await database.transactionWithoutForeignKeys { connection in
            for table in tables {
                let condition = table == "sizegroup" ? " WHERE id <= 27" : ""
                _ = try await connection.execute("DELETE FROM \(table)\(condition)", [])
            }
            for statement in all { _ = try await connection.execute(statement.sql, statement.binds) }
        }
        var counts = setup.counts
        counts.append(.init(table: "qr", rows: generator.qrRows))
        counts.append(.init(table: "stock", rows: generator.stockRows))
        counts.append(.init(table: "shipment_detail", rows: generator.detailRows))
        counts.append(.init(table: "history", rows: generator.nextHistoryId - 1))
        counts.append(.init(table: "tags_relations", rows: generator.nextRelationId - 1))
        return DemoDataSummary(
            boxes: boxes, tables: Self.tables.compactMap { table in counts.first { $0.table == table } })
    }

    /// The database's tables other than the reference tables, by name.
    static func userTables(of database: any Database) async throws -> [String] {
        let sql =
            switch database.dialect {
            case .sqlite:
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            case .mysql:
                """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name
                """
            }
        let names = try await database.query(sql, []) { row in row.string(0) }.compactMap { $0 }
        // Names come from the catalogue; quoting is still refused for anything unusual.
        return names.filter { name in
            !referenceTables.contains(name) && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }
}
