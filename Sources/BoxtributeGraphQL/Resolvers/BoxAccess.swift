import BoxtributeCore
import BoxtributeStorage

/// The reference's `authorize_for_accessing_box` (spec 01 §4.4), for a batch of boxes.
enum BoxAccess {
    /// Per box id: success, `Forbidden`, or `DomainError.notFound` (box in a shipment state
    /// without an active shipment detail).
    static func check(
        _ boxes: [Box], action: String, context: ResolverContext
    ) async throws
        -> [Int: Result<Void, any Error>]
    {
        guard !boxes.isEmpty else { return [:] }
        let user = try context.currentUser
        let permission = "stock:\(action)"
        let travelling = boxes.filter(\.state.isInShipment)
        let shipmentBases = try await BoxStore.activeShipmentBases(ofBoxes: travelling.map(\.id), in: context)
        let locations = try await LocationStore.byIds(
            boxes.filter { !$0.state.isInShipment }.map(\.locationId), in: context)
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
}
