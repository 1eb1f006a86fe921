/// Reads of products, standard products, reference data (categories, size ranges, sizes,
/// units) and tags. Look-ups by id take a batch of ids and return the rows found, keyed by id.
public protocol CatalogueRepository: Sendable {
    func products(_ ids: [Int]) async throws -> [Int: Product]
    func sizes(_ ids: [Int]) async throws -> [Int: Size]
    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit]
    func tags(_ ids: [Int]) async throws -> [Int: Tag]

    // Reads of the boxes side (box creation and import).
    /// Every measure unit, id order.
    func allUnits() async throws -> [MeasureUnit]
    /// The sizes of each size range, keyed by range id.
    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]]
}

/// Writes of products and tags, inside a transaction.
public protocol CatalogueWriteRepository: CatalogueRepository {
    // Tags as the boxes side writes them (box creation, update, import, bulk tag operations).
    /// Tags by id, locked for the rest of the transaction where the engine needs it.
    func lockedTags(_ ids: [Int]) async throws -> [Int: Tag]
    /// Creates one box tag per distinct name (first-seen order), with random colours and a
    /// `Record created` history row each.
    func createBoxTags(named names: [String], baseId: Int) async throws -> [Tag]
    /// The active assignments of tags to `objectIds` of one resource type.
    func activeTagAssignments(of objectIds: [Int], type: TaggableResourceType) async throws -> Set<TagAssignment>
    /// Assigns tags, stamped with the transaction's user and time. One statement.
    func assignTags(_ assignments: [TagAssignment], type: TaggableResourceType) async throws
    /// Ends the active assignments of `tagIds` (`nil`: of every tag) to `objectIds`.
    func unassignTags(_ tagIds: [Int]?, from objectIds: [Int], type: TaggableResourceType) async throws
}

/// A tag applied to a box or a beneficiary (`tags_relations`).
public struct TagAssignment: Hashable, Sendable {
    public var tagId: Int
    public var objectId: Int
    public init(tagId: Int, objectId: Int) {
        self.tagId = tagId
        self.objectId = objectId
    }
}
