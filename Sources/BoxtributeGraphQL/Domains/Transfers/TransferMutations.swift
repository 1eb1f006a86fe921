import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Mutation` fields of the box-transfer domain (spec 04 §8–§9): read the arguments,
/// call the service in one transaction. Errors are coded errors, not union members.
enum TransferMutations {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Mutation", RootValue.self) { mutation in
            registerAgreementMutations(&mutation)
            registerShipmentMutations(&mutation)
        }
    }

    private static func registerAgreementMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("createTransferAgreement") { arguments, context in
            guard let input = arguments.object("creationInput") else { throw DomainError.notFound }
            var creation = TransferAgreementCreation(
                initiatingOrganisationId: input.int("initiatingOrganisationId") ?? 0,
                partnerOrganisationId: input.int("partnerOrganisationId") ?? 0,
                type: input.string("type").flatMap(TransferAgreementType.init(rawValue:)) ?? .bidirectional,
                initiatingOrganisationBaseIds: input.intList("initiatingOrganisationBaseIds") ?? [])
            creation.validFrom = input.string("validFrom")
            creation.validUntil = input.string("validUntil")
            creation.partnerOrganisationBaseIds = input.intList("partnerOrganisationBaseIds")
            creation.comment = input.string("comment")
            let request = creation
            return try await context.mutateSQL { try await TransferAgreementService.create(request, in: $0) }
        }
        mutation.legacyRoot("acceptTransferAgreement") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await TransferAgreementService.accept(id: id, in: $0) }
        }
        mutation.legacyRoot("rejectTransferAgreement") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await TransferAgreementService.reject(id: id, in: $0) }
        }
        mutation.legacyRoot("cancelTransferAgreement") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await TransferAgreementService.cancel(id: id, in: $0) }
        }
    }

    private static func registerShipmentMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("createShipment") { arguments, context in
            guard let input = arguments.object("creationInput") else { throw DomainError.notFound }
            let sourceBaseId = input.int("sourceBaseId") ?? 0
            let targetBaseId = input.int("targetBaseId") ?? 0
            let agreementId = input.int("transferAgreementId")
            return try await context.mutateSQL {
                try await ShipmentService.create(
                    sourceBaseId: sourceBaseId, targetBaseId: targetBaseId, agreementId: agreementId, in: $0)
            }
        }
        mutation.legacyRoot("updateShipmentWhenPreparing") { arguments, context in
            guard let input = arguments.object("updateInput") else { throw DomainError.notFound }
            let id = try input.id("id") ?? 0
            let targetBaseId = input.int("targetBaseId")
            let prepared = input.stringList("preparedBoxLabelIdentifiers") ?? []
            let removed = input.stringList("removedBoxLabelIdentifiers") ?? []
            return try await context.mutateSQL {
                try await ShipmentService.updateWhenPreparing(
                    id: id, targetBaseId: targetBaseId, preparedLabels: prepared, removedLabels: removed, in: $0)
            }
        }
        mutation.legacyRoot("updateShipmentWhenReceiving") { arguments, context in
            guard let input = arguments.object("updateInput") else { throw DomainError.notFound }
            let id = try input.id("id") ?? 0
            let received = try (input.objectList("receivedShipmentDetailUpdateInputs") ?? []).map { detail in
                ShipmentDetailReception(
                    detailId: try detail.id("id") ?? 0, targetProductId: detail.int("targetProductId") ?? 0,
                    targetLocationId: detail.int("targetLocationId") ?? 0,
                    targetSizeId: detail.int("targetSizeId") ?? 0, targetQuantity: detail.int("targetQuantity") ?? 0)
            }
            let lost = input.stringList("lostBoxLabelIdentifiers") ?? []
            return try await context.mutateSQL {
                try await ShipmentService.updateWhenReceiving(id: id, received: received, lostLabels: lost, in: $0)
            }
        }
        mutation.legacyRoot("cancelShipment") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await ShipmentService.cancel(id: id, in: $0) }
        }
        mutation.legacyRoot("sendShipment") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await ShipmentService.send(id: id, in: $0) }
        }
        mutation.legacyRoot("startReceivingShipment") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await ShipmentService.startReceiving(id: id, in: $0) }
        }
        mutation.legacyRoot("markShipmentAsLost") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.mutateSQL { try await ShipmentService.markLost(id: id, in: $0) }
        }
        mutation.legacyRoot("moveNotDeliveredBoxesInStock") { arguments, context in
            let boxIds = arguments.stringList("boxIds") ?? []
            return try await context.mutateSQL {
                try await ShipmentService.moveNotDeliveredInStock(boxIds: boxIds, in: $0)
            }
        }
    }
}
