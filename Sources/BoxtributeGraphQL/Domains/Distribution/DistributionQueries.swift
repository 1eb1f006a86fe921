import BoxtributeDomain

/// The root `Query` fields of mobile distribution.
enum DistributionQueries {
    struct IdArguments: Decodable { var id: IDArgument }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.readQuery("distributionSpots", DistributionService.spots(in:))
            query.query("distributionSpot", EntityIDArguments<Location.ID>.self) { arguments, context in
                try await DistributionService.spot(id: arguments.id, in: context.readScope)
            }
            query.query("distributionEvent", IdArguments.self) { arguments, context in
                try await DistributionService.event(id: arguments.id.value, in: context.readScope)
            }
            query.query("packingListEntry", IdArguments.self) { arguments, context in
                try await DistributionService.packingListEntry(id: arguments.id.value, in: context.readScope)
            }
            query.query("distributionEventsTrackingGroup", IdArguments.self) { arguments, context in
                try await DistributionService.trackingGroup(id: arguments.id.value, in: context.readScope)
            }
        }
    }
}
