import BoxtributeDatabase
import BoxtributeDomain

extension TransferAgreementStore {
    /// An agreement by id, locked for the rest of the transaction where the engine needs it.
    static func byIdForUpdate(_ id: Int, in scope: SQLWriteContext) async throws -> TransferAgreement? {
        try await scope.connection.query(
            "SELECT \(columns) FROM transfer_agreement ta WHERE ta.id = ?\(scope.forUpdate)", [.integer(id)]
        ).first.map(decode)
    }

    /// Agreements between the two organisations (either direction) in one of `states`, ascending id.
    static func between(
        _ organisationIds: Set<Int>, states: [TransferAgreementState], in scope: SQLWriteContext
    ) async throws -> [TransferAgreement] {
        let orgs = organisationIds.sorted()
        let marks = SQL.placeholders(orgs.count)
        return try await scope.connection.query(
            """
            SELECT \(columns) FROM transfer_agreement ta WHERE ta.source_organisation_id IN (\(marks)) \
            AND ta.target_organisation_id IN (\(marks)) AND ta.state IN (\(SQL.placeholders(states.count))) \
            ORDER BY ta.id
            """, orgs.map(SQLValue.init) + orgs.map(SQLValue.init) + states.map { .text($0.rawValue) }
        ).map(decode)
    }

    /// Inserts an agreement under review and one detail per (source, target) base pair; returns its id.
    static func insert(
        sourceOrganisationId: Int, targetOrganisationId: Int, type: TransferAgreementType, validFrom: Timestamp,
        validUntil: Timestamp?, comment: String?, sourceBaseIds: [Base.ID], targetBaseIds: [Base.ID],
        in scope: SQLWriteContext
    ) async throws -> Int {
        let inserted = try await scope.execute(
            """
            INSERT INTO transfer_agreement (source_organisation_id, target_organisation_id, state, type, requested_on, \
            requested_by, valid_from, valid_until, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(sourceOrganisationId), .integer(targetOrganisationId),
                .text(TransferAgreementState.underReview.rawValue), .text(type.rawValue), .text(scope.now.databaseText),
                .integer(scope.user.id), .text(validFrom.databaseText), SQLValue(validUntil?.databaseText),
                SQLValue(comment),
            ])
        let id = inserted.lastInsertId
        let pairs = sourceBaseIds.flatMap { source in targetBaseIds.map { (source, $0) } }
        guard !pairs.isEmpty else { return id }
        try await scope.execute(
            """
            INSERT INTO transfer_agreement_detail (transfer_agreement_id, source_base_id, target_base_id) VALUES \
            \(Array(repeating: "(?, ?, ?)", count: pairs.count).joined(separator: ", "))
            """, pairs.flatMap { [SQLValue.integer(id), SQLValue($0.0), SQLValue($0.1)] })
        return id
    }

    /// Writes the state and audit columns of `agreement`.
    static func save(_ agreement: TransferAgreement, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE transfer_agreement SET state = ?, accepted_on = ?, accepted_by = ?, terminated_on = ?, \
            terminated_by = ? WHERE id = ?
            """,
            [
                SQLValue(agreement.state?.rawValue), SQLValue(agreement.acceptedOn?.databaseText),
                SQLValue(agreement.acceptedBy), SQLValue(agreement.terminatedOn?.databaseText),
                SQLValue(agreement.terminatedBy), .integer(agreement.id),
            ])
    }
}

extension ShipmentStore {
    /// A shipment by id, locked for the rest of the transaction where the engine needs it.
    static func byIdForUpdate(_ id: Int, in scope: SQLWriteContext) async throws -> Shipment? {
        try await scope.connection.query(
            "SELECT \(columns) FROM shipment sh WHERE sh.id = ?\(scope.forUpdate)", [.integer(id)]
        ).first.map(decode)
    }

    /// Inserts a shipment in `Preparing`, started now by the scope's user; returns it.
    static func insert(
        sourceBaseId: Base.ID, targetBaseId: Base.ID, agreementId: Int?, in scope: SQLWriteContext
    ) async throws -> Shipment {
        let inserted = try await scope.execute(
            """
            INSERT INTO shipment (source_base_id, target_base_id, transfer_agreement_id, state, started_on, \
            started_by_id) VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(sourceBaseId), SQLValue(targetBaseId), SQLValue(agreementId),
                .text(ShipmentState.preparing.rawValue), .text(scope.now.databaseText), .integer(scope.user.id),
            ])
        return try await byIdForUpdate(inserted.lastInsertId, in: scope).orThrow(DomainError.databaseFailure)
    }

    /// Writes target base, state and the audit columns of `shipment`.
    static func save(_ shipment: Shipment, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE shipment SET target_base_id = ?, state = ?, canceled_on = ?, canceled_by_id = ?, sent_on = ?, \
            sent_by_id = ?, receiving_started_on = ?, receiving_started_by_id = ?, completed_on = ?, \
            completed_by_id = ? WHERE id = ?
            """,
            [
                SQLValue(shipment.targetBaseId), SQLValue(shipment.state?.rawValue),
                SQLValue(shipment.canceledOn?.databaseText), SQLValue(shipment.canceledBy),
                SQLValue(shipment.sentOn?.databaseText), SQLValue(shipment.sentBy),
                SQLValue(shipment.receivingStartedOn?.databaseText), SQLValue(shipment.receivingStartedBy),
                SQLValue(shipment.completedOn?.databaseText), SQLValue(shipment.completedBy), .integer(shipment.id),
            ])
    }
}

