import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import GraphQL

/// Read resolvers of the mobile-distribution types (spec 05 part B): distribution spots,
/// events, packing lists, unboxed item collections and return-tracking groups.
///
/// Permission checks of an event use the base of its spot (joined in by the store); every
/// list field loads the rows of a whole batch in one statement.
enum DistributionResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registry.abstract("ItemsCollection") { value in
            switch value {
            case is Box: "Box"
            case is UnboxedItemsCollection: "UnboxedItemsCollection"
            default: nil
            }
        }
        registerQueries(in: &registry)
        registerBaseFields(in: &registry)
        registerSpot(in: &registry)
        registerEvent(in: &registry)
        registerItemsCollections(in: &registry)
        registerTracking(in: &registry)
    }

    // MARK: Query

    /// Root fields (spec 05 §B5).
    private static func registerQueries(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("distributionSpots") { _, context in
                let scope = try context.currentUser.baseScope(for: "location:read")
                return try await DistributionStore.spots(scope: scope, in: context)
            }
            query.legacyRoot("distributionSpot") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let location = try await LocationStore.byIds([id], in: context)[id].orNotFound()
                // A warehouse location is no spot: null without error.
                guard !location.isClassic else { return nil }
                try context.currentUser.authorize("location:read", baseId: location.baseId)
                return location
            }
            query.legacyRoot("distributionEvent") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let event = try await DistributionStore.events(ids: [id], in: context)[id].orNotFound()
                try context.currentUser.authorize("distro_event:read", baseId: event.baseId)
                return event
            }
            query.legacyRoot("packingListEntry") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let entry = try await DistributionStore.packingListEntries(ids: [id], in: context)[id].orNotFound()
                let product = try await ProductStore.byIds([entry.productId], in: context)[entry.productId].orNotFound()
                try context.currentUser.authorize("packing_list_entry:read", baseId: product.baseId)
                return entry
            }
            query.legacyRoot("distributionEventsTrackingGroup") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let group = try await DistributionStore.trackingGroups(ids: [id], in: context)[id].orNotFound()
                try context.currentUser.authorize("distro_event:read", baseId: group.baseId)
                return group
            }
        }
    }

    // MARK: Base

    private static func registerBaseFields(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self) { type in
            type.legacyBatch("distributionSpots") { bases, _, context in
                try await checkedLists(
                    bases, permission: "location:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await DistributionStore.spots(ofBases: $0, in: context) }
            }
            type.legacyBatch("distributionEvents") { bases, arguments, context in
                let states = arguments.stringList("states")?.compactMap(DistributionEventState.init(rawValue:))
                return try await events(of: bases, states: states, context: context)
            }
            type.legacyBatch("distributionEventsBeforeReturnedFromDistributionState") { bases, _, context in
                try await events(of: bases, states: [.planning, .packing, .onDistro], context: context)
            }
            type.legacyBatch("distributionEventsInReturnedFromDistributionState") { bases, _, context in
                try await events(of: bases, states: [.returnedFromDistribution], context: context)
            }
            type.legacyBatch("distributionEventsTrackingGroups") { bases, arguments, context in
                let states = arguments.stringList("states")?.compactMap(
                    DistributionEventsTrackingGroupState.init(rawValue:))
                return try await checkedLists(
                    bases, permission: "distro_event:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await DistributionStore.trackingGroups(ofBases: $0, states: states, in: context) }
            }
            type.legacyBatch("distributionEventsStatistics") { bases, _, context in
                try await permittedPerBase(bases, permission: "distro_event:read", context: context, baseId: \.id) {
                    permitted in
                    let statistics = try await DistributionStore.statistics(ofBases: permitted.map(\.id), in: context)
                    return { base in statistics[base.id] ?? [] }
                }
            }
        }
    }

    /// Events at the spots of each base, guarded by `distro_event:read` for that base.
    private static func events(
        of bases: [Base], states: [DistributionEventState]?, context: ResolverContext
    )
        async throws -> [FieldOutcome]
    {
        try await checkedLists(
            bases, permission: "distro_event:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await DistributionStore.events(ofBases: $0, states: states, in: context) }
    }

    // MARK: DistributionSpot

    private static func registerSpot(in registry: inout ResolverRegistry) {
        registry.object("DistributionSpot", Location.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("latitude") { $0.latitude }
            type.value("longitude") { $0.longitude }
            type.field("boxes") { _ in nil }
            type.base(id: \.baseId)
            type.legacyBatchValues("comment") { spots, _, context in
                // The reference never stores the comment; ours lives in `description` (empty if unset).
                let descriptions = try await DistributionStore.descriptions(ofLocations: spots.map(\.id), in: context)
                return spots.map { descriptions[$0.id] ?? "" }
            }
            type.legacyBatch("distributionEvents") { spots, _, context in
                try await checkedLists(
                    spots, permission: "distro_event:read", context: context, baseId: \.baseId, key: \.id,
                    rowKey: \.spotId
                ) { try await DistributionStore.events(ofSpots: $0, in: context) }
            }
        }
    }

    // MARK: DistributionEvent and PackingListEntry

    private static func registerEvent(in registry: inout ResolverRegistry) {
        registry.object("DistributionEvent", DistributionEvent.self) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("state") { $0.state }
            type.value("plannedStartDateTime") { $0.plannedStartDateTime }
            type.value("plannedEndDateTime") { $0.plannedEndDateTime }
            type.legacyBatch("distributionSpot") { events, _, context in
                try await permittedPerBase(events, permission: "location:read", context: context, baseId: \.baseId) {
                    permitted in
                    let spots = try await LocationStore.byIds(permitted.map(\.spotId), in: context)
                    return { event in spots[event.spotId] }
                }
            }
            type.legacyBatch("packingListEntries") { events, _, context in
                try await checkedLists(
                    events, permission: "packing_list_entry:read", context: context, baseId: \.baseId, key: \.id,
                    rowKey: \.eventId
                ) { try await DistributionStore.packingListEntries(ofEvents: $0, in: context) }
            }
            type.legacyBatch("boxes") { events, _, context in
                try await checkedLists(
                    events, permission: "stock:read", context: context, baseId: \.baseId, key: \.id,
                    rowKey: \.distributionEventId
                ) { try await DistributionStore.boxes(ofEvents: $0, in: context) }
            }
            type.legacyBatch("unboxedItemsCollections") { events, _, context in
                try await checkedLists(
                    events, permission: "stock:read", context: context, baseId: \.baseId, key: \.id, rowKey: \.eventId
                ) { try await DistributionStore.unboxedItemsCollections(ofEvents: $0, in: context) }
            }
            type.legacyBatch("distributionEventsTrackingGroup") { events, _, context in
                try await permittedPerBase(events, permission: "distro_event:read", context: context, baseId: \.baseId)
                {
                    permitted in
                    let ids = permitted.compactMap(\.trackingGroupId)
                    let groups = ids.isEmpty ? [:] : try await DistributionStore.trackingGroups(ids: ids, in: context)
                    return { event in event.trackingGroupId.flatMap { groups[$0] } }
                }
            }
        }

        registry.object("PackingListEntry", PackingListEntry.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.value("state") { $0.state }
            type.legacyRelated("product", permission: nil, id: \.productId) { ids, context in
                try await ProductStore.byIds(ids, in: context)
            }
            type.legacyRelated("size", permission: nil, id: \.sizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
            type.legacyBatch("matchingPackedItemsCollections") { entries, _, context in
                // Guarded by stock:read for the base of the entry's product.
                let user = try context.currentUser
                let products = try await ProductStore.byIds(entries.map(\.productId), in: context)
                let allowed = entries.filter { entry in
                    products[entry.productId].map { user.can("stock:read", baseId: $0.baseId) } ?? false
                }.map(\.eventId)
                let boxes = allowed.isEmpty ? [] : try await DistributionStore.boxes(ofEvents: allowed, in: context)
                let collections =
                    allowed.isEmpty
                    ? [] : try await DistributionStore.unboxedItemsCollections(ofEvents: allowed, in: context)
                return entries.map { entry in
                    outcome {
                        let product = try products[entry.productId].orNotFound()
                        try user.authorize("stock:read", baseId: product.baseId)
                        let matchingBoxes: [any Sendable] = boxes.filter {
                            $0.distributionEventId == entry.eventId && $0.productId == entry.productId
                                && $0.sizeId == entry.sizeId
                        }
                        let matchingCollections: [any Sendable] = collections.filter {
                            $0.eventId == entry.eventId && $0.productId == entry.productId && $0.sizeId == entry.sizeId
                        }
                        return matchingBoxes + matchingCollections
                    }
                }
            }
        }
    }

    // MARK: Box (as items collection) and UnboxedItemsCollection

    private static func registerItemsCollections(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            // No permission check beyond the box's own (spec 03 §Box).
            type.legacyRelated("distributionEvent", permission: nil, id: \.distributionEventId) { ids, context in
                try await DistributionStore.events(ids: ids, in: context)
            }
        }

        registry.object("UnboxedItemsCollection", UnboxedItemsCollection.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.field("label") { _ in nil }
            type.legacyBatchValues("product") { collections, _, context in
                // Lenient like Box.product: null without product:read for the product's base.
                let user = try context.currentUser
                let products = try await ProductStore.byIds(collections.map(\.productId), in: context)
                return collections.map { collection in
                    products[collection.productId].flatMap { user.can("product:read", baseId: $0.baseId) ? $0 : nil }
                }
            }
            type.legacyRelated("size", permission: nil, id: \.sizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
            type.legacyRelatedOfAbstractType("location", permission: nil, id: \.locationId) { ids, context in
                try await LocationStore.byIds(ids, in: context)
            }
            type.legacyRelated("distributionEvent", permission: nil, id: \.eventId) { ids, context in
                try await DistributionStore.events(ids: ids, in: context)
            }
        }
    }

    // MARK: Return tracking

    private static func registerTracking(in registry: inout ResolverRegistry) {
        registry.object("DistributionEventsTrackingGroup", DistributionEventsTrackingGroup.self) { type in
            type.value("id") { $0.id }
            type.value("state") { $0.state }
            type.value("createdOn") { $0.createdOn }
            type.legacyBatch("distributionEvents") { groups, _, context in
                try await checkedLists(
                    groups, permission: "distro_event:read", context: context, baseId: \.baseId, key: \.id,
                    rowKey: \.trackingGroupId
                ) { try await DistributionStore.events(ofTrackingGroups: $0, in: context) }
            }
            type.legacyBatch("distributionEventsTrackingEntries") { groups, _, context in
                try await checkedLists(
                    groups, permission: "distro_event:read", context: context, baseId: \.baseId, key: \.id,
                    rowKey: \.groupId
                ) { try await DistributionStore.trackingEntries(ofGroups: $0, in: context) }
            }
        }

        registry.object("DistributionEventsTrackingEntry", DistributionEventsTrackingEntry.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.value("flowDirection") { $0.flowDirection }
            // The reference leaves these two unresolved (always null); we map them to their columns.
            type.value("dateTimeOfTracking") { $0.date }
            type.legacyRelated("distributionEventsTrackingGroup", permission: nil, id: \.groupId) { ids, context in
                try await DistributionStore.trackingGroups(ids: ids, in: context)
            }
            type.legacyRelated("product", permission: nil, id: \.productId) { ids, context in
                try await ProductStore.byIds(ids, in: context)
            }
            type.legacyRelated("size", permission: nil, id: \.sizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
        }

        registry.object("DistributionEventsStatistics", DistributionEventsStatistics.self) { type in
            type.value("productName") { $0.productName }
            type.value("genderLabel") { $0.genderLabel }
            type.value("categoryLabel") { $0.categoryLabel }
            type.value("sizeLabel") { $0.sizeLabel }
            type.value("inflow") { $0.inflow }
            type.value("outflow") { $0.outflow }
            type.value("earliestPossibleDistroDate") { $0.earliestPossibleDistroDate }
            type.value("latestPossibleDistroDate") { $0.latestPossibleDistroDate }
            type.value("potentiallyInvolvedDistributionSpots") { $0.potentiallyInvolvedDistributionSpots }
            type.value("involvedDistributionEventIds") { $0.involvedDistributionEventIds }
            type.value("distroEventTrackingGroupId") { String($0.trackingGroupId) }
            type.value("productId") { String($0.productId) }
            type.value("sizeId") { String($0.sizeId) }
        }
    }
}

extension DistributionEventState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension PackingListEntryState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension DistributionEventsTrackingGroupState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension DistributionEventTrackingFlowDirection: GraphQLEnumValue { public var graphQLName: String { rawValue } }
