// Port of back/boxtribute_server/business_logic/tag/crud.py and
// back/boxtribute_server/business_logic/tag/mutations.py.

/// Reading and changing tags and their assignments to boxes and beneficiaries.
public enum TagService {
    // MARK: - Reads

    /// `tag(id:)`: existence is checked before the permission for the tag's base.
    public static func tag(id: Tag.ID, in scope: some ServiceScope) async throws -> Tag {
        let tag = try await scope.data.warehouse.tags([id])[id].orNotFound()
        try scope.user.authorize("tag:read", baseId: tag.baseId)
        return tag
    }

    /// `tags(tagType:)`: the non-deleted tags of the bases the user may read. The reference's
    /// resolver rejects `tagType`; the type narrows the list as `Base.tags` does instead (a
    /// type includes the tags of type All).
    public static func tags(ofType type: TagType?, in scope: some ServiceScope) async throws -> [Tag] {
        let visible = try scope.user.baseScope(for: "tag:read")
        let types: [TagType]? =
            switch type {
            case .box: [.box, .all]
            case .beneficiary: [.beneficiary, .all]
            case .all: [.all]
            case nil: nil
            }
        return try await scope.data.warehouse.tags(in: visible, baseIds: nil, types: types)
    }

    /// `Base.tags`: the non-deleted tags of each base usable for `resourceType` (every tag for
    /// `nil`); `Forbidden` for the bases whose tags the user may not read.
    public static func tags(
        ofBases bases: [Base], resourceType: TaggableResourceType?, in scope: some ServiceScope
    ) async throws -> [PerItem<[Tag]>] {
        let types: [TagType]? =
            switch resourceType {
            case .box: [.box, .all]
            case .beneficiary: [.beneficiary, .all]
            case nil: nil
            }
        return try await scope.listsPerBase(
            bases, permission: "tag:read", baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await scope.data.warehouse.tags(in: .all, baseIds: $0, types: types) }
    }

    /// `Tag.lastUsedOn`: when each tag was last assigned.
    public static func lastUse(of tags: [Tag], in scope: some ServiceScope) async throws -> [Timestamp?] {
        try scope.user.authorize("tag_relation:read")
        let lastUse = try await scope.data.warehouse.lastUse(ofTags: tags.map(\.id))
        return tags.map { lastUse[$0.id] }
    }

    // MARK: - Mutations

    /// `createTag`.
    public static func create(
        name: String, description: String?, color: String, type: TagType, baseId: Base.ID, in scope: MutationScope
    ) async throws -> Tag {
        try scope.user.authorize("tag:write", baseId: baseId)
        try TextLimits.check(name, field: "name")
        try TextLimits.checkLong(description, field: "description")
        guard WarehouseRules.isValidColor(color) else { throw UserError.invalidColor(color) }
        return try await scope.writes.warehouseWrites.createTag(
            name: name, description: description ?? "", color: color, type: type, baseId: baseId)
    }

    /// `updateTag`; changing the type ends assignments to resources the new type excludes.
    public static func update(_ input: TagUpdate, in scope: MutationScope) async throws -> Tag {
        let writes = scope.writes.warehouseWrites
        let old = try await writes.tagsForUpdate([input.id])[input.id].orThrow(UserError.missing("Tag", id: input.id))
        try scope.user.authorize("tag:write", baseId: old.baseId)
        guard old.deletedOn == nil else { throw UserError.deletedTag(name: old.name) }
        try input.checkTextLengths()
        if let name = input.name, name.isEmpty { throw UserError.emptyName }
        if let color = input.color, !WarehouseRules.isValidColor(color) { throw UserError.invalidColor(color) }
        var new = old
        if let name = input.name { new.name = name }
        if let description = input.description { new.description = description }
        if let color = input.color { new.color = color }
        if let type = input.type, type != old.type {
            new.type = type
            switch type {
            case .box: try await writes.endTagAssignments(ofTags: [old.id], type: .beneficiary)
            case .beneficiary: try await writes.endTagAssignments(ofTags: [old.id], type: .box)
            case .all: break
            }
        }
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        new.audit.lastModifiedOn = scope.now
        new.audit.lastModifiedBy = scope.user.id
        try await writes.saveTag(new)
        try await scope.writes.historyWrites.record(changes, table: "tags", recordId: old.id.rawValue)
        return new
    }

