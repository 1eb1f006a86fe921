/// Reads of transfer agreements, shipments and shipment details. Look-ups by id take a batch of
/// ids and return the rows found, keyed by id.
public protocol TransferRepository: Sendable {
}

/// Writes of the transfers domain, inside a transaction.
public protocol TransferWriteRepository: TransferRepository {
}
