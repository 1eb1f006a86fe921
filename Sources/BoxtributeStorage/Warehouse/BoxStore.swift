import BoxtributeDatabase
import BoxtributeDomain

extension BoxFilter {
    /// Adds the filter's conditions over `stock s`; product conditions use `p`.
    /// - Returns: whether the conditions need `products p` joined.
    func addConditions(to filter: inout SQLConditions) -> Bool {
        var needsProduct = false
        if let states, !states.isEmpty { filter.add("s.box_state_id", in: states.map { .integer($0.rawValue) }) }
        if let from = lastModifiedFrom { filter.add("s.modified >= ?", [.text(from + " 00:00:00")]) }
        // The reference compares with midnight at the start of that day.
        if let until = lastModifiedUntil { filter.add("s.modified <= ?", [.text(until + " 00:00:00")]) }
        if let productGender {
            needsProduct = true
            filter.add("p.gender_id", in: [.integer(productGender.rawValue)])
        }
        if let productGenders, !productGenders.isEmpty {
            needsProduct = true
            filter.add("p.gender_id", in: productGenders.map { .integer($0.rawValue) })
        }
        if let productCategoryId {
            needsProduct = true
            filter.add("p.category_id", in: [.integer(productCategoryId)])
        }
        if let productCategoryIds, !productCategoryIds.isEmpty {
            needsProduct = true
            filter.add("p.category_id", in: productCategoryIds.map(SQLValue.init))
        }
        if let productId { filter.add("s.product_id", in: [SQLValue(productId)]) }
        if let productIds, !productIds.isEmpty { filter.add("s.product_id", in: productIds.map(SQLValue.init)) }
        if let sizeId { filter.add("s.size_id", in: [.integer(sizeId)]) }
        if let tagIds {
            if tagIds.isEmpty {
                filter.add("1 = 0")
            } else {
                filter.add(
                    """
                    EXISTS (SELECT 1 FROM tags_relations tr WHERE tr.object_id = s.id AND tr.object_type = 'Stock' \
                    AND tr.deleted_on IS NULL AND tr.tag_id IN (\(SQL.placeholders(tagIds.count))))
                    """, tagIds.map(SQLValue.init))
            }
        }
        if let locationIds, !locationIds.isEmpty { filter.add("s.location_id", in: locationIds.map(SQLValue.init)) }
        return needsProduct
    }
}

/// SQL for boxes (`stock`).
public enum BoxStore {
    static let columns = """
        s.id, s.box_id, s.product_id, s.size_id, s.items, s.location_id, s.box_state_id, s.qr_id, s.comments, \
        s.display_unit_id, s.measure_value, s.weight, s.weight_display_unit_id, s.monetary_value, s.distro_event_id, \
        s.source_box_id, s.deleted, s.created, s.created_by, s.modified, s.modified_by
        """

    static func decode(_ row: SQLRow) -> Box {
        Box(
            id: row.id(0) ?? 0, labelIdentifier: row.string(1) ?? "", productId: row.id(2) ?? 0, sizeId: row.int(3),
            numberOfItems: row.int(4), locationId: row.id(5) ?? 0,
            state: row.int(6).flatMap(BoxState.init(rawValue:)) ?? .inStock, qrId: row.int(7), comment: row.string(8),
            displayUnitId: row.int(9), measureValue: row.double(10), weight: row.double(11),
            weightDisplayUnitId: row.int(12), monetaryValue: row.double(13), distributionEventId: row.int(14),
            sourceBoxId: row.id(15), deletedOn: row.timestamp(16),
            audit: row.auditStamps(from: 17))
    }

    public static func byLabel(_ label: String, in db: any SQLQuerying) async throws -> Box? {
        try await db.query("SELECT \(columns) FROM stock s WHERE s.box_id = ?", [.text(label)]).first.map(decode)
    }

    public static func byIds(_ ids: [Box.ID], in db: any SQLQuerying) async throws -> [Box.ID: Box] {
        try await db.rowsById(
            columns: columns, from: "stock s", idColumn: "s.id", ids: ids, decode: decode, id: \.id)
    }

