extension GraphQLDomain {
    /// Transfer agreements and shipments between bases.
    static let transfers = GraphQLDomain(
        schemaFiles: ["transfers"], mutationSchemaFiles: ["transfer-mutations"]
    ) { registry, withMutations in
        TransferResolvers.register(in: &registry)
        if withMutations { TransferMutations.register(in: &registry) }
    }
}
