import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the stock statistics: created boxes, top products donated, stock overview. One text
/// for both engines; tag lists are sorted before grouping, so identical tag sets always make
/// one fact (the reference grouped unsorted concatenations, `statistics/sql.py`).
enum StockStatisticsStore {
    /// The boxes ever created in the base, by creation day, initial product and current tags.
    ///
    /// The base is the one of the box's first location: the oldest `location_id` change's
    /// `from_int`, else the current location (deleted locations included). Initial product and
    /// items come the same way from the oldest `product_id` and `items` changes. Deleted boxes
    /// count; tags are the box's non-deleted relations, deleted tags included
    /// (`statistics/crud.py` `compute_created_boxes`).
    ///
    /// Where the database has `box_origins`, the summarised boxes' origins are read there and
    /// only the younger boxes' are worked out from the history (``BoxOriginStore``).
    static func createdBoxes(ofBase baseId: Base.ID, in db: any SQLQuerying) async throws -> [CreatedBoxesFact] {
        let base = SQLValue(baseId)
        let summarised = try await BoxOriginStore.exists(in: db)
        let statement = summarised ? createdBoxesFromOriginsStatement(for: db.dialect) : createdBoxesStatement
        let binds = summarised ? [base, base] : [base, base, base]
        return try await db.query(statement, binds) { row in
            CreatedBoxesFact(
                createdOn: row.day(0), categoryId: row.int(2) ?? 0, productId: row.id(1) ?? 0,
                gender: row.int(3).flatMap(ProductGender.init(rawValue:)), tagIds: row.tagIds(4),
                boxesCount: row.int(5) ?? 0, itemsCount: row.int(6))
        }
    }

    /// The statement of ``createdBoxes(ofBase:in:)``; binds the base three times.
    // The candidates (boxes now in the base, or that ever left a location of it) give the same
    // result as scanning every box, with a scan limited to the base's boxes. Locations come
    // first: otherwise SQLite reads all of the boxes' history in record order for the UNION.
    static let createdBoxesStatement = """
        WITH candidates AS (
            SELECT s.id FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ?
            UNION
            SELECT \(SQL.joinInWrittenOrder) h.record_id FROM locations l
            CROSS JOIN history h ON h.tablename = 'stock' AND h.changes = 'location_id' AND h.from_int = l.id
            WHERE l.camp_id = ?
        ),
        created_boxes AS (
            SELECT \(SQL.joinInWrittenOrder)
                DATE(s.created) AS created_on,
                COALESCE((SELECT h.from_int FROM history h WHERE h.tablename = 'stock' AND h.record_id = s.id
                           AND h.changes = 'location_id' ORDER BY h.id LIMIT 1), s.location_id) AS location_id,
                COALESCE((SELECT h.from_int FROM history h WHERE h.tablename = 'stock' AND h.record_id = s.id
                           AND h.changes = 'product_id' ORDER BY h.id LIMIT 1), s.product_id) AS product_id,
                COALESCE((SELECT h.from_int FROM history h WHERE h.tablename = 'stock' AND h.record_id = s.id
                           AND h.changes = 'items' ORDER BY h.id LIMIT 1), s.items) AS items,
                (SELECT GROUP_CONCAT(tr.tag_id ORDER BY tr.tag_id) FROM tags_relations tr
                  WHERE tr.object_type = 'Stock' AND tr.object_id = s.id AND tr.deleted_on IS NULL) AS tag_ids
            FROM candidates c CROSS JOIN stock s ON s.id = c.id
            WHERE s.created IS NOT NULL
        )
        SELECT b.created_on, p.id AS product_id, p.category_id, p.gender_id, b.tag_ids,
               COUNT(*) AS boxes, SUM(b.items) AS items
        FROM created_boxes b
        JOIN locations l ON l.id = b.location_id
        JOIN products p ON p.id = b.product_id
        WHERE l.camp_id = ?
        GROUP BY b.created_on, p.id, p.category_id, p.gender_id, b.tag_ids
        ORDER BY b.created_on, p.id, b.tag_ids
        """

