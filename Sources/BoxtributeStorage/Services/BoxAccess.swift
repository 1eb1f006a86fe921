import BoxtributeDatabase
import BoxtributeDomain

/// The reference's `authorize_for_accessing_box` (spec 01 §4.4), for a batch of boxes.
public enum BoxAccess {
    /// Per box id: success, `Forbidden`, or `DomainError.notFound` (box in a shipment state
    /// without an active shipment detail).
    public static func check(
        _ boxes: [Box], action: String, user: CurrentUser, in db: any SQLQuerying
    ) async throws
        -> [Int: Result<Void, any Error>]
    {
        guard !boxes.isEmpty else { return [:] }
        let permission = "stock:\(action)"
        let travelling = boxes.filter(\.state.isInShipment)
        let shipmentBases = try await BoxStore.activeShipmentBases(ofBoxes: travelling.map(\.id), in: db)
        let locations = try await LocationStore.byIds(boxes.filter { !$0.state.isInShipment }.map(\.locationId), in: db)
        var result: [Int: Result<Void, any Error>] = [:]
        for box in boxes {
            result[box.id] = Result {
                if box.state.isInShipment {
                    guard let bases = shipmentBases[box.id] else { throw DomainError.notFound }
                    try user.authorize(permission, anyOf: bases)
                } else {
                    guard let location = locations[box.locationId] else { throw DomainError.notFound }
                    try user.authorize(permission, baseId: location.baseId)
                }
            }
        }
        return result
    }

    /// Requires `stock:<action>` for one box.
    public static func authorize(_ box: Box, action: String, user: CurrentUser, in db: any SQLQuerying) async throws {
        try await check([box], action: action, user: user, in: db)[box.id]?.get()
    }
}
