import BoxtributeDatabase
import BoxtributeDomain

/// The writes of mobile distribution, on a transaction's connection. Rows are stamped with the
/// transaction's user and time.
extension DistributionStore {
    // MARK: Spots and events

    /// Inserts a spot; returns its id.
    static func insertSpot(_ spot: NewDistributionSpot, in scope: SQLWriteContext) async throws -> Location.ID {
        let now = SQLValue.text(scope.now.databaseText)
        let user = SQLValue.integer(scope.user.id)
        let inserted = try await scope.execute(
            """
            INSERT INTO locations (label, camp_id, type, latitude, longitude, description, created, created_by, \
            modified, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(spot.name), SQLValue(spot.baseId), .text(spotType), SQLValue(spot.latitude),
                SQLValue(spot.longitude), .text(spot.comment), now, user, now, user,
            ])
        return Location.ID(rawValue: inserted.lastInsertId)
    }

    /// Inserts an event in `Planning`; returns its id.
    static func insertEvent(_ event: NewDistributionEvent, in scope: SQLWriteContext) async throws -> Int {
        let now = SQLValue.text(scope.now.databaseText)
        let user = SQLValue.integer(scope.user.id)
        return try await scope.execute(
            """
            INSERT INTO distro_events (name, planned_start_date_time, planned_end_date_time, location_id, state, \
            created_on, created_by, modified_on, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(event.name), .text(event.plannedStart.databaseText), .text(event.plannedEnd.databaseText),
                SQLValue(event.spotId), .text(DistributionEventState.planning.rawValue), now, user, now, user,
            ]
        ).lastInsertId
    }

