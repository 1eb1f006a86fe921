// Port of business_logic/box_transfer/shipment/crud.py.

/// The shipment lifecycle and the boxes travelling in it (its reads are in
/// `ShipmentService+Reads.swift`). Each mutation is one transaction that reads its shipment
/// locked first (``MutationScope/lockForChange(_:id:authorize:allowed:)``), so two users acting
/// on one shipment at once are serialised and the second sees the first one's outcome.
public enum ShipmentService {
    /// `createShipment`: a shipment in preparation, between two bases of one organisation or
    /// under an accepted, unexpired agreement.
    public static func create(
        sourceBaseId: Base.ID, targetBaseId: Base.ID, agreementId: Int?, in scope: MutationScope
    ) async throws -> Shipment {
        try scope.user.authorize("shipment:create", baseId: sourceBaseId)
        if let agreementId {
            let agreement = try await scope.lockForChange(
                TransferAgreement.self, id: agreementId, authorize: { _ in }, allowed: [.accepted])
            try await requireAgreementBases(agreement, source: sourceBaseId, target: targetBaseId, in: scope)
        } else {
            try await requireSameOrganisation(sourceBaseId, targetBaseId, in: scope)
        }
        return try await scope.writes.transferWrites.insertShipment(
            sourceBaseId: sourceBaseId, targetBaseId: targetBaseId, agreementId: agreementId)
    }

    /// `updateShipmentWhenPreparing`: adds boxes, takes boxes out and changes the target base.
    /// Boxes that cannot be added or removed are ignored, as in the reference.
    public static func updateWhenPreparing(
        id: Int, targetBaseId: Base.ID?, preparedLabels: [String], removedLabels: [String], in scope: MutationScope
    ) async throws -> Shipment {
        var shipment = try await scope.lockForChange(
            Shipment.self, id: id, authorize: { try authorizeEdit($0, by: .source, writingDetails: true, in: scope) },
            allowed: [.preparing])
        if let targetBaseId {
            if let agreementId = shipment.transferAgreementId {
                let agreement = try await scope.writes.transferWrites.transferAgreementForUpdate(agreementId)
                    .orThrow(DomainError.notFound)
                try await requireAgreementBases(
                    agreement, source: shipment.sourceBaseId, target: targetBaseId, in: scope)
            } else {
                // Beyond the reference, which accepts any base here.
                try await requireSameOrganisation(shipment.sourceBaseId, targetBaseId, in: scope)
            }
        }

        try await prepare(preparedLabels, for: shipment, in: scope)
        if let removing = try await activeDetails(
            of: shipment.id, labelled: removedLabels, boxStates: [.markedForShipment], in: scope)
        {
            try await scope.writes.transferWrites.markShipmentDetailsRemoved(removing.details.map(\.id))
            try await changeBoxStates(removing.details.compactMap { removing.boxes[$0.boxId] }, to: .inStock, in: scope)
        }
        if let targetBaseId, targetBaseId != shipment.targetBaseId {
            shipment.targetBaseId = targetBaseId
            try await scope.writes.transferWrites.save(shipment)
        }
        return shipment
    }

    /// `cancelShipment`: a shipment in preparation is canceled and its boxes go back to stock.
    public static func cancel(id: Int, in scope: MutationScope) async throws -> Shipment {
        try await transition(
            id, by: .eitherSide, writingDetails: true, from: .preparing, to: .canceled, \.canceledOn, \.canceledBy,
            scope
        ) {
            let (details, boxes) = try await activeDetails(of: $0.id, in: scope)
            try await scope.writes.transferWrites.markShipmentDetailsRemoved(details.map(\.id))
            try await changeBoxStates(
                details.compactMap { boxes[$0.boxId] }.filter { $0.state == .markedForShipment }, to: .inStock,
                in: scope)
        }
    }

    /// `sendShipment`: the source side sends the shipment; its boxes are in transit.
    public static func send(id: Int, in scope: MutationScope) async throws -> Shipment {
        try await transition(
            id, by: .source, writingDetails: false, from: .preparing, to: .sent, \.sentOn, \.sentBy, scope
        ) {
            try await moveBoxes(of: $0.id, from: .markedForShipment, to: .inTransit, in: scope)
        }
    }

    /// `startReceivingShipment`: the target side opens a sent shipment; its boxes are being received.
    public static func startReceiving(id: Int, in scope: MutationScope) async throws -> Shipment {
        try await transition(
            id, by: .target, writingDetails: false, from: .sent, to: .receiving, \.receivingStartedOn,
            \.receivingStartedBy, scope
        ) {
            try await moveBoxes(of: $0.id, from: .inTransit, to: .receiving, in: scope)
        }
    }

