// Port of business_logic/mobile_distribution/{crud,mutations}.py and its spot, event and
// packing_list_entry mutations: spots, events, their state and packing lists.

/// Planning mobile distribution: distribution spots, events and their state, packing lists.
///
/// Every mutation that changes an event's rows reads the event locked first
/// (``lockedEvent(_:in:)``), so changes of one event are serialised; all permissions of an
/// event are checked against the base of its spot.
public enum DistributionPlanningService {
    /// `createDistributionSpot`: a `locations` row of type `MapDistroSpot`; the comment is
    /// stored in `description` (the reference drops it).
    public static func createSpot(
        baseId: Base.ID, name: String?, comment: String, latitude: Double?, longitude: Double?,
        in scope: MutationScope
    ) async throws -> Location {
        try scope.user.authorize("location:write", baseId: baseId)
        // `label` is varchar(20), `description` varchar(255).
        try TextLimits.check(name, field: "name", maxCharacters: 20)
        try TextLimits.check(comment, field: "comment")
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        let id = try await scope.writes.distributionWrites.insertSpot(
            NewDistributionSpot(
                baseId: baseId, name: name ?? "", comment: comment, latitude: latitude, longitude: longitude))
        return try await scope.data.warehouse.locations([id])[id].orThrow(DomainError.databaseFailure)
    }

    /// `createDistributionEvent`: an event in `Planning` at a location (like the reference, any
    /// location of the base), ending when it starts unless an end is given.
    public static func createEvent(
        spotId: Location.ID, name: String?, plannedStart: Timestamp, plannedEnd: Timestamp?, in scope: MutationScope
    ) async throws -> DistributionEvent {
        let spot = try await scope.data.warehouse.locations([spotId])[spotId].orNotFound()
        try scope.user.authorize("distro_event:write", baseId: spot.baseId)
        try TextLimits.check(name, field: "name")
        let id = try await scope.writes.distributionWrites.insertEvent(
            NewDistributionEvent(
                spotId: spot.id, name: name, plannedStart: plannedStart, plannedEnd: plannedEnd ?? plannedStart))
        return try await scope.data.distribution.events([id])[id].orThrow(DomainError.databaseFailure)
    }

    /// `changeDistributionEventState`: any state, forwards or backwards, except out of
    /// `Completed`.
    public static func changeState(
        eventId: Int, to state: DistributionEventState, in scope: MutationScope
    ) async throws -> DistributionEvent {
        var event = try await lockedEvent(eventId, in: scope)
        try scope.user.authorize("distro_event:write", baseId: event.baseId)
        // The reference names the requested state as the actual one; ours names the event's.
        guard event.state != .completed else {
            throw DomainError.invalidDistributionEventState(
                event.state, expected: DistributionEventState.allCases.filter { $0 != .completed })
        }
        event.state = state
        try await scope.writes.distributionWrites.save([event])
        return event
    }

    // MARK: Packing lists

    /// `addPackingListEntryToDistributionEvent`: sets the planned items of a product and size;
    /// a count of zero for an existing entry removes it (answered `nil`).
    public static func addPackingListEntry(
        eventId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, in scope: MutationScope
    ) async throws -> PackingListEntry? {
        let event = try await lockedEvent(eventId, in: scope)
        try scope.user.authorize("packing_list_entry:write", baseId: event.baseId)
        guard event.state != .completed else {
            throw DomainError.completedDistributionEvent(event.id, operation: .addPackingListEntry)
        }
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        try await requireProduct(productId, of: event, in: scope)
        _ = try await scope.data.warehouse.sizes([sizeId])[sizeId].orNotFound()
        let writes = scope.writes.distributionWrites
        let existing = try await writes.packingListEntriesForUpdate(ofEvent: event.id).first {
            $0.productId == productId && $0.sizeId == sizeId
        }
        guard var entry = existing else {
            return try await writes.insertPackingListEntry(
                eventId: event.id, productId: productId, sizeId: sizeId, numberOfItems: numberOfItems)
        }
        guard numberOfItems > 0 else {
            try await writes.deletePackingListEntries([entry.id])
            return nil
        }
        try await writes.setNumberOfItems(numberOfItems, ofPackingListEntry: entry.id)
        entry.numberOfItems = numberOfItems
        return entry
    }

    /// `removePackingListEntryFromDistributionEvent`: deletes the entry (loaded by its id,
    /// where the reference loads the table's first entry) and answers its event.
    public static func removePackingListEntry(id: Int, in scope: MutationScope) async throws -> DistributionEvent {
        let found = try await scope.data.distribution.packingListEntries([id])[id].orNotFound()
        let event = try await lockedEvent(found.eventId, in: scope)
        try scope.user.authorize("distro_event:write", baseId: event.baseId)
        guard event.state != .completed else {
            throw DomainError.completedDistributionEvent(event.id, operation: .removeItems)
        }
        let entry = try await scope.writes.distributionWrites.packingListEntryForUpdate(id).orNotFound()
        try await scope.writes.distributionWrites.deletePackingListEntries([entry.id])
        return event
    }

