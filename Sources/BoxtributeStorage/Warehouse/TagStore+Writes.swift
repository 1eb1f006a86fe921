import BoxtributeDatabase
import BoxtributeDomain

extension TagStore {
    /// Tags by id through the mutation's connection, locked where the engine needs it.
    static func byIdsForUpdate(_ ids: [Tag.ID], in scope: SQLWriteContext) async throws -> [Tag.ID: Tag] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await scope.connection.query(
            "SELECT \(columns) FROM tags t WHERE t.id IN (\(SQL.placeholders(unique.count)))\(scope.forUpdate)",
            unique.map(SQLValue.init))
        return Dictionary(rows.map(decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Creates a tag with a `Record created` history row.
    static func create(
        name: String, description: String, color: String, type: TagType, baseId: Base.ID, in scope: SQLWriteContext
    ) async throws -> Tag {
        let inserted = try await scope.execute(
            "INSERT INTO tags (label, description, color, type, camp_id, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .text(name), .text(description), .text(color), .text(type.databaseValue), SQLValue(baseId),
                .text(scope.now.databaseText), .integer(scope.user.id),
            ])
        try await HistoryStore.record([.created], table: "tags", recordId: inserted.lastInsertId, in: scope)
        let id = Tag.ID(inserted.lastInsertId)
        return try await byIdsForUpdate([id], in: scope)[id]
            .orThrow(DomainError.databaseFailure)
    }

    /// Creates one Box tag per distinct name (first-seen order), with random colours.
    static func createBoxTags(named names: [String], baseId: Base.ID, in scope: SQLWriteContext) async throws -> [Tag] {
        var seen: Set<String> = []
        var created: [Tag] = []
        for name in names where seen.insert(name).inserted {
            created.append(
                try await create(
                    name: name, description: "", color: scope.environment.newColor(), type: .box, baseId: baseId,
                    in: scope))
        }
        return created
    }

    /// Writes the changeable columns of `tag` and its modification stamps.
    static func save(_ tag: Tag, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            "UPDATE tags SET label = ?, description = ?, color = ?, type = ?, modified = ?, modified_by = ? WHERE id = ?",
            [
                .text(tag.name), .text(tag.description ?? ""), SQLValue(tag.color), .text(tag.type.databaseValue),
                SQLValue(tag.audit.lastModifiedOn?.databaseText), SQLValue(tag.audit.lastModifiedBy), SQLValue(tag.id),
            ])
    }

    /// Soft-deletes tags (`deleted` = now), ends their active assignments, writes `Record deleted`.
    static func softDelete(_ tagIds: [Tag.ID], in scope: SQLWriteContext) async throws {
        guard !tagIds.isEmpty else { return }
        try await endAssignments(ofTags: tagIds, in: scope)
        try await scope.execute(
            "UPDATE tags SET deleted = ? WHERE id IN (\(SQL.placeholders(tagIds.count)))",
            [.text(scope.now.databaseText)] + tagIds.map(SQLValue.init))
        try await HistoryStore.record(tagIds.map { ($0.rawValue, HistoryChange.deleted) }, table: "tags", in: scope)
    }

    /// Active (tag id, object id) assignments of `objectIds` of one resource type.
    static func activeAssignments(
        of objectIds: [Int], type: TaggableResourceType, in scope: SQLWriteContext
    ) async throws -> Set<TagAssignment> {
        guard !objectIds.isEmpty else { return [] }
        let rows = try await scope.connection.query(
            """
            SELECT tag_id, object_id FROM tags_relations WHERE object_type = ? AND deleted_on IS NULL \
            AND object_id IN (\(SQL.placeholders(objectIds.count)))
            """, [.text(type.databaseValue)] + objectIds.map(SQLValue.init))
        return Set(rows.map { TagAssignment(tagId: $0.id(0) ?? 0, objectId: $0.int(1) ?? 0) })
    }

    /// Inserts assignments, stamped with the scope's user and time. One statement.
    static func assign(
        _ assignments: [TagAssignment], type: TaggableResourceType, in scope: SQLWriteContext
    ) async throws {
        guard !assignments.isEmpty else { return }
        var binds: [SQLValue] = []
        for assignment in assignments {
            binds += [
                .integer(assignment.objectId), .text(type.databaseValue), SQLValue(assignment.tagId),
                .text(scope.now.databaseText), .integer(scope.user.id),
            ]
        }
        try await scope.execute(
            """
            INSERT INTO tags_relations (object_id, object_type, tag_id, created_on, created_by_id) VALUES \
            \(Array(repeating: "(?, ?, ?, ?, ?)", count: assignments.count).joined(separator: ", "))
            """, binds)
    }

    /// Ends the active assignments of `tagIds` (`nil`: of every tag) to `objectIds` (soft delete).
    static func unassign(
        tagIds: [Tag.ID]?, from objectIds: [Int], type: TaggableResourceType, in scope: SQLWriteContext
    ) async throws {
        guard tagIds?.isEmpty != true, !objectIds.isEmpty else { return }
        let tagFilter = tagIds.map { " AND tag_id IN (\(SQL.placeholders($0.count)))" } ?? ""
        try await scope.execute(
            """
            UPDATE tags_relations SET deleted_on = ?, deleted_by_id = ? WHERE deleted_on IS NULL AND object_type = ?\
            \(tagFilter) AND object_id IN (\(SQL.placeholders(objectIds.count)))
            """,
            [.text(scope.now.databaseText), .integer(scope.user.id), .text(type.databaseValue)]
                + (tagIds ?? []).map(SQLValue.init) + objectIds.map(SQLValue.init))
    }

    /// Ends every active assignment of `tagIds`, or only those to resources of `type`.
    static func endAssignments(
        ofTags tagIds: [Tag.ID], type: TaggableResourceType? = nil, in scope: SQLWriteContext
    ) async throws {
        guard !tagIds.isEmpty else { return }
        var binds: [SQLValue] = [.text(scope.now.databaseText), .integer(scope.user.id)]
        var typeFilter = ""
        if let type {
            typeFilter = " AND object_type = ?"
            binds.append(.text(type.databaseValue))
        }
        try await scope.execute(
            """
            UPDATE tags_relations SET deleted_on = ?, deleted_by_id = ? WHERE deleted_on IS NULL\(typeFilter) \
            AND tag_id IN (\(SQL.placeholders(tagIds.count)))
            """, binds + tagIds.map(SQLValue.init))
    }
}

extension TagStore {
    /// Stamps beneficiaries as modified now by the scope's user (a tag was assigned or removed).
    static func touchBeneficiaries(_ ids: [Int], in scope: SQLWriteContext) async throws {
        guard !ids.isEmpty else { return }
        try await scope.execute(
            "UPDATE people SET modified = ?, modified_by = ? WHERE id IN (\(SQL.placeholders(ids.count)))",
            [.text(scope.now.databaseText), .integer(scope.user.id)] + ids.map(SQLValue.init))
    }
}
