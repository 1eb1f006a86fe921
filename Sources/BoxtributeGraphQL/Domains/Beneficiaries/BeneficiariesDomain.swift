extension GraphQLDomain {
    /// Beneficiaries and their transactions.
    static let beneficiaries = GraphQLDomain(schemaFiles: ["beneficiaries"]) { registry, _ in
        BeneficiaryTypeResolvers.register(in: &registry)
        BeneficiaryQueries.register(in: &registry)
    }
}
