import BoxtributeDatabase
import BoxtributeDomain

// ``CatalogueRepository`` and ``CatalogueWriteRepository`` in SQL: products, standard products,
// reference data and tags.

extension SQLWarehouseReads {
    func products(_ ids: [Int]) async throws -> [Int: Product] { try await ProductStore.byIds(ids, in: db) }

    func sizes(_ ids: [Int]) async throws -> [Int: Size] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.sizes(ids: ids, in: db), id: \.id)
    }

    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.units(ids: ids, in: db), id: \.id)
    }

    func tags(_ ids: [Int]) async throws -> [Int: Tag] { try await TagStore.byIds(ids, in: db) }
}

// A read of shipments (transfers domain).
extension SQLWarehouseReads {
    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]] {
        try await ReferenceDataStore.sizes(ofRanges: rangeIds, in: db)
    }
}

extension SQLWarehouseWriteRepository {
}

/// Rows keyed by id; the first row wins when an id repeats.
func keyedById<Row>(_ rows: [Row], id: (Row) -> Int) -> [Int: Row] {
    Dictionary(rows.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
}
