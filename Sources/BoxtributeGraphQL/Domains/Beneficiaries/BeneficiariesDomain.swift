extension GraphQLDomain {
    /// Beneficiaries and their transactions.
    static let beneficiaries = GraphQLDomain(schemaFiles: ["beneficiaries"]) { registry, _ in
        BeneficiaryResolvers.register(in: &registry)
    }
}
