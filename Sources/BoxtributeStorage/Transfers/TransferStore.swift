import BoxtributeDatabase
import BoxtributeDomain

/// SQL for transfer agreements (`transfer_agreement`, `transfer_agreement_detail`).
public enum TransferAgreementStore {
    static let columns = """
        ta.id, ta.source_organisation_id, ta.target_organisation_id, ta.state, ta.type, ta.requested_on, \
        ta.requested_by, ta.accepted_on, ta.accepted_by, ta.terminated_on, ta.terminated_by, ta.valid_from, \
        ta.valid_until, ta.comment
        """

    static func decode(_ row: SQLRow) -> TransferAgreement {
        TransferAgreement(
            id: row.int(0) ?? 0, sourceOrganisationId: row.int(1) ?? 0, targetOrganisationId: row.int(2) ?? 0,
            state: row.string(3).flatMap(TransferAgreementState.init(rawValue:)),
            type: row.string(4).flatMap(TransferAgreementType.init(rawValue:)) ?? .bidirectional,
            requestedOn: row.timestamp(5), requestedBy: row.int(6), acceptedOn: row.timestamp(7),
            acceptedBy: row.int(8), terminatedOn: row.timestamp(9), terminatedBy: row.int(10),
            validFrom: row.timestamp(11), validUntil: row.timestamp(12), comment: row.string(13))
    }

    /// Agreements by id, keyed by id.
    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: TransferAgreement] {
        try await db.rowsById(
            columns: columns, from: "transfer_agreement ta", idColumn: "ta.id", ids: ids, decode: decode, id: \.id)
    }

    /// Agreements with a detail whose source or target base is in `scope`, optionally of
    /// certain states as of `now` (empty or `nil`: all), ascending id. An agreement under
    /// review or accepted whose validity ended before `now` counts as `Expired` only.
    public static func list(
        scope: BaseScope, states: [TransferAgreementState]?, now: Timestamp, in db: any SQLQuerying
    ) async throws -> [TransferAgreement] {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if case .only(let ids) = scope {
            guard !ids.isEmpty else { return [] }
            let marks = SQL.placeholders(ids.count)
            conditions.append(
                """
                EXISTS (SELECT 1 FROM transfer_agreement_detail tad WHERE tad.transfer_agreement_id = ta.id \
                AND (tad.source_base_id IN (\(marks)) OR tad.target_base_id IN (\(marks))))
                """)
            binds += ids.map(SQLValue.init) + ids.map(SQLValue.init)
        } else {
            conditions.append(
                "EXISTS (SELECT 1 FROM transfer_agreement_detail tad WHERE tad.transfer_agreement_id = ta.id)")
        }
        if let states, !states.isEmpty {
            var alternatives: [String] = []
            let expired = "(ta.valid_until IS NOT NULL AND ta.valid_until < ?)"
            for state in Set(states).sorted(by: { $0.rawValue < $1.rawValue }) {
                if TransferRules.expiringStates.contains(state) {
                    alternatives.append("(ta.state = ? AND NOT \(expired))")
                    binds += [.text(state.rawValue), .text(now.databaseText)]
                } else if state == .expired {
                    let expiring = TransferRules.expiringStates.map(\.rawValue).sorted()
                    alternatives.append(
                        "ta.state = ? OR (ta.state IN (\(SQL.placeholders(expiring.count))) AND \(expired))")
                    binds +=
                        [SQLValue.text(state.rawValue)] + expiring.map(SQLValue.text) + [
                            SQLValue.text(now.databaseText)
                        ]
                } else {
                    alternatives.append("ta.state = ?")
                    binds.append(.text(state.rawValue))
                }
            }
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        return try await db.query(
            "SELECT \(columns) FROM transfer_agreement ta WHERE \(conditions.joined(separator: " AND ")) ORDER BY ta.id",
            binds, decode: decode)
    }

    /// Whether a detail of an accepted agreement links `baseId` with one of `userBases`, in
    /// either direction. The agreement's type and validity dates are not checked, as in the
    /// reference's `authorize_cross_organisation_access` (`authz.py`).
    public static func hasAcceptedAgreement(
        linking baseId: Base.ID, withAnyOf userBases: [Base.ID], in db: any SQLQuerying
    ) async throws -> Bool {
        let unique = Array(Set(userBases)).sorted()
        guard !unique.isEmpty, unique.count <= SQL.maxIdsPerStatement else { return false }
        let marks = SQL.placeholders(unique.count)
        let ids = unique.map(SQLValue.init)
        let rows = try await db.query(
            """
            SELECT 1 FROM transfer_agreement_detail d JOIN transfer_agreement a ON a.id = d.transfer_agreement_id \
            WHERE a.state = 'Accepted' AND ((d.source_base_id IN (\(marks)) AND d.target_base_id = ?) \
            OR (d.source_base_id = ? AND d.target_base_id IN (\(marks)))) LIMIT 1
            """, ids + [SQLValue(baseId), SQLValue(baseId)] + ids)
        return !rows.isEmpty
    }

    /// The distinct bases on each side of the given agreements (deleted bases included),
    /// ordered by agreement, side and base id.
    public static func bases(ofAgreements agreementIds: [Int], in db: any SQLQuerying) async throws -> [AgreementBase] {
        let unique = Array(Set(agreementIds))
        guard !unique.isEmpty else { return [] }
        let marks = SQL.placeholders(unique.count)
        // One statement for both sides (0 = source, 1 = target); base columns come first for `BaseStore.decode`.
        let rows = try await db.query(
            """
            SELECT \(BaseStore.columns), x.agreement_id, x.side FROM (\
            SELECT tad.transfer_agreement_id AS agreement_id, 0 AS side, tad.source_base_id AS base_id \
            FROM transfer_agreement_detail tad WHERE tad.transfer_agreement_id IN (\(marks)) \
            UNION \
            SELECT tad.transfer_agreement_id AS agreement_id, 1 AS side, tad.target_base_id AS base_id \
            FROM transfer_agreement_detail tad WHERE tad.transfer_agreement_id IN (\(marks))\
            ) x JOIN camps c ON c.id = x.base_id ORDER BY x.agreement_id, x.side, c.id
            """, unique.map(SQLValue.init) + unique.map(SQLValue.init))
        return rows.map { row in
            AgreementBase(
                agreementId: row.int(row.values.count - 2) ?? 0,
                side: row.int(row.values.count - 1) == 1 ? .target : .source,
                base: BaseStore.decode(row))
        }
    }
}

