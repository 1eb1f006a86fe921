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
            id: row.id(0) ?? 0, name: row.string(1), baseId: row.id(2) ?? 0, type: row.string(3) ?? "Warehouse",
            seq: row.int(4), defaultBoxState: row.int(5).flatMap(BoxState.init(rawValue:)), isShop: row.bool(6),
            isStockroom: row.bool(7), deletedOn: row.timestamp(8), latitude: row.double(9), longitude: row.double(10),
            audit: row.auditStamps(from: 11))
    }

    public static func byIds(_ ids: [Location.ID], in db: any SQLQuerying) async throws -> [Location.ID: Location] {
        try await db.rowsById(
            columns: columns, from: "locations l", idColumn: "l.id", ids: ids, decode: decode, id: \.id)
    }

    /// Non-deleted classic locations of the bases, id order.
    public static func classic(ofBases baseIds: [Base.ID], in db: any SQLQuerying) async throws -> [Location] {
        guard !baseIds.isEmpty else { return [] }
        return try await db.query(
            "SELECT \(columns) FROM locations l WHERE l.camp_id IN (\(SQL.placeholders(baseIds.count))) AND l.type = 'Warehouse' AND l.deleted IS NULL ORDER BY l.id",
            baseIds.map(SQLValue.init), decode: decode)
    }

    /// Classic locations in `scope`, including deleted ones, id order.
    public static func classic(scope: BaseScope, in db: any SQLQuerying) async throws -> [Location] {
        var filter = SQLConditions()
        filter.restrict("l.camp_id", to: scope)
        return try await db.query(
            "SELECT \(columns) FROM locations l WHERE l.type = 'Warehouse'\(filter.andClause) ORDER BY l.id",
            filter.binds, decode: decode)
    }
}
