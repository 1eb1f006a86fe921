/// What a database's schema holds, asked of the engine's catalogue: the statements that use a
/// table or an index of our migrations check for it, since a Boxtribute database served as it
/// is has none of them.
public enum SchemaCatalog {
    /// Whether the table `name` exists.
    public static func hasTable(_ name: String, in db: any SQLQuerying) async throws -> Bool {
        let sql =
            switch db.dialect {
            case .sqlite: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
            case .mysql:
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ? LIMIT 1"
            }
        return try await !db.query(sql, [.text(name)]).isEmpty
    }

    /// Whether the index `name` exists on `table`.
    public static func hasIndex(_ name: String, on table: String, in db: any SQLQuerying) async throws -> Bool {
        let sql =
            switch db.dialect {
            case .sqlite: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?"
            case .mysql:
                """
                SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()
                AND table_name = ? AND index_name = ? LIMIT 1
                """
            }
        return try await !db.query(sql, [.text(table), .text(name)]).isEmpty
    }
}
