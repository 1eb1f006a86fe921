import BoxtributeDatabase
import BoxtributeDomain

/// SQL for tags and their assignments.
public enum TagStore {
    static let columns = """
        t.id, t.label, t.description, t.color, t.type, t.camp_id, t.deleted, t.created, t.created_by, t.modified, \
        t.modified_by
        """

    static func decode(_ row: SQLRow) -> Tag {
        Tag(
            id: row.id(0) ?? 0, name: row.string(1) ?? "", description: row.string(2), color: row.string(3),
            type: TagType(databaseValue: row.string(4)) ?? .all, baseId: row.id(5) ?? 0, deletedOn: row.timestamp(6),
            audit: row.auditStamps(from: 7))
    }

    public static func byIds(_ ids: [Tag.ID], in db: any SQLQuerying) async throws -> [Tag.ID: Tag] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT \(columns) FROM tags t WHERE t.id IN (\(SQL.placeholders(unique.count)))", unique.map(SQLValue.init)
        )
        return Dictionary(rows.map(decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Tags with `deleted IS NULL` in `scope`, optionally of the bases and types given, id order.
    public static func list(
        scope: BaseScope, baseIds: [Base.ID]? = nil, types: [TagType]? = nil, in db: any SQLQuerying
    )
        async throws -> [Tag]
    {
        var filter = SQLConditions(["t.deleted IS NULL"])
        filter.restrict("t.camp_id", to: scope)
        if let baseIds { filter.add("t.camp_id", in: baseIds.map(SQLValue.init)) }
        if let types { filter.add("t.type", in: types.map { .text($0.databaseValue) }) }
        return try await db.query(
            "SELECT \(columns) FROM tags t\(filter.whereClause) ORDER BY t.id", filter.binds, decode: decode)
    }

    /// Non-deleted tags actively assigned to each box, by tag id, keyed by box id.
    public static func activeTags(
        ofBoxes boxIds: [Box.ID], scope: BaseScope, in db: any SQLQuerying
    ) async throws
        -> [Box.ID: [Tag]]
    {
        guard !boxIds.isEmpty else { return [:] }
        var scopeFilter = SQLConditions()
        scopeFilter.restrict("t.camp_id", to: scope)
        let rows = try await db.query(
            """
            SELECT tr.object_id, \(columns) FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id \
            WHERE tr.object_type = 'Stock' AND tr.object_id IN (\(SQL.placeholders(boxIds.count))) \
            AND tr.deleted_on IS NULL AND t.deleted IS NULL\(scopeFilter.andClause) ORDER BY tr.object_id, tr.tag_id
            """, boxIds.map(SQLValue.init) + scopeFilter.binds
        ) { row in (boxId: row.id(0) ?? Box.ID(0), tag: decode(row.droppingFirst(1))) }
        var result: [Box.ID: [Tag]] = [:]
        for (boxId, tag) in rows where result[boxId]?.last?.id != tag.id {
            result[boxId, default: []].append(tag)
        }
        return result
    }

    /// When each tag was last assigned (removed assignments included).
    public static func lastUsed(ofTags tagIds: [Tag.ID], in db: any SQLQuerying) async throws -> [Tag.ID: Timestamp] {
        guard !tagIds.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT tag_id, MAX(created_on) FROM tags_relations WHERE tag_id IN (\(SQL.placeholders(tagIds.count))) GROUP BY tag_id",
            tagIds.map(SQLValue.init))
        var result: [Tag.ID: Timestamp] = [:]
        for row in rows { if let stamp = row.timestamp(1) { result[row.id(0) ?? 0] = stamp } }
        return result
    }
}
