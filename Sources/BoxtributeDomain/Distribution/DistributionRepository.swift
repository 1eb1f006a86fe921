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
