/// Reading shipment details and what they name.
public enum ShipmentDetailService {
    /// `Shipment.details`: every detail of each shipment (removed, lost and received ones
    /// included); requires `shipment_detail:read`.
    public static func details(
        ofShipments shipments: [Shipment], in scope: some ServiceScope
    ) async throws -> [[ShipmentDetail]] {
        try scope.user.authorize("shipment_detail:read")
        let details = try await scope.data.transfers.shipmentDetails(ofShipments: shipments.map(\.id))
        return shipments.map { details[$0.id] ?? [] }
    }

    /// `Box.shipmentDetail`: the active detail of each box. Lenient: users without
    /// `shipment_detail:read` get `nil`, not an error, so that low-privilege users can still
    /// scan boxes.
    public static func activeDetails(
        ofBoxes boxes: [Box], in scope: some ServiceScope
    ) async throws -> [ShipmentDetail?] {
        do throws(Forbidden) {
            try scope.user.authorize("shipment_detail:read")
        } catch {
            return boxes.map { _ in nil }
        }
        let details = try await scope.data.transfers.activeShipmentDetails(ofBoxes: boxes.map(\.id))
        return boxes.map { details[$0.id] }
    }

    /// `sourceProduct`/`targetProduct`: for users with `product:read` for either base of the
    /// detail's shipment.
    public static func products(
        of details: [ShipmentDetail], id: @escaping (ShipmentDetail) -> Product.ID?, in scope: some ServiceScope
    ) async throws -> [PerItem<Product>] {
        try await scope.relatedForAnyBase(details, permission: "product:read", baseIds: \.shipmentBaseIds, id: id) {
            try await scope.data.warehouse.products($0)
        }
    }

    /// `sourceLocation`/`targetLocation`: for users with `location:read` for either base of
    /// the detail's shipment.
    public static func locations(
        of details: [ShipmentDetail], id: @escaping (ShipmentDetail) -> Location.ID?, in scope: some ServiceScope
    ) async throws -> [PerItem<Location>] {
        try await scope.relatedForAnyBase(details, permission: "location:read", baseIds: \.shipmentBaseIds, id: id) {
            try await scope.data.warehouse.locations($0)
        }
    }

    /// `ShipmentDetail.box`: for users with `stock:read` for either base of the detail's shipment.
    public static func boxes(of details: [ShipmentDetail], in scope: some ServiceScope) async throws -> [PerItem<Box>] {
        try await scope.relatedForAnyBase(
            details, permission: "stock:read", baseIds: \.shipmentBaseIds, id: { $0.boxId }
        ) {
            try await scope.data.warehouse.boxes($0)
        }
    }

    /// `autoMatchingTargetProduct`: for each detail whose source product instantiates a
    /// standard product, the target base's product instantiating the same one. No permission:
    /// whoever may see the detail may see the match.
    public static func autoMatchingTargetProducts(
        of details: [ShipmentDetail], in scope: some ServiceScope
    ) async throws -> [Product?] {
        let products = try await scope.data.transfers.autoMatchingTargetProducts(ofDetails: details.map(\.id))
        return details.map { products[$0.id] }
    }
}
