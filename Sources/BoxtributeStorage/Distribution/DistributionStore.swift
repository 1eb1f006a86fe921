import BoxtributeDatabase
import BoxtributeDomain

/// SQL for the mobile-distribution tables (`distro_events*`) and distribution spots
/// (`locations` rows of type `MapDistroSpot`). Every look-up takes a list of keys so a
/// resolver batch needs one statement.
public enum DistributionStore {
    static let spotType = "MapDistroSpot"

    // MARK: Distribution spots

    /// Spots of the bases (deleted ones included), id order.
    public static func spots(ofBases baseIds: [Base.ID], in db: any SQLQuerying) async throws -> [Location] {
        let unique = Array(Set(baseIds))
        guard !unique.isEmpty else { return [] }
        return try await spots(scope: .only(unique), in: db)
    }

    /// Spots of the bases in `scope` (deleted ones included), id order.
    public static func spots(scope: BaseScope, in db: any SQLQuerying) async throws -> [Location] {
        var filter = SQLConditions(["l.type = ?"], binds: [.text(spotType)])
        filter.restrict("l.camp_id", to: scope)
        return try await db.query(
            "SELECT \(LocationStore.columns) FROM locations l\(filter.whereClause) ORDER BY l.id", filter.binds
        ).map(LocationStore.decode)
    }

