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

    // Reads of the boxes side (box creation and import).
    func allUnits() async throws -> [MeasureUnit] { try await ReferenceDataStore.units(ids: nil, in: db) }

    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]] {
        try await ReferenceDataStore.sizes(ofRanges: rangeIds, in: db)
    }
}

extension SQLWarehouseWriteRepository {
    // Tags as the boxes side writes them.
    func lockedTags(_ ids: [Int]) async throws -> [Int: Tag] { try await TagStore.byIdsForUpdate(ids, in: context) }

    func createBoxTags(named names: [String], baseId: Int) async throws -> [Tag] {
        try await TagStore.createBoxTags(named: names, baseId: baseId, in: context)
    }

    func activeTagAssignments(of objectIds: [Int], type: TaggableResourceType) async throws -> Set<TagAssignment> {
        try await TagStore.activeAssignments(of: objectIds, type: type, in: context)
    }

    func assignTags(_ assignments: [TagAssignment], type: TaggableResourceType) async throws {
        try await TagStore.assign(assignments, type: type, in: context)
    }

    func unassignTags(_ tagIds: [Int]?, from objectIds: [Int], type: TaggableResourceType) async throws {
        try await TagStore.unassign(tagIds: tagIds, from: objectIds, type: type, in: context)
    }
}

/// Rows keyed by id; the first row wins when an id repeats.
func keyedById<Row>(_ rows: [Row], id: (Row) -> Int) -> [Int: Row] {
    Dictionary(rows.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
}