/// SQL for shipments (`shipment`).
public enum ShipmentStore {
    static let columns = """
        sh.id, sh.source_base_id, sh.target_base_id, sh.transfer_agreement_id, sh.state, sh.started_on, \
        sh.started_by_id, sh.canceled_on, sh.canceled_by_id, sh.sent_on, sh.sent_by_id, sh.receiving_started_on, \
        sh.receiving_started_by_id, sh.completed_on, sh.completed_by_id
        """

    static func decode(_ row: SQLRow) -> Shipment {
        Shipment(
            id: row.int(0) ?? 0, sourceBaseId: row.id(1) ?? 0, targetBaseId: row.id(2) ?? 0,
            transferAgreementId: row.int(3), state: row.string(4).flatMap(ShipmentState.init(rawValue:)),
            startedOn: row.timestamp(5), startedBy: row.int(6), canceledOn: row.timestamp(7), canceledBy: row.int(8),
            sentOn: row.timestamp(9), sentBy: row.int(10), receivingStartedOn: row.timestamp(11),
            receivingStartedBy: row.int(12), completedOn: row.timestamp(13), completedBy: row.int(14))
    }

    /// `AND (source in scope OR target in scope)`, or nothing for `.all`.
    private static func scopeFilter(_ scope: BaseScope) -> (String, [SQLValue]) {
        guard case .only(let ids) = scope else { return ("", []) }
        let marks = SQL.placeholders(ids.count)
        return (
            " AND (sh.source_base_id IN (\(marks)) OR sh.target_base_id IN (\(marks)))",
            ids.map(SQLValue.init) + ids.map(SQLValue.init)
        )
    }

