import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the moved boxes: donations reconstructed from box history, shipments, losses.
enum MovedBoxesStore {
    /// The moves of the base's boxes, grouped by what a fact shows: day, target, category,
    /// trimmed lower-case product name, gender, size, measure (three significant digits),
    /// measure dimension and tags (`statistics/crud.py` `compute_moved_boxes`).
    ///
    /// - Donations and take-backs: for the boxes now in the base, each history row from
    ///   `firstHistoryId` on that can be a move (InStock ↔ Donated, created as Donated,
    ///   deleted, undeleted) is matched with the box as it was then: per field, the next
    ///   change's old value, else the previous change's new value, else the current value.
    ///   Moves back count negative. Only those four kinds of row are rebuilt, not every row of
    ///   the box as the reference does; the result is the same.
    /// - Shipments sent by the base (source product, size, quantity) and received by it
    ///   (reconciled target product, size, quantity); removed details do not count.
    /// - InStock → Lost or Scrap of boxes whose current product is the base's, with the
    ///   box's current size, measure and items.
    ///
    /// The reference also grouped on the location's label, the raw product name and the
    /// product's base, none of which a fact shows, so it could emit facts with identical keys.
    /// Its history look-ups did not require `tablename = 'stock'`; ours do, which also lets
    /// the `history_record_changes` index serve them. Every look-up from a box names that
    /// index where the database has it (migration 5; a Boxtribute database served as it is may
    /// not): with both of that migration's history indexes and no hint, either engine may pick
    /// `history_changes_from` and read every change of the kind, of every box, once per box
    /// (minutes at a million boxes). SQLite's `LOWER` folds ASCII letters only, so names with
    /// other capitals group differently there than on MySQL.
    static func movedBoxes(
        ofBase baseId: Base.ID, firstHistoryId: Int, in db: any SQLQuerying
    ) async throws -> [MovedBoxesFact] {
        let base = SQLValue(baseId)
        let binds = [base, .integer(firstHistoryId), base, base, base]
        let hinted = try await hasRecordChangesIndex(db)
        return try await db.query(statement(for: db.dialect, hinted: hinted), binds) { row in
            let label = row.string(3) ?? ""
            let target: MovedBoxesTarget =
                switch row.string(1) {
                case "OutgoingLocation": .location(row.id(2) ?? 0)
                case "OutgoingShipment": .outgoingShipment(baseName: label)
                case "IncomingShipment": .incomingShipment(baseName: label)
                default: .boxState(label)
                }
            return MovedBoxesFact(
                movedOn: row.day(0) ?? "", target: target, categoryId: row.int(5) ?? 0,
                productName: row.string(6) ?? "",
                gender: row.int(7).flatMap(ProductGender.init(rawValue:)) ?? ProductGender.none,
                sizeId: row.int(8), dimensionId: row.int(10), absoluteMeasureValue: row.double(9),
                organisationName: row.string(4), tagIds: row.tagIds(11), itemsCount: row.int(13) ?? 0,
                boxesCount: row.int(12) ?? 0)
        }
    }

    /// Whether `history` has the index `history_record_changes` of migration 5.
    static func hasRecordChangesIndex(_ db: any SQLQuerying) async throws -> Bool {
        try await SchemaCatalog.hasIndex("history_record_changes", on: "history", in: db)
    }

    /// The statement for `dialect`, naming `history_record_changes` when `hinted`; binds
    /// `baseId`, `firstHistoryId`, then `baseId` three times.
    static func statement(for dialect: SQLDialect, hinted: Bool = true) -> String {
        switch (dialect, hinted) {
        case (.sqlite, true): sqliteStatement
        case (.sqlite, false): sqliteStatementWithoutHint
        case (.mysql, true): mysqlStatement
        case (.mysql, false): mysqlStatementWithoutHint
        }
    }

    private static let sqliteStatement = sql(for: .sqlite, hinted: true)
    private static let sqliteStatementWithoutHint = sql(for: .sqlite, hinted: false)
    private static let mysqlStatement = sql(for: .mysql, hinted: true)
    private static let mysqlStatementWithoutHint = sql(for: .mysql, hinted: false)

