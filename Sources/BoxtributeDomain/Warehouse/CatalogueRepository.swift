/// Reads of products, standard products, reference data (categories, size ranges, sizes,
/// units) and tags. Look-ups by id take a batch of ids and return the rows found, keyed by id.
public protocol CatalogueRepository: Sendable {
    func products(_ ids: [Int]) async throws -> [Int: Product]
    func sizes(_ ids: [Int]) async throws -> [Int: Size]
    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit]
    func tags(_ ids: [Int]) async throws -> [Int: Tag]
}

/// Writes of products and tags, inside a transaction.
public protocol CatalogueWriteRepository: CatalogueRepository {
}