    /// `removeAllPackingListEntriesFromDistributionEventForProduct`: deletes the event's
    /// entries of the product, whatever the event's state. Beyond the reference, which checks
    /// the product's base only, the event must exist and the permission holds for its base too.
    public static func removeAllPackingListEntries(
        eventId: Int, productId: Product.ID, in scope: MutationScope
    ) async throws -> Bool {
        let product = try await scope.data.warehouse.products([productId])[productId].orNotFound()
        try scope.user.authorize("packing_list_entry:write", baseId: product.baseId)
        let event = try await lockedEvent(eventId, in: scope)
        try scope.user.authorize("packing_list_entry:write", baseId: event.baseId)
        let writes = scope.writes.distributionWrites
        let entries = try await writes.packingListEntriesForUpdate(ofEvent: event.id)
        try await writes.deletePackingListEntries(entries.filter { $0.productId == productId }.map(\.id))
        return true
    }

    /// `updatePackingListEntry`: sets the planned number of items. Beyond the reference, the
    /// permission is also checked for the event's base, and the change is stamped.
    public static func updatePackingListEntry(
        id: Int, numberOfItems: Int, in scope: MutationScope
    ) async throws -> PackingListEntry {
        let found = try await scope.data.distribution.packingListEntries([id])[id].orNotFound()
        let product = try await scope.data.warehouse.products([found.productId])[found.productId].orNotFound()
        try scope.user.authorize("packing_list_entry:write", baseId: product.baseId)
        let event = try await lockedEvent(found.eventId, in: scope)
        try scope.user.authorize("packing_list_entry:write", baseId: event.baseId)
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        var entry = try await scope.writes.distributionWrites.packingListEntryForUpdate(id).orNotFound()
        try await scope.writes.distributionWrites.setNumberOfItems(numberOfItems, ofPackingListEntry: entry.id)
        entry.numberOfItems = numberOfItems
        return entry
    }

    /// `updateSelectedProductsForDistributionEventPackingList`: first deletes every entry of
    /// the products to remove, then adds an entry of zero items for each size of each product
    /// to add that has none yet (existing counts stay).
    public static func updateSelectedProducts(
        eventId: Int, productIdsToAdd: [Product.ID], productIdsToRemove: [Product.ID], in scope: MutationScope
    ) async throws -> DistributionEvent {
        let event = try await lockedEvent(eventId, in: scope)
        try scope.user.authorize("packing_list_entry:write", baseId: event.baseId)
        guard event.state != .completed else {
            throw DomainError.completedDistributionEvent(event.id, operation: .setProducts)
        }
        let adding = orderedUnique(productIdsToAdd)
        let products = try await scope.data.warehouse.products(adding)
        for id in adding {
            // Beyond the reference, which ignores unknown products and accepts any base's.
            let product = try products[id].orNotFound()
            guard product.baseId == event.baseId else { throw DomainError.productDistributionBaseMismatch }
        }
        let writes = scope.writes.distributionWrites
        let removing = Set(productIdsToRemove)
        var entries = try await writes.packingListEntriesForUpdate(ofEvent: event.id)
        try await writes.deletePackingListEntries(entries.filter { removing.contains($0.productId) }.map(\.id))
        entries.removeAll { removing.contains($0.productId) }

        let rangeIds = orderedUnique(adding.compactMap { products[$0]?.sizeRangeId })
        let sizesOfRanges = try await scope.data.warehouse.sizes(ofRanges: rangeIds)
        for id in adding {
            guard let product = products[id] else { continue }
            for size in sizesOfRanges[product.sizeRangeId] ?? []
            where !entries.contains(where: { $0.productId == id && $0.sizeId == size.id }) {
                entries.append(
                    try await writes.insertPackingListEntry(
                        eventId: event.id, productId: id, sizeId: size.id, numberOfItems: 0))
            }
        }
        return event
    }

    // MARK: Shared steps

    /// The event `id`, locked for the rest of the transaction.
    /// - Throws: ``DomainError/notFound`` for an unknown id.
    static func lockedEvent(_ id: Int, in scope: MutationScope) async throws -> DistributionEvent {
        try await scope.writes.distributionWrites.eventsForUpdate([id]).first.orNotFound()
    }

    /// Beyond the reference: the product exists and belongs to the event's base.
    private static func requireProduct(
        _ id: Product.ID, of event: DistributionEvent, in scope: MutationScope
    ) async throws {
        let product = try await scope.data.warehouse.products([id])[id].orNotFound()
        guard product.baseId == event.baseId else { throw DomainError.productDistributionBaseMismatch }
    }
}
