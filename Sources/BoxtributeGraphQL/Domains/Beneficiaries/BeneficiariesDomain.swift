extension GraphQLDomain {
    /// Beneficiaries and their transactions.
    static let beneficiaries = GraphQLDomain(
        schemaFiles: ["beneficiaries"], mutationSchemaFiles: ["beneficiary-mutations"]
    ) { registry, withMutations in
        BeneficiaryTypeResolvers.register(in: &registry)
        BeneficiaryQueries.register(in: &registry)
        if withMutations { BeneficiaryMutations.register(in: &registry) }
    }
}
