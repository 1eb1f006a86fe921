extension GraphQLDomain {
    /// Mobile distribution: spots, events, packing lists and return tracking.
    static let distribution = GraphQLDomain(
        schemaFiles: ["distribution"], mutationSchemaFiles: ["distribution-mutations"]
    ) { registry, withMutations in
        DistributionTypeResolvers.register(in: &registry)
        DistributionQueries.register(in: &registry)
        if withMutations { DistributionMutations.register(in: &registry) }
    }
}
