// Port of business_logic/warehouse/box/crud.py (delete_boxes, move_boxes_to_location,
// assign_tags_to_boxes, unassign_tags_from_boxes).

/// Mutations over many boxes at once. Each one is a single transaction.
public enum BulkBoxService {
    /// `deleteBoxes`: soft-deletes the boxes the user may delete.
    public static func delete(labels: [String], in scope: MutationScope) async throws -> BoxesOutcome {
        guard scope.user.holds("stock:write") else { throw Forbidden(.permission("stock:write")) }
        let boxes = try await scope.writes.warehouseWrites.lockedBoxes(labelIdentifiers: labels)
        let locations = try await scope.data.warehouse.locations(boxes.map(\.locationId))
        let valid = boxes.filter { box in
            guard let location = locations[box.locationId] else { return false }
            return scope.user.can("stock:write", baseId: location.baseId) && isEditable(box)
        }
        let ids = valid.map(\.id)
        try await scope.writes.warehouseWrites.markBoxesDeleted(ids)
        try await scope.writes.historyWrites.record(ids.map { ($0.rawValue, HistoryChange.deleted) }, table: "stock")
        return try await outcome(valid, requested: labels, in: scope)
    }

    /// `moveBoxesToLocation`: moves boxes of the target's base into it, with its default state.
    public static func move(
        labels: [String], to locationId: Location.ID, in scope: MutationScope
    ) async throws -> BoxesOutcome {
        let data = scope.data.warehouse
        let target = try await data.locations([locationId])[locationId]
            .orThrow(UserError.missing("Location", id: locationId))
        try scope.user.authorize("stock:write", baseId: target.baseId)
        guard target.deletedOn == nil else { throw UserError.deletedLocation(name: target.name ?? "") }
        let boxes = try await scope.writes.warehouseWrites.lockedBoxes(labelIdentifiers: labels)
        let locations = try await data.locations(boxes.map(\.locationId))
        let valid = boxes.filter { box in
            box.locationId != target.id && locations[box.locationId]?.baseId == target.baseId && isEditable(box)
        }
        guard !valid.isEmpty else { return try await outcome([], requested: labels, in: scope) }
        var history: [(recordId: Int, change: HistoryChange)] = []
        for box in valid {
            history.append(
                (
                    box.id.rawValue,
                    HistoryChange(changes: "location_id", fromInt: box.locationId.rawValue, toInt: target.id.rawValue)
                ))
            if let state = target.defaultBoxState, state != box.state {
                history.append(
                    (
                        box.id.rawValue,
                        HistoryChange(changes: "box_state_id", fromInt: box.state.rawValue, toInt: state.rawValue)
                    )
                )
            }
        }
        try await scope.writes.warehouseWrites.moveBoxes(
            valid.map(\.id), to: target.id, state: target.defaultBoxState)
        try await scope.writes.historyWrites.record(history, table: "stock")
        return try await outcome(valid, requested: labels, in: scope)
    }

    /// `assignTagsToBoxes`: adds the usable tags to the boxes of their base that lack one.
    public static func assignTags(
        _ tagIds: [Tag.ID], to labels: [String], in scope: MutationScope
    ) async throws -> BoxesOutcome {
        let (tags, errors) = try await usableTags(tagIds, forAssignment: true, in: scope)
        guard let baseId = tags.first?.baseId else {
            return BoxesOutcome(updatedBoxes: [], invalidBoxLabelIdentifiers: [], tagErrors: errors)
        }
        let boxes = try await boxesOfBase(labels, baseId: baseId, in: scope)
        let active = try await scope.writes.warehouseWrites.activeTagAssignments(
            of: boxes.map(\.id.rawValue), type: .box)
        var missing: [TagAssignment] = []
        var valid: [Box] = []
        for box in boxes {
            let lacking = tags.map { TagAssignment(tagId: $0.id, objectId: box.id.rawValue) }.filter {
                !active.contains($0)
            }
            if !lacking.isEmpty {
                missing += lacking
                valid.append(box)
            }
        }
        try await scope.writes.warehouseWrites.assignTags(missing, type: .box)
        try await scope.writes.warehouseWrites.touchBoxes(valid.map(\.id))
        var result = try await outcome(valid, requested: labels, in: scope)
        result.tagErrors = errors
        return result
    }

    /// `unassignTagsFromBoxes`: removes the tags from the boxes of their base that carry one.
    public static func unassignTags(
        _ tagIds: [Tag.ID], from labels: [String], in scope: MutationScope
    ) async throws
        -> BoxesOutcome
    {
        let (tags, errors) = try await usableTags(tagIds, forAssignment: false, in: scope)
        guard let baseId = tags.first?.baseId else {
            return BoxesOutcome(updatedBoxes: [], invalidBoxLabelIdentifiers: [], tagErrors: errors)
        }
        let boxes = try await boxesOfBase(labels, baseId: baseId, in: scope)
        let active = try await scope.writes.warehouseWrites.activeTagAssignments(
            of: boxes.map(\.id.rawValue), type: .box)
        let tagSet = Set(tags.map(\.id))
        let valid = boxes.filter { box in
            active.contains { $0.objectId == box.id.rawValue && tagSet.contains($0.tagId) }
        }
        try await scope.writes.warehouseWrites.unassignTags(tags.map(\.id), from: valid.map(\.id.rawValue), type: .box)
        try await scope.writes.warehouseWrites.touchBoxes(valid.map(\.id))
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
    private static func boxesOfBase(_ labels: [String], baseId: Base.ID, in scope: MutationScope) async throws -> [Box]
    {
        let boxes = try await scope.writes.warehouseWrites.lockedBoxes(labelIdentifiers: labels)
        let locations = try await scope.data.warehouse.locations(boxes.map(\.locationId))
        return boxes.filter { locations[$0.locationId]?.baseId == baseId && isEditable($0) }
    }

    /// The requested tags that may be used, with an error for each other one: missing, not
    /// permitted, or (when assigning) deleted or reserved for beneficiaries.
    /// Tags of more than one base make every tag unusable.
    private static func usableTags(
        _ tagIds: [Tag.ID], forAssignment: Bool, in scope: MutationScope
    ) async throws -> (
        [Tag], [(tagId: Tag.ID, error: any Error)]
    ) {
        let ids = Set(tagIds).sorted()
        let found = try await scope.writes.warehouseWrites.tagsForUpdate(ids)
        var usable: [Tag] = []
        var errors: [(tagId: Tag.ID, error: any Error)] = []
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
    static func outcome(_ changed: [Box], requested: [String], in scope: MutationScope) async throws -> BoxesOutcome {
        let ids = changed.map(\.id)
        let updated = try await scope.data.warehouse.boxes(ids)
        let changedLabels = Set(changed.map(\.labelIdentifier))
        return BoxesOutcome(
            updatedBoxes: ids.sorted().compactMap { updated[$0] },
            invalidBoxLabelIdentifiers: Set(requested).subtracting(changedLabels).sorted())
    }
}
