/// Reading shipments.
extension ShipmentService {
    /// `shipment(id)`: for users with `shipment:read` for its source or target base.
    /// Existence is checked before the permission.
    public static func shipment(id: Int, in scope: some ServiceScope) async throws -> Shipment {
        let shipment = try await scope.data.transfers.shipments([id], in: .all)[id].orNotFound()
        try scope.user.authorize("shipment:read", anyOf: shipment.baseIds)
        return shipment
    }

    /// `shipments(states)`: the shipments from or to a base where the user holds
    /// `shipment:read`, in the given states (none: all).
    public static func shipments(states: [ShipmentState]?, in scope: some ServiceScope) async throws -> [Shipment] {
        let visible = try scope.user.listScope(for: "shipment:read")
        return try await scope.data.transfers.shipments(in: visible, states: states)
    }

    /// `TransferAgreement.shipments`: the shipments of each agreement the user may see.
    public static func shipments(
        ofAgreements agreements: [TransferAgreement], in scope: some ServiceScope
    ) async throws -> [[Shipment]] {
        let visible = try scope.user.listScope(for: "shipment:read")
        let shipments = try await scope.data.transfers.shipments(ofAgreements: agreements.map(\.id), in: visible)
        return agreements.map { shipments[$0.id] ?? [] }
    }

    /// `ShipmentDetail.shipment`: the shipment of each detail; `nil` for shipments outside the
    /// user's `shipment:read` bases.
    public static func shipments(
        ofDetails details: [ShipmentDetail], in scope: some ServiceScope
    ) async throws -> [Shipment?] {
        let visible = try scope.user.listScope(for: "shipment:read")
        let shipments = try await scope.data.transfers.shipments(details.map(\.shipmentId), in: visible)
        return details.map { shipments[$0.shipmentId] }
    }

    /// `Shipment.labelIdentifier` of each shipment. No permission: the label only reveals the
    /// bases' initials.
    public static func labelIdentifiers(of shipments: [Shipment], in scope: some ServiceScope) async throws -> [String]
    {
        let bases = try await scope.data.core.bases(shipments.flatMap(\.baseIds))
        return shipments.map { shipment in
            shipment.labelIdentifier(
                sourceBaseName: bases[shipment.sourceBaseId]?.name ?? "",
                targetBaseName: bases[shipment.targetBaseId]?.name ?? "")
        }
    }

    /// `sourceBase`/`targetBase`: the base `id` names, for users with `base:read` for either
    /// base of the shipment.
    public static func bases(
        of shipments: [Shipment], id: @escaping (Shipment) -> Base.ID, in scope: some ServiceScope
    ) async throws -> [PerItem<Base>] {
        try await scope.relatedForAnyBase(shipments, permission: "base:read", baseIds: \.baseIds, id: id) {
            try await scope.data.core.bases($0)
        }
    }

    /// `Shipment.direction(baseId)`: whether the shipment leaves or reaches the base; for a
    /// base not involved, judged from the user's own bases.
    public static func direction(
        of shipment: Shipment, baseId: Base.ID, in scope: some ServiceScope
    ) throws(Forbidden) -> ShipmentDirection {
        let user = scope.user
        try user.authorize("base:read", baseId: baseId)
        if shipment.sourceBaseId == baseId { return .outgoing }
        if shipment.targetBaseId == baseId { return .incoming }
        if user.isGod { return .indeterminate }
        let fromOwnBase = user.can("base:read", baseId: shipment.sourceBaseId)
        let toOwnBase = user.can("base:read", baseId: shipment.targetBaseId)
        switch (fromOwnBase, toOwnBase) {
        case (true, true): return .indeterminate
        case (true, false): return .outgoing
        case (false, true): return .incoming
        case (false, false):
            // Only reachable for shipments fetched without shipment:read for either base.
            throw Forbidden(.resource("bases", "[\(shipment.sourceBaseId), \(shipment.targetBaseId)]"))
        }
    }
}
