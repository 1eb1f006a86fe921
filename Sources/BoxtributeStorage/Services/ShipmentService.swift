import BoxtributeDatabase
// Port of business_logic/box_transfer/shipment/crud.py.
import BoxtributeDomain

/// The shipment lifecycle and the boxes travelling in it (spec 04 §9). Each mutation is one
/// transaction: the shipment row is read locked first, so two users acting on one shipment at
/// once are serialised and the second sees the first one's outcome.
public enum ShipmentService {
    /// `createShipment`: a shipment in preparation, between two bases of one organisation or
    /// under an accepted, unexpired agreement.
    public static func create(
        sourceBaseId: Int, targetBaseId: Int, agreementId: Int?, in scope: SQLWriteContext
    ) async throws -> Shipment {
        try scope.user.authorize("shipment:create", baseId: sourceBaseId)
        if let agreementId {
            let agreement = try await TransferAgreementStore.byIdForUpdate(agreementId, in: scope)
                .orThrow(DomainError.notFound)
            let state = agreement.state(at: scope.now)
            guard state == .accepted else { throw DomainError.invalidAgreementState(state, expected: [.accepted]) }
            try await requireAgreementBases(agreement, source: sourceBaseId, target: targetBaseId, in: scope)
        } else {
            try await requireSameOrganisation(sourceBaseId, targetBaseId, in: scope)
        }
        return try await ShipmentStore.insert(
            sourceBaseId: sourceBaseId, targetBaseId: targetBaseId, agreementId: agreementId, in: scope)
    }

    /// `updateShipmentWhenPreparing`: adds boxes, takes boxes out and changes the target base.
    /// Boxes that cannot be added or removed are ignored, as in the reference.
    public static func updateWhenPreparing(
        id: Int, targetBaseId: Int?, preparedLabels: [String], removedLabels: [String], in scope: SQLWriteContext
    ) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", baseId: shipment.sourceBaseId)
        try scope.user.authorize("shipment_detail:write")
        try requireState(shipment, .preparing)
        if let targetBaseId {
            if let agreementId = shipment.transferAgreementId {
                let agreement = try await TransferAgreementStore.byIdForUpdate(agreementId, in: scope)
                    .orThrow(DomainError.notFound)
                try await requireAgreementBases(
                    agreement, source: shipment.sourceBaseId, target: targetBaseId, in: scope)
            } else {
                // Beyond the reference, which accepts any base here (spec 04 §13.4).
                try await requireSameOrganisation(shipment.sourceBaseId, targetBaseId, in: scope)
            }
        }