extension ShipmentDetailStore {
    /// Every detail of a shipment, ascending id, locked where the engine needs it.
    static func ofShipmentForUpdate(_ shipmentId: Int, in scope: SQLWriteContext) async throws -> [ShipmentDetail] {
        try await scope.connection.query(
            "SELECT \(columns) FROM \(source) WHERE d.shipment_id = ? ORDER BY d.id\(scope.forUpdate)",
            [.integer(shipmentId)]
        ).map(decode)
    }

    /// Not-removed details with a lost mark whose box is one of `boxIds`, ascending id, locked.
    static func lostForUpdate(boxIds: [Box.ID], in scope: SQLWriteContext) async throws -> [ShipmentDetail] {
        let unique = Array(Set(boxIds))
        guard !unique.isEmpty else { return [] }
        return try await scope.connection.query(
            """
            SELECT \(columns) FROM \(source) WHERE d.box_id IN (\(SQL.placeholders(unique.count))) \
            AND d.lost_on IS NOT NULL AND d.removed_on IS NULL ORDER BY d.id\(scope.forUpdate)
            """, unique.map(SQLValue.init)
        ).map(decode)
    }

    /// Inserts one detail per box, recording the box's current product, location, size and items.
    static func insert(boxes: [Box], shipmentId: Int, in scope: SQLWriteContext) async throws {
        guard !boxes.isEmpty else { return }
        var binds: [SQLValue] = []
        for box in boxes {
            binds += [
                .integer(shipmentId), SQLValue(box.id), SQLValue(box.productId), SQLValue(box.locationId),
                SQLValue(box.sizeId), SQLValue(box.numberOfItems), .text(scope.now.databaseText),
                .integer(scope.user.id),
            ]
        }
        try await scope.execute(
            """
            INSERT INTO shipment_detail (shipment_id, box_id, source_product_id, source_location_id, source_size_id, \
            source_quantity, created_on, created_by_id) VALUES \
            \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: boxes.count).joined(separator: ", "))
            """, binds)
    }

    /// Writes the target, removal, loss and reception columns of `detail`.
    static func save(_ detail: ShipmentDetail, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE shipment_detail SET target_product_id = ?, target_location_id = ?, target_size_id = ?, \
            target_quantity = ?, removed_on = ?, removed_by_id = ?, lost_on = ?, lost_by_id = ?, received_on = ?, \
            received_by_id = ? WHERE id = ?
            """,
            [
                SQLValue(detail.targetProductId), SQLValue(detail.targetLocationId), SQLValue(detail.targetSizeId),
                SQLValue(detail.targetQuantity), SQLValue(detail.removedOn?.databaseText), SQLValue(detail.removedBy),
                SQLValue(detail.lostOn?.databaseText), SQLValue(detail.lostBy),
                SQLValue(detail.receivedOn?.databaseText), SQLValue(detail.receivedBy), .integer(detail.id),
            ])
    }

    /// Sets `removed_on/by` (now, the scope's user) and clears the lost mark of the given details.
    static func markRemoved(_ detailIds: [Int], in scope: SQLWriteContext) async throws {
        guard !detailIds.isEmpty else { return }
        try await scope.execute(
            """
            UPDATE shipment_detail SET removed_on = ?, removed_by_id = ?, lost_on = NULL, lost_by_id = NULL \
            WHERE id IN (\(SQL.placeholders(detailIds.count)))
            """, [.text(scope.now.databaseText), .integer(scope.user.id)] + detailIds.map(SQLValue.init))
    }

    /// Sets `lost_on/by` (now, the scope's user) of the given details.
    static func markLost(_ detailIds: [Int], in scope: SQLWriteContext) async throws {
        guard !detailIds.isEmpty else { return }
        try await scope.execute(
            "UPDATE shipment_detail SET lost_on = ?, lost_by_id = ? WHERE id IN (\(SQL.placeholders(detailIds.count)))",
            [.text(scope.now.databaseText), .integer(scope.user.id)] + detailIds.map(SQLValue.init))
    }

    /// Clears the lost mark of the given details.
    static func clearLost(_ detailIds: [Int], in scope: SQLWriteContext) async throws {
        guard !detailIds.isEmpty else { return }
        try await scope.execute(
            "UPDATE shipment_detail SET lost_on = NULL, lost_by_id = NULL WHERE id IN (\(SQL.placeholders(detailIds.count)))",
            detailIds.map(SQLValue.init))
    }
}
