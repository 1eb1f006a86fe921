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
}
