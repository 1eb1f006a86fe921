extension GraphQLDomain {
    /// Scalars and enums every API uses.
    static let shared = GraphQLDomain(schemaFiles: ["base"]) { _, _ in }
}
