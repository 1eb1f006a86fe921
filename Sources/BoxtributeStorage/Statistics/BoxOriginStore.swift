import BoxtributeDatabase
import BoxtributeDomain
import Foundation

/// What each box was when it was created (`box_origins`, migration 6): the base of its first
/// location, its first product and number of items, its creation day. The created-boxes
/// statistics read these rows instead of seeking through three history look-ups per box.
///
/// The table holds the boxes up to some id (`MAX(box_id)`) and none above it: boxes are added
/// by ``refresh(in:now:)`` only, in id order. Boxes above that id are worked out from the
/// history when a statistic is read, so the answer is the same whether or not a box has been
/// summarised. A box's origin never changes afterwards: the history only grows, and its
/// oldest change of a field stays the oldest.
public enum BoxOriginStore {
    /// How old the youngest summarised box must be. A box that is being created in a
    /// transaction not yet committed is younger than this; were a younger box summarised, one
    /// with a lower id could commit later and never be summarised nor worked out.
    public static let settlingTime = 600

    /// The origins of `stock s`'s rows, in columns `box_id, camp_id, created_on, product_id,
    /// items`, worked out from the history: per field the oldest change's old value, else the
    /// current value (`statistics/crud.py` `compute_created_boxes`). Each look-up names
    /// `history_record_changes` (migration 5, which every database with `box_origins` has):
    /// with fresh table statistics MariaDB would pick `history_changes_from` and read every
    /// change of the kind, of every box, once per box.
    static func originColumns(for dialect: SQLDialect) -> String {
        let byRecord = dialect.usingIndex("history_record_changes")
        func oldest(_ field: String) -> String {
            """
            (SELECT h.from_int FROM history h \(byRecord) WHERE h.tablename = 'stock' AND h.record_id = s.id
                           AND h.changes = '\(field)' ORDER BY h.id LIMIT 1)
            """
        }
        return """
            s.id AS box_id,
                (SELECT l.camp_id FROM locations l WHERE l.id = COALESCE(\(oldest("location_id")), s.location_id)) AS camp_id,
                DATE(s.created) AS created_on,
                COALESCE(\(oldest("product_id")), s.product_id) AS product_id,
                COALESCE(\(oldest("items")), s.items) AS items
            """
    }

    /// Boxes summarised per statement: each statement stays well within MySQL's read timeout
    /// (about a second on MariaDB) and holds its locks briefly.
    static let boxesPerStatement = 50_000

    /// Summarises the boxes above the last summarised one that were created at least
    /// ``settlingTime`` seconds before `now` (and every box with an id below such a box), in
    /// statements of ``boxesPerStatement`` ids, each its own transaction. Returns the number of
    /// boxes added. Nothing happens on a database without the table.
    @discardableResult
    public static func refresh(in database: any Database, now: Date = Date()) async throws -> Int {
        guard try await exists(in: database) else { return 0 }
        let cutoff = UTCClock.format(now.addingTimeInterval(-Double(settlingTime)))
        let settled = try await database.query(
            "SELECT COALESCE(MAX(id), 0) FROM stock WHERE created < ?", [.text(cutoff)])
        let through = settled.first?.int(0) ?? 0
        let last = try await database.query("SELECT COALESCE(MAX(box_id), 0) FROM box_origins", [])
        var from = last.first?.int(0) ?? 0
        var added = 0
        while from < through {
            let upTo = min(through, from + boxesPerStatement)
            added += try await database.transaction { [from] connection in
                try await connection.execute(
                    """
                    INSERT INTO box_origins (box_id, camp_id, created_on, product_id, items)
                    SELECT \(originColumns(for: database.dialect))
                    FROM stock s WHERE s.id > ? AND s.id <= ?
                    """, [.integer(from), .integer(upTo)]
                ).affectedRows
            }
            from = upTo
        }
        return added
    }

    /// Whether the database has `box_origins` (a Boxtribute database served as it is has not).
    static func exists(in db: any SQLQuerying) async throws -> Bool {
        try await SchemaCatalog.hasTable("box_origins", in: db)
    }
}
