/// Reading mobile distribution: distribution spots (`locations` of type `MapDistroSpot`),
/// events and their packing lists, boxes and unboxed item collections.
///
/// Every permission of an event is checked for the base of its spot; every list of a batch of
/// parents is loaded in one call and guarded per parent (`perBase`, `listsPerBase`).
public enum DistributionService {
    /// The spots of every base the user may read locations of.
    public static func spots(in scope: some ServiceScope) async throws -> [Location] {
        let visible = try scope.user.baseScope(for: "location:read")
        return try await scope.data.distribution.spots(in: visible)
    }

    /// One spot; `nil` (without error) when the id is a warehouse location. Existence is
    /// checked before the permission, which needs the location's base.
    public static func spot(id: Location.ID, in scope: some ServiceScope) async throws -> Location? {
        let location = try await scope.data.warehouse.locations([id])[id].orNotFound()
        guard !location.isClassic else { return nil }
        try scope.user.authorize("location:read", baseId: location.baseId)
        return location
    }

    public static func event(id: Int, in scope: some ServiceScope) async throws -> DistributionEvent {
        let event = try await scope.data.distribution.events([id])[id].orNotFound()
        try scope.user.authorize("distro_event:read", baseId: event.baseId)
        return event
    }

    /// One packing list entry, guarded by `packing_list_entry:read` for the base of its product.
    public static func packingListEntry(id: Int, in scope: some ServiceScope) async throws -> PackingListEntry {
        let entry = try await scope.data.distribution.packingListEntries([id])[id].orNotFound()
        let product = try await scope.data.warehouse.products([entry.productId])[entry.productId].orNotFound()
        try scope.user.authorize("packing_list_entry:read", baseId: product.baseId)
        return entry
    }

    /// Events by id, without a permission check: the reference follows `distributionEvent` of
    /// boxes and unboxed item collections so.
    public static func events(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: DistributionEvent] {
        try await scope.data.distribution.events(ids)
    }
}

// MARK: Fields of bases and spots

extension DistributionService {
    /// The spots of each base: `location:read` for that base.
    public static func spots(ofBases bases: [Base], in scope: some ServiceScope) async throws -> [PerItem<[Location]>] {
        try await scope.listsPerBase(
            bases, permission: "location:read", baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await scope.data.distribution.spots(ofBases: $0) }
    }

    /// The events at the spots of each base, only in `states` when given: `distro_event:read`
    /// for that base.
    public static func events(
        ofBases bases: [Base], states: [DistributionEventState]?, in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEvent]>] {
        try await scope.listsPerBase(
            bases, permission: "distro_event:read", baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await scope.data.distribution.events(ofBases: $0, states: states) }
    }

    /// The comment of each spot: its location's description, empty when unset. The reference
    /// never stores it; ours lives in `description`.
    public static func comments(ofSpots spots: [Location], in scope: some ServiceScope) async throws -> [String] {
        let descriptions = try await scope.data.distribution.descriptions(ofLocations: spots.map(\.id))
        return spots.map { descriptions[$0.id] ?? "" }
    }

    /// The events at each spot: `distro_event:read` for the spot's base.
    public static func events(
        ofSpots spots: [Location], in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEvent]>] {
        try await scope.listsPerBase(
            spots, permission: "distro_event:read", baseId: \.baseId, key: \.id, rowKey: \.spotId
        ) { try await scope.data.distribution.events(ofSpots: $0) }
    }
}

// MARK: Fields of events

extension DistributionService {
    /// The spot of each event: `location:read` for the event's base.
    public static func spots(
        ofEvents events: [DistributionEvent], in scope: some ServiceScope
    ) async throws -> [PerItem<Location>] {
        try await scope.perBase(events, permission: "location:read", baseId: \.baseId) { permitted in
            let spots = try await scope.data.warehouse.locations(permitted.map(\.spotId))
            return { spots[$0.spotId] }
        }
    }

    /// The packing list of each event: `packing_list_entry:read` for the event's base.
    public static func packingListEntries(
        ofEvents events: [DistributionEvent], in scope: some ServiceScope
    ) async throws -> [PerItem<[PackingListEntry]>] {
        try await scope.listsPerBase(
            events, permission: "packing_list_entry:read", baseId: \.baseId, key: \.id, rowKey: \.eventId
        ) { try await scope.data.distribution.packingListEntries(ofEvents: $0) }
    }

    /// The boxes assigned to each event: `stock:read` for the event's base.
    public static func boxes(
        ofEvents events: [DistributionEvent], in scope: some ServiceScope
    ) async throws -> [PerItem<[Box]>] {
        try await scope.listsPerBase(
            events, permission: "stock:read", baseId: \.baseId, key: \.id, rowKey: \.distributionEventId
        ) { try await scope.data.distribution.boxes(ofEvents: $0) }
    }

    /// The unboxed item collections of each event: `stock:read` for the event's base.
    public static func unboxedItemsCollections(
        ofEvents events: [DistributionEvent], in scope: some ServiceScope
    ) async throws -> [PerItem<[UnboxedItemsCollection]>] {
        try await scope.listsPerBase(
            events, permission: "stock:read", baseId: \.baseId, key: \.id, rowKey: \.eventId
        ) { try await scope.data.distribution.unboxedItemsCollections(ofEvents: $0) }
    }
}

// MARK: Packing lists and unboxed item collections

/// The boxes and unboxed item collections of a packing list entry's event holding its product
/// and size.
public struct PackedItemsCollections: Sendable {
    public var boxes: [Box]
    public var unboxedItemsCollections: [UnboxedItemsCollection]
}

