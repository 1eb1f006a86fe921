// Port of business_logic/mobile_distribution/{crud,mutations}.py: return-tracking groups.

/// Tracking what comes back from distribution events: a group of returned events whose
/// items are logged as gone out (`Out`), returned (`In`) and put back into boxes (`BackToBox`).
///
/// Beyond the reference, no item is made up or lost on the way: per tracking group, product
/// and size, the items put back into boxes never exceed the returned ones, which never exceed
/// those that went out; items go back into a box of their own product and size; every change
/// of a box's items is recorded in its history.
public enum ReturnTrackingService {
    /// `startDistributionEventsTrackingGroup`: groups returned events of the base (unknown
    /// ids are ignored) and logs everything their boxes and collections hold as gone out,
    /// emptying them.
    ///
    /// Beyond the reference: events of other bases are refused, and boxes that are deleted,
    /// in a shipment or without size keep their items (the reference empties the first two
    /// and fails on the third).
    public static func start(
        eventIds: [Int], baseId: Base.ID, in scope: MutationScope
    ) async throws -> DistributionEventsTrackingGroup {
        try scope.user.authorize("distro_event:write", baseId: baseId)
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        let writes = scope.writes.distributionWrites
        var events = try await writes.eventsForUpdate(orderedUnique(eventIds))
        for event in events {
            guard event.baseId == baseId else { throw DomainError.eventTrackingGroupBaseMismatch }
            guard event.state == .returnedFromDistribution else {
                throw DomainError.invalidDistributionEventState(event.state, expected: [.returnedFromDistribution])
            }
            guard event.trackingGroupId == nil else { throw DomainError.distributionEventAlreadyInTrackingGroup }
        }
        let group = try await writes.insertTrackingGroup(baseId: baseId)
        for index in events.indices {
            events[index].trackingGroupId = group.id
            events[index].state = .returnTrackingInProgress
        }
        try await writes.save(events)

        let ids = events.map(\.id)
        var totals = ItemTotals()
        for box in try await writes.boxesForUpdate(ofEvents: ids) {
            guard let sizeId = try? DistributionItemsService.requireDistributable(box),
                let items = box.numberOfItems, items != 0
            else { continue }
            totals.add(items, product: box.productId, size: sizeId)
            try await DistributionItemsService.changeItems(of: box, to: 0, in: scope)
        }
        var emptied: [(collectionId: Int, items: Int)] = []
        for collection in try await writes.unboxedItemsCollectionsForUpdate(ofEvents: ids) {
            totals.add(collection.numberOfItems, product: collection.productId, size: collection.sizeId)
            if collection.numberOfItems != 0 { emptied.append((collection.id, 0)) }
        }
        try await writes.setNumberOfItems(emptied)
        for (key, items) in totals.entries where items > 0 {
            _ = try await writes.insertTrackingEntry(
                NewTrackingEntry(
                    groupId: group.id, productId: key.product, sizeId: key.size, numberOfItems: items,
                    flowDirection: .out))
        }
        return group
    }

    /// `setReturnedNumberOfItemsForDistributionEventsTrackingGroup`: sets (not adds) the
    /// number of returned items of a product and size. Beyond the reference: the product
    /// belongs to the group's base, and the number lies between the items already put back
    /// into boxes and those that went out.
    public static func setReturned(
        groupId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, in scope: MutationScope
    ) async throws -> DistributionEventsTrackingEntry {
        let group = try await lockedGroup(groupId, in: scope)
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        let product = try await scope.data.warehouse.products([productId])[productId].orNotFound()
        guard product.baseId == group.baseId else { throw DomainError.productDistributionBaseMismatch }
        _ = try await scope.data.warehouse.sizes([sizeId])[sizeId].orNotFound()

        let writes = scope.writes.distributionWrites
        let entries = try await writes.trackingEntriesForUpdate(ofGroup: group.id).filter {
            $0.productId == productId && $0.sizeId == sizeId
        }
        let out = total(of: entries, .out)
        let backInBoxes = total(of: entries, .backToBox)
        guard numberOfItems <= out else { throw DomainError.returnedMoreThanOut(out: out, requested: numberOfItems) }
        guard numberOfItems >= backInBoxes else {
            throw DomainError.returnedFewerThanBackInBoxes(backInBoxes: backInBoxes, requested: numberOfItems)
        }
        guard var entry = entries.first(where: { $0.flowDirection == .in }) else {
            return try await writes.insertTrackingEntry(
                NewTrackingEntry(
                    groupId: group.id, productId: productId, sizeId: sizeId, numberOfItems: numberOfItems,
                    flowDirection: .in))
        }
        try await writes.setNumberOfItems(numberOfItems, ofTrackingEntry: entry.id)
        entry.numberOfItems = numberOfItems
        return entry
    }

