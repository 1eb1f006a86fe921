/// Reads of locations, boxes, QR codes, products, reference data and tags. Look-ups by id take
/// a batch of ids and return the rows found, keyed by id.
public protocol WarehouseRepository: Sendable {
}

/// Writes of the warehouse domain, inside a transaction.
public protocol WarehouseWriteRepository: WarehouseRepository {
}
