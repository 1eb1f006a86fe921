/// Reads of the warehouse domain: its boxes side (locations, boxes, QR codes) and its
/// catalogue side (products, standard products, reference data, tags).
public protocol WarehouseRepository: BoxRepository, CatalogueRepository {}

/// Reads and writes of the warehouse domain, inside a transaction.
public protocol WarehouseWriteRepository: WarehouseRepository, BoxWriteRepository, CatalogueWriteRepository {}
