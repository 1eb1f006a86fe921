import BoxtributeDomain

/// The root `Query` fields of the box-transfer domain.
enum TransferQueries {
    struct IdArguments: Decodable { var id: IDArgument }

    struct AgreementStatesArguments: Decodable { var states: [EnumArgument<TransferAgreementState>]? }

    struct ShipmentStatesArguments: Decodable { var states: [EnumArgument<ShipmentState>]? }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("transferAgreement", IdArguments.self) { arguments, context in
                try await TransferAgreementService.transferAgreement(id: arguments.id.value, in: context.readScope)
            }
            query.query("transferAgreements", AgreementStatesArguments.self) { arguments, context in
                try await TransferAgreementService.transferAgreements(
                    states: arguments.states?.values(), now: context.environment.now(), in: context.readScope)
            }
            query.query("shipment", IdArguments.self) { arguments, context in
                try await ShipmentService.shipment(id: arguments.id.value, in: context.readScope)
            }
            query.query("shipments", ShipmentStatesArguments.self) { arguments, context in
                try await ShipmentService.shipments(states: arguments.states?.values(), in: context.readScope)
            }
        }
    }
}
