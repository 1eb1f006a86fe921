/// Reads of products, standard products, reference data (categories, size ranges, sizes,
/// units) and tags. Look-ups by id take a batch of ids and return the rows found, keyed by id.
public protocol CatalogueRepository: Sendable {
    // MARK: Products

    func products(_ ids: [Product.ID]) async throws -> [Product.ID: Product]
    /// A page of the products in `scope` (deleted ones included), optionally of one base or one
    /// category, id order.
    func products(
        in scope: BaseScope, baseId: Base.ID?, categoryId: Int?, page: PageRequest
    ) async throws -> Page<Product>
    /// Products of the bases that pass the filter, id order.
    func products(ofBases baseIds: [Base.ID], filter: ProductFilter) async throws -> [Product]
    /// Number of items in the non-deleted boxes of each product that are in one of `states`,
    /// keyed by product id (products without such boxes are absent).
    func itemTotals(ofProducts productIds: [Product.ID], states: [BoxState]) async throws -> [Product.ID: Int]

    // MARK: Standard products

    func standardProducts(_ ids: [Int]) async throws -> [Int: StandardProduct]
    /// The latest catalogue, or for a base the latest catalogue plus what the base instantiated,
    /// each with the base's non-deleted instantiation.
    func standardProducts(baseId: Base.ID?) async throws -> Page<StandardProduct>
    /// Every standard product with the names of its category and size range, id order.
    func standardProductListing() async throws -> [StandardProductListing]

    // MARK: Reference data

    func productCategories(_ ids: [Int]) async throws -> [Int: ProductCategory]
    /// Every product category, id order.
    func allProductCategories() async throws -> [ProductCategory]
    func sizeRanges(_ ids: [Int]) async throws -> [Int: SizeRange]
    /// Every size range, id order.
    func allSizeRanges() async throws -> [SizeRange]
    func sizes(_ ids: [Int]) async throws -> [Int: Size]
    /// The sizes of each range in their order within the range, keyed by range id.
    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]]
    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit]
    /// Units of the dimensions, id order.
    func units(ofDimensions dimensionIds: [Int]) async throws -> [MeasureUnit]

    // MARK: Tags

    func tags(_ ids: [Tag.ID]) async throws -> [Tag.ID: Tag]
    /// Non-deleted tags in `scope`, optionally of the bases and of the types given, id order.
    func tags(in scope: BaseScope, baseIds: [Base.ID]?, types: [TagType]?) async throws -> [Tag]
    /// When each tag was last assigned (ended assignments included), keyed by tag id.
    func lastUse(ofTags tagIds: [Tag.ID]) async throws -> [Tag.ID: Timestamp]
    /// Every measure unit, id order.
    func allUnits() async throws -> [MeasureUnit]
}

/// Writes of products and tags, inside a transaction.
public protocol CatalogueWriteRepository: CatalogueRepository {
    // MARK: Products

    /// A product, locked until the end of the transaction where the engine needs it.
    func productForUpdate(_ id: Product.ID) async throws -> Product?
    /// Inserts a product stamped as created now by the transaction's user, with its `Record
    /// created` history row; returns it as stored.
    func insertProduct(_ product: Product) async throws -> Product
    /// Writes the changeable fields of `product`, its deletion and modification stamps.
    func saveProduct(_ product: Product) async throws
    /// Labels of the non-deleted boxes that still hold the product in use, id order.
    func labelsOfBoxesInUse(productId: Product.ID) async throws -> [String]
    /// Products of `baseId` instantiating any of the standard products, deleted ones too and
    /// last (the reference orders them by `deleted` descending).
    func instantiations(of standardProductIds: [Int], baseId: Base.ID) async throws -> [Product]

    // MARK: Tags

    /// Tags, locked until the end of the transaction where the engine needs it.
    func tagsForUpdate(_ ids: [Tag.ID]) async throws -> [Tag.ID: Tag]
    /// Creates a tag stamped as created now by the transaction's user, with its `Record
    /// created` history row.
    func createTag(name: String, description: String, color: String, type: TagType, baseId: Base.ID) async throws -> Tag
    /// Writes the changeable fields of `tag` and its modification stamps.
    func saveTag(_ tag: Tag) async throws
    /// Soft-deletes the tags, ends their active assignments and writes `Record deleted` rows.
    func softDeleteTags(_ ids: [Tag.ID]) async throws
    /// Creates one box tag per distinct name (first-seen order), with random colours and a
    /// `Record created` history row each.
    func createBoxTags(named names: [String], baseId: Base.ID) async throws -> [Tag]

    // MARK: Tag assignments

    /// The active assignments of tags to the resources of one type.
    func activeTagAssignments(of resourceIds: [Int], type: TaggableResourceType) async throws -> Set<TagAssignment>
    /// Assigns tags, stamped with the transaction's user and time.
    func assignTags(_ assignments: [TagAssignment], type: TaggableResourceType) async throws
    /// Ends the active assignments of `tagIds` (`nil`: of every tag) to the resources.
    func unassignTags(_ tagIds: [Tag.ID]?, from resourceIds: [Int], type: TaggableResourceType) async throws
    /// Ends every active assignment of the tags, or only those to resources of `type`.
    func endTagAssignments(ofTags tagIds: [Tag.ID], type: TaggableResourceType?) async throws
    /// Stamps beneficiaries as modified now by the transaction's user (their tags changed).
    func touchBeneficiaries(_ ids: [Int]) async throws
}
