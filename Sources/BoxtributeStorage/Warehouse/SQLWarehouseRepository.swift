import BoxtributeDatabase
import BoxtributeDomain

/// The reads of ``WarehouseRepository`` in SQL, shared by the read-only repository and the
/// transaction's one. The boxes side is implemented in `SQLBoxRepository.swift`, the catalogue
/// side in `SQLCatalogueRepository.swift`.
protocol SQLWarehouseReads: WarehouseRepository {
    var db: any SQLQuerying { get }
}

/// ``WarehouseRepository`` in SQL, reading through a request's reader.
struct SQLWarehouseRepository: SQLWarehouseReads {
    let db: any SQLQuerying
}

/// ``WarehouseWriteRepository`` in SQL, on a transaction's connection.
struct SQLWarehouseWriteRepository: SQLWarehouseReads, WarehouseWriteRepository {
    let context: SQLWriteContext
    var db: any SQLQuerying { context.connection }
}
