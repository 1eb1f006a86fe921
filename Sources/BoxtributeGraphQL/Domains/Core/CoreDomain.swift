extension GraphQLDomain {
    /// Organisations, bases and users, and the error types the protected APIs' result unions
    /// share.
    static let core = GraphQLDomain { registry, _ in
        registry.registerErrorTypes()
        CoreTypeResolvers.register(in: &registry)
        CoreQueries.register(in: &registry)
    }
}
