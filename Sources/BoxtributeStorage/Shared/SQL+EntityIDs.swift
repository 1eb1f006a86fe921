import BoxtributeDatabase
import BoxtributeDomain

extension SQLValue {
    /// A typed id, bound as its integer (or NULL).
    init<Entity>(_ id: Tagged<Entity, Int>?) { self.init(id?.rawValue) }
}

extension SQLRow {
    /// The integer at `index` as a typed id; `nil` for NULL.
    func id<Entity>(_ index: Int) -> Tagged<Entity, Int>? { int(index).map(Tagged.init(rawValue:)) }

    /// The audit columns `created, created_by, modified, modified_by`, selected in that order
    /// from `index` on.
    func auditStamps(from index: Int) -> AuditStamps {
        AuditStamps(
            createdOn: timestamp(index), createdBy: int(index + 1), lastModifiedOn: timestamp(index + 2),
            lastModifiedBy: int(index + 3))
    }
}

extension SQLQuerying {
    /// ``SQLQuerying/rowsById(columns:from:idColumn:ids:decode:id:)`` for rows with a typed id.
    func rowsById<Row, Entity>(
        columns: String, from: String, idColumn: String, ids: [Tagged<Entity, Int>], decode: (SQLRow) -> Row,
        id: (Row) -> Tagged<Entity, Int>
    ) async throws -> [Tagged<Entity, Int>: Row] {
        let rows = try await rows(
            columns: columns, from: from, idColumn: idColumn, ids: ids.rawValues(), decode: decode)
        var byId: [Tagged<Entity, Int>: Row] = [:]
        byId.reserveCapacity(rows.count)
        for row in rows where byId[id(row)] == nil { byId[id(row)] = row }
        return byId
    }
}
