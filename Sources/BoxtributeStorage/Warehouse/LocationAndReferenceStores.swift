import BoxtributeDatabase
import BoxtributeDomain

/// SQL for locations.
public enum LocationStore {
    static let columns = """
        l.id, l.label, l.camp_id, l.type, l.seq, l.box_state_id, l.is_market, l.container_stock, l.deleted, \
        l.latitude, l.longitude, l.created, l.created_by, l.modified, l.modified_by
        """

    static func decode(_ row: SQLRow) -> Location {
        Location(
            id: row.int(0) ?? 0, name: row.string(1), baseId: row.int(2) ?? 0, type: row.string(3) ?? "Warehouse",
            seq: row.int(4), defaultBoxState: row.int(5).flatMap(BoxState.init(rawValue:)), isShop: row.bool(6),
            isStockroom: row.bool(7), deletedOn: row.timestamp(8), latitude: row.double(9), longitude: row.double(10),
            audit: AuditStamps(
                createdOn: row.timestamp(11), createdBy: row.int(12), lastModifiedOn: row.timestamp(13),
                lastModifiedBy: row.int(14)))
    }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: Location] {
        try await db.rowsById(
            columns: columns, from: "locations l", idColumn: "l.id", ids: ids, decode: decode, id: \.id)
    }

    /// Non-deleted classic locations of the bases, id order.
    public static func classic(ofBases baseIds: [Int], in db: any SQLQuerying) async throws -> [Location] {
        guard !baseIds.isEmpty else { return [] }
        return try await db.query(
            "SELECT \(columns) FROM locations l WHERE l.camp_id IN (\(SQL.placeholders(baseIds.count))) AND l.type = 'Warehouse' AND l.deleted IS NULL ORDER BY l.id",
            baseIds.map(SQLValue.init), decode: decode)
    }

    /// Classic locations in `scope`, including deleted ones, id order.
    public static func classic(scope: BaseScope, in db: any SQLQuerying) async throws -> [Location] {
        var filter = ""
        var binds: [SQLValue] = []
        if case .only(let ids) = scope {
            filter = " AND l.camp_id IN (\(SQL.placeholders(ids.count)))"
            binds = ids.map(SQLValue.init)
        }
        return try await db.query(
            "SELECT \(columns) FROM locations l WHERE l.type = 'Warehouse'\(filter) ORDER BY l.id", binds,
            decode: decode)
    }
}

/// SQL for product categories, size ranges, sizes and units.
public enum ReferenceDataStore {
    public static func categories(ids: [Int]? = nil, in db: any SQLQuerying) async throws -> [ProductCategory] {
        try await rows(columns: "id, label, parent_id", table: "product_categories", ids: ids, in: db, id: \.id) {
            ProductCategory(id: $0.int(0) ?? 0, name: $0.string(1) ?? "", parentId: $0.int(2))
        }
    }

    public static func sizeRanges(ids: [Int]? = nil, in db: any SQLQuerying) async throws -> [SizeRange] {
        try await rows(columns: "id, label", table: "sizegroup", ids: ids, in: db, id: \.id) {
            SizeRange(id: $0.int(0) ?? 0, name: $0.string(1) ?? "")
        }
    }

    public static func sizes(ids: [Int], in db: any SQLQuerying) async throws -> [Size] {
        try await rows(columns: "id, label", table: "sizes", ids: ids, in: db, id: \.id) {
            Size(id: $0.int(0) ?? 0, name: $0.string(1) ?? "")
        }
    }

    /// Sizes of each range, ordered by their position in the range.
    public static func sizes(ofRanges rangeIds: [Int], in db: any SQLQuerying) async throws -> [Int: [Size]] {
        guard !rangeIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT ss.sizegroup_id, s.id, s.label FROM sizes_sizegroup ss JOIN sizes s ON s.id = ss.size_id \
            WHERE ss.sizegroup_id IN (\(SQL.placeholders(rangeIds.count))) ORDER BY ss.sizegroup_id, ss.seq, s.id
            """, rangeIds.map(SQLValue.init))
        var result: [Int: [Size]] = [:]
        for row in rows {
            result[row.int(0) ?? 0, default: []].append(Size(id: row.int(1) ?? 0, name: row.string(2) ?? ""))
        }
        return result
    }

    static let unitColumns = "id, name, symbol, conversion_factor, dimension_id"

    static func decodeUnit(_ row: SQLRow) -> MeasureUnit {
        MeasureUnit(
            id: row.int(0) ?? 0, name: row.string(1) ?? "", symbol: row.string(2) ?? "",
            conversionFactor: row.double(3) ?? 1, dimensionId: row.int(4) ?? 0)
    }

    public static func units(ids: [Int]? = nil, in db: any SQLQuerying) async throws -> [MeasureUnit] {
        try await rows(columns: unitColumns, table: "units", ids: ids, in: db, id: \.id, decode: decodeUnit)
    }

    public static func units(ofDimensions dimensionIds: [Int], in db: any SQLQuerying) async throws -> [MeasureUnit] {
        guard !dimensionIds.isEmpty else { return [] }
        return try await db.query(
            "SELECT \(unitColumns) FROM units WHERE dimension_id IN (\(SQL.placeholders(dimensionIds.count))) ORDER BY id",
            dimensionIds.map(SQLValue.init), decode: decodeUnit)
    }

    /// The rows of reference table `table` with the given ids, or all of them for `nil`, in id order.
    private static func rows<Row>(
        columns: String, table: String, ids: [Int]?, in db: any SQLQuerying, id: (Row) -> Int,
        decode: (SQLRow) -> Row
    ) async throws -> [Row] {
        guard let ids else {
            return try await db.query("SELECT \(columns) FROM \(table) ORDER BY id", [], decode: decode)
        }
        return try await db.rows(columns: columns, from: table, idColumn: "id", ids: ids, decode: decode)
            .sorted { id($0) < id($1) }
    }
}
