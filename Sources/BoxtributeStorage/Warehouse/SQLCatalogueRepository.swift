import BoxtributeDatabase
import BoxtributeDomain

// ``CatalogueRepository`` and ``CatalogueWriteRepository`` in SQL: products, standard products,
// reference data and tags.

extension SQLWarehouseReads {
}

extension SQLWarehouseWriteRepository {
}
