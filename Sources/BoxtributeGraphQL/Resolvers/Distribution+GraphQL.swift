/// Read resolvers of the mobile-distribution types (distribution spots and events).
enum DistributionResolvers {
    static func register(in registry: inout ResolverRegistry) {}
}
