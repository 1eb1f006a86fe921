extension GraphQLDomain {
    /// Locations, boxes, QR codes, products, sizes and tags.
    static let warehouse = GraphQLDomain(
        schemaFiles: ["warehouse"], mutationSchemaFiles: ["warehouse-mutations"]
    ) { registry, withMutations in
        BoxTypeResolvers.register(in: &registry)
        BoxQueries.register(in: &registry)
        CatalogueTypeResolvers.register(in: &registry)
        CatalogueQueries.register(in: &registry)
        if withMutations {
            registry.registerUserErrorTypes()
            BoxMutations.register(in: &registry)
            CatalogueMutations.register(in: &registry)
        }
    }
}