    /// The history row of `field` nearest to the event `e`: the next change's `from_int`, else
    /// the previous change's `to_int`, else `current`.
    private static func versionOf(_ field: String, current: String, byRecord: String) -> String {
        """
        COALESCE(
                    (SELECT h.from_int FROM history h \(byRecord) WHERE h.tablename = 'stock' AND h.record_id = e.box_id
                      AND h.changes = '\(field)' AND h.id > e.id ORDER BY h.id LIMIT 1),
                    (SELECT h.to_int FROM history h \(byRecord) WHERE h.tablename = 'stock' AND h.record_id = e.box_id
                      AND h.changes = '\(field)' AND h.id < e.id ORDER BY h.id DESC LIMIT 1),
                    \(current))
        """
    }

    /// The box's current non-deleted tag relations, sorted (deleted tags included).
    private static func tagList(of boxId: String) -> String {
        """
        (SELECT GROUP_CONCAT(tr.tag_id ORDER BY tr.tag_id) FROM tags_relations tr
                  WHERE tr.object_type = 'Stock' AND tr.object_id = \(boxId) AND tr.deleted_on IS NULL)
        """
    }

    /// The statement in `dialect`.
    private static func sql(for dialect: SQLDialect, hinted: Bool) -> String {
        let sig3 = dialect.threeSignificantDigits
        let byRecord = hinted ? dialect.usingIndex("history_record_changes") : ""
        func versionOf(_ field: String, current: String) -> String {
            Self.versionOf(field, current: current, byRecord: byRecord)
        }
        return """
            WITH box_events AS (
                SELECT \(SQL.joinInWrittenOrder) h.id, h.record_id AS box_id, h.changes, h.changedate, h.from_int, h.to_int,
                       s.items AS current_items, s.location_id AS current_location_id, s.product_id AS current_product_id,
                       s.size_id AS current_size_id, s.box_state_id AS current_state_id,
                       \(sig3("s.measure_value")) AS measure_value, u.dimension_id
                FROM locations l
                CROSS JOIN stock s ON s.location_id = l.id
                CROSS JOIN history h ON h.tablename = 'stock' AND h.record_id = s.id
                LEFT JOIN units u ON u.id = s.display_unit_id
                WHERE l.camp_id = ? AND h.id >= ?
                  AND h.changes IN ('box_state_id', 'Record created', 'Record deleted', 'Box was undeleted.')
            ),
            box_versions AS (
                SELECT e.box_id, e.changes, DATE(e.changedate) AS moved_on, e.from_int, e.to_int, e.measure_value,
                    e.dimension_id,
                    \(versionOf("items", current: "e.current_items")) AS items,
                    \(versionOf("location_id", current: "e.current_location_id")) AS location_id,
                    \(versionOf("product_id", current: "e.current_product_id")) AS product_id,
                    \(versionOf("size_id", current: "e.current_size_id")) AS size_id,
                    CASE WHEN e.changes = 'box_state_id' THEN e.to_int
                         ELSE \(versionOf("box_state_id", current: "e.current_state_id")) END AS state_id,
                    \(tagList(of: "e.box_id")) AS tag_ids
                FROM box_events e
            ),
            moves AS (
                SELECT DISTINCT v.box_id, v.moved_on, v.items, v.location_id, v.product_id, v.size_id, v.measure_value,
                    v.dimension_id, v.tag_ids,
                    CASE
                        WHEN v.changes = 'Record deleted' THEN 1
                        WHEN v.changes = 'Box was undeleted.' THEN -1
                        WHEN v.changes = 'Record created' AND v.state_id = 5 THEN 1
                        WHEN v.changes = 'box_state_id' AND COALESCE(v.from_int, v.to_int) = 1 AND v.to_int = 5 THEN 1
                        WHEN v.changes = 'box_state_id' AND COALESCE(v.from_int, v.to_int) = 5 AND v.to_int = 1 THEN -1
                    END AS direction,
                    CASE WHEN v.changes IN ('Record deleted', 'Box was undeleted.') THEN 'BoxState'
                         ELSE 'OutgoingLocation' END AS target_type
                FROM box_versions v
                WHERE v.changes IN ('Record deleted', 'Box was undeleted.')
                   OR (v.changes = 'Record created' AND v.state_id = 5)
                   OR (v.changes = 'box_state_id' AND (
                        (COALESCE(v.from_int, v.to_int) = 1 AND v.to_int = 5)
                        OR (COALESCE(v.from_int, v.to_int) = 5 AND v.to_int = 1)))
            ),
            facts AS (
                SELECT m.moved_on, m.target_type,
                    CASE WHEN m.target_type = 'OutgoingLocation' THEN m.location_id END AS location_id,
                    CASE WHEN m.target_type = 'BoxState' THEN 'Deleted' END AS target_label,
                    NULL AS organisation_name, p.category_id, TRIM(LOWER(p.name)) AS product_name, p.gender_id, m.size_id,
                    m.measure_value, m.dimension_id, m.tag_ids, m.direction AS boxes, m.direction * m.items AS items
                FROM moves m
                JOIN products p ON p.id = m.product_id
                JOIN locations loc ON loc.id = m.location_id
                UNION ALL
                SELECT DATE(sh.sent_on), 'OutgoingShipment', NULL, c.name, o.label, p.category_id, TRIM(LOWER(p.name)),
                    p.gender_id, d.source_size_id, \(sig3("b.measure_value")), u.dimension_id, \(tagList(of: "d.box_id")),
                    1, d.source_quantity
                FROM shipment sh
                JOIN shipment_detail d ON d.shipment_id = sh.id AND d.removed_on IS NULL
                JOIN camps c ON c.id = sh.target_base_id
                JOIN organisations o ON o.id = c.organisation_id
                JOIN products p ON p.id = d.source_product_id
                JOIN stock b ON b.id = d.box_id
                LEFT JOIN units u ON u.id = b.display_unit_id
                WHERE sh.source_base_id = ? AND sh.sent_on IS NOT NULL
                UNION ALL
                SELECT DATE(sh.receiving_started_on), 'IncomingShipment', NULL, c.name, o.label, p.category_id,
                    TRIM(LOWER(p.name)), p.gender_id, d.target_size_id, \(sig3("b.measure_value")), u.dimension_id,
                    \(tagList(of: "d.box_id")), 1, d.target_quantity
                FROM shipment sh
                JOIN shipment_detail d ON d.shipment_id = sh.id AND d.removed_on IS NULL
                JOIN camps c ON c.id = sh.source_base_id
                JOIN organisations o ON o.id = c.organisation_id
                JOIN products p ON p.id = d.target_product_id
                JOIN stock b ON b.id = d.box_id
                LEFT JOIN units u ON u.id = b.display_unit_id
                WHERE sh.target_base_id = ? AND sh.receiving_started_on IS NOT NULL
                UNION ALL
                SELECT \(SQL.joinInWrittenOrder) DATE(h.changedate), 'BoxState', NULL,
                    CASE h.to_int WHEN 2 THEN 'Lost' ELSE 'Scrap' END, NULL, p.category_id,
                    TRIM(LOWER(p.name)), p.gender_id, b.size_id, \(sig3("b.measure_value")), u.dimension_id,
                    \(tagList(of: "b.id")), 1, b.items
                FROM products p
                CROSS JOIN stock b ON b.product_id = p.id
                CROSS JOIN history h \(byRecord) ON h.tablename = 'stock' AND h.record_id = b.id
                               AND h.changes = 'box_state_id' AND h.from_int = 1 AND h.to_int IN (2, 6)
                LEFT JOIN units u ON u.id = b.display_unit_id
                WHERE p.camp_id = ?
            )
            SELECT moved_on, target_type, location_id, target_label, organisation_name, category_id, product_name,
                   gender_id, size_id, measure_value, dimension_id, tag_ids, SUM(boxes) AS boxes,
                   COALESCE(SUM(items), 0) AS items
            FROM facts
            GROUP BY moved_on, target_type, location_id, target_label, organisation_name, category_id, product_name,
                     gender_id, size_id, measure_value, dimension_id, tag_ids
            ORDER BY target_type, location_id, target_label, moved_on, category_id, product_name, gender_id, size_id,
                     measure_value, dimension_id, tag_ids
            """
    }
}
