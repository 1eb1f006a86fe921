import BoxtributeDatabase
// Port of business_logic/warehouse/box/crud.py (delete_boxes, move_boxes_to_location,
// assign_tags_to_boxes, unassign_tags_from_boxes).
import BoxtributeDomain

/// Mutations over many boxes at once (spec 03 §3.6–§3.9). Each one is a single transaction.
public enum BulkBoxService {
    /// `deleteBoxes`: soft-deletes the boxes the user may delete.
    public static func delete(labels: [String], in scope: SQLWriteContext) async throws -> BoxesOutcome {
        guard scope.user.holds("stock:write") else { throw Forbidden(.permission("stock:write")) }
        let boxes = try await BoxStore.byLabelsForUpdate(labels, in: scope)
        let locations = try await LocationStore.byIds(boxes.map(\.locationId), in: scope.connection)
        let valid = boxes.filter { box in
            guard let location = locations[box.locationId] else { return false }
            return scope.user.can("stock:write", baseId: location.baseId) && isEditable(box)
        }
        try await BoxStore.softDelete(valid.map(\.id), in: scope)
        return try await outcome(valid, requested: labels, in: scope)
    }

    /// `moveBoxesToLocation`: moves boxes of the target's base into it, with its default state.
    public static func move(
        labels: [String], to locationId: Int, in scope: SQLWriteContext
    ) async throws -> BoxesOutcome {
        let db = scope.connection
        let target = try await LocationStore.byIds([locationId], in: db)[locationId]
            .orThrow(UserError.missing("Location", id: locationId))
        try scope.user.authorize("stock:write", baseId: target.baseId)
        guard target.deletedOn == nil else { throw UserError.deletedLocation(name: target.name ?? "") }
        let boxes = try await BoxStore.byLabelsForUpdate(labels, in: scope)
        let locations = try await LocationStore.byIds(boxes.map(\.locationId), in: db)
        let valid = boxes.filter { box in
            box.locationId != target.id && locations[box.locationId]?.baseId == target.baseId && isEditable(box)
        }
        guard !valid.isEmpty else { return try await outcome([], requested: labels, in: scope) }
        var history: [(Int, HistoryChange)] = []
        for box in valid {
            history.append((box.id, HistoryChange(changes: "location_id", fromInt: box.locationId, toInt: target.id)))
            if let state = target.defaultBoxState, state != box.state {
                history.append(
                    (box.id, HistoryChange(changes: "box_state_id", fromInt: box.state.rawValue, toInt: state.rawValue))
                )
            }
        }
        let ids = valid.map(\.id)
        let stateClause = target.defaultBoxState == nil ? "" : ", box_state_id = ?"
        try await scope.execute(
            "UPDATE stock SET location_id = ?, modified = ?, modified_by = ?\(stateClause) WHERE id IN (\(SQL.placeholders(ids.count)))",
            [.integer(target.id), .text(scope.now.databaseText), .integer(scope.user.id)]
                + (target.defaultBoxState.map { [.integer($0.rawValue)] } ?? []) + ids.map(SQLValue.init))
        try await HistoryStore.record(history, table: "stock", in: scope)
        return try await outcome(valid, requested: labels, in: scope)
    }

    /// `assignTagsToBoxes`: adds the usable tags to the boxes of their base that lack one.
    public static func assignTags(
        _ tagIds: [Int], to labels: [String], in scope: SQLWriteContext
    ) async throws -> BoxesOutcome {
        let (tags, errors) = try await usableTags(tagIds, forAssignment: true, in: scope)
        guard let baseId = tags.first?.baseId else {
            return BoxesOutcome(updatedBoxes: [], invalidBoxLabelIdentifiers: [], tagErrors: errors)
        }
        let boxes = try await boxesOfBase(labels, baseId: baseId, in: scope)
        let active = try await TagStore.activeAssignments(of: boxes.map(\.id), type: .box, in: scope)
        var missing: [TagAssignment] = []
        var valid: [Box] = []
        for box in boxes {
            let lacking = tags.map { TagAssignment(tagId: $0.id, objectId: box.id) }.filter { !active.contains($0) }
            if !lacking.isEmpty {
                missing += lacking
                valid.append(box)
            }
        }
        try await TagStore.assign(missing, type: .box, in: scope)
        try await BoxStore.touch(valid.map(\.id), in: scope)
        var result = try await outcome(valid, requested: labels, in: scope)
        result.tagErrors = errors
        return result
    }

