import BoxtributeDatabase
// Port of business_logic/tag/{crud,mutations}.py.
import BoxtributeDomain

/// Tag mutations (spec 03 §4.2–§4.7).
public enum TagService {
    /// `createTag`.
    public static func create(
        name: String, description: String?, color: String, type: TagType, baseId: Int, in scope: SQLWriteContext
    ) async throws -> Tag {
        try scope.user.authorize("tag:write", baseId: baseId)
        try TextLimits.check(name, field: "name")
        try TextLimits.checkLong(description, field: "description")
        guard WarehouseRules.isValidColor(color) else { throw UserError.invalidColor(color) }
        return try await TagStore.create(
            name: name, description: description ?? "", color: color, type: type, baseId: baseId, in: scope)
    }

    /// `updateTag`; changing the type ends assignments to resources the new type excludes.
    public static func update(_ input: TagUpdate, in scope: SQLWriteContext) async throws -> Tag {
        let old = try await TagStore.byIdsForUpdate([input.id], in: scope)[input.id]
            .orThrow(UserError.missing("Tag", id: input.id))
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
            case .box: try await TagStore.endAssignments(ofTags: [old.id], type: .beneficiary, in: scope)
            case .beneficiary: try await TagStore.endAssignments(ofTags: [old.id], type: .box, in: scope)
            case .all: break
            }
        }
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        new.audit.lastModifiedOn = scope.now
        new.audit.lastModifiedBy = scope.user.id
        try await TagStore.save(new, in: scope)
        try await HistoryStore.record(changes, table: "tags", recordId: old.id, in: scope)
        return new
    }

    /// `deleteTag`: an already deleted tag is returned unchanged.
    public static func delete(id: Int, in scope: SQLWriteContext) async throws -> Tag {
        let tag = try await TagStore.byIdsForUpdate([id], in: scope)[id].orThrow(UserError.missing("Tag", id: id))
        try scope.user.authorize("tag:write", baseId: tag.baseId)
        guard tag.deletedOn == nil else { return tag }
        try await TagStore.softDelete([id], in: scope)
        return try await TagStore.byIdsForUpdate([id], in: scope)[id].orThrow(DomainError.notFound)
    }

    /// `deleteTags`: deletes the tags the user may delete, reports the other ids.
    public static func delete(ids: [Int], in scope: SQLWriteContext) async throws -> (deleted: [Tag], invalidIds: [Int])
    {
        guard scope.user.holds("tag:write") else { throw Forbidden(.permission("tag:write")) }
        let found = try await TagStore.byIdsForUpdate(ids, in: scope)
        let valid = found.values.filter { $0.deletedOn == nil && scope.user.can("tag:write", baseId: $0.baseId) }
            .map(\.id).sorted()
        try await TagStore.softDelete(valid, in: scope)
        let deleted = try await TagStore.byIdsForUpdate(valid, in: scope)
        return (valid.compactMap { deleted[$0] }, Set(ids).subtracting(valid).sorted())
    }

    /// `assignTag`; beyond the reference, the resource must belong to the tag's base.
    public static func assign(
        tagId: Int, resourceId: Int, resourceType: TaggableResourceType, in scope: SQLWriteContext
    ) async throws -> TaggedResource {
        let tag = try await TagStore.byIdsForUpdate([tagId], in: scope)[tagId].orThrow(DomainError.notFound)
        try scope.user.authorize("tag_relation:assign", baseId: tag.baseId)
        let incompatible =
            (tag.type == .beneficiary && resourceType == .box) || (tag.type == .box && resourceType == .beneficiary)
        if incompatible { throw DomainError.incompatibleTag(id: tag.id, type: tag.type, resource: resourceType) }
        let resource = try await TaggedResource.load(resourceId, type: resourceType, in: scope)
        guard try await resource.baseId(in: scope) == tag.baseId else { throw DomainError.resourceTagBaseMismatch }
        let active = try await TagStore.activeAssignments(of: [resourceId], type: resourceType, in: scope)
        if active.contains(TagAssignment(tagId: tagId, objectId: resourceId)) { return resource }
        try await TagStore.assign([TagAssignment(tagId: tagId, objectId: resourceId)], type: resourceType, in: scope)
        try await resource.touch(in: scope)
        return try await TaggedResource.load(resourceId, type: resourceType, in: scope)
    }

    /// `unassignTag`.
    public static func unassign(
        tagId: Int, resourceId: Int, resourceType: TaggableResourceType, in scope: SQLWriteContext
    ) async throws -> TaggedResource {
        let tag = try await TagStore.byIdsForUpdate([tagId], in: scope)[tagId].orThrow(DomainError.notFound)
        try scope.user.authorize("tag_relation:assign", baseId: tag.baseId)
        let resource = try await TaggedResource.load(resourceId, type: resourceType, in: scope)
        try await resource.touch(in: scope)
        try await TagStore.unassign(tagIds: [tagId], from: [resourceId], type: resourceType, in: scope)
        return try await TaggedResource.load(resourceId, type: resourceType, in: scope)
    }
}

extension TaggedResource {
    static func load(_ id: Int, type: TaggableResourceType, in scope: SQLWriteContext) async throws -> TaggedResource {
        switch type {
        case .box: .box(try await BoxStore.byId(id, in: scope).orThrow(DomainError.notFound))
        case .beneficiary:
            .beneficiary(try await BeneficiaryStore.byIds([id], in: scope.connection)[id].orThrow(DomainError.notFound))
        }
    }

    func baseId(in scope: SQLWriteContext) async throws -> Int? {
        switch self {
        case .box(let box):
            try await LocationStore.byIds([box.locationId], in: scope.connection)[box.locationId]?.baseId
        case .beneficiary(let beneficiary): beneficiary.baseId
        }
    }

    func touch(in scope: SQLWriteContext) async throws {
        let stamp: [SQLValue] = [.text(scope.now.databaseText), .integer(scope.user.id)]
        switch self {
        case .box(let box): try await BoxStore.touch([box.id], in: scope)
        case .beneficiary(let beneficiary):
            try await scope.execute(
                "UPDATE people SET modified = ?, modified_by = ? WHERE id = ?", stamp + [.integer(beneficiary.id)])
        }
    }

    /// The box or beneficiary itself.
    public var value: any Sendable {
        switch self {
        case .box(let box): box
        case .beneficiary(let beneficiary): beneficiary
        }
    }
}
