extension GraphQLDomain {
    /// The statistics' data cubes: facts and dimensions, served by every API (the public one
    /// through share links).
    static let dataCubes = GraphQLDomain(schemaFiles: ["data-cubes"]) { registry, _ in
        DataCubeTypes.register(in: &registry)
    }
}