    /// `markShipmentAsLost`: a sent shipment never arrived; its boxes are not delivered.
    public static func markLost(id: Int, in scope: MutationScope) async throws -> Shipment {
        try await transition(
            id, by: .eitherSide, writingDetails: true, from: .sent, to: .lost, \.completedOn, \.completedBy, scope
        ) {
            let (details, boxes) = try await activeDetails(of: $0.id, in: scope)
            try await markLost(details.filter { boxes[$0.boxId]?.state == .inTransit }, boxes: boxes, in: scope)
        }
    }

    /// One state transition of a shipment (``MutationScope/transition(_:id:authorize:allowed:to:on:by:effects:)``),
    /// by the `editor` side; one that writes the shipment's details needs `shipment_detail:write` too.
    private static func transition(
        _ id: Int, by editor: Editor, writingDetails: Bool, from allowed: ShipmentState, to state: ShipmentState,
        _ on: WritableKeyPath<Shipment, Timestamp?>, _ by: WritableKeyPath<Shipment, Int?>, _ scope: MutationScope,
        effects: (Shipment) async throws -> Void
    ) async throws -> Shipment {
        try await scope.transition(
            Shipment.self, id: id,
            authorize: { try authorizeEdit($0, by: editor, writingDetails: writingDetails, in: scope) },
            allowed: [allowed], to: state, on: on, by: by, effects: effects)
    }

    /// `updateShipmentWhenReceiving`: the target side takes boxes into its stock with the
    /// product, location, size and quantity it entered, and marks boxes as lost. The shipment
    /// completes in the same transaction once every box is settled.
    public static func updateWhenReceiving(
        id: Int, received: [ShipmentDetailReception], lostLabels: [String], in scope: MutationScope
    ) async throws -> Shipment {
        var shipment = try await scope.lockForChange(
            Shipment.self, id: id, authorize: { try authorizeEdit($0, by: .target, writingDetails: true, in: scope) },
            allowed: [.receiving])
        try await receive(received, in: shipment, scope: scope)

        if let lost = try await activeDetails(
            of: shipment.id, labelled: lostLabels, boxStates: [.inTransit, .receiving], in: scope)
        {
            try await markLost(lost.details, boxes: lost.boxes, in: scope)
        }
        try await completeIfSettled(&shipment, in: scope)
        return shipment
    }

    /// `moveNotDeliveredBoxesInStock`: undoes the loss of boxes (database ids) of one shipment.
    /// The source side takes them back into its stock; the target side receives them after all.
    ///
    /// Unlike the reference: no matching box is a BAD_USER_INPUT error instead of a crash, boxes
    /// of other shipments than the first matching one are ignored, and god users act as the
    /// source side.
    public static func moveNotDeliveredInStock(boxIds: [String], in scope: MutationScope) async throws -> Shipment {
        let transfers = scope.writes.transferWrites
        let ids = boxIds.compactMap { Int($0).map(Box.ID.init(rawValue:)) }
        let candidates = try await transfers.lostShipmentDetailsForUpdate(boxIds: ids)
        let candidateBoxes = try await scope.writes.warehouseWrites.boxesForUpdate(candidates.map(\.boxId))
        let matching = candidates.filter { candidateBoxes[$0.boxId]?.state == .notDelivered }
        guard let first = matching.first else { throw DomainError.notFound }
        var shipment = try await transfers.shipmentForUpdate(first.shipmentId).orThrow(DomainError.notFound)
        let details = matching.filter { $0.shipmentId == shipment.id }
        let boxes = details.compactMap { candidateBoxes[$0.boxId] }
        try authorizeEdit(shipment, by: .eitherSide, writingDetails: false, in: scope)

        if scope.user.isGod || scope.user.can("shipment:edit", baseId: shipment.sourceBaseId) {
            try await transfers.markShipmentDetailsRemoved(details.map(\.id))
            try await changeBoxStates(boxes, to: .inStock, in: scope)
        } else {
            shipment.state = .receiving
            shipment.completedOn = nil
            shipment.completedBy = nil
            try await transfers.clearShipmentDetailsLost(details.map(\.id))
            try await changeBoxStates(boxes, to: .receiving, in: scope)
            try await transfers.save(shipment)
        }
        if shipment.state != .completed { try await completeIfSettled(&shipment, in: scope) }
        return shipment
    }

    // MARK: - Steps

