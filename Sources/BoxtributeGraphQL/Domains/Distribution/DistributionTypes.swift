import BoxtributeDomain

/// Fields of the mobile-distribution types: distribution spots, events, packing lists, unboxed
/// item collections and return-tracking groups, and their fields of `Base` and `Box`.
enum DistributionTypeResolvers {
    struct EventStatesArguments: Decodable {
        var states: [EnumArgument<DistributionEventState>]?
    }

    struct TrackingGroupStatesArguments: Decodable {
        var states: [EnumArgument<DistributionEventsTrackingGroupState>]?
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.abstract("ItemsCollection") { value in
            switch value {
            case is Box: "Box"
            case is UnboxedItemsCollection: "UnboxedItemsCollection"
            default: nil
            }
        }
        registerBaseFields(in: &registry)
        registerSpot(in: &registry)
        registerEvent(in: &registry)
        registerItemsCollections(in: &registry)
        registerTracking(in: &registry)
    }

    // MARK: Base

    private static func registerBaseFields(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self) { type in
            type.batchOutcomes("distributionSpots") { bases, context in
                outcomes(try await DistributionService.spots(ofBases: bases, in: context.readScope))
            }
            type.batchOutcomes("distributionEvents", EventStatesArguments.self) { bases, arguments, context in
                outcomes(
                    try await DistributionService.events(
                        ofBases: bases, states: arguments.states?.values(), in: context.readScope))
            }
            type.batchOutcomes("distributionEventsBeforeReturnedFromDistributionState") { bases, context in
                outcomes(
                    try await DistributionService.events(
                        ofBases: bases, states: [.planning, .packing, .onDistro], in: context.readScope))
            }
            type.batchOutcomes("distributionEventsInReturnedFromDistributionState") { bases, context in
                outcomes(
                    try await DistributionService.events(
                        ofBases: bases, states: [.returnedFromDistribution], in: context.readScope))
            }
            type.batchOutcomes("distributionEventsTrackingGroups", TrackingGroupStatesArguments.self) {
                bases, arguments, context in
                outcomes(
                    try await DistributionService.trackingGroups(
                        ofBases: bases, states: arguments.states?.values(), in: context.readScope))
            }
            type.batchOutcomes("distributionEventsStatistics") { bases, context in
                outcomes(try await DistributionService.statistics(ofBases: bases, in: context.readScope))
            }
        }
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
            type.batch("comment") { spots, context in
                try await DistributionService.comments(ofSpots: spots, in: context.readScope)
            }
            type.batchOutcomes("distributionEvents") { spots, context in
                outcomes(try await DistributionService.events(ofSpots: spots, in: context.readScope))
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
            type.batchOutcomes("distributionSpot") { events, context in
                outcomes(try await DistributionService.spots(ofEvents: events, in: context.readScope))
            }
            type.batchOutcomes("packingListEntries") { events, context in
                outcomes(try await DistributionService.packingListEntries(ofEvents: events, in: context.readScope))
            }
            type.batchOutcomes("boxes") { events, context in
                outcomes(try await DistributionService.boxes(ofEvents: events, in: context.readScope))
            }
            type.batchOutcomes("unboxedItemsCollections") { events, context in
                outcomes(
                    try await DistributionService.unboxedItemsCollections(ofEvents: events, in: context.readScope))
            }
            type.batchOutcomes("distributionEventsTrackingGroup") { events, context in
                outcomes(try await DistributionService.trackingGroups(ofEvents: events, in: context.readScope))
            }
        }

        registry.object("PackingListEntry", PackingListEntry.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.value("state") { $0.state }
            type.productAndSize(product: \.productId, size: \.sizeId)
            type.batchOutcomes("matchingPackedItemsCollections") { entries, context in
                let matching = try await DistributionService.matchingPackedItemsCollections(
                    ofEntries: entries, in: context.readScope)
                // `ItemsCollection` values: the boxes, then the unboxed collections.
                return matching.map { result in
                    result.map { collections -> (any Sendable)? in
                        collections.map { $0.boxes as [any Sendable] + $0.unboxedItemsCollections as [any Sendable] }
                    }
                }
            }
        }
    }

    // MARK: Box (as items collection) and UnboxedItemsCollection

    private static func registerItemsCollections(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            // No permission check beyond the box's own.
            type.related("distributionEvent", id: \.distributionEventId) { ids, context in
                try await DistributionService.events(ids, in: context.readScope)
            }
        }

        registry.object("UnboxedItemsCollection", UnboxedItemsCollection.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.field("label") { _ in nil }
            type.batch("product") { collections, context in
                try await DistributionService.products(ofCollections: collections, in: context.readScope)
            }
            type.related("size", id: \.sizeId) { ids, context in
                try await DistributionService.sizes(ids, in: context.readScope)
            }
            type.related("location", id: \.locationId) { ids, context in
                try await DistributionService.locations(ids, in: context.readScope)
            }
            type.related("distributionEvent", id: \.eventId) { ids, context in
                try await DistributionService.events(ids, in: context.readScope)
            }
        }
    }

    // MARK: Return tracking

    private static func registerTracking(in registry: inout ResolverRegistry) {
        registry.object("DistributionEventsTrackingGroup", DistributionEventsTrackingGroup.self) { type in
            type.value("id") { $0.id }
            type.value("state") { $0.state }
            type.value("createdOn") { $0.createdOn }
            type.batchOutcomes("distributionEvents") { groups, context in
                outcomes(try await DistributionService.events(ofTrackingGroups: groups, in: context.readScope))
            }
            type.batchOutcomes("distributionEventsTrackingEntries") { groups, context in
                outcomes(try await DistributionService.trackingEntries(ofGroups: groups, in: context.readScope))
            }
        }

        registry.object("DistributionEventsTrackingEntry", DistributionEventsTrackingEntry.self) { type in
            type.value("id") { $0.id }
            type.value("numberOfItems") { $0.numberOfItems }
            type.value("flowDirection") { $0.flowDirection }
            // The reference leaves these two unresolved (always null); we map them to their columns.
            type.value("dateTimeOfTracking") { $0.date }
            type.related("distributionEventsTrackingGroup", id: \.groupId) { ids, context in
                try await DistributionService.trackingGroups(ids, in: context.readScope)
            }
            type.productAndSize(product: \.productId, size: \.sizeId)
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

extension ObjectResolvers {
    /// `product` and `size` of a packing list or tracking entry: the reference follows both
    /// foreign keys without authorization checks.
    fileprivate mutating func productAndSize(
        product: @escaping @Sendable (Parent) -> Product.ID?, size: @escaping @Sendable (Parent) -> Int?
    ) {
        related("product", id: product) { ids, context in
            try await DistributionService.products(ids, in: context.readScope)
        }
        related("size", id: size) { ids, context in
            try await DistributionService.sizes(ids, in: context.readScope)
        }
    }
}

extension DistributionEventState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension PackingListEntryState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension DistributionEventsTrackingGroupState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension DistributionEventTrackingFlowDirection: GraphQLEnumValue { public var graphQLName: String { rawValue } }
