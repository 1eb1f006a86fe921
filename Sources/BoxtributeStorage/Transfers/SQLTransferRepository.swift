import BoxtributeDatabase
import BoxtributeDomain

/// The reads of ``TransferRepository`` in SQL, shared by the read-only repository and the
/// transaction's one.
protocol SQLTransferReads: TransferRepository {
    var db: any SQLQuerying { get }
}

extension SQLTransferReads {
    func transferAgreements(_ ids: [Int]) async throws -> [Int: TransferAgreement] {
        try await TransferAgreementStore.byIds(ids, in: db)
    }

    func transferAgreements(
        in scope: BaseScope, states: [TransferAgreementState]?, now: Timestamp
    ) async throws -> [TransferAgreement] {
        try await TransferAgreementStore.list(scope: scope, states: states, now: now, in: db)
    }

    func agreementBases(ofAgreements ids: [Int]) async throws -> [AgreementBase] {
        try await TransferAgreementStore.bases(ofAgreements: ids, in: db)
    }

    func shipments(_ ids: [Int], in scope: BaseScope) async throws -> [Int: Shipment] {
        try await ShipmentStore.byIds(ids, scope: scope, in: db)
    }

    func shipments(in scope: BaseScope, states: [ShipmentState]?) async throws -> [Shipment] {
        try await ShipmentStore.list(scope: scope, states: states, in: db)
    }

    func shipments(ofAgreements ids: [Int], in scope: BaseScope) async throws -> [Int: [Shipment]] {
        try await ShipmentStore.ofAgreements(ids, scope: scope, in: db)
    }

    func shipmentDetails(ofShipments ids: [Int]) async throws -> [Int: [ShipmentDetail]] {
        try await ShipmentDetailStore.ofShipments(ids, in: db)
    }

    func activeShipmentDetails(ofBoxes ids: [Box.ID]) async throws -> [Box.ID: ShipmentDetail] {
        try await ShipmentDetailStore.active(ofBoxes: ids, in: db)
    }

    func autoMatchingTargetProducts(ofDetails ids: [Int]) async throws -> [Int: Product] {
        try await ShipmentDetailStore.autoMatchingTargetProducts(ofDetails: ids, in: db)
    }

    func hasAcceptedAgreement(linking baseId: Base.ID, withAnyOf userBases: [Base.ID]) async throws -> Bool {
        try await TransferAgreementStore.hasAcceptedAgreement(linking: baseId, withAnyOf: userBases, in: db)
    }
}

/// ``TransferRepository`` in SQL, reading through a request's reader.
struct SQLTransferRepository: SQLTransferReads {
    let db: any SQLQuerying
}

/// ``TransferWriteRepository`` in SQL, on a transaction's connection.
struct SQLTransferWriteRepository: SQLTransferReads, TransferWriteRepository {
    let context: SQLWriteContext
    var db: any SQLQuerying { context.connection }

    func transferAgreementForUpdate(_ id: Int) async throws -> TransferAgreement? {
        try await TransferAgreementStore.byIdForUpdate(id, in: context)
    }

    func transferAgreements(
        between organisationIds: Set<Int>, states: [TransferAgreementState]
    ) async throws -> [TransferAgreement] {
        try await TransferAgreementStore.between(organisationIds, states: states, in: context)
    }

    func insertTransferAgreement(_ agreement: NewTransferAgreement) async throws -> Int {
        try await TransferAgreementStore.insert(
            sourceOrganisationId: agreement.sourceOrganisationId, targetOrganisationId: agreement.targetOrganisationId,
            type: agreement.type, validFrom: agreement.validFrom, validUntil: agreement.validUntil,
            comment: agreement.comment, sourceBaseIds: agreement.sourceBaseIds,
            targetBaseIds: agreement.targetBaseIds, in: context)
    }

    func save(_ agreement: TransferAgreement) async throws {
        try await TransferAgreementStore.save(agreement, in: context)
    }

    func shipmentForUpdate(_ id: Int) async throws -> Shipment? {
        try await ShipmentStore.byIdForUpdate(id, in: context)
    }

    func insertShipment(sourceBaseId: Base.ID, targetBaseId: Base.ID, agreementId: Int?) async throws -> Shipment {
        try await ShipmentStore.insert(
            sourceBaseId: sourceBaseId, targetBaseId: targetBaseId, agreementId: agreementId, in: context)
    }

    func save(_ shipment: Shipment) async throws { try await ShipmentStore.save(shipment, in: context) }

    func shipmentDetailsForUpdate(ofShipment id: Int) async throws -> [ShipmentDetail] {
        try await ShipmentDetailStore.ofShipmentForUpdate(id, in: context)
    }

    func lostShipmentDetailsForUpdate(boxIds: [Box.ID]) async throws -> [ShipmentDetail] {
        try await ShipmentDetailStore.lostForUpdate(boxIds: boxIds, in: context)
    }

    func insertShipmentDetails(boxes: [Box], shipmentId: Int) async throws {
        try await ShipmentDetailStore.insert(boxes: boxes, shipmentId: shipmentId, in: context)
    }

    func save(_ detail: ShipmentDetail) async throws { try await ShipmentDetailStore.save(detail, in: context) }

    func markShipmentDetailsRemoved(_ ids: [Int]) async throws {
        try await ShipmentDetailStore.markRemoved(ids, in: context)
    }

    func markShipmentDetailsLost(_ ids: [Int]) async throws { try await ShipmentDetailStore.markLost(ids, in: context) }

    func clearShipmentDetailsLost(_ ids: [Int]) async throws {
        try await ShipmentDetailStore.clearLost(ids, in: context)
    }
}