        try await prepare(preparedLabels, for: shipment, in: scope)
        let labels = Set(removedLabels)
        if !labels.isEmpty {
            let (details, boxes) = try await activeDetails(of: shipment.id, in: scope)
            let removing = details.filter { detail in
                guard let box = boxes[detail.boxId] else { return false }
                return labels.contains(box.labelIdentifier) && box.state == .markedForShipment
            }
            try await ShipmentDetailStore.markRemoved(removing.map(\.id), in: scope)
            try await BoxStore.changeState(of: removing.compactMap { boxes[$0.boxId] }, to: .inStock, in: scope)
        }
        if let targetBaseId, targetBaseId != shipment.targetBaseId {
            shipment.targetBaseId = targetBaseId
            try await ShipmentStore.save(shipment, in: scope)
        }
        return shipment
    }

    /// `cancelShipment`: a shipment in preparation is canceled and its boxes go back to stock.
    public static func cancel(id: Int, in scope: SQLWriteContext) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", anyOf: shipment.baseIds)
        try scope.user.authorize("shipment_detail:write")
        try requireState(shipment, .preparing)
        let (details, boxes) = try await activeDetails(of: shipment.id, in: scope)
        try await ShipmentDetailStore.markRemoved(details.map(\.id), in: scope)
        try await BoxStore.changeState(
            of: details.compactMap { boxes[$0.boxId] }.filter { $0.state == .markedForShipment }, to: .inStock,
            in: scope)
        shipment.state = .canceled
        shipment.canceledOn = scope.now
        shipment.canceledBy = scope.user.id
        try await ShipmentStore.save(shipment, in: scope)
        return shipment
    }

    /// `sendShipment`: the source side sends the shipment; its boxes are in transit.
    public static func send(id: Int, in scope: SQLWriteContext) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", baseId: shipment.sourceBaseId)
        try requireState(shipment, .preparing)
        try await moveBoxes(of: shipment.id, from: .markedForShipment, to: .inTransit, in: scope)
        shipment.state = .sent
        shipment.sentOn = scope.now
        shipment.sentBy = scope.user.id
        try await ShipmentStore.save(shipment, in: scope)
        return shipment
    }

    /// `startReceivingShipment`: the target side opens a sent shipment; its boxes are being received.
    public static func startReceiving(id: Int, in scope: SQLWriteContext) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", baseId: shipment.targetBaseId)
        try requireState(shipment, .sent)
        try await moveBoxes(of: shipment.id, from: .inTransit, to: .receiving, in: scope)
        shipment.state = .receiving
        shipment.receivingStartedOn = scope.now
        shipment.receivingStartedBy = scope.user.id
        try await ShipmentStore.save(shipment, in: scope)
        return shipment
    }

    /// `markShipmentAsLost`: a sent shipment never arrived; its boxes are not delivered.
    public static func markLost(id: Int, in scope: SQLWriteContext) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", anyOf: shipment.baseIds)
        try scope.user.authorize("shipment_detail:write")
        try requireState(shipment, .sent)
        let (details, boxes) = try await activeDetails(of: shipment.id, in: scope)
        let lost = details.filter { boxes[$0.boxId]?.state == .inTransit }
        try await ShipmentDetailStore.markLost(lost.map(\.id), in: scope)
        try await BoxStore.changeState(of: lost.compactMap { boxes[$0.boxId] }, to: .notDelivered, in: scope)
        shipment.state = .lost
        shipment.completedOn = scope.now
        shipment.completedBy = scope.user.id
        try await ShipmentStore.save(shipment, in: scope)
        return shipment
    }

    /// `updateShipmentWhenReceiving`: the target side takes boxes into its stock with the
    /// product, location, size and quantity it entered, and marks boxes as lost. The shipment
    /// completes in the same transaction once every box is settled.
    public static func updateWhenReceiving(
        id: Int, received: [ShipmentDetailReception], lostLabels: [String], in scope: SQLWriteContext
    ) async throws -> Shipment {
        var shipment = try await ShipmentStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try scope.user.authorize("shipment:edit", baseId: shipment.targetBaseId)
        try scope.user.authorize("shipment_detail:write")
        try requireState(shipment, .receiving)
        try await receive(received, in: shipment, scope: scope)

        let labels = Set(lostLabels)
        if !labels.isEmpty {
            let (details, boxes) = try await activeDetails(of: shipment.id, in: scope)
            let lost = details.filter { detail in
                guard let box = boxes[detail.boxId] else { return false }
                return labels.contains(box.labelIdentifier) && (box.state == .inTransit || box.state == .receiving)
            }
            try await ShipmentDetailStore.markLost(lost.map(\.id), in: scope)
            try await BoxStore.changeState(of: lost.compactMap { boxes[$0.boxId] }, to: .notDelivered, in: scope)
        }
        try await completeIfSettled(&shipment, in: scope)
        return shipment
    }

    /// `moveNotDeliveredBoxesInStock`: undoes the loss of boxes (database ids) of one shipment.
    /// The source side takes them back into its stock; the target side receives them after all.
    ///
    /// Unlike the reference: no matching box is a BAD_USER_INPUT error instead of a crash, boxes
    /// of other shipments than the first matching one are ignored, and god users act as the
    /// source side (spec 04 §13.7).
    public static func moveNotDeliveredInStock(boxIds: [String], in scope: SQLWriteContext) async throws -> Shipment {
        let ids = boxIds.compactMap { Int($0) }
        let candidates = try await ShipmentDetailStore.lostForUpdate(boxIds: ids, in: scope)
        let candidateBoxes = try await BoxStore.byIdsForUpdate(candidates.map(\.boxId), in: scope)
        let matching = candidates.filter { candidateBoxes[$0.boxId]?.state == .notDelivered }
        guard let first = matching.first else { throw DomainError.notFound }
        var shipment = try await ShipmentStore.byIdForUpdate(first.shipmentId, in: scope)
            .orThrow(DomainError.notFound)
        let details = matching.filter { $0.shipmentId == shipment.id }
        let boxes = details.compactMap { candidateBoxes[$0.boxId] }
        try scope.user.authorize("shipment:edit", anyOf: shipment.baseIds)

        if scope.user.isGod || scope.user.can("shipment:edit", baseId: shipment.sourceBaseId) {
            try await ShipmentDetailStore.markRemoved(details.map(\.id), in: scope)
            try await BoxStore.changeState(of: boxes, to: .inStock, in: scope)
        } else {
            shipment.state = .receiving
            shipment.completedOn = nil
            shipment.completedBy = nil
            try await ShipmentDetailStore.clearLost(details.map(\.id), in: scope)
            try await BoxStore.changeState(of: boxes, to: .receiving, in: scope)
            try await ShipmentStore.save(shipment, in: scope)
        }
        if shipment.state != .completed { try await completeIfSettled(&shipment, in: scope) }
        return shipment
    }

    // MARK: - Steps

    /// Adds the named boxes that are in stock in the source base, not deleted and not in
    /// another shipment; others are ignored (deleted boxes too, unlike the reference: spec 04 §13.5).
    private static func prepare(_ labels: [String], for shipment: Shipment, in scope: SQLWriteContext) async throws {
        let boxes = try await BoxStore.byLabelsForUpdate(labels, in: scope)
        guard !boxes.isEmpty else { return }
        let locations = try await LocationStore.byIds(boxes.map(\.locationId), in: scope.connection)
        let travelling = try await ShipmentDetailStore.active(ofBoxes: boxes.map(\.id), in: scope.connection)
        let eligible = boxes.filter { box in
            box.state == .inStock && box.deletedOn == nil && travelling[box.id] == nil
                && locations[box.locationId]?.baseId == shipment.sourceBaseId
        }
        try await ShipmentDetailStore.insert(boxes: eligible, shipmentId: shipment.id, in: scope)
        try await BoxStore.changeState(of: eligible, to: .markedForShipment, in: scope)
    }

    /// Validates every reception first, then takes the boxes into the target base's stock.
    private static func receive(
        _ inputs: [ShipmentDetailReception], in shipment: Shipment, scope: SQLWriteContext
    ) async throws {
        guard !inputs.isEmpty else { return }
        let db = scope.connection
        let details = try await ShipmentDetailStore.ofShipmentForUpdate(shipment.id, in: scope)
        let detailsById = Dictionary(details.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Inputs for details of other shipments are ignored; for a repeated detail the last one wins.
        var wanted: [Int: ShipmentDetailReception] = [:]
        var order: [Int] = []
        for input in inputs where detailsById[input.detailId] != nil {
            if wanted[input.detailId] == nil { order.append(input.detailId) }
            wanted[input.detailId] = input
        }
        guard !order.isEmpty else { return }
        let chosen = order.compactMap { wanted[$0] }
        let boxes = try await BoxStore.byIdsForUpdate(order.compactMap { detailsById[$0]?.boxId }, in: scope)
        let locations = try await LocationStore.byIds(chosen.map(\.targetLocationId), in: db)
        let products = try await ProductStore.byIds(chosen.map(\.targetProductId), in: db)
        let sizes = try await ReferenceDataStore.sizes(ids: chosen.map(\.targetSizeId), in: db)
        let rangesOfSizes = try await ReferenceDataStore.sizes(
            ofRanges: Array(Set(products.values.map(\.sizeRangeId))), in: db)

        for input in chosen {
            let detailId = input.detailId
            guard let location = locations[input.targetLocationId], location.baseId == shipment.targetBaseId,
                location.deletedOn == nil
            else { throw DomainError.invalidShipmentDetailInput("Location", detailId: detailId) }
            guard let product = products[input.targetProductId], product.baseId == shipment.targetBaseId,
                product.deletedOn == nil
            else { throw DomainError.invalidShipmentDetailInput("Product", detailId: detailId) }
            guard let detail = detailsById[detailId], let box = boxes[detail.boxId], box.state == .receiving,
                detail.removedOn == nil, detail.lostOn == nil, detail.receivedOn == nil
            else { throw DomainError.invalidShipmentDetailInput("Box", detailId: detailId) }
            // Beyond the reference: the size must exist and fit the product; the quantity must not be negative.
            guard sizes.contains(where: { $0.id == input.targetSizeId }) else { throw DomainError.notFound }
            if !WarehouseRules.isMeasureProduct(sizeRangeId: product.sizeRangeId),
                !(rangesOfSizes[product.sizeRangeId] ?? []).contains(where: { $0.id == input.targetSizeId })
            {
                throw DomainError.invalidShipmentDetailInput("Size", detailId: detailId)
            }
            guard input.targetQuantity >= 0 else { throw DomainError.negativeValue("targetQuantity") }
        }

        var history: [(Int, HistoryChange)] = []
        for input in chosen {
            guard var detail = detailsById[input.detailId], let old = boxes[detail.boxId] else { continue }
            detail.targetProductId = input.targetProductId
            detail.targetLocationId = input.targetLocationId
            detail.targetSizeId = input.targetSizeId
            detail.targetQuantity = input.targetQuantity
            detail.receivedOn = scope.now
            detail.receivedBy = scope.user.id
            try await ShipmentDetailStore.save(detail, in: scope)

            var new = old
            new.productId = input.targetProductId
            new.locationId = input.targetLocationId
            new.sizeId = input.targetSizeId
            new.numberOfItems = input.targetQuantity
            new.state = .inStock
            // Unlike the reference, reconciliation counts as a modification of the box (spec 04 §13.6).
            new.audit.lastModifiedOn = scope.now
            new.audit.lastModifiedBy = scope.user.id
            try await BoxStore.save(new, in: scope)
            // The reference's order: product, location, size, items, state.
            let changes = [
                HistoryChange.integer("product_id", from: old.productId, to: new.productId),
                HistoryChange.integer("location_id", from: old.locationId, to: new.locationId),
                HistoryChange.integer("size_id", from: old.sizeId, to: new.sizeId),
                HistoryChange.integer("items", from: old.numberOfItems, to: new.numberOfItems),
                HistoryChange.integer("box_state_id", from: old.state.rawValue, to: new.state.rawValue),
            ]
            history += changes.compactMap { $0 }.map { (old.id, $0) }
        }
        try await HistoryStore.record(history, table: "stock", in: scope)
        // The source base's tags mean nothing in the target base.
        try await TagStore.unassign(tagIds: nil, from: boxes.keys.sorted(), type: .box, in: scope)
    }

    /// The auto-completion rule (spec 04 §9.8), in the caller's transaction: all remaining
    /// boxes lost → `Lost`; all remaining boxes received or lost → `Completed`.
    private static func completeIfSettled(_ shipment: inout Shipment, in scope: SQLWriteContext) async throws {
        let remaining = try await ShipmentDetailStore.ofShipmentForUpdate(shipment.id, in: scope)
            .filter { $0.removedOn == nil }
        let allLost = !remaining.isEmpty && remaining.allSatisfy { $0.lostOn != nil }
        let allSettled = remaining.allSatisfy { $0.lostOn != nil || $0.receivedOn != nil }
        guard allLost || allSettled else { return }
        shipment.state = allLost ? .lost : .completed
        shipment.completedOn = scope.now
        shipment.completedBy = scope.user.id
        try await ShipmentStore.save(shipment, in: scope)
    }

    /// Boxes of the shipment's active details in state `from` go to `to`.
    private static func moveBoxes(
        of shipmentId: Int, from: BoxState, to: BoxState, in scope: SQLWriteContext
    ) async throws {
        let (details, boxes) = try await activeDetails(of: shipmentId, in: scope)
        try await BoxStore.changeState(
            of: details.compactMap { boxes[$0.boxId] }.filter { $0.state == from }, to: to, in: scope)
    }

    /// The details still travelling (not removed, lost or received), with their boxes, locked.
    private static func activeDetails(
        of shipmentId: Int, in scope: SQLWriteContext
    ) async throws -> (details: [ShipmentDetail], boxes: [Int: Box]) {
        let details = try await ShipmentDetailStore.ofShipmentForUpdate(shipmentId, in: scope).filter {
            $0.removedOn == nil && $0.lostOn == nil && $0.receivedOn == nil
        }
        return (details, try await BoxStore.byIdsForUpdate(details.map(\.boxId), in: scope))
    }

    // MARK: - Checks

    private static func requireState(_ shipment: Shipment, _ expected: ShipmentState) throws(DomainError) {
        guard shipment.state == expected else { throw .invalidShipmentState(shipment.state, expected: [expected]) }
    }

    /// Two different bases of one organisation.
    private static func requireSameOrganisation(
        _ sourceId: Int, _ targetId: Int, in scope: SQLWriteContext
    )
        async throws
    {
        guard sourceId != targetId else { throw DomainError.identicalShipmentBases }
        let bases = try await BaseStore.byIds([sourceId, targetId], in: scope.connection)
        let source = try bases[sourceId].orThrow(DomainError.notFound)
        let target = try bases[targetId].orThrow(DomainError.notFound)
        guard source.organisationId == target.organisationId else {
            throw DomainError.shipmentBaseOrganisationMismatch
        }
    }

    /// The source base on one side of the agreement and the target base on the other:
    /// source → target side for one-way agreements, either way for bidirectional ones.
    ///
    /// Stricter than the reference, which lets a bidirectional agreement carry shipments
    /// between any two of its bases, the same base included (spec 04 §13.4), and which names
    /// the words "source, target" instead of the allowed ids.
    private static func requireAgreementBases(
        _ agreement: TransferAgreement, source: Int, target: Int, in scope: SQLWriteContext
    ) async throws {
        let sides = try await TransferAgreementService.sides(of: agreement.id, in: scope)
        let reversed = agreement.type == .bidirectional && sides.target.contains(source)
        let (sourceSide, targetSide) = reversed ? (sides.target, sides.source) : (sides.source, sides.target)
        guard sourceSide.contains(source) else {
            let allowed =
                agreement.type == .bidirectional ? Array(Set(sides.source + sides.target)).sorted() : sourceSide
            throw DomainError.invalidAgreementBase(source, expected: allowed)
        }
        guard targetSide.contains(target) else { throw DomainError.invalidAgreementBase(target, expected: targetSide) }
    }
}