    /// `deleteTag`: an already deleted tag is returned unchanged.
    public static func delete(id: Tag.ID, in scope: MutationScope) async throws -> Tag {
        let writes = scope.writes.warehouseWrites
        let tag = try await writes.tagsForUpdate([id])[id].orThrow(UserError.missing("Tag", id: id))
        try scope.user.authorize("tag:write", baseId: tag.baseId)
        guard tag.deletedOn == nil else { return tag }
        try await writes.softDeleteTags([id])
        return try await writes.tagsForUpdate([id])[id].orThrow(DomainError.notFound)
    }

    /// `deleteTags`: deletes the tags the user may delete, reports the other ids.
    public static func delete(
        ids: [Tag.ID], in scope: MutationScope
    ) async throws -> (deleted: [Tag], invalidIds: [Tag.ID]) {
        guard scope.user.holds("tag:write") else { throw Forbidden(.permission("tag:write")) }
        let writes = scope.writes.warehouseWrites
        let found = try await writes.tagsForUpdate(ids)
        let valid = found.values.filter { $0.deletedOn == nil && scope.user.can("tag:write", baseId: $0.baseId) }
            .map(\.id).sorted()
        try await writes.softDeleteTags(valid)
        let deleted = try await writes.tagsForUpdate(valid)
        return (valid.compactMap { deleted[$0] }, Set(ids).subtracting(valid).sorted())
    }

    /// `assignTag`; beyond the reference, the resource must belong to the tag's base.
    public static func assign(
        tagId: Tag.ID, resourceId: Int, resourceType: TaggableResourceType, in scope: MutationScope
    ) async throws -> TaggedResource {
        let writes = scope.writes.warehouseWrites
        let tag = try await lockedTag(tagId, in: scope)
        let incompatible =
            (tag.type == .beneficiary && resourceType == .box) || (tag.type == .box && resourceType == .beneficiary)
        if incompatible { throw DomainError.incompatibleTag(id: tag.id, type: tag.type, resource: resourceType) }
        let resource = try await taggedResource(resourceId, type: resourceType, in: scope)
        guard try await baseId(of: resource, in: scope) == tag.baseId else { throw DomainError.resourceTagBaseMismatch }
        let assignment = TagAssignment(tagId: tagId, objectId: resourceId)
        let active = try await writes.activeTagAssignments(of: [resourceId], type: resourceType)
        if active.contains(assignment) { return resource }
        try await writes.assignTags([assignment], type: resourceType)
        try await touch(resource, in: scope)
        return try await taggedResource(resourceId, type: resourceType, in: scope)
    }

    /// `unassignTag`.
    public static func unassign(
        tagId: Tag.ID, resourceId: Int, resourceType: TaggableResourceType, in scope: MutationScope
    ) async throws -> TaggedResource {
        _ = try await lockedTag(tagId, in: scope)
        let resource = try await taggedResource(resourceId, type: resourceType, in: scope)
        try await touch(resource, in: scope)
        try await scope.writes.warehouseWrites.unassignTags([tagId], from: [resourceId], type: resourceType)
        return try await taggedResource(resourceId, type: resourceType, in: scope)
    }

    /// The tag, locked for the rest of the transaction, once the user may assign tags of its base.
    private static func lockedTag(_ id: Tag.ID, in scope: MutationScope) async throws -> Tag {
        let tag = try await scope.writes.warehouseWrites.tagsForUpdate([id])[id].orThrow(DomainError.notFound)
        try scope.user.authorize("tag_relation:assign", baseId: tag.baseId)
        return tag
    }

    // MARK: - Tagged resources

    private static func taggedResource(
        _ id: Int, type: TaggableResourceType, in scope: MutationScope
    ) async throws -> TaggedResource {
        switch type {
        case .box: .box(try await scope.data.warehouse.boxes([Box.ID(id)])[Box.ID(id)].orNotFound())
        case .beneficiary: .beneficiary(try await scope.data.beneficiaries.beneficiaries([id])[id].orNotFound())
        }
    }

    private static func baseId(of resource: TaggedResource, in scope: MutationScope) async throws -> Base.ID? {
        switch resource {
        case .box(let box): try await scope.data.warehouse.locations([box.locationId])[box.locationId]?.baseId
        case .beneficiary(let beneficiary): beneficiary.baseId
        }
    }

    /// Stamps the resource as modified now by the user.
    private static func touch(_ resource: TaggedResource, in scope: MutationScope) async throws {
        switch resource {
        case .box(let box): try await scope.writes.warehouseWrites.touchBoxes([box.id])
        case .beneficiary(let beneficiary): try await scope.writes.warehouseWrites.touchBeneficiaries([beneficiary.id])
        }
    }
}
