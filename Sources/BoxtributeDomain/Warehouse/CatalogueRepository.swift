/// Reads of products, standard products, reference data (categories, size ranges, sizes,
/// units) and tags. Look-ups by id take a batch of ids and return the rows found, keyed by id.
public protocol CatalogueRepository: Sendable {
    func products(_ ids: [Int]) async throws -> [Int: Product]
    func sizes(_ ids: [Int]) async throws -> [Int: Size]
    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit]
    func tags(_ ids: [Int]) async throws -> [Int: Tag]

    // A read of shipments (transfers domain).

    /// The sizes of each size range, in their order within the range, keyed by range id.
    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]]
}

/// Writes of products and tags, inside a transaction.
public protocol CatalogueWriteRepository: CatalogueRepository {
}