    /// The statement of ``createdBoxes(ofBase:in:)`` on a database with `box_origins`; binds
    /// the base twice. The tag lists are looked up after the union, whose rows then hold
    /// numbers only (MySQL keeps such a table in memory). The union comes first: MySQL would
    /// otherwise read the products first and look up each one's boxes in it.
    static func createdBoxesFromOriginsStatement(for dialect: SQLDialect) -> String {
        """
        SELECT \(SQL.joinInWrittenOrder) b.created_on, p.id AS product_id, p.category_id, p.gender_id,
            (SELECT GROUP_CONCAT(tr.tag_id ORDER BY tr.tag_id) FROM tags_relations tr
              WHERE tr.object_type = 'Stock' AND tr.object_id = b.box_id AND tr.deleted_on IS NULL) AS tag_ids,
            COUNT(*) AS boxes, SUM(b.items) AS items
        FROM (
            SELECT o.box_id, o.created_on, o.product_id, o.items FROM box_origins o
            WHERE o.camp_id = ? AND o.created_on IS NOT NULL
            UNION ALL
            SELECT young.box_id, young.created_on, young.product_id, young.items
            FROM (
                SELECT \(BoxOriginStore.originColumns(for: dialect))
                FROM stock s WHERE s.id > (SELECT COALESCE(MAX(box_id), 0) FROM box_origins)
            ) young
            WHERE young.camp_id = ? AND young.created_on IS NOT NULL
        ) b
        CROSS JOIN products p ON p.id = b.product_id
        GROUP BY b.created_on, p.id, p.category_id, p.gender_id, tag_ids
        ORDER BY b.created_on, p.id, tag_ids
        """
    }

    /// Items of the base's products moved from InStock to Donated, by creation day, donation
    /// day, product and size, ranked by items (ties share a rank; NULL sums rank last).
    ///
    /// Uses the box's current product, size and items; every InStock → Donated change counts
    /// once, deleted boxes included (`statistics/crud.py` `compute_top_products_donated`).
    static func topProductsDonated(
        ofBase baseId: Base.ID, in db: any SQLQuerying
    ) async throws -> [TopProductsDonatedFact] {
        let sql = """
            SELECT created_on, donated_on, size_id, product_id, category_id, items,
                   RANK() OVER (ORDER BY items DESC) AS item_rank
            FROM (
                SELECT \(SQL.joinInWrittenOrder) DATE(s.created) AS created_on, DATE(h.changedate) AS donated_on,
                       s.size_id, p.id AS product_id, p.category_id, SUM(s.items) AS items
                FROM products p
                CROSS JOIN stock s ON s.product_id = p.id
                CROSS JOIN history h ON h.tablename = 'stock' AND h.record_id = s.id AND h.changes = 'box_state_id'
                               AND h.from_int = 1 AND h.to_int = 5
                WHERE p.camp_id = ?
                GROUP BY DATE(s.created), DATE(h.changedate), s.size_id, p.id, p.category_id
            ) donations
            ORDER BY item_rank, created_on, donated_on, size_id, product_id, category_id
            """
        return try await db.query(sql, [SQLValue(baseId)]) { row in
            TopProductsDonatedFact(
                createdOn: row.day(0), donatedOn: row.day(1), sizeId: row.int(2), productId: row.id(3) ?? 0,
                categoryId: row.int(4) ?? 0, rank: row.int(6) ?? 0, itemsCount: row.int(5))
        }
    }

