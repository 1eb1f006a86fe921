import BoxtributeDatabase
import BoxtributeDomain

// ``CatalogueRepository`` and ``CatalogueWriteRepository`` in SQL: products, standard products,
// reference data and tags.

// MARK: - Products and standard products

extension SQLWarehouseReads {
    func products(_ ids: [Product.ID]) async throws -> [Product.ID: Product] {
        try await ProductStore.byIds(ids, in: db)
    }

    func products(
        in scope: BaseScope, baseId: Base.ID?, categoryId: Int?, page: PageRequest
    ) async throws -> Page<Product> {
        try await ProductStore.page(scope: scope, baseId: baseId, categoryId: categoryId, request: page, in: db)
    }

    func products(ofBases baseIds: [Base.ID], filter: ProductFilter) async throws -> [Product] {
        try await ProductStore.ofBases(baseIds, filter: filter, in: db)
    }

    func itemTotals(ofProducts productIds: [Product.ID], states: [BoxState]) async throws -> [Product.ID: Int] {
        try await BoxStore.itemTotals(ofProducts: productIds, states: states, in: db)
    }

    func standardProducts(_ ids: [Int]) async throws -> [Int: StandardProduct] {
        try await StandardProductStore.byIds(ids, in: db)
    }

    func standardProducts(baseId: Base.ID?) async throws -> Page<StandardProduct> {
        try await StandardProductStore.page(baseId: baseId, in: db)
    }

    func standardProductListing() async throws -> [StandardProductListing] {
        try await StandardProductStore.publicList(in: db).map {
            StandardProductListing(product: $0.product, categoryName: $0.categoryName, sizeRangeName: $0.sizeRangeName)
        }
    }
}

// MARK: - Reference data

extension SQLWarehouseReads {
    func productCategories(_ ids: [Int]) async throws -> [Int: ProductCategory] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.categories(ids: ids, in: db), id: \.id)
    }

    func allProductCategories() async throws -> [ProductCategory] { try await ReferenceDataStore.categories(in: db) }

    func sizeRanges(_ ids: [Int]) async throws -> [Int: SizeRange] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.sizeRanges(ids: ids, in: db), id: \.id)
    }

    func allSizeRanges() async throws -> [SizeRange] { try await ReferenceDataStore.sizeRanges(in: db) }

    func sizes(_ ids: [Int]) async throws -> [Int: Size] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.sizes(ids: ids, in: db), id: \.id)
    }

    func sizes(ofRanges rangeIds: [Int]) async throws -> [Int: [Size]] {
        try await ReferenceDataStore.sizes(ofRanges: rangeIds, in: db)
    }

    func units(_ ids: [Int]) async throws -> [Int: MeasureUnit] {
        guard !ids.isEmpty else { return [:] }
        return keyedById(try await ReferenceDataStore.units(ids: ids, in: db), id: \.id)
    }

    func allUnits() async throws -> [MeasureUnit] { try await ReferenceDataStore.units(ids: nil, in: db) }

    func units(ofDimensions dimensionIds: [Int]) async throws -> [MeasureUnit] {
        try await ReferenceDataStore.units(ofDimensions: dimensionIds, in: db)
    }
}

// MARK: - Tags

extension SQLWarehouseReads {
    func tags(_ ids: [Tag.ID]) async throws -> [Tag.ID: Tag] { try await TagStore.byIds(ids, in: db) }

    func tags(in scope: BaseScope, baseIds: [Base.ID]?, types: [TagType]?) async throws -> [Tag] {
        try await TagStore.list(scope: scope, baseIds: baseIds, types: types, in: db)
    }

    func lastUse(ofTags tagIds: [Tag.ID]) async throws -> [Tag.ID: Timestamp] {
        try await TagStore.lastUsed(ofTags: tagIds, in: db)
    }
}

// MARK: - Writes of products

extension SQLWarehouseWriteRepository {
    func productForUpdate(_ id: Product.ID) async throws -> Product? {
        try await ProductStore.byIdForUpdate(id, in: context)
    }

    func insertProduct(_ product: Product) async throws -> Product {
        try await ProductStore.insert(product, in: context)
    }

    func saveProduct(_ product: Product) async throws { try await ProductStore.save(product, in: context) }

    func labelsOfBoxesInUse(productId: Product.ID) async throws -> [String] {
        try await ProductStore.labelsOfBoxesInUse(productId: productId, in: context)
    }

    func instantiations(of standardProductIds: [Int], baseId: Base.ID) async throws -> [Product] {
        try await ProductStore.instantiations(of: standardProductIds, baseId: baseId, in: context)
    }
}

// MARK: - Writes of tags and their assignments

extension SQLWarehouseWriteRepository {
    func tagsForUpdate(_ ids: [Tag.ID]) async throws -> [Tag.ID: Tag] {
        try await TagStore.byIdsForUpdate(ids, in: context)
    }

    func createTag(name: String, description: String, color: String, type: TagType, baseId: Base.ID) async throws -> Tag
    {
        try await TagStore.create(
            name: name, description: description, color: color, type: type, baseId: baseId, in: context)
    }

    func saveTag(_ tag: Tag) async throws { try await TagStore.save(tag, in: context) }

    func softDeleteTags(_ ids: [Tag.ID]) async throws { try await TagStore.softDelete(ids, in: context) }

    func createBoxTags(named names: [String], baseId: Base.ID) async throws -> [Tag] {
        try await TagStore.createBoxTags(named: names, baseId: baseId, in: context)
    }

    func activeTagAssignments(of resourceIds: [Int], type: TaggableResourceType) async throws -> Set<TagAssignment> {
        try await TagStore.activeAssignments(of: resourceIds, type: type, in: context)
    }

    func assignTags(_ assignments: [TagAssignment], type: TaggableResourceType) async throws {
        try await TagStore.assign(assignments, type: type, in: context)
    }

    func unassignTags(_ tagIds: [Tag.ID]?, from resourceIds: [Int], type: TaggableResourceType) async throws {
        try await TagStore.unassign(tagIds: tagIds, from: resourceIds, type: type, in: context)
    }

    func endTagAssignments(ofTags tagIds: [Tag.ID], type: TaggableResourceType?) async throws {
        try await TagStore.endAssignments(ofTags: tagIds, type: type, in: context)
    }

    func touchBeneficiaries(_ ids: [Int]) async throws { try await TagStore.touchBeneficiaries(ids, in: context) }
}

/// Rows keyed by id; the first row wins when an id repeats.
func keyedById<Row>(_ rows: [Row], id: (Row) -> Int) -> [Int: Row] {
    Dictionary(rows.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
}