    /// Adds the named boxes that are in stock in the source base, not deleted and not in
    /// another shipment; others are ignored (deleted boxes too, unlike the reference).
    private static func prepare(_ labels: [String], for shipment: Shipment, in scope: MutationScope) async throws {
        let boxes = try await scope.writes.warehouseWrites.lockedBoxes(labelIdentifiers: labels)
        guard !boxes.isEmpty else { return }
        let locations = try await scope.data.warehouse.locations(boxes.map(\.locationId))
        let travelling = try await scope.data.transfers.activeShipmentDetails(ofBoxes: boxes.map(\.id))
        let eligible = boxes.filter { box in
            box.state == .inStock && box.deletedOn == nil && travelling[box.id] == nil
                && locations[box.locationId]?.baseId == shipment.sourceBaseId
        }
        try await scope.writes.transferWrites.insertShipmentDetails(boxes: eligible, shipmentId: shipment.id)
        try await changeBoxStates(eligible, to: .markedForShipment, in: scope)
    }

    /// Validates every reception first, then takes the boxes into the target base's stock.
    private static func receive(
        _ inputs: [ShipmentDetailReception], in shipment: Shipment, scope: MutationScope
    ) async throws {
        guard !inputs.isEmpty else { return }
        let warehouse = scope.data.warehouse
        let details = try await scope.writes.transferWrites.shipmentDetailsForUpdate(ofShipment: shipment.id)
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
        let boxes = try await scope.writes.warehouseWrites.boxesForUpdate(
            order.compactMap { detailsById[$0]?.boxId })
        let locations = try await warehouse.locations(chosen.map(\.targetLocationId))
        let products = try await warehouse.products(chosen.map(\.targetProductId))
        let sizes = try await warehouse.sizes(chosen.map(\.targetSizeId))
        let rangesOfSizes = try await warehouse.sizes(ofRanges: Array(Set(products.values.map(\.sizeRangeId))))

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
            guard sizes[input.targetSizeId] != nil else { throw DomainError.notFound }
            if !WarehouseRules.isMeasureProduct(sizeRangeId: product.sizeRangeId),
                !(rangesOfSizes[product.sizeRangeId] ?? []).contains(where: { $0.id == input.targetSizeId })
            {
                throw DomainError.invalidShipmentDetailInput("Size", detailId: detailId)
            }
            guard input.targetQuantity >= 0 else { throw DomainError.negativeValue("targetQuantity") }
        }

