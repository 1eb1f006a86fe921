extension GraphQLDomain {
    /// Locations, boxes, QR codes, products, sizes and tags.
    static let warehouse = GraphQLDomain(
        schemaFiles: ["warehouse"], mutationSchemaFiles: ["warehouse-mutations"]
    ) { registry, withMutations in
        WarehouseTypeResolvers.register(in: &registry)
        WarehouseQueries.register(in: &registry)
        if withMutations { WarehouseMutations.register(in: &registry) }
    }
}
