import BoxtributeDomain

/// The root `Mutation` fields of the box-transfer domain: decode the arguments, call the
/// service in one transaction. Errors are coded errors, not union members.
enum TransferMutations {
    struct IdArguments: Decodable { var id: IDArgument }

    struct CreateAgreementArguments: Decodable {
        struct CreationInput: Decodable {
            var initiatingOrganisationId: Int
            var partnerOrganisationId: Int
            var type: EnumArgument<TransferAgreementType>
            var validFrom: String?
            var validUntil: String?
            var initiatingOrganisationBaseIds: [Base.ID]
            var partnerOrganisationBaseIds: [Base.ID]?
            var comment: String?

            var creation: TransferAgreementCreation {
                var creation = TransferAgreementCreation(
                    initiatingOrganisationId: initiatingOrganisationId, partnerOrganisationId: partnerOrganisationId,
                    type: type.value, initiatingOrganisationBaseIds: initiatingOrganisationBaseIds)
                creation.validFrom = validFrom
                creation.validUntil = validUntil
                creation.partnerOrganisationBaseIds = partnerOrganisationBaseIds
                creation.comment = comment
                return creation
            }
        }
        var creationInput: CreationInput?
    }

    struct CreateShipmentArguments: Decodable {
        struct CreationInput: Decodable {
            var sourceBaseId: Base.ID
            var targetBaseId: Base.ID
            var transferAgreementId: Int?
        }
        var creationInput: CreationInput?
    }

    struct PreparingArguments: Decodable {
        struct UpdateInput: Decodable {
            var id: IDArgument
            var targetBaseId: Base.ID?
            var preparedBoxLabelIdentifiers: [String]?
            var removedBoxLabelIdentifiers: [String]?
        }
        var updateInput: UpdateInput?
    }

    struct ReceivingArguments: Decodable {
        struct DetailInput: Decodable {
            var id: IDArgument
            var targetProductId: Product.ID
            var targetLocationId: Location.ID
            var targetSizeId: Int
            var targetQuantity: Int

            var reception: ShipmentDetailReception {
                ShipmentDetailReception(
                    detailId: id.value, targetProductId: targetProductId, targetLocationId: targetLocationId,
                    targetSizeId: targetSizeId, targetQuantity: targetQuantity)
            }
        }
        struct UpdateInput: Decodable {
            var id: IDArgument
            var receivedShipmentDetailUpdateInputs: [DetailInput]?
            var lostBoxLabelIdentifiers: [String]?
        }
        var updateInput: UpdateInput?
    }

    struct BoxIdsArguments: Decodable { var boxIds: [String] }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Mutation", RootValue.self) { mutation in
            registerAgreementMutations(&mutation)
            registerShipmentMutations(&mutation)
        }
    }

    private static func registerAgreementMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("createTransferAgreement", CreateAgreementArguments.self) { arguments, context in
            // The input is nullable in the schema; without it there is nothing to create.
            let creation = try arguments.creationInput.orNotFound().creation
            return try await context.mutate { try await TransferAgreementService.create(creation, in: $0) }
        }
        transition(&mutation, "acceptTransferAgreement", TransferAgreementService.accept)
        transition(&mutation, "rejectTransferAgreement", TransferAgreementService.reject)
        transition(&mutation, "cancelTransferAgreement", TransferAgreementService.cancel)
    }

    private static func registerShipmentMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("createShipment", CreateShipmentArguments.self) { arguments, context in
            let input = try arguments.creationInput.orNotFound()
            return try await context.mutate {
                try await ShipmentService.create(
                    sourceBaseId: input.sourceBaseId, targetBaseId: input.targetBaseId,
                    agreementId: input.transferAgreementId, in: $0)
            }
        }
        mutation.mutation("updateShipmentWhenPreparing", PreparingArguments.self) { arguments, context in
            let input = try arguments.updateInput.orNotFound()
            return try await context.mutate {
                try await ShipmentService.updateWhenPreparing(
                    id: input.id.value, targetBaseId: input.targetBaseId,
                    preparedLabels: input.preparedBoxLabelIdentifiers ?? [],
                    removedLabels: input.removedBoxLabelIdentifiers ?? [], in: $0)
            }
        }
        mutation.mutation("updateShipmentWhenReceiving", ReceivingArguments.self) { arguments, context in
            let input = try arguments.updateInput.orNotFound()
            return try await context.mutate {
                try await ShipmentService.updateWhenReceiving(
                    id: input.id.value, received: (input.receivedShipmentDetailUpdateInputs ?? []).map(\.reception),
                    lostLabels: input.lostBoxLabelIdentifiers ?? [], in: $0)
            }
        }
        transition(&mutation, "cancelShipment", ShipmentService.cancel)
        transition(&mutation, "sendShipment", ShipmentService.send)
        transition(&mutation, "startReceivingShipment", ShipmentService.startReceiving)
        transition(&mutation, "markShipmentAsLost", ShipmentService.markLost)
        mutation.mutation("moveNotDeliveredBoxesInStock", BoxIdsArguments.self) { arguments, context in
            try await context.mutate {
                try await ShipmentService.moveNotDeliveredInStock(boxIds: arguments.boxIds, in: $0)
            }
        }
    }

    /// A mutation that takes the `id` of an agreement or shipment and changes its state.
    private static func transition<Record: Sendable>(
        _ mutation: inout ObjectResolvers<RootValue>, _ name: String,
        _ change: @escaping @Sendable (Int, MutationScope) async throws -> Record
    ) {
        mutation.mutation(name, IdArguments.self) { arguments, context in
            try await context.mutate { try await change(arguments.id.value, $0) }
        }
    }
}