    /// Shipments by id, keyed by id; with a scope, only those touching a base of it.
    public static func byIds(
        _ ids: [Int], scope: BaseScope = .all, in db: any SQLQuerying
    ) async throws
        -> [Int: Shipment]
    {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let (filter, binds) = scopeFilter(scope)
        let rows = try await db.query(
            "SELECT \(columns) FROM shipment sh WHERE sh.id IN (\(SQL.placeholders(unique.count)))\(filter)",
            unique.map(SQLValue.init) + binds)
        return Dictionary(rows.map(decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Shipments touching a base of `scope`, optionally of certain states (empty or `nil`: all), ascending id.
    public static func list(
        scope: BaseScope, states: [ShipmentState]?, in db: any SQLQuerying
    ) async throws
        -> [Shipment]
    {
        var (filter, binds) = scopeFilter(scope)
        if let states, !states.isEmpty {
            filter += " AND sh.state IN (\(SQL.placeholders(states.count)))"
            binds += states.map { .text($0.rawValue) }
        }
        return try await db.query(
            "SELECT \(columns) FROM shipment sh WHERE 1 = 1\(filter) ORDER BY sh.id", binds, decode: decode)
    }

    /// Shipments of the given agreements touching a base of `scope`, grouped by agreement id, ascending id.
    public static func ofAgreements(
        _ agreementIds: [Int], scope: BaseScope, in db: any SQLQuerying
    ) async throws
        -> [Int: [Shipment]]
    {
        let unique = Array(Set(agreementIds))
        guard !unique.isEmpty else { return [:] }
        let (filter, binds) = scopeFilter(scope)
        let rows = try await db.query(
            """
            SELECT \(columns) FROM shipment sh WHERE sh.transfer_agreement_id IN (\(SQL.placeholders(unique.count)))\
            \(filter) ORDER BY sh.id
            """, unique.map(SQLValue.init) + binds)
        var result: [Int: [Shipment]] = [:]
        for shipment in rows.map(decode) {
            if let agreementId = shipment.transferAgreementId { result[agreementId, default: []].append(shipment) }
        }
        return result
    }
}

/// SQL for shipment details (`shipment_detail`), always joined with their shipment's bases.
public enum ShipmentDetailStore {
    static let columns = """
        d.id, d.shipment_id, d.box_id, d.source_product_id, d.target_product_id, d.source_location_id, \
        d.target_location_id, d.source_size_id, d.target_size_id, d.source_quantity, d.target_quantity, \
        d.created_on, d.created_by_id, d.removed_on, d.removed_by_id, d.lost_on, d.lost_by_id, d.received_on, \
        d.received_by_id, sh.source_base_id, sh.target_base_id
        """
    static let source = "shipment_detail d JOIN shipment sh ON sh.id = d.shipment_id"

    static func decode(_ row: SQLRow) -> ShipmentDetail {
        ShipmentDetail(
            id: row.int(0) ?? 0, shipmentId: row.int(1) ?? 0, boxId: row.id(2) ?? 0, sourceProductId: row.id(3),
            targetProductId: row.id(4), sourceLocationId: row.id(5), targetLocationId: row.id(6),
            sourceSizeId: row.int(7), targetSizeId: row.int(8), sourceQuantity: row.int(9),
            targetQuantity: row.int(10), createdOn: row.timestamp(11), createdBy: row.int(12),
            removedOn: row.timestamp(13), removedBy: row.int(14), lostOn: row.timestamp(15), lostBy: row.int(16),
            receivedOn: row.timestamp(17), receivedBy: row.int(18), shipmentSourceBaseId: row.id(19) ?? 0,
            shipmentTargetBaseId: row.id(20) ?? 0)
    }

    /// Details by id, keyed by id.
    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: ShipmentDetail] {
        try await db.rowsById(columns: columns, from: source, idColumn: "d.id", ids: ids, decode: decode, id: \.id)
    }

    /// Every detail (removed, lost and received ones included) of the given shipments,
    /// grouped by shipment id, ascending id.
    public static func ofShipments(_ shipmentIds: [Int], in db: any SQLQuerying) async throws -> [Int: [ShipmentDetail]]
    {
        let unique = Array(Set(shipmentIds))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            "SELECT \(columns) FROM \(source) WHERE d.shipment_id IN (\(SQL.placeholders(unique.count))) ORDER BY d.id",
            unique.map(SQLValue.init))
        var result: [Int: [ShipmentDetail]] = [:]
        for detail in rows.map(decode) { result[detail.shipmentId, default: []].append(detail) }
        return result
    }

    /// The active detail (not removed, lost or received) of each box, keyed by box id.
    public static func active(ofBoxes boxIds: [Box.ID], in db: any SQLQuerying) async throws -> [Box.ID: ShipmentDetail]
    {
        let unique = Array(Set(boxIds))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT \(columns) FROM \(source) WHERE d.box_id IN (\(SQL.placeholders(unique.count))) \
            AND d.removed_on IS NULL AND d.lost_on IS NULL AND d.received_on IS NULL ORDER BY d.id
            """, unique.map(SQLValue.init))
        // Should several exist, the newest wins, as in the reference's mapping by box id.
        var result: [Box.ID: ShipmentDetail] = [:]
        for detail in rows.map(decode) { result[detail.boxId] = detail }
        return result
    }

    /// For each detail whose source product instantiates a standard product, the non-deleted
    /// product of the shipment's target base instantiating the same one, keyed by detail id.
    public static func autoMatchingTargetProducts(
        ofDetails detailIds: [Int], in db: any SQLQuerying
    ) async throws
        -> [Int: Product]
    {
        let unique = Array(Set(detailIds))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT \(ProductStore.columns), d.id FROM shipment_detail d \
            JOIN shipment sh ON sh.id = d.shipment_id \
            JOIN products sp ON sp.id = d.source_product_id \
            JOIN products p ON p.standard_product_id = sp.standard_product_id AND p.camp_id = sh.target_base_id \
            WHERE d.id IN (\(SQL.placeholders(unique.count))) AND \(SQL.notDeleted("p.deleted")) \
            ORDER BY d.id, p.id
            """, unique.map(SQLValue.init))
        var result: [Int: Product] = [:]
        for row in rows {
            let detailId = row.int(row.values.count - 1) ?? 0
            if result[detailId] == nil { result[detailId] = ProductStore.decode(row) }
        }
        return result
    }
}
