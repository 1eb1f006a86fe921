extension GraphQLDomain {
    /// Mobile distribution: spots, events, packing lists and return tracking.
    static let distribution = GraphQLDomain(schemaFiles: ["distribution"]) { registry, _ in
        DistributionTypeResolvers.register(in: &registry)
        DistributionQueries.register(in: &registry)
    }
}
