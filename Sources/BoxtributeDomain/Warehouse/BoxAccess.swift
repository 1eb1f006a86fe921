/// Whether the user may read or change boxes: the reference's `authorize_for_accessing_box`
/// (`back/boxtribute_server/authz.py`). A box in a shipment state is checked against the bases
/// of its active shipment, any other box against the base of its location.
public enum BoxAccess {
    /// Per box id: success, `Forbidden`, or `DomainError.notFound` (a box in a shipment state
    /// without an active shipment detail).
    public static func check(
        _ boxes: [Box], action: String, in scope: some ServiceScope
    ) async throws -> [Box.ID: Result<Void, any Error>] {
        guard !boxes.isEmpty else { return [:] }
        let permission = "stock:\(action)"
        let warehouse = scope.data.warehouse
        let travelling = boxes.filter(\.state.isInShipment)
        let shipmentBases = try await warehouse.activeShipmentBases(ofBoxes: travelling.map(\.id))
        let locations = try await warehouse.locations(boxes.filter { !$0.state.isInShipment }.map(\.locationId))
        var result: [Box.ID: Result<Void, any Error>] = [:]
        for box in boxes {
            result[box.id] = Result {
                if box.state.isInShipment {
                    guard let bases = shipmentBases[box.id] else { throw DomainError.notFound }
                    try scope.user.authorize(permission, anyOf: bases)
                } else {
                    guard let location = locations[box.locationId] else { throw DomainError.notFound }
                    try scope.user.authorize(permission, baseId: location.baseId)
                }
            }
        }
        return result
    }

    /// Requires `stock:<action>` for one box.
    public static func authorize(_ box: Box, action: String, in scope: some ServiceScope) async throws {
        try await check([box], action: action, in: scope)[box.id]?.get()
    }
}