    /// `moveItemsFromReturnTrackingGroupToBox`: puts returned items back into a box, logged
    /// as `BackToBox`. Beyond the reference: the user needs `stock:write` for the box's base;
    /// the box holds the same product and size and is neither deleted nor in a shipment; no
    /// more items go back than were returned and not yet put back.
    public static func moveItemsToBox(
        groupId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, boxLabel: String,
        in scope: MutationScope
    ) async throws -> DistributionEventsTrackingEntry {
        let group = try await lockedGroup(groupId, in: scope)
        let box = try await DistributionItemsService.lockedBox(boxLabel, in: scope)
        guard numberOfItems >= 0 else { throw DomainError.negativeValue("numberOfItems") }
        try DistributionItemsService.requireDistributable(box)
        guard box.productId == productId, box.sizeId == sizeId else {
            throw DomainError.returnedItemsBoxMismatch(box.labelIdentifier)
        }
        let writes = scope.writes.distributionWrites
        let entries = try await writes.trackingEntriesForUpdate(ofGroup: group.id).filter {
            $0.productId == productId && $0.sizeId == sizeId
        }
        let available = total(of: entries, .in) - total(of: entries, .backToBox)
        guard numberOfItems <= available else {
            throw DomainError.notEnoughReturnedItems(available: max(available, 0), requested: numberOfItems)
        }
        let entry = try await writes.insertTrackingEntry(
            NewTrackingEntry(
                groupId: group.id, productId: productId, sizeId: sizeId, numberOfItems: numberOfItems,
                flowDirection: .backToBox))
        try await DistributionItemsService.changeItems(
            of: box, to: (box.numberOfItems ?? 0) + numberOfItems, in: scope)
        return entry
    }

    /// `completeDistributionEventsTrackingGroup`: the group and all its events are completed
    /// (in any state, also again).
    public static func complete(id: Int, in scope: MutationScope) async throws -> DistributionEventsTrackingGroup {
        var group = try await lockedGroup(id, in: scope)
        let writes = scope.writes.distributionWrites
        let eventIds = try await scope.data.distribution.events(ofTrackingGroups: [group.id]).map(\.id)
        var events = try await writes.eventsForUpdate(eventIds)
        for index in events.indices { events[index].state = .completed }
        try await writes.save(events)
        try await writes.setState(ofTrackingGroup: group.id, to: .completed)
        group.state = .completed
        return group
    }

    // MARK: Shared steps

    /// The group `id`, locked, once the user may write distribution events of its base.
    private static func lockedGroup(_ id: Int, in scope: MutationScope) async throws -> DistributionEventsTrackingGroup
    {
        let group = try await scope.writes.distributionWrites.trackingGroupForUpdate(id).orNotFound()
        try scope.user.authorize("distro_event:write", baseId: group.baseId)
        return group
    }

    private static func total(
        of entries: [DistributionEventsTrackingEntry], _ direction: DistributionEventTrackingFlowDirection
    ) -> Int {
        entries.filter { $0.flowDirection == direction }.reduce(0) { $0 + $1.numberOfItems }
    }
}

/// Items per (product, size), in first-seen order.
struct ItemTotals {
    struct Key: Hashable {
        var product: Product.ID
        var size: Int
    }
    private(set) var entries: [(key: Key, items: Int)] = []
    private var index: [Key: Int] = [:]

    mutating func add(_ items: Int, product: Product.ID, size: Int) {
        let key = Key(product: product, size: size)
        if let position = index[key] {
            entries[position].items += items
        } else {
            index[key] = entries.count
            entries.append((key, items))
        }
    }
}
