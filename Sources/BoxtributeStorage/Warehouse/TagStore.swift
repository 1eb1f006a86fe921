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
            audit: AuditStamps(
                createdOn: row.timestamp(7), createdBy: row.int(8), lastModifiedOn: row.timestamp(9),
                lastModifiedBy: row.int(10)))
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
        var conditions = ["t.deleted IS NULL"]
        var binds: [SQLValue] = []
        if case .only(let ids) = scope {
            conditions.append("t.camp_id IN (\(SQL.placeholders(ids.count)))")
            binds += ids.map(SQLValue.init)
        }
        if let baseIds {
            conditions.append("t.camp_id IN (\(SQL.placeholders(baseIds.count)))")
            binds += baseIds.map(SQLValue.init)
        }
        if let types {
            conditions.append("t.type IN (\(SQL.placeholders(types.count)))")
            binds += types.map { .text($0.databaseValue) }
        }
        return try await db.query(
            "SELECT \(columns) FROM tags t WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.id", binds,
            decode: decode)
    }

    /// Non-deleted tags actively assigned to each box, by tag id, keyed by box id.
    public static func activeTags(
        ofBoxes boxIds: [Box.ID], scope: BaseScope, in db: any SQLQuerying
    ) async throws
        -> [Box.ID: [Tag]]
    {
        guard !boxIds.isEmpty else { return [:] }
        var binds = boxIds.map(SQLValue.init)
        var scopeFilter = ""
        if case .only(let ids) = scope {
            scopeFilter = " AND t.camp_id IN (\(SQL.placeholders(ids.count)))"
            binds += ids.map(SQLValue.init)
        }
        let rows = try await db.query(
            """
            SELECT tr.object_id, \(columns) FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id \
            WHERE tr.object_type = 'Stock' AND tr.object_id IN (\(SQL.placeholders(boxIds.count))) \
            AND tr.deleted_on IS NULL AND t.deleted IS NULL\(scopeFilter) ORDER BY tr.object_id, tr.tag_id
            """, binds
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