    /// `locations.description` by location id (absent keys: no such row or NULL).
    public static func descriptions(
        ofLocations ids: [Location.ID], in db: any SQLQuerying
    ) async throws -> [Location.ID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT id, description FROM locations WHERE id IN (\(SQL.placeholders(unique.count)))",
            unique.map(SQLValue.init))
        var result: [Location.ID: String] = [:]
        for row in rows { if let id: Location.ID = row.id(0), let text = row.string(1) { result[id] = text } }
        return result
    }

    // MARK: Events

    static let eventColumns = """
        e.id, e.name, e.state, e.planned_start_date_time, e.planned_end_date_time, e.location_id, l.camp_id, \
        e.distro_event_tracking_group_id
        """
    static let eventSource = "distro_events e JOIN locations l ON l.id = e.location_id"

    static func decodeEvent(_ row: SQLRow) -> DistributionEvent {
        DistributionEvent(
            id: row.int(0) ?? 0, name: row.string(1),
            state: row.string(2).flatMap(DistributionEventState.init(rawValue:)),
            plannedStartDateTime: row.timestamp(3), plannedEndDateTime: row.timestamp(4), spotId: row.id(5) ?? 0,
            baseId: row.id(6) ?? 0, trackingGroupId: row.int(7))
    }

    /// Events whose `column` is one of `keys`, id order.
    static func events(
        where column: String, in keys: [Int], extra: String = "", binds extraBinds: [SQLValue] = [],
        db: any SQLQuerying
    ) async throws -> [DistributionEvent] {
        let unique = Array(Set(keys))
        guard !unique.isEmpty else { return [] }
        return try await db.query(
            "SELECT \(eventColumns) FROM \(eventSource) WHERE \(column) IN (\(SQL.placeholders(unique.count)))\(extra) ORDER BY e.id",
            unique.map(SQLValue.init) + extraBinds, decode: decodeEvent)
    }

    /// Events by id, keyed by id.
    public static func events(ids: [Int], in db: any SQLQuerying) async throws -> [Int: DistributionEvent] {
        let rows = try await events(where: "e.id", in: ids, db: db)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Events at the spots (any location id), id order.
    public static func events(
        ofSpots spotIds: [Location.ID], in db: any SQLQuerying
    ) async throws -> [DistributionEvent] {
        try await events(where: "e.location_id", in: spotIds.rawValues(), db: db)
    }

    /// Events of the tracking groups, id order.
    public static func events(
        ofTrackingGroups groupIds: [Int], in db: any SQLQuerying
    ) async throws
        -> [DistributionEvent]
    {
        try await events(where: "e.distro_event_tracking_group_id", in: groupIds, db: db)
    }

    /// Events at the distribution spots of the bases, optionally only in `states`, id order.
    public static func events(
        ofBases baseIds: [Base.ID], states: [DistributionEventState]?, in db: any SQLQuerying
    ) async throws -> [DistributionEvent] {
        var extra = " AND l.type = ?"
        var binds: [SQLValue] = [.text(spotType)]
        if let states, !states.isEmpty {
            extra += " AND e.state IN (\(SQL.placeholders(states.count)))"
            binds += states.map { .text($0.rawValue) }
        }
        return try await events(where: "l.camp_id", in: baseIds.rawValues(), extra: extra, binds: binds, db: db)
    }

    // MARK: Packing list entries, unboxed collections, boxes

    static let entryColumns = "id, product_id, size_id, number_of_items, distro_event_id, state"

    static func decodeEntry(_ row: SQLRow) -> PackingListEntry {
        PackingListEntry(
            id: row.int(0) ?? 0, productId: row.id(1) ?? 0, sizeId: row.int(2) ?? 0, numberOfItems: row.int(3) ?? 0,
            eventId: row.int(4) ?? 0, state: row.string(5).flatMap(PackingListEntryState.init(rawValue:)))
    }

    /// Packing list entries by id, keyed by id.
    public static func packingListEntries(ids: [Int], in db: any SQLQuerying) async throws -> [Int: PackingListEntry] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT \(entryColumns) FROM distro_events_packing_list_entries WHERE id IN (\(SQL.placeholders(unique.count)))",
            unique.map(SQLValue.init))
        return Dictionary(rows.map(decodeEntry).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Packing list entries of the events, id order.
    public static func packingListEntries(
        ofEvents eventIds: [Int], in db: any SQLQuerying
    ) async throws
        -> [PackingListEntry]
    {
        let unique = Array(Set(eventIds))
        guard !unique.isEmpty else { return [] }
        return try await db.query(
            """
            SELECT \(entryColumns) FROM distro_events_packing_list_entries \
            WHERE distro_event_id IN (\(SQL.placeholders(unique.count))) ORDER BY id
            """, unique.map(SQLValue.init), decode: decodeEntry)
    }

    /// Unboxed item collections of the events, id order.
    public static func unboxedItemsCollections(
        ofEvents eventIds: [Int], in db: any SQLQuerying
    ) async throws
        -> [UnboxedItemsCollection]
    {
        let unique = Array(Set(eventIds))
        guard !unique.isEmpty else { return [] }
        return try await db.query(
            """
            SELECT \(collectionColumns) FROM distro_events_unboxed_item_collections \
            WHERE distro_event_id IN (\(SQL.placeholders(unique.count))) ORDER BY id
            """, unique.map(SQLValue.init), decode: decodeCollection)
    }

    /// Unboxed item collections by id, keyed by id.
    public static func unboxedItemsCollections(
        ids: [Int], in db: any SQLQuerying
    ) async throws -> [Int: UnboxedItemsCollection] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT \(collectionColumns) FROM distro_events_unboxed_item_collections \
            WHERE id IN (\(SQL.placeholders(unique.count)))
            """, unique.map(SQLValue.init), decode: decodeCollection)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let collectionColumns = "id, product_id, size_id, number_of_items, distro_event_id, location_id"

    static func decodeCollection(_ row: SQLRow) -> UnboxedItemsCollection {
        UnboxedItemsCollection(
            id: row.int(0) ?? 0, productId: row.id(1) ?? 0, sizeId: row.int(2) ?? 0,
            numberOfItems: row.int(3) ?? 0, eventId: row.int(4) ?? 0, locationId: row.id(5) ?? 0)
    }

    /// Boxes assigned to the events (deleted ones included), id order.
    public static func boxes(ofEvents eventIds: [Int], in db: any SQLQuerying) async throws -> [Box] {
        let unique = Array(Set(eventIds))
        guard !unique.isEmpty else { return [] }
        return try await db.query(
            "SELECT \(BoxStore.columns) FROM stock s WHERE s.distro_event_id IN (\(SQL.placeholders(unique.count))) ORDER BY s.id",
            unique.map(SQLValue.init)
        ).map(BoxStore.decode)
    }

    // MARK: Tracking groups and entries

    static let groupColumns = "id, base_id, state, created_on"

    static func decodeGroup(_ row: SQLRow) -> DistributionEventsTrackingGroup {
        DistributionEventsTrackingGroup(
            id: row.int(0) ?? 0, baseId: row.id(1) ?? 0,
            state: DistributionEventsTrackingGroupState(databaseValue: row.string(2)), createdOn: row.timestamp(3))
    }

    /// Tracking groups by id, keyed by id.
    public static func trackingGroups(
        ids: [Int], in db: any SQLQuerying
    ) async throws
        -> [Int: DistributionEventsTrackingGroup]
    {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT \(groupColumns) FROM distro_events_tracking_groups WHERE id IN (\(SQL.placeholders(unique.count)))",
            unique.map(SQLValue.init))
        return Dictionary(rows.map(decodeGroup).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Tracking groups of the bases, optionally only in `states`, id order.
    public static func trackingGroups(
        ofBases baseIds: [Base.ID], states: [DistributionEventsTrackingGroupState]?, in db: any SQLQuerying
    ) async throws -> [DistributionEventsTrackingGroup] {
        let unique = Array(Set(baseIds))
        guard !unique.isEmpty else { return [] }
        var stateFilter = ""
        var binds = unique.map(SQLValue.init)
        if let states, !states.isEmpty {
            // The table's default spelling `In Progress` counts as InProgress.
            var names = states.map(\.rawValue)
            if states.contains(.inProgress) { names.append("In Progress") }
            stateFilter = " AND state IN (\(SQL.placeholders(names.count)))"
            binds += names.map { .text($0) }
        }
        return try await db.query(
            """
            SELECT \(groupColumns) FROM distro_events_tracking_groups \
            WHERE base_id IN (\(SQL.placeholders(unique.count)))\(stateFilter) ORDER BY id
            """, binds, decode: decodeGroup)
    }

    /// Log entries of the tracking groups, id order.
    public static func trackingEntries(
        ofGroups groupIds: [Int], in db: any SQLQuerying
    ) async throws
        -> [DistributionEventsTrackingEntry]
    {
        let unique = Array(Set(groupIds))
        guard !unique.isEmpty else { return [] }
        return try await db.query(
            """
            SELECT \(trackingEntryColumns) FROM distro_events_tracking_logs \
            WHERE distro_event_tracking_group_id IN (\(SQL.placeholders(unique.count))) ORDER BY id
            """, unique.map(SQLValue.init), decode: decodeTrackingEntry)
    }

    static let trackingEntryColumns =
        "id, product_id, size_id, number_of_items, flow_direction, distro_event_tracking_group_id, date"

    static func decodeTrackingEntry(_ row: SQLRow) -> DistributionEventsTrackingEntry {
        DistributionEventsTrackingEntry(
            id: row.int(0) ?? 0, productId: row.id(1) ?? 0, sizeId: row.int(2) ?? 0,
            numberOfItems: row.int(3) ?? 0,
            flowDirection: row.string(4).flatMap(DistributionEventTrackingFlowDirection.init(rawValue:)),
            groupId: row.int(5), date: row.timestamp(6))
    }

    // MARK: Statistics

    /// Tracked inflow/outflow per (tracking group, product, size) of each base, keyed by base id.
    ///
    /// Two portable statements instead of the reference's single MySQL query (whose
    /// `GROUP_CONCAT(DISTINCT … SEPARATOR …)` SQLite lacks): the aggregates, then the
    /// groups' events and spot names, joined into text here. Rows appear only for groups
    /// with at least one event, as with the reference's inner joins.
    public static func statistics(
        ofBases baseIds: [Base.ID], in db: any SQLQuerying
    ) async throws
        -> [Base.ID: [DistributionEventsStatistics]]
    {
        let unique = Array(Set(baseIds))
        guard !unique.isEmpty else { return [:] }
        let binds = unique.map(SQLValue.init)
        let totals = try await db.query(
            """
            SELECT f.base_id, f.group_id, f.product_id, f.size_id, p.name, g.label, cat.label, siz.label, \
            MAX(f.inflow), MAX(f.outflow), MIN(ev.planned_start_date_time), MAX(ev.planned_end_date_time) \
            FROM (\
            SELECT tg.base_id AS base_id, t.distro_event_tracking_group_id AS group_id, t.product_id AS product_id, \
            t.size_id AS size_id, \
            SUM(CASE WHEN t.flow_direction = 'In' THEN t.number_of_items ELSE 0 END) AS inflow, \
            SUM(CASE WHEN t.flow_direction = 'Out' THEN t.number_of_items ELSE 0 END) AS outflow \
            FROM distro_events_tracking_logs t \
            JOIN distro_events_tracking_groups tg ON tg.id = t.distro_event_tracking_group_id \
            WHERE tg.base_id IN (\(SQL.placeholders(unique.count))) \
            GROUP BY tg.base_id, t.distro_event_tracking_group_id, t.product_id, t.size_id, t.flow_direction\
            ) f \
            JOIN distro_events ev ON ev.distro_event_tracking_group_id = f.group_id \
            JOIN locations spot ON spot.id = ev.location_id \
            JOIN products p ON p.id = f.product_id \
            JOIN genders g ON g.id = p.gender_id \
            JOIN product_categories cat ON cat.id = p.category_id \
            JOIN sizes siz ON siz.id = f.size_id \
            GROUP BY f.base_id, f.group_id, f.product_id, f.size_id, p.name, g.label, cat.label, siz.label \
            ORDER BY f.group_id, f.product_id, f.size_id
            """, binds)
        guard !totals.isEmpty else { return [:] }

        let eventRows = try await db.query(
            """
            SELECT ev.distro_event_tracking_group_id, ev.id, spot.label FROM distro_events ev \
            JOIN locations spot ON spot.id = ev.location_id \
            JOIN distro_events_tracking_groups tg ON tg.id = ev.distro_event_tracking_group_id \
            WHERE tg.base_id IN (\(SQL.placeholders(unique.count))) ORDER BY ev.id
            """, binds)
        var eventIds: [Int: Set<Int>] = [:]
        var spotNames: [Int: Set<String>] = [:]
        for row in eventRows {
            guard let groupId = row.int(0) else { continue }
            if let eventId = row.int(1) { eventIds[groupId, default: []].insert(eventId) }
            // GROUP_CONCAT skips NULLs.
            if let label = row.string(2) { spotNames[groupId, default: []].insert(label) }
        }

        var result: [Base.ID: [DistributionEventsStatistics]] = [:]
        for row in totals {
            let groupId = row.int(1) ?? 0
            // MySQL's DISTINCT concatenation comes out sorted (case-insensitively for text).
            let spots = (spotNames[groupId] ?? []).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            let events = (eventIds[groupId] ?? []).sorted()
            result[row.id(0) ?? 0, default: []].append(
                DistributionEventsStatistics(
                    productName: row.string(4) ?? "", genderLabel: row.string(5) ?? "",
                    categoryLabel: row.string(6) ?? "", sizeLabel: row.string(7) ?? "", inflow: row.int(8) ?? 0,
                    outflow: row.int(9) ?? 0, earliestPossibleDistroDate: dateText(row.string(10)),
                    latestPossibleDistroDate: dateText(row.string(11)),
                    potentiallyInvolvedDistributionSpots: spots.joined(separator: ", "),
                    involvedDistributionEventIds: events.map(String.init).joined(separator: ","),
                    trackingGroupId: groupId, productId: row.id(2) ?? 0, sizeId: row.int(3) ?? 0))
        }
        return result
    }

    /// A DATETIME as Python's `str(datetime)` prints it: `YYYY-MM-DD HH:MM:SS`.
    static func dateText(_ text: String?) -> String {
        guard let text else { return "" }
        var characters = Array(text)
        if characters.count > 19, characters[19...].allSatisfy({ $0 == "." || $0 == "0" }) {
            characters.removeSubrange(19...)
        }
        if characters.count > 10, characters[10] == "T" { characters[10] = " " }
        return String(characters)
    }
}
