import BoxtributeDatabase
import BoxtributeDomain

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