    /// `unassignTagsFromBoxes`: removes the tags from the boxes of their base that carry one.
    public static func unassignTags(
        _ tagIds: [Int], from labels: [String], in scope: SQLWriteContext
    ) async throws
        -> BoxesOutcome
    {
        let (tags, errors) = try await usableTags(tagIds, forAssignment: false, in: scope)
        guard let baseId = tags.first?.baseId else {
            return BoxesOutcome(updatedBoxes: [], invalidBoxLabelIdentifiers: [], tagErrors: errors)
        }
        let boxes = try await boxesOfBase(labels, baseId: baseId, in: scope)
        let active = try await TagStore.activeAssignments(of: boxes.map(\.id), type: .box, in: scope)
        let tagSet = Set(tags.map(\.id))
        let valid = boxes.filter { box in active.contains { $0.objectId == box.id && tagSet.contains($0.tagId) } }
        try await TagStore.unassign(tagIds: tags.map(\.id), from: valid.map(\.id), type: .box, in: scope)
        try await BoxStore.touch(valid.map(\.id), in: scope)
        var result = try await outcome(valid, requested: labels, in: scope)
        result.tagErrors = errors
        return result
    }

    // MARK: - Helpers

    /// Not deleted and in a warehouse state.
    static func isEditable(_ box: Box) -> Bool {
        box.deletedOn == nil && WarehouseRules.warehouseStates.contains(box.state)
    }

    /// Editable boxes among `labels` whose location is in `baseId`.
    private static func boxesOfBase(_ labels: [String], baseId: Int, in scope: SQLWriteContext) async throws -> [Box] {
        let boxes = try await BoxStore.byLabelsForUpdate(labels, in: scope)
        let locations = try await LocationStore.byIds(boxes.map(\.locationId), in: scope.connection)
        return boxes.filter { locations[$0.locationId]?.baseId == baseId && isEditable($0) }
    }

    /// The requested tags that may be used, with an error for each other one (spec 03 §3.8).
    /// Tags of more than one base make every tag unusable.
    private static func usableTags(
        _ tagIds: [Int], forAssignment: Bool, in scope: SQLWriteContext
    ) async throws -> (
        [Tag], [(tagId: Int, error: any Error)]
    ) {
        let ids = Set(tagIds).sorted()
        let found = try await TagStore.byIdsForUpdate(ids, in: scope)
        var usable: [Tag] = []
        var errors: [(tagId: Int, error: any Error)] = []
        for id in ids {
            guard let tag = found[id] else {
                errors.append((id, UserError.missing("Tag", id: id)))
                continue
            }
            do {
                try scope.user.authorize("tag_relation:assign")
                try scope.user.authorize("tag:read", baseId: tag.baseId)
                try scope.user.authorize("stock:write", baseId: tag.baseId)
            } catch {
                errors.append((id, error))
                continue
            }
            if forAssignment, tag.deletedOn != nil {
                errors.append((id, UserError.deletedTag(name: tag.name)))
            } else if forAssignment, tag.type == .beneficiary {
                errors.append((id, UserError.tagTypeMismatch(expected: .box)))
            } else {
                usable.append(tag)
            }
        }
        if Set(usable.map(\.baseId)).count > 1 {
            return ([], errors + ids.map { ($0, UserError.tagBaseMismatch) })
        }
        return (usable, errors)
    }

    /// The changed boxes re-read (id order) and the other requested labels, sorted.
    static func outcome(_ changed: [Box], requested: [String], in scope: SQLWriteContext) async throws -> BoxesOutcome {
        let ids = changed.map(\.id)
        let updated = try await BoxStore.byIds(ids, in: scope.connection)
        let changedLabels = Set(changed.map(\.labelIdentifier))
        return BoxesOutcome(
            updatedBoxes: ids.sorted().compactMap { updated[$0] },
            invalidBoxLabelIdentifiers: Set(requested).subtracting(changedLabels).sorted())
    }
}
