import BoxtributeDatabase
import BoxtributeDomain

/// ``DistributionRepository`` in SQL (`distro_events`, packing lists, tracking).
struct SQLDistributionRepository: DistributionRepository {
    let db: any SQLQuerying

    func spots(ofBases baseIds: [Base.ID]) async throws -> [Location] {
        try await DistributionStore.spots(ofBases: baseIds, in: db)
    }

    func spots(in scope: BaseScope) async throws -> [Location] {
        try await DistributionStore.spots(scope: scope, in: db)
    }

    func descriptions(ofLocations ids: [Location.ID]) async throws -> [Location.ID: String] {
        try await DistributionStore.descriptions(ofLocations: ids, in: db)
    }

    func events(_ ids: [Int]) async throws -> [Int: DistributionEvent] {
        try await DistributionStore.events(ids: ids, in: db)
    }

    func events(ofSpots spotIds: [Location.ID]) async throws -> [DistributionEvent] {
        try await DistributionStore.events(ofSpots: spotIds, in: db)
    }

    func events(ofTrackingGroups groupIds: [Int]) async throws -> [DistributionEvent] {
        try await DistributionStore.events(ofTrackingGroups: groupIds, in: db)
    }

    func events(ofBases baseIds: [Base.ID], states: [DistributionEventState]?) async throws -> [DistributionEvent] {
        try await DistributionStore.events(ofBases: baseIds, states: states, in: db)
    }

    func packingListEntries(_ ids: [Int]) async throws -> [Int: PackingListEntry] {
        try await DistributionStore.packingListEntries(ids: ids, in: db)
    }

    func packingListEntries(ofEvents eventIds: [Int]) async throws -> [PackingListEntry] {
        try await DistributionStore.packingListEntries(ofEvents: eventIds, in: db)
    }

    func unboxedItemsCollections(ofEvents eventIds: [Int]) async throws -> [UnboxedItemsCollection] {
        try await DistributionStore.unboxedItemsCollections(ofEvents: eventIds, in: db)
    }

    func unboxedItemsCollections(_ ids: [Int]) async throws -> [Int: UnboxedItemsCollection] {
        try await DistributionStore.unboxedItemsCollections(ids: ids, in: db)
    }

    func boxes(ofEvents eventIds: [Int]) async throws -> [Box] {
        try await DistributionStore.boxes(ofEvents: eventIds, in: db)
    }

    func trackingGroups(_ ids: [Int]) async throws -> [Int: DistributionEventsTrackingGroup] {
        try await DistributionStore.trackingGroups(ids: ids, in: db)
    }

    func trackingGroups(
        ofBases baseIds: [Base.ID], states: [DistributionEventsTrackingGroupState]?
    ) async throws -> [DistributionEventsTrackingGroup] {
        try await DistributionStore.trackingGroups(ofBases: baseIds, states: states, in: db)
    }

    func trackingEntries(ofGroups groupIds: [Int]) async throws -> [DistributionEventsTrackingEntry] {
        try await DistributionStore.trackingEntries(ofGroups: groupIds, in: db)
    }

    func statistics(ofBases baseIds: [Base.ID]) async throws -> [Base.ID: [DistributionEventsStatistics]] {
        try await DistributionStore.statistics(ofBases: baseIds, in: db)
    }
}
