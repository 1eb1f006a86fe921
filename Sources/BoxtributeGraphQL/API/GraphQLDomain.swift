/// One domain's share of the API: its SDL files and the function that registers its resolvers.
/// A variant of the API is a list of domains (``APIVariant/domains``).
struct GraphQLDomain: Sendable {
    /// SDL files with the domain's types and queries.
    var schemaFiles: [String] = []
    /// SDL files with the domain's mutations, read by the full API only.
    var mutationSchemaFiles: [String] = []
    /// Registers the domain's resolvers; `withMutations` is true for the API with mutations.
    var register: @Sendable (_ registry: inout ResolverRegistry, _ withMutations: Bool) -> Void
}