        var history: [(recordId: Int, change: HistoryChange)] = []
        for input in chosen {
            guard var detail = detailsById[input.detailId], let old = boxes[detail.boxId] else { continue }
            detail.targetProductId = input.targetProductId
            detail.targetLocationId = input.targetLocationId
            detail.targetSizeId = input.targetSizeId
            detail.targetQuantity = input.targetQuantity
            detail.receivedOn = scope.now
            detail.receivedBy = scope.user.id
            try await scope.writes.transferWrites.save(detail)

            var new = old
            new.productId = input.targetProductId
            new.locationId = input.targetLocationId
            new.sizeId = input.targetSizeId
            new.numberOfItems = input.targetQuantity
            new.state = .inStock
            // Unlike the reference, reconciliation counts as a modification of the box.
            new.audit.lastModifiedOn = scope.now
            new.audit.lastModifiedBy = scope.user.id
            try await scope.writes.warehouseWrites.saveBox(new)
            // The reference's order: product, location, size, items, state.
            let changes = [
                HistoryChange.integer("product_id", from: old.productId, to: new.productId),
                HistoryChange.integer("location_id", from: old.locationId, to: new.locationId),
                HistoryChange.integer("size_id", from: old.sizeId, to: new.sizeId),
                HistoryChange.integer("items", from: old.numberOfItems, to: new.numberOfItems),
                HistoryChange.integer("box_state_id", from: old.state.rawValue, to: new.state.rawValue),
            ]
            history += changes.compactMap { $0 }.map { (old.id.rawValue, $0) }
        }
        try await scope.writes.historyWrites.record(history, table: "stock")
        // The source base's tags mean nothing in the target base.
        try await scope.writes.warehouseWrites.unassignTags(nil, from: boxes.keys.sorted().rawValues(), type: .box)
    }

    /// The auto-completion rule, in the caller's transaction: all remaining boxes lost →
    /// `Lost`; all remaining boxes received or lost → `Completed`.
    private static func completeIfSettled(_ shipment: inout Shipment, in scope: MutationScope) async throws {
        let remaining = try await scope.writes.transferWrites.shipmentDetailsForUpdate(ofShipment: shipment.id)
            .filter { $0.removedOn == nil }
        let allLost = !remaining.isEmpty && remaining.allSatisfy { $0.lostOn != nil }
        let allSettled = remaining.allSatisfy { $0.lostOn != nil || $0.receivedOn != nil }
        guard allLost || allSettled else { return }
        try await scope.stamp(&shipment, allLost ? .lost : .completed, on: \.completedOn, by: \.completedBy)
    }

    /// Marks the details lost and their boxes not delivered.
    private static func markLost(
        _ details: [ShipmentDetail], boxes: [Box.ID: Box], in scope: MutationScope
    ) async throws {
        try await scope.writes.transferWrites.markShipmentDetailsLost(details.map(\.id))
        try await changeBoxStates(details.compactMap { boxes[$0.boxId] }, to: .notDelivered, in: scope)
    }

    /// Boxes of the shipment's active details in state `from` go to `to`.
    private static func moveBoxes(
        of shipmentId: Int, from: BoxState, to: BoxState, in scope: MutationScope
    ) async throws {
        let (details, boxes) = try await activeDetails(of: shipmentId, in: scope)
        try await changeBoxStates(details.compactMap { boxes[$0.boxId] }.filter { $0.state == from }, to: to, in: scope)
    }

    /// Puts boxes into `state`: those whose state changes are stamped as modified, with one
    /// `box_state_id` history row each.
    private static func changeBoxStates(_ boxes: [Box], to state: BoxState, in scope: MutationScope) async throws {
        let changing = boxes.filter { $0.state != state }
        guard !changing.isEmpty else { return }
        try await scope.writes.warehouseWrites.setState(ofBoxes: changing.map(\.id), to: state)
        try await scope.writes.historyWrites.record(
            changing.map { box in
                (
                    box.id.rawValue,
                    HistoryChange(changes: "box_state_id", fromInt: box.state.rawValue, toInt: state.rawValue)
                )
            }, table: "stock")
    }

    /// The details still travelling (not removed, lost or received), with their boxes, locked.
    private static func activeDetails(
        of shipmentId: Int, in scope: MutationScope
    ) async throws -> (details: [ShipmentDetail], boxes: [Box.ID: Box]) {
        let details = try await scope.writes.transferWrites.shipmentDetailsForUpdate(ofShipment: shipmentId).filter {
            $0.removedOn == nil && $0.lostOn == nil && $0.receivedOn == nil
        }
        return (details, try await scope.writes.warehouseWrites.boxesForUpdate(details.map(\.boxId)))
    }

    /// The active details of the shipment whose box has one of `labels` and one of `states`,
    /// with the boxes of all active details; `nil` for no labels.
    private static func activeDetails(
        of shipmentId: Int, labelled labels: [String], boxStates states: Set<BoxState>, in scope: MutationScope
    ) async throws -> (details: [ShipmentDetail], boxes: [Box.ID: Box])? {
        let labels = Set(labels)
        guard !labels.isEmpty else { return nil }
        let (details, boxes) = try await activeDetails(of: shipmentId, in: scope)
        let matching = details.filter { detail in
            guard let box = boxes[detail.boxId] else { return false }
            return labels.contains(box.labelIdentifier) && states.contains(box.state)
        }
        return (matching, boxes)
    }

    // MARK: - Checks

    /// Which side of a shipment may act on it.
    private enum Editor {
        case source, target, eitherSide
    }

    /// `shipment:edit` for the acting side's base, then `shipment_detail:write` when the
    /// action writes details.
    private static func authorizeEdit(
        _ shipment: Shipment, by editor: Editor, writingDetails: Bool, in scope: MutationScope
    ) throws(Forbidden) {
        let user = scope.user
        switch editor {
        case .source: try user.authorize("shipment:edit", baseId: shipment.sourceBaseId)
        case .target: try user.authorize("shipment:edit", baseId: shipment.targetBaseId)
        case .eitherSide: try user.authorize("shipment:edit", anyOf: shipment.baseIds)
        }
        if writingDetails { try user.authorize("shipment_detail:write") }
    }

    /// Two different bases of one organisation.
    private static func requireSameOrganisation(
        _ sourceId: Base.ID, _ targetId: Base.ID, in scope: MutationScope
    )
        async throws
    {
        guard sourceId != targetId else { throw DomainError.identicalShipmentBases }
        let bases = try await scope.data.core.bases([sourceId, targetId])
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
    /// between any two of its bases, the same base included, and which names the words
    /// "source, target" instead of the allowed ids.
    private static func requireAgreementBases(
        _ agreement: TransferAgreement, source: Base.ID, target: Base.ID, in scope: MutationScope
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
