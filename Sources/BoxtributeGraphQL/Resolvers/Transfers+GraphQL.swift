/// Read resolvers of the box-transfer types (shipments, shipment details, transfer agreements).
enum TransferResolvers {
    static func register(in registry: inout ResolverRegistry) {}
}
