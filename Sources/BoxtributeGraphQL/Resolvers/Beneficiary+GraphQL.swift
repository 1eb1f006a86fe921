/// Read resolvers of the beneficiary types.
enum BeneficiaryResolvers {
    static func register(in registry: inout ResolverRegistry) {}
}
