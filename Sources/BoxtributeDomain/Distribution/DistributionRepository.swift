/// Reads of distribution spots, events, packing lists and return tracking. Look-ups by id take
/// a batch of ids and return the rows found, keyed by id; lists of several parents return
/// their rows in id order, for the service to group.
public protocol DistributionRepository: Sendable {
    /// Spots (`locations` of type `MapDistroSpot`) of the bases, deleted ones included.
    func spots(ofBases baseIds: [Base.ID]) async throws -> [Location]
    /// Spots of the bases in `scope`, deleted ones included.
    func spots(in scope: BaseScope) async throws -> [Location]
    /// `locations.description` by location id (absent: no such row, or NULL).
    func descriptions(ofLocations ids: [Location.ID]) async throws -> [Location.ID: String]

    func events(_ ids: [Int]) async throws -> [Int: DistributionEvent]
    /// Events at the spots (any location id).
    func events(ofSpots spotIds: [Location.ID]) async throws -> [DistributionEvent]
    func events(ofTrackingGroups groupIds: [Int]) async throws -> [DistributionEvent]
    /// Events at the distribution spots of the bases, only in `states` when given and not empty.
    func events(ofBases baseIds: [Base.ID], states: [DistributionEventState]?) async throws -> [DistributionEvent]

    func packingListEntries(_ ids: [Int]) async throws -> [Int: PackingListEntry]
    func packingListEntries(ofEvents eventIds: [Int]) async throws -> [PackingListEntry]
    func unboxedItemsCollections(ofEvents eventIds: [Int]) async throws -> [UnboxedItemsCollection]
    func unboxedItemsCollections(_ ids: [Int]) async throws -> [Int: UnboxedItemsCollection]
    /// Boxes assigned to the events, deleted ones included.
    func boxes(ofEvents eventIds: [Int]) async throws -> [Box]

    func trackingGroups(_ ids: [Int]) async throws -> [Int: DistributionEventsTrackingGroup]
    /// Tracking groups of the bases, only in `states` when given and not empty.
    func trackingGroups(
        ofBases baseIds: [Base.ID], states: [DistributionEventsTrackingGroupState]?
    ) async throws -> [DistributionEventsTrackingGroup]
    func trackingEntries(ofGroups groupIds: [Int]) async throws -> [DistributionEventsTrackingEntry]
    /// Tracked inflow and outflow per (tracking group, product, size) of each base, keyed by base id.
    func statistics(ofBases baseIds: [Base.ID]) async throws -> [Base.ID: [DistributionEventsStatistics]]
}

/// Writes of mobile distribution, inside a transaction. Rows it writes are stamped with the
/// transaction's user and time; `…ForUpdate` reads lock the rows where the engine needs it.
public protocol DistributionWriteRepository: Sendable {
    /// Inserts a `locations` row of type `MapDistroSpot`; returns its id.
    func insertSpot(_ spot: NewDistributionSpot) async throws -> Location.ID
    /// Inserts an event in `Planning`; returns its id.
    func insertEvent(_ event: NewDistributionEvent) async throws -> Int
    /// Events by id (unknown ids left out), locked, ascending id.
    func eventsForUpdate(_ ids: [Int]) async throws -> [DistributionEvent]
    /// Writes the state and tracking group of each event, stamped as modified.
    func save(_ events: [DistributionEvent]) async throws

    func packingListEntryForUpdate(_ id: Int) async throws -> PackingListEntry?
    /// Every entry of the event, locked, ascending id.
    func packingListEntriesForUpdate(ofEvent eventId: Int) async throws -> [PackingListEntry]
    /// Inserts an entry in `NotStarted`; returns it.
    func insertPackingListEntry(
        eventId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int
    ) async throws -> PackingListEntry
    /// Sets the planned number of items of the entry, stamped as modified.
    func setNumberOfItems(_ numberOfItems: Int, ofPackingListEntry id: Int) async throws
    func deletePackingListEntries(_ ids: [Int]) async throws

    func unboxedItemsCollectionForUpdate(_ id: Int) async throws -> UnboxedItemsCollection?
    /// Every collection of the events, locked, ascending id.
    func unboxedItemsCollectionsForUpdate(ofEvents eventIds: [Int]) async throws -> [UnboxedItemsCollection]
    /// Inserts a collection (with `created_on`, which the reference leaves out); returns it.
    func insertUnboxedItemsCollection(_ collection: NewUnboxedItemsCollection) async throws -> UnboxedItemsCollection
    /// Sets the number of items of each collection, stamped as modified.
    func setNumberOfItems(_ numberOfItems: [(collectionId: Int, items: Int)]) async throws
    /// Boxes assigned to the events (deleted ones included), locked, ascending id.
    func boxesForUpdate(ofEvents eventIds: [Int]) async throws -> [Box]

    func trackingGroupForUpdate(_ id: Int) async throws -> DistributionEventsTrackingGroup?
    /// Inserts a group `InProgress` for the base; returns it.
    func insertTrackingGroup(baseId: Base.ID) async throws -> DistributionEventsTrackingGroup
    /// Sets the state of the group, stamped as modified.
    func setState(ofTrackingGroup id: Int, to state: DistributionEventsTrackingGroupState) async throws
    /// Every log entry of the group, locked, ascending id.
    func trackingEntriesForUpdate(ofGroup groupId: Int) async throws -> [DistributionEventsTrackingEntry]
    /// Inserts a log entry dated now; returns it.
    func insertTrackingEntry(_ entry: NewTrackingEntry) async throws -> DistributionEventsTrackingEntry
    func setNumberOfItems(_ numberOfItems: Int, ofTrackingEntry id: Int) async throws
}

/// The columns of a distribution spot to insert.
public struct NewDistributionSpot: Sendable, Equatable {
    public var baseId: Base.ID
    public var name: String
    /// Stored in `description` (the reference does not store it at all).
    public var comment: String
    public var latitude: Double?
    public var longitude: Double?
}

/// The columns of a distribution event to insert.
public struct NewDistributionEvent: Sendable, Equatable {
    public var spotId: Location.ID
    public var name: String?
    public var plannedStart: Timestamp
    public var plannedEnd: Timestamp
}

/// The columns of an unboxed items collection to insert.
public struct NewUnboxedItemsCollection: Sendable, Equatable {
    public var eventId: Int
    public var productId: Product.ID
    public var sizeId: Int
    public var locationId: Location.ID
    public var numberOfItems: Int
}

/// The columns of a tracking log entry to insert.
public struct NewTrackingEntry: Sendable, Equatable {
    public var groupId: Int
    public var productId: Product.ID
    public var sizeId: Int
    public var numberOfItems: Int
    public var flowDirection: DistributionEventTrackingFlowDirection
}