    /// The live boxes in the base's live locations, every state, by location, state,
    /// category, trimmed lower-case product name, gender, size, measure (three significant
    /// digits) and tags.
    ///
    /// Deleted tags are left out of a box's tag list, so a box whose only tags are deleted
    /// counts as untagged rather than vanishing (the reference dropped it,
    /// `statistics/sql.py`). With `filter.include`, only boxes with one of those tags count;
    /// with `filter.exclude`, none with one of those. SQLite's `LOWER` folds ASCII letters
    /// only, so names with other capitals group differently there than on MySQL.
    static func stockOverview(
        ofBase baseId: Base.ID, filter: StockTagFilter, in db: any SQLQuerying
    ) async throws -> [StockOverviewFact] {
        // The filters come from a share link's parameters, which are at most 2,000 characters.
        let include = Array(Set(filter.include.rawValues())).sorted()
        let exclude = Array(Set(filter.exclude.rawValues())).sorted()
        guard include.count + exclude.count <= SQL.maxIdsPerStatement else {
            throw DomainError.badUserInput("Too many tags in the filter.")
        }
        let sql = stockOverviewStatement(including: include.count, excluding: exclude.count, dialect: db.dialect)
        let binds = [SQLValue(baseId)] + include.map(SQLValue.integer) + exclude.map(SQLValue.integer)
        return try await db.query(sql, binds) { row in
            StockOverviewFact(
                categoryId: row.int(3) ?? 0, productName: row.string(4) ?? "",
                gender: row.int(7).flatMap(ProductGender.init(rawValue:)) ?? ProductGender.none, sizeId: row.int(0),
                dimensionId: row.int(6), absoluteMeasureValue: row.double(5), tagIds: row.tagIds(8),
                locationId: row.id(1) ?? 0, boxState: row.int(2).flatMap(BoxState.init(rawValue:)) ?? .inStock,
                itemsCount: row.int(10) ?? 0, boxesCount: row.int(9) ?? 0)
        }
    }

    /// The statement of ``stockOverview(ofBase:filter:in:)`` with `included` and `excluded`
    /// tag placeholders; binds the base, then the included and the excluded tag ids.
    static func stockOverviewStatement(including included: Int, excluding excluded: Int, dialect: SQLDialect) -> String
    {
        let liveTag = """
            SELECT 1 FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id
                  WHERE tr.object_type = 'Stock' AND tr.object_id = s.id AND tr.deleted_on IS NULL
                    AND \(SQL.notDeleted("t.deleted"))
            """
        var filters = ""
        if included > 0 {
            filters += " AND EXISTS (\(liveTag) AND tr.tag_id IN (\(SQL.placeholders(included))))"
        }
        if excluded > 0 {
            filters += " AND NOT EXISTS (\(liveTag) AND tr.tag_id IN (\(SQL.placeholders(excluded))))"
        }
        let measure = dialect.threeSignificantDigits("b.measure_value")
        return """
            WITH boxes AS (
                SELECT \(SQL.joinInWrittenOrder) s.id, s.size_id, s.location_id, s.box_state_id, s.items,
                    s.product_id, s.display_unit_id, s.measure_value,
                    (SELECT GROUP_CONCAT(tr.tag_id ORDER BY tr.tag_id) FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id
                      WHERE tr.object_type = 'Stock' AND tr.object_id = s.id AND tr.deleted_on IS NULL
                        AND \(SQL.notDeleted("t.deleted"))) AS tag_ids
                FROM locations l CROSS JOIN stock s ON s.location_id = l.id
                WHERE l.camp_id = ? AND \(SQL.notDeleted("s.deleted")) AND \(SQL.notDeleted("l.deleted"))\(filters)
            )
            SELECT b.size_id, b.location_id, b.box_state_id, p.category_id, TRIM(LOWER(p.name)) AS product_name,
                \(measure) AS measure_value, u.dimension_id, p.gender_id, b.tag_ids,
                COUNT(*) AS boxes, COALESCE(SUM(b.items), 0) AS items
            FROM boxes b
            JOIN products p ON p.id = b.product_id
            LEFT JOIN units u ON u.id = b.display_unit_id
            GROUP BY b.size_id, b.location_id, b.box_state_id, p.category_id, TRIM(LOWER(p.name)), \(measure),
                u.dimension_id, p.gender_id, b.tag_ids
            ORDER BY b.location_id, b.box_state_id, p.category_id, product_name, b.size_id, measure_value, b.tag_ids
            """
    }
}