    /// Boxes linked to these QR codes, keyed by QR id.
    public static func byQrIds(_ qrIds: [Int], in db: any SQLQuerying) async throws -> [Int: Box] {
        let unique = Array(Set(qrIds))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT \(columns) FROM stock s WHERE s.qr_id IN (\(SQL.placeholders(unique.count)))",
            unique.map(SQLValue.init))
        return Dictionary(
            rows.map(decode).compactMap { box in box.qrId.map { ($0, box) } }, uniquingKeysWith: { a, _ in a })
    }

    /// A page of the non-deleted boxes of a base, newest modification first (`boxes` query).
    public static func page(
        baseId: Base.ID, filter: BoxFilter, request: PageRequest, in db: any SQLQuerying
    ) async throws -> Page<Box> {
        var conditions = SQLConditions(["l.camp_id = ?", SQL.notDeleted("s.deleted")], binds: [SQLValue(baseId)])
        let product = filter.addConditions(to: &conditions) ? " JOIN products p ON p.id = s.product_id" : ""
        // The page walks `stock` in modification order (index stock_modified_live) and stops after a
        // page; CROSS JOIN keeps SQLite from starting with the base's locations and sorting.
        let paginator = Paginator(
            from: "FROM stock s JOIN locations l ON l.id = s.location_id\(product)", idColumn: "s.id",
            conditions: conditions.conditions, binds: conditions.binds, order: "s.modified DESC, s.id DESC",
            pageFrom: "FROM stock s CROSS JOIN locations l ON l.id = s.location_id\(product)")
        return try await paginator.page(columns: columns, request: request, in: db, decode: decode, id: \.id.rawValue)
    }

    /// A page of all boxes of a location, deleted ones included (`Location.boxes`).
    public static func page(
        locationId: Location.ID, filter: BoxFilter, request: PageRequest, in db: any SQLQuerying
    ) async throws -> Page<Box> {
        var conditions = SQLConditions(["s.location_id = ?"], binds: [SQLValue(locationId)])
        let product = filter.addConditions(to: &conditions) ? " JOIN products p ON p.id = s.product_id" : ""
        let paginator = Paginator(
            from: "FROM stock s\(product)", idColumn: "s.id", conditions: conditions.conditions,
            binds: conditions.binds, order: "s.id")
        return try await paginator.page(columns: columns, request: request, in: db, decode: decode, id: \.id.rawValue)
    }

    /// Number of in-stock boxes and their items per base, over the given bases.
    public static func inStockTotals(
        ofBases baseIds: [Base.ID], in db: any SQLQuerying
    ) async throws
        -> [Base.ID: (boxes: Int, items: Int)]
    {
        guard !baseIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT l.camp_id, COUNT(*), COALESCE(SUM(s.items), 0) FROM stock s JOIN locations l ON l.id = s.location_id \
            WHERE l.camp_id IN (\(SQL.placeholders(baseIds.count))) AND s.box_state_id = 1 AND \(SQL.notDeleted("s.deleted")) \
            GROUP BY l.camp_id
            """, baseIds.map(SQLValue.init))
        var result: [Base.ID: (boxes: Int, items: Int)] = [:]
        for row in rows { result[row.id(0) ?? 0] = (row.int(1) ?? 0, row.int(2) ?? 0) }
        return result
    }

    /// Sum of items of non-deleted boxes per product, for boxes in `states`.
    public static func itemTotals(
        ofProducts productIds: [Product.ID], states: [BoxState], in db: any SQLQuerying
    )
        async throws -> [Product.ID: Int]
    {
        guard !productIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT s.product_id, COALESCE(SUM(s.items), 0) FROM stock s \
            WHERE s.product_id IN (\(SQL.placeholders(productIds.count))) \
            AND s.box_state_id IN (\(SQL.placeholders(states.count))) AND \(SQL.notDeleted("s.deleted")) \
            GROUP BY s.product_id
            """, productIds.map(SQLValue.init) + states.map { .integer($0.rawValue) })
        var result: [Product.ID: Int] = [:]
        for row in rows { result[row.id(0) ?? 0] = row.int(1) ?? 0 }
        return result
    }

    /// The source and target bases of the active shipment of each box, keyed by box id.
    public static func activeShipmentBases(
        ofBoxes boxIds: [Box.ID], in db: any SQLQuerying
    ) async throws
        -> [Box.ID: [Base.ID]]
    {
        guard !boxIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT d.box_id, sh.source_base_id, sh.target_base_id FROM shipment_detail d \
            JOIN shipment sh ON sh.id = d.shipment_id \
            WHERE d.box_id IN (\(SQL.placeholders(boxIds.count))) AND d.removed_on IS NULL AND d.received_on IS NULL
            """, boxIds.map(SQLValue.init))
        var result: [Box.ID: [Base.ID]] = [:]
        for row in rows {
            let boxId: Box.ID = row.id(0) ?? 0
            if result[boxId] == nil { result[boxId] = [row.id(1) ?? 0, row.id(2) ?? 0] }
        }
        return result
    }
}

/// SQL for QR codes (`qr`).
public enum QrCodeStore {
    static func decode(_ row: SQLRow) -> QrCode {
        QrCode(id: row.int(0) ?? 0, code: row.string(1) ?? "", createdOn: row.timestamp(2))
    }

    public static func byCode(_ code: String, in db: any SQLQuerying) async throws -> QrCode? {
        try await db.query("SELECT id, code, created FROM qr WHERE code = ?", [.text(code)]).first.map(decode)
    }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: QrCode] {
        try await db.rowsById(
            columns: "id, code, created", from: "qr", idColumn: "id", ids: ids, decode: decode, id: \.id)
    }
}
