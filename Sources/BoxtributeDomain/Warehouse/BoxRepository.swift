/// Reads of locations, boxes and QR codes. Look-ups by id take a batch of ids and return the
/// rows found, keyed by id.
public protocol BoxRepository: Sendable {
    func boxes(_ ids: [Int]) async throws -> [Int: Box]
    func locations(_ ids: [Int]) async throws -> [Int: Location]
}

/// Writes of locations, boxes and QR codes, inside a transaction.
public protocol BoxWriteRepository: BoxRepository {
    /// Stamps the boxes as modified now by the transaction's user.
    func touchBoxes(_ ids: [Int]) async throws

    // The box writes of shipments (transfers domain).

    /// Boxes by label, locked for the rest of the transaction where the engine needs it, id order.
    func boxesForUpdate(labels: [String]) async throws -> [Box]
    /// Boxes by id, locked, keyed by id.
    func boxesForUpdate(_ ids: [Int]) async throws -> [Int: Box]
    /// Writes the changeable columns of the box (all but label, creation and deletion stamps).
    func save(_ box: Box) async throws
    /// Puts the boxes into `state`, stamped as modified now by the transaction's user. Writes
    /// no history: the caller records it.
    func setState(ofBoxes ids: [Int], to state: BoxState) async throws
    /// Ends every active tag assignment of the boxes.
    func unassignAllTags(fromBoxes ids: [Int]) async throws
}
