// Port of business_logic/mobile_distribution/{crud,mutations}.py: boxes and loose items of
// distribution events.

/// Boxes assigned to distribution events and items taken out of boxes for them.
///
/// Each mutation locks the event before the box (the order every distribution mutation
/// follows), so two users taking items out of one box at once are serialised and the second
/// sees what the first left. Items taken out of a box are recorded in the box's history as a
/// change of `items`, as `updateBox` records it (the reference records nothing).
public enum DistributionItemsService {
    /// `assignBoxToDistributionEvent`. Beyond the reference: the user also needs `stock:write`
    /// for the box's base, and deleted boxes, boxes in a shipment and boxes without size are
    /// refused.
    public static func assignBox(label: String, toEvent eventId: Int, in scope: MutationScope) async throws -> Box {
        let event = try await DistributionPlanningService.lockedEvent(eventId, in: scope)
        try scope.user.authorize("stock:write", baseId: event.baseId)
        guard event.state != .completed else {
            throw DomainError.completedDistributionEvent(event.id, operation: .assignBox)
        }
        var box = try await lockedBox(label, in: scope)
        try requireDistributable(box)
        guard box.distributionEventId != event.id else { return box }
        box.distributionEventId = event.id
        try await scope.writes.warehouseWrites.saveBox(box)
        return box
    }

    /// `unassignBoxFromDistributionEvent`: the box leaves whatever event it is assigned to
    /// (the event argument is not used, as in the reference). The reference asks for
    /// `stock:write` without a base, which fails for every user but god; ours asks for it in
    /// the box's base.
    public static func unassignBox(label: String, in scope: MutationScope) async throws -> Box {
        var box = try await lockedBox(label, in: scope)
        guard box.distributionEventId != nil else { return box }
        box.distributionEventId = nil
        try await scope.writes.warehouseWrites.saveBox(box)
        return box
    }

    /// `moveItemsFromBoxToDistributionEvent`: takes items out of a box into the event's
    /// collection of the box's product and size (created at the box's location if missing).
    public static func moveItemsFromBox(
        label: String, toEvent eventId: Int, numberOfItems: Int, in scope: MutationScope
    ) async throws -> UnboxedItemsCollection {
        let event = try await DistributionPlanningService.lockedEvent(eventId, in: scope)
        try scope.user.authorize("unboxed_items_collection:write", baseId: event.baseId)
        let box = try await lockedBox(label, in: scope)
        guard event.state != .completed else {
            throw DomainError.completedDistributionEvent(event.id, operation: .addItems)
        }
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        let sizeId = try requireDistributable(box)
        let available = box.numberOfItems ?? 0
        guard available >= numberOfItems else {
            throw DomainError.notEnoughItemsInBox(box.labelIdentifier, actual: available, requested: numberOfItems)
        }

        let writes = scope.writes.distributionWrites
        let existing = try await writes.unboxedItemsCollectionsForUpdate(ofEvents: [event.id]).first {
            $0.productId == box.productId && $0.sizeId == sizeId
        }
        var collection: UnboxedItemsCollection
        if let existing {
            collection = existing
        } else {
            collection = try await writes.insertUnboxedItemsCollection(
                NewUnboxedItemsCollection(
                    eventId: event.id, productId: box.productId, sizeId: sizeId, locationId: box.locationId,
                    numberOfItems: 0))
        }
        collection.numberOfItems += numberOfItems
        try await writes.setNumberOfItems([(collection.id, collection.numberOfItems)])
        try await changeItems(of: box, to: available - numberOfItems, in: scope)
        return collection
    }

    /// `removeItemsFromUnboxedItemsCollection`: items leave the collection (handed out); they
    /// go back into no box.
    public static func removeItemsFromCollection(
        id: Int, numberOfItems: Int, in scope: MutationScope
    ) async throws -> UnboxedItemsCollection {
        let found = try await scope.data.distribution.unboxedItemsCollections([id])[id].orNotFound()
        let event = try await DistributionPlanningService.lockedEvent(found.eventId, in: scope)
        try scope.user.authorize("distro_event:write", baseId: event.baseId)
        let writes = scope.writes.distributionWrites
        var collection = try await writes.unboxedItemsCollectionForUpdate(id).orNotFound()
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        // The reference raises a generic (internal) error here.
        guard collection.numberOfItems >= numberOfItems else { throw DomainError.notEnoughItemsInCollection }
        collection.numberOfItems -= numberOfItems
        try await writes.setNumberOfItems([(collection.id, collection.numberOfItems)])
        return collection
    }

    // MARK: Shared steps

    /// The box labelled `label`, locked, once the user may change boxes of its location's base.
    static func lockedBox(_ label: String, in scope: MutationScope) async throws -> Box {
        let box = try await scope.writes.warehouseWrites.lockedBox(labelIdentifier: label).orNotFound()
        let location = try await scope.data.warehouse.locations([box.locationId])[box.locationId].orNotFound()
        try scope.user.authorize("stock:write", baseId: location.baseId)
        return box
    }

    /// Beyond the reference: the box is not deleted, not in a shipment, and has a size (the
    /// distribution tables require one). Returns the size.
    @discardableResult
    static func requireDistributable(_ box: Box) throws -> Int {
        guard box.deletedOn == nil else { throw DomainError.boxDeleted(box.labelIdentifier) }
        guard WarehouseRules.warehouseStates.contains(box.state) else {
            throw DomainError.boxNotInWarehouse(box.labelIdentifier, state: box.state)
        }
        guard let sizeId = box.sizeId else { throw DomainError.boxWithoutSize(box.labelIdentifier) }
        return sizeId
    }

    /// Sets the box's number of items, with a history row and the modification stamped.
    static func changeItems(of box: Box, to numberOfItems: Int, in scope: MutationScope) async throws {
        var changed = box
        changed.numberOfItems = numberOfItems
        try await BoxService.save(box, as: changed, fields: [.numberOfItems], units: [:], in: scope)
    }
}