    /// Events by id, locked, ascending id. The lock is taken on `distro_events` alone (a
    /// locking read of the join would lock the spots too).
    static func eventsForUpdate(_ ids: [Int], in scope: SQLWriteContext) async throws -> [DistributionEvent] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [] }
        let marks = SQL.placeholders(unique.count)
        let binds = unique.map(SQLValue.init)
        _ = try await scope.connection.query(
            "SELECT id FROM distro_events WHERE id IN (\(marks)) ORDER BY id\(scope.forUpdate)", binds)
        return try await events(where: "e.id", in: unique, db: scope.connection)
    }

    /// Writes state and tracking group of the events, stamped as modified.
    static func save(_ events: [DistributionEvent], in scope: SQLWriteContext) async throws {
        for event in events {
            try await scope.execute(
                """
                UPDATE distro_events SET state = ?, distro_event_tracking_group_id = ?, modified_on = ?, \
                modified_by = ? WHERE id = ?
                """,
                [
                    SQLValue(event.state?.rawValue), SQLValue(event.trackingGroupId),
                    .text(scope.now.databaseText), .integer(scope.user.id), .integer(event.id),
                ])
        }
    }

    // MARK: Packing list entries

    static func packingListEntryForUpdate(_ id: Int, in scope: SQLWriteContext) async throws -> PackingListEntry? {
        try await scope.connection.query(
            "SELECT \(entryColumns) FROM distro_events_packing_list_entries WHERE id = ?\(scope.forUpdate)",
            [.integer(id)], decode: decodeEntry
        ).first
    }

    static func packingListEntriesForUpdate(
        ofEvent eventId: Int, in scope: SQLWriteContext
    ) async throws -> [PackingListEntry] {
        try await scope.connection.query(
            """
            SELECT \(entryColumns) FROM distro_events_packing_list_entries WHERE distro_event_id = ? \
            ORDER BY id\(scope.forUpdate)
            """, [.integer(eventId)], decode: decodeEntry)
    }

    static func insertPackingListEntry(
        eventId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, in scope: SQLWriteContext
    ) async throws -> PackingListEntry {
        let now = SQLValue.text(scope.now.databaseText)
        let user = SQLValue.integer(scope.user.id)
        let inserted = try await scope.execute(
            """
            INSERT INTO distro_events_packing_list_entries (product_id, size_id, number_of_items, distro_event_id, \
            state, created_on, created_by, modified_on, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(productId), .integer(sizeId), .integer(numberOfItems), .integer(eventId),
                .text(PackingListEntryState.notStarted.rawValue), now, user, now, user,
            ])
        return PackingListEntry(
            id: inserted.lastInsertId, productId: productId, sizeId: sizeId, numberOfItems: numberOfItems,
            eventId: eventId, state: .notStarted)
    }

    static func setNumberOfItems(
        _ numberOfItems: Int, ofPackingListEntry id: Int, in scope: SQLWriteContext
    ) async throws {
        try await scope.execute(
            "UPDATE distro_events_packing_list_entries SET number_of_items = ?, modified_on = ?, modified_by = ? WHERE id = ?",
            [.integer(numberOfItems), .text(scope.now.databaseText), .integer(scope.user.id), .integer(id)])
    }

    static func deletePackingListEntries(_ ids: [Int], in scope: SQLWriteContext) async throws {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return }
        try await scope.execute(
            "DELETE FROM distro_events_packing_list_entries WHERE id IN (\(SQL.placeholders(unique.count)))",
            unique.map(SQLValue.init))
    }

    // MARK: Unboxed item collections and boxes

    static func unboxedItemsCollectionForUpdate(
        _ id: Int, in scope: SQLWriteContext
    ) async throws -> UnboxedItemsCollection? {
        try await scope.connection.query(
            "SELECT \(collectionColumns) FROM distro_events_unboxed_item_collections WHERE id = ?\(scope.forUpdate)",
            [.integer(id)], decode: decodeCollection
        ).first
    }

    static func unboxedItemsCollectionsForUpdate(
        ofEvents eventIds: [Int], in scope: SQLWriteContext
    ) async throws -> [UnboxedItemsCollection] {
        let unique = Array(Set(eventIds))
        guard !unique.isEmpty else { return [] }
        return try await scope.connection.query(
            """
            SELECT \(collectionColumns) FROM distro_events_unboxed_item_collections \
            WHERE distro_event_id IN (\(SQL.placeholders(unique.count))) ORDER BY id\(scope.forUpdate)
            """, unique.map(SQLValue.init), decode: decodeCollection)
    }

    static func insertUnboxedItemsCollection(
        _ collection: NewUnboxedItemsCollection, in scope: SQLWriteContext
    ) async throws -> UnboxedItemsCollection {
        let now = SQLValue.text(scope.now.databaseText)
        let user = SQLValue.integer(scope.user.id)
        let inserted = try await scope.execute(
            """
            INSERT INTO distro_events_unboxed_item_collections (product_id, size_id, number_of_items, \
            distro_event_id, location_id, created_on, created_by, modified_on, modified_by) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(collection.productId), .integer(collection.sizeId), .integer(collection.numberOfItems),
                .integer(collection.eventId), SQLValue(collection.locationId), now, user, now, user,
            ])
        return UnboxedItemsCollection(
            id: inserted.lastInsertId, productId: collection.productId, sizeId: collection.sizeId,
            numberOfItems: collection.numberOfItems, eventId: collection.eventId, locationId: collection.locationId)
    }

    static func setNumberOfItems(
        _ changes: [(collectionId: Int, items: Int)], in scope: SQLWriteContext
    ) async throws {
        for change in changes {
            try await scope.execute(
                """
                UPDATE distro_events_unboxed_item_collections SET number_of_items = ?, modified_on = ?, \
                modified_by = ? WHERE id = ?
                """,
                [
                    .integer(change.items), .text(scope.now.databaseText), .integer(scope.user.id),
                    .integer(change.collectionId),
                ])
        }
    }

    static func boxesForUpdate(ofEvents eventIds: [Int], in scope: SQLWriteContext) async throws -> [Box] {
        let unique = Array(Set(eventIds))
        guard !unique.isEmpty else { return [] }
        return try await scope.connection.query(
            """
            SELECT \(BoxStore.columns) FROM stock s WHERE s.distro_event_id IN (\(SQL.placeholders(unique.count))) \
            ORDER BY s.id\(scope.forUpdate)
            """, unique.map(SQLValue.init)
        ).map(BoxStore.decode)
    }

    // MARK: Tracking groups and entries

    static func trackingGroupForUpdate(
        _ id: Int, in scope: SQLWriteContext
    ) async throws -> DistributionEventsTrackingGroup? {
        try await scope.connection.query(
            "SELECT \(groupColumns) FROM distro_events_tracking_groups WHERE id = ?\(scope.forUpdate)",
            [.integer(id)], decode: decodeGroup
        ).first
    }

    static func insertTrackingGroup(
        baseId: Base.ID, in scope: SQLWriteContext
    ) async throws -> DistributionEventsTrackingGroup {
        let now = SQLValue.text(scope.now.databaseText)
        let user = SQLValue.integer(scope.user.id)
        let inserted = try await scope.execute(
            """
            INSERT INTO distro_events_tracking_groups (base_id, state, created_on, created_by, modified_on, \
            modified_by) VALUES (?, ?, ?, ?, ?, ?)
            """,
            [SQLValue(baseId), .text(DistributionEventsTrackingGroupState.inProgress.rawValue), now, user, now, user])
        return DistributionEventsTrackingGroup(
            id: inserted.lastInsertId, baseId: baseId, state: .inProgress, createdOn: scope.now)
    }

    static func setState(
        ofTrackingGroup id: Int, to state: DistributionEventsTrackingGroupState, in scope: SQLWriteContext
    ) async throws {
        try await scope.execute(
            "UPDATE distro_events_tracking_groups SET state = ?, modified_on = ?, modified_by = ? WHERE id = ?",
            [.text(state.rawValue), .text(scope.now.databaseText), .integer(scope.user.id), .integer(id)])
    }

    static func trackingEntriesForUpdate(
        ofGroup groupId: Int, in scope: SQLWriteContext
    ) async throws -> [DistributionEventsTrackingEntry] {
        try await scope.connection.query(
            """
            SELECT \(trackingEntryColumns) FROM distro_events_tracking_logs WHERE distro_event_tracking_group_id = ? \
            ORDER BY id\(scope.forUpdate)
            """, [.integer(groupId)], decode: decodeTrackingEntry)
    }

    static func insertTrackingEntry(
        _ entry: NewTrackingEntry, in scope: SQLWriteContext
    ) async throws -> DistributionEventsTrackingEntry {
        let inserted = try await scope.execute(
            """
            INSERT INTO distro_events_tracking_logs (product_id, size_id, number_of_items, flow_direction, \
            distro_event_tracking_group_id, date) VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(entry.productId), .integer(entry.sizeId), .integer(entry.numberOfItems),
                .text(entry.flowDirection.rawValue), .integer(entry.groupId), .text(scope.now.databaseText),
            ])
        return DistributionEventsTrackingEntry(
            id: inserted.lastInsertId, productId: entry.productId, sizeId: entry.sizeId,
            numberOfItems: entry.numberOfItems, flowDirection: entry.flowDirection, groupId: entry.groupId,
            date: scope.now)
    }

    static func setNumberOfItems(_ numberOfItems: Int, ofTrackingEntry id: Int, in scope: SQLWriteContext) async throws
    {
        try await scope.execute(
            "UPDATE distro_events_tracking_logs SET number_of_items = ? WHERE id = ?",
            [.integer(numberOfItems), .integer(id)])
    }
}

/// ``DistributionWriteRepository`` in SQL, on a transaction's connection.
struct SQLDistributionWriteRepository: DistributionWriteRepository {
    let context: SQLWriteContext

    func insertSpot(_ spot: NewDistributionSpot) async throws -> Location.ID {
        try await DistributionStore.insertSpot(spot, in: context)
    }

    func insertEvent(_ event: NewDistributionEvent) async throws -> Int {
        try await DistributionStore.insertEvent(event, in: context)
    }

    func eventsForUpdate(_ ids: [Int]) async throws -> [DistributionEvent] {
        try await DistributionStore.eventsForUpdate(ids, in: context)
    }

    func save(_ events: [DistributionEvent]) async throws { try await DistributionStore.save(events, in: context) }

    func packingListEntryForUpdate(_ id: Int) async throws -> PackingListEntry? {
        try await DistributionStore.packingListEntryForUpdate(id, in: context)
    }

    func packingListEntriesForUpdate(ofEvent eventId: Int) async throws -> [PackingListEntry] {
        try await DistributionStore.packingListEntriesForUpdate(ofEvent: eventId, in: context)
    }

    func insertPackingListEntry(
        eventId: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int
    ) async throws -> PackingListEntry {
        try await DistributionStore.insertPackingListEntry(
            eventId: eventId, productId: productId, sizeId: sizeId, numberOfItems: numberOfItems, in: context)
    }

    func setNumberOfItems(_ numberOfItems: Int, ofPackingListEntry id: Int) async throws {
        try await DistributionStore.setNumberOfItems(numberOfItems, ofPackingListEntry: id, in: context)
    }

    func deletePackingListEntries(_ ids: [Int]) async throws {
        try await DistributionStore.deletePackingListEntries(ids, in: context)
    }

    func unboxedItemsCollectionForUpdate(_ id: Int) async throws -> UnboxedItemsCollection? {
        try await DistributionStore.unboxedItemsCollectionForUpdate(id, in: context)
    }

    func unboxedItemsCollectionsForUpdate(ofEvents eventIds: [Int]) async throws -> [UnboxedItemsCollection] {
        try await DistributionStore.unboxedItemsCollectionsForUpdate(ofEvents: eventIds, in: context)
    }

    func insertUnboxedItemsCollection(_ collection: NewUnboxedItemsCollection) async throws -> UnboxedItemsCollection {
        try await DistributionStore.insertUnboxedItemsCollection(collection, in: context)
    }

    func setNumberOfItems(_ numberOfItems: [(collectionId: Int, items: Int)]) async throws {
        try await DistributionStore.setNumberOfItems(numberOfItems, in: context)
    }

    func boxesForUpdate(ofEvents eventIds: [Int]) async throws -> [Box] {
        try await DistributionStore.boxesForUpdate(ofEvents: eventIds, in: context)
    }

    func trackingGroupForUpdate(_ id: Int) async throws -> DistributionEventsTrackingGroup? {
        try await DistributionStore.trackingGroupForUpdate(id, in: context)
    }

    func insertTrackingGroup(baseId: Base.ID) async throws -> DistributionEventsTrackingGroup {
        try await DistributionStore.insertTrackingGroup(baseId: baseId, in: context)
    }

    func setState(ofTrackingGroup id: Int, to state: DistributionEventsTrackingGroupState) async throws {
        try await DistributionStore.setState(ofTrackingGroup: id, to: state, in: context)
    }

    func trackingEntriesForUpdate(ofGroup groupId: Int) async throws -> [DistributionEventsTrackingEntry] {
        try await DistributionStore.trackingEntriesForUpdate(ofGroup: groupId, in: context)
    }

    func insertTrackingEntry(_ entry: NewTrackingEntry) async throws -> DistributionEventsTrackingEntry {
        try await DistributionStore.insertTrackingEntry(entry, in: context)
    }

    func setNumberOfItems(_ numberOfItems: Int, ofTrackingEntry id: Int) async throws {
        try await DistributionStore.setNumberOfItems(numberOfItems, ofTrackingEntry: id, in: context)
    }
}
