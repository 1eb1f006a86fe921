extension GraphQLDomain {
    /// The statistics of the protected APIs (statviz cubes, beneficiary figures, metrics) and
    /// share links.
    static let statistics = GraphQLDomain(
        schemaFiles: ["statistics"], mutationSchemaFiles: ["statistics-mutations"]
    ) { registry, withMutations in
        StatisticsQueries.register(in: &registry)
        StatisticsTypes.register(in: &registry)
        if withMutations { StatisticsMutations.register(in: &registry) }
    }
}
