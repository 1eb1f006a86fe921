extension GraphQLDomain {
    /// The public API's own queries (share links).
    static let publicSharing = GraphQLDomain(schemaFiles: ["public"]) { registry, _ in
        PublicResolvers.register(in: &registry)
    }
}
