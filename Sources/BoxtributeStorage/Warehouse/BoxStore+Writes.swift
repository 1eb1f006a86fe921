import BoxtributeDatabase
import BoxtributeDomain

extension BoxStore {
    /// A box by label, locked for the rest of the transaction where the engine needs it.
    static func byLabelForUpdate(_ label: String, in scope: SQLWriteContext) async throws -> Box? {
        try await scope.connection.query(
            "SELECT \(columns) FROM stock s WHERE s.box_id = ?\(scope.forUpdate)", [.text(label)]
        ).first.map(decode)
    }

    /// Boxes by labels, locked like ``byLabelForUpdate(_:in:)``, in id order.
    static func byLabelsForUpdate(_ labels: [String], in scope: SQLWriteContext) async throws -> [Box] {
        try await locked(where: "s.box_id", in: Set(labels).map(SQLValue.text), scope: scope)
    }

    /// Boxes by id, locked like ``byLabelForUpdate(_:in:)``, keyed by id.
    static func byIdsForUpdate(_ ids: [Box.ID], in scope: SQLWriteContext) async throws -> [Box.ID: Box] {
        let boxes = try await locked(where: "s.id", in: Set(ids).map(SQLValue.init), scope: scope)
        return Dictionary(boxes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Boxes whose `column` is one of `values` (distinct), locked, in id order.
    private static func locked(
        where column: String, in values: [SQLValue], scope: SQLWriteContext
    ) async throws
        -> [Box]
    {
        guard !values.isEmpty else { return [] }
        return try await scope.connection.query(
            "SELECT \(columns) FROM stock s WHERE \(column) IN (\(SQL.placeholders(values.count))) ORDER BY s.id\(scope.forUpdate)",
            values
        ).map(decode)
    }

    /// Inserts a box under a new random label, retrying on collisions; returns it as stored.
    /// - Throws: ``DomainError/boxCreationFailed`` when no free label was found.
    static func insert(_ box: NewBox, in scope: SQLWriteContext) async throws -> Box {
        for _ in 0..<WarehouseRules.labelAttempts {
            let label = scope.environment.newLabel()
            let taken = try await !scope.connection.query("SELECT 1 FROM stock WHERE box_id = ?", [.text(label)])
                .isEmpty
            if taken { continue }
            let now = SQLValue.text(scope.now.databaseText)
            let user = SQLValue.integer(scope.user.id)
            var columns = [
                "box_id", "product_id", "size_id", "items", "location_id", "qr_id", "comments", "display_unit_id",
                "measure_value", "weight", "monetary_value", "source_box_id", "created", "created_by",
            ]
            var binds: [SQLValue] = [
                .text(label), SQLValue(box.productId), SQLValue(box.sizeId), SQLValue(box.numberOfItems),
                SQLValue(box.locationId), SQLValue(box.qrId), .text(box.comment), SQLValue(box.displayUnitId),
                SQLValue(box.measureValue), SQLValue(box.weight), SQLValue(box.monetaryValue),
                SQLValue(box.sourceBoxId),
                now, user,
            ]
            if let state = box.state {
                columns.append("box_state_id")
                binds.append(.integer(state.rawValue))
            }
            if box.stampModified {
                columns += ["modified", "modified_by"]
                binds += [now, user]
            }
            let inserted: SQLExecution
            do {
                inserted = try await scope.execute(
                    "INSERT INTO stock (\(columns.joined(separator: ", "))) VALUES (\(SQL.placeholders(columns.count)))",
                    binds)
            } catch let error as DatabaseError where error.kind == .constraintViolation {
                // Another transaction took the label between our check and the insert (MySQL).
                let takenNow = try await !scope.connection.query("SELECT 1 FROM stock WHERE box_id = ?", [.text(label)])
                    .isEmpty
                if takenNow { continue }
                throw error
            }
            return try await byId(inserted.lastInsertId, in: scope).orThrow(DomainError.boxCreationFailed)
        }
        throw DomainError.boxCreationFailed
    }

    /// A box by id, read through the mutation's connection.
    static func byId(_ id: Int, in scope: SQLWriteContext) async throws -> Box? {
        try await scope.connection.query("SELECT \(columns) FROM stock s WHERE s.id = ?", [.integer(id)]).first.map(
            decode)
    }

    /// Writes the changeable columns of `box` (all but label, creation and deletion stamps).
    static func save(_ box: Box, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE stock SET product_id = ?, size_id = ?, items = ?, location_id = ?, box_state_id = ?, qr_id = ?, \
            comments = ?, display_unit_id = ?, measure_value = ?, weight = ?, monetary_value = ?, distro_event_id = ?, \
            modified = ?, modified_by = ? WHERE id = ?
            """,
            [
                SQLValue(box.productId), SQLValue(box.sizeId), SQLValue(box.numberOfItems), SQLValue(box.locationId),
                .integer(box.state.rawValue), SQLValue(box.qrId), SQLValue(box.comment), SQLValue(box.displayUnitId),
                SQLValue(box.measureValue), SQLValue(box.weight), SQLValue(box.monetaryValue),
                SQLValue(box.distributionEventId), SQLValue(box.audit.lastModifiedOn?.databaseText),
                SQLValue(box.audit.lastModifiedBy), SQLValue(box.id),
            ])
    }

    /// Sets `modified`/`modified_by` of boxes to the scope's time and user.
    static func touch(_ boxIds: [Box.ID], in scope: SQLWriteContext) async throws {
        guard !boxIds.isEmpty else { return }
        try await scope.execute(
            "UPDATE stock SET modified = ?, modified_by = ? WHERE id IN (\(SQL.placeholders(boxIds.count)))",
            [.text(scope.now.databaseText), .integer(scope.user.id)] + boxIds.map(SQLValue.init))
    }

    /// Puts boxes into `state`, with `modified`/`modified_by` stamped; the caller records the history.
    static func setState(ofBoxes ids: [Box.ID], to state: BoxState, in scope: SQLWriteContext) async throws {
        guard !ids.isEmpty else { return }
        try await scope.execute(
            """
            UPDATE stock SET box_state_id = ?, modified = ?, modified_by = ? \
            WHERE id IN (\(SQL.placeholders(ids.count)))
            """,
            [.integer(state.rawValue), .text(scope.now.databaseText), .integer(scope.user.id)]
                + ids.map(SQLValue.init))
    }

    /// Marks boxes as deleted (`deleted` = now); their history is the caller's.
    static func markDeleted(_ boxIds: [Box.ID], in scope: SQLWriteContext) async throws {
        guard !boxIds.isEmpty else { return }
        try await scope.execute(
            "UPDATE stock SET deleted = ? WHERE id IN (\(SQL.placeholders(boxIds.count)))",
            [.text(scope.now.databaseText)] + boxIds.map(SQLValue.init))
    }

    /// Puts boxes into a location, and into `state` when given, stamped as modified.
    static func move(
        _ boxIds: [Box.ID], to locationId: Location.ID, state: BoxState?, in scope: SQLWriteContext
    ) async throws {
        guard !boxIds.isEmpty else { return }
        let stateClause = state == nil ? "" : ", box_state_id = ?"
        try await scope.execute(
            "UPDATE stock SET location_id = ?, modified = ?, modified_by = ?\(stateClause) WHERE id IN (\(SQL.placeholders(boxIds.count)))",
            [SQLValue(locationId), .text(scope.now.databaseText), .integer(scope.user.id)]
                + (state.map { [.integer($0.rawValue)] } ?? []) + boxIds.map(SQLValue.init))
    }

    /// Sets the number of items of a box, stamped as modified.
    static func setNumberOfItems(_ items: Int, ofBox boxId: Box.ID, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            "UPDATE stock SET items = ?, modified = ?, modified_by = ? WHERE id = ?",
            [.integer(items), .text(scope.now.databaseText), .integer(scope.user.id), SQLValue(boxId)])
    }

    /// Puts a QR code on a box.
    static func assignQrCode(_ qrCodeId: Int, toBox boxId: Box.ID, in scope: SQLWriteContext) async throws {
        try await scope.execute("UPDATE stock SET qr_id = ? WHERE id = ?", [.integer(qrCodeId), SQLValue(boxId)])
    }
}

extension QrCodeStore {
    /// Inserts a QR code and writes its code, derived from its id; returns the id.
    static func insert(in scope: SQLWriteContext) async throws -> Int {
        let inserted = try await scope.execute("INSERT INTO qr (created) VALUES (?)", [.text(scope.now.databaseText)])
        let id = inserted.lastInsertId
        try await scope.execute("UPDATE qr SET code = ? WHERE id = ?", [.text(QrCode.code(forId: id)), .integer(id)])
        return id
    }
}