extension DistributionService {
    /// What was packed for each entry: `stock:read` for the base of the entry's product (a
    /// missing product is "not found" for that entry). Three reads for the whole batch.
    public static func matchingPackedItemsCollections(
        ofEntries entries: [PackingListEntry], in scope: some ServiceScope
    ) async throws -> [Result<PackedItemsCollections?, any Error>] {
        let products = try await scope.data.warehouse.products(entries.map(\.productId))
        let found = entries.compactMap { entry in products[entry.productId].map { (entry: entry, baseId: $0.baseId) } }
        let guarded = try await scope.perBase(found, permission: "stock:read", baseId: { $0.baseId }) { permitted in
            let eventIds = permitted.map { $0.entry.eventId }
            let boxes = try await scope.data.distribution.boxes(ofEvents: eventIds)
            let collections = try await scope.data.distribution.unboxedItemsCollections(ofEvents: eventIds)
            return { item in
                let entry = item.entry
                return PackedItemsCollections(
                    boxes: boxes.filter {
                        $0.distributionEventId == entry.eventId && $0.productId == entry.productId
                            && $0.sizeId == entry.sizeId
                    },
                    unboxedItemsCollections: collections.filter {
                        $0.eventId == entry.eventId && $0.productId == entry.productId && $0.sizeId == entry.sizeId
                    })
            }
        }
        var foundResults = guarded.makeIterator()
        return entries.map { entry in
            guard products[entry.productId] != nil, let result = foundResults.next() else {
                return .failure(DomainError.notFound)
            }
            return result.mapError { $0 as any Error }
        }
    }

    /// The product of each unboxed item collection; `nil` (without error) where the user may
    /// not read products of the product's base, as for a box's product.
    public static func products(
        ofCollections collections: [UnboxedItemsCollection], in scope: some ServiceScope
    ) async throws -> [Product?] {
        let products = try await scope.data.warehouse.products(collections.map(\.productId))
        return collections.map { collection in
            products[collection.productId].flatMap { scope.user.can("product:read", baseId: $0.baseId) ? $0 : nil }
        }
    }
}

extension DistributionService {
    // The reference follows these foreign keys of packing list entries, unboxed item
    // collections and tracking entries without authorization checks.

    /// Products by id, without a permission check.
    public static func products(_ ids: [Product.ID], in scope: some ServiceScope) async throws -> [Product.ID: Product]
    {
        try await scope.data.warehouse.products(ids)
    }

    /// Sizes by id, without a permission check.
    public static func sizes(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: Size] {
        try await scope.data.warehouse.sizes(ids)
    }

    /// Locations by id, without a permission check.
    public static func locations(
        _ ids: [Location.ID], in scope: some ServiceScope
    ) async throws -> [Location.ID: Location] {
        try await scope.data.warehouse.locations(ids)
    }
}

// MARK: Return tracking

extension DistributionService {
    public static func trackingGroup(
        id: Int, in scope: some ServiceScope
    ) async throws -> DistributionEventsTrackingGroup {
        let group = try await scope.data.distribution.trackingGroups([id])[id].orNotFound()
        try scope.user.authorize("distro_event:read", baseId: group.baseId)
        return group
    }

    /// Tracking groups by id, without a permission check (`DistributionEventsTrackingEntry`'s
    /// group, as the reference does).
    public static func trackingGroups(
        _ ids: [Int], in scope: some ServiceScope
    ) async throws -> [Int: DistributionEventsTrackingGroup] {
        try await scope.data.distribution.trackingGroups(ids)
    }

    /// The tracking groups of each base, only in `states` when given: `distro_event:read` for
    /// that base.
    public static func trackingGroups(
        ofBases bases: [Base], states: [DistributionEventsTrackingGroupState]?, in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEventsTrackingGroup]>] {
        try await scope.listsPerBase(
            bases, permission: "distro_event:read", baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await scope.data.distribution.trackingGroups(ofBases: $0, states: states) }
    }

    /// The tracking group of each event: `distro_event:read` for the event's base.
    public static func trackingGroups(
        ofEvents events: [DistributionEvent], in scope: some ServiceScope
    ) async throws -> [PerItem<DistributionEventsTrackingGroup>] {
        try await scope.perBase(events, permission: "distro_event:read", baseId: \.baseId) { permitted in
            let groups = try await scope.data.distribution.trackingGroups(permitted.compactMap(\.trackingGroupId))
            return { event in event.trackingGroupId.flatMap { groups[$0] } }
        }
    }

    /// The events of each tracking group: `distro_event:read` for the group's base.
    public static func events(
        ofTrackingGroups groups: [DistributionEventsTrackingGroup], in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEvent]>] {
        try await scope.listsPerBase(
            groups, permission: "distro_event:read", baseId: \.baseId, key: \.id, rowKey: \.trackingGroupId
        ) { try await scope.data.distribution.events(ofTrackingGroups: $0) }
    }

    /// The logged item movements of each tracking group: `distro_event:read` for the group's base.
    public static func trackingEntries(
        ofGroups groups: [DistributionEventsTrackingGroup], in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEventsTrackingEntry]>] {
        try await scope.listsPerBase(
            groups, permission: "distro_event:read", baseId: \.baseId, key: \.id, rowKey: \.groupId
        ) { try await scope.data.distribution.trackingEntries(ofGroups: $0) }
    }

    /// Inflow and outflow per tracking group, product and size of each base:
    /// `distro_event:read` for that base.
    public static func statistics(
        ofBases bases: [Base], in scope: some ServiceScope
    ) async throws -> [PerItem<[DistributionEventsStatistics]>] {
        try await scope.perBase(bases, permission: "distro_event:read", baseId: \.id) { permitted in
            let statistics = try await scope.data.distribution.statistics(ofBases: permitted.map(\.id))
            return { statistics[$0.id] ?? [] }
        }
    }
}
