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
            type.readOutcomes("distributionSpots", DistributionService.spots(ofBases:in:))
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
            type.readOutcomes("distributionEventsStatistics", DistributionService.statistics(ofBases:in:))
        }
    }

    // MARK: DistributionSpot

    private static func registerSpot(in registry: inout ResolverRegistry) {
        registry.object("DistributionSpot", Location.self, sharedBy: \.id) { type in
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "latitude": .leaf { $0.latitude },
                "longitude": .leaf { $0.longitude },
            ])
            type.field("boxes") { _ in nil }
            type.base(id: \.baseId)
            type.batch("comment") { spots, context in
                try await DistributionService.comments(ofSpots: spots, in: context.readScope)
            }
            type.readOutcomes("distributionEvents", DistributionService.events(ofSpots:in:))
        }
    }

    // MARK: DistributionEvent and PackingListEntry

    private static func registerEvent(in registry: inout ResolverRegistry) {
        registry.object("DistributionEvent", DistributionEvent.self) { type in
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "state": .leaf { $0.state },
                "plannedStartDateTime": .leaf { $0.plannedStartDateTime },
                "plannedEndDateTime": .leaf { $0.plannedEndDateTime },
            ])
            type.readOutcomes("distributionSpot", DistributionService.spots(ofEvents:in:))
            type.readOutcomes("packingListEntries", DistributionService.packingListEntries(ofEvents:in:))
            type.readOutcomes("boxes", DistributionService.boxes(ofEvents:in:))
            type.readOutcomes("unboxedItemsCollections", DistributionService.unboxedItemsCollections(ofEvents:in:))
            type.readOutcomes("distributionEventsTrackingGroup", DistributionService.trackingGroups(ofEvents:in:))
        }

        registry.object("PackingListEntry", PackingListEntry.self) { type in
            type.values([
                "id": .leaf { $0.id }, "numberOfItems": .leaf { $0.numberOfItems }, "state": .leaf { $0.state },
            ])
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
            type.readBatch("product", DistributionService.products(ofCollections:in:))
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
            type.values(["id": .leaf { $0.id }, "state": .leaf { $0.state }, "createdOn": .leaf { $0.createdOn }])
            type.readOutcomes("distributionEvents", DistributionService.events(ofTrackingGroups:in:))
            type.readOutcomes("distributionEventsTrackingEntries", DistributionService.trackingEntries(ofGroups:in:))
        }

        registry.object("DistributionEventsTrackingEntry", DistributionEventsTrackingEntry.self) { type in
            type.values([
                "id": .leaf { $0.id }, "numberOfItems": .leaf { $0.numberOfItems },
                "flowDirection": .leaf { $0.flowDirection },
            ])
            // The reference leaves these two unresolved (always null); we map them to their columns.
            type.value("dateTimeOfTracking") { $0.date }
            type.related("distributionEventsTrackingGroup", id: \.groupId) { ids, context in
                try await DistributionService.trackingGroups(ids, in: context.readScope)
            }
            type.productAndSize(product: \.productId, size: \.sizeId)
        }

        registry.object("DistributionEventsStatistics", DistributionEventsStatistics.self) { type in
            type.values([
                "productName": .leaf { $0.productName }, "genderLabel": .leaf { $0.genderLabel },
                "categoryLabel": .leaf { $0.categoryLabel }, "sizeLabel": .leaf { $0.sizeLabel },
                "inflow": .leaf { $0.inflow }, "outflow": .leaf { $0.outflow },
                "earliestPossibleDistroDate": .leaf { $0.earliestPossibleDistroDate },
                "latestPossibleDistroDate": .leaf { $0.latestPossibleDistroDate },
                "potentiallyInvolvedDistributionSpots": .leaf { $0.potentiallyInvolvedDistributionSpots },
                "involvedDistributionEventIds": .leaf { $0.involvedDistributionEventIds },
                "distroEventTrackingGroupId": .leaf { String($0.trackingGroupId) },
                "productId": .leaf { String($0.productId) }, "sizeId": .leaf { String($0.sizeId) },
            ])
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
