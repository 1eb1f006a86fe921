// Port of back/boxtribute_server/business_logic/warehouse/product/crud.py and
// back/boxtribute_server/business_logic/warehouse/standard_product/crud.py.

/// Reading and changing products and standard products.
public enum ProductService {
    // MARK: - Reads

    /// `product(id:)`: existence is checked before the permission for the product's base.
    public static func product(id: Product.ID, in scope: some ServiceScope) async throws -> Product {
        let product = try await scope.data.warehouse.products([id])[id].orNotFound()
        try scope.user.authorize("product:read", baseId: product.baseId)
        return product
    }

    /// `products(baseId:)`: a page of the products (deleted ones included) of the bases the user
    /// may read, optionally of one base. The permission is checked before the page is read.
    public static func products(
        baseId: Base.ID?, page: PaginationInput?, maximumLimit: Int, in scope: some ServiceScope
    ) async throws -> Page<Product> {
        let visible = try scope.user.baseScope(for: "product:read")
        let request = try PageRequest(page, maximumLimit: maximumLimit)
        return try await scope.data.warehouse.products(in: visible, baseId: baseId, categoryId: nil, page: request)
    }

    /// `ProductCategory.products`: one page of each category's products in the bases the user
    /// may read.
    public static func products(
        ofCategories categories: [ProductCategory], page: PaginationInput?, maximumLimit: Int,
        in scope: some ServiceScope
    ) async throws -> [Page<Product>] {
        let visible = try scope.user.baseScope(for: "product:read")
        let request = try PageRequest(page, maximumLimit: maximumLimit)
        var pages: [Page<Product>] = []
        for category in categories {
            pages.append(
                try await scope.data.warehouse.products(
                    in: visible, baseId: nil, categoryId: category.id, page: request))
        }
        return pages
    }

    /// `Base.products`: the products of each base that pass the filter; `Forbidden` for the
    /// bases whose products the user may not read.
    public static func products(
        ofBases bases: [Base], filter: ProductFilter, in scope: some ServiceScope
    ) async throws -> [PerItem<[Product]>] {
        try await scope.listsPerBase(
            bases, permission: "product:read", baseId: \.id, key: \.id, rowKey: \.baseId
        ) { try await scope.data.warehouse.products(ofBases: $0, filter: filter) }
    }

    /// `Product.instockItemsCount`: items in the products' in-stock boxes.
    public static func inStockItemCounts(of products: [Product], in scope: some ServiceScope) async throws -> [Int] {
        try await itemCounts(of: products, states: [.inStock], in: scope)
    }

    /// `Product.transferItemsCount`: items in the products' boxes on their way to another base.
    public static func transferItemCounts(of products: [Product], in scope: some ServiceScope) async throws -> [Int] {
        try await itemCounts(of: products, states: [.markedForShipment, .inTransit, .receiving], in: scope)
    }

    private static func itemCounts(
        of products: [Product], states: [BoxState], in scope: some ServiceScope
    ) async throws -> [Int] {
        let totals = try await scope.data.warehouse.itemTotals(ofProducts: products.map(\.id), states: states)
        return products.map { totals[$0.id] ?? 0 }
    }

    /// `standardProduct(id:)`: `Forbidden` without `standard_product:read`, then a
    /// `ResourceDoesNotExist` user error when there is no such standard product.
    public static func standardProduct(id: Int, in scope: some ServiceScope) async throws -> StandardProduct {
        try scope.user.authorize("standard_product:read")
        return try await scope.data.warehouse.standardProducts([id])[id]
            .orThrow(UserError.missing("StandardProduct", id: nil))
    }

    /// `standardProducts(baseId:)`: the latest catalogue, or for a base the latest catalogue
    /// plus what the base enabled; the permission is for that base when one is given.
    public static func standardProducts(
        baseId: Base.ID?, in scope: some ServiceScope
    ) async throws -> Page<
        StandardProduct
    > {
        if let baseId {
            try scope.user.authorize("standard_product:read", baseId: baseId)
        } else {
            try scope.user.authorize("standard_product:read")
        }
        return try await scope.data.warehouse.standardProducts(baseId: baseId)
    }

    /// Standard products by id (`Product.standardProduct`).
    public static func standardProducts(
        _ ids: [Int], in scope: some ServiceScope
    ) async throws -> [Int: StandardProduct] {
        try scope.user.authorize("standard_product:read")
        return try await scope.data.warehouse.standardProducts(ids)
    }

    /// Other versions of standard products by id (`precededByProduct`, `supercededByProduct`):
    /// whoever reads a standard product may read its versions.
    public static func standardProductVersions(
        _ ids: [Int], in scope: some ServiceScope
    ) async throws -> [Int: StandardProduct] {
        try await scope.data.warehouse.standardProducts(ids)
    }

    /// The public API's list of standard products: it needs no user.
    public static func publicStandardProducts(in session: any DataSession) async throws -> [StandardProductListing] {
        try await session.repositories.warehouse.standardProductListing()
    }

    // MARK: - Mutations

    /// `createCustomProduct`.
    public static func createCustom(
        _ fields: CustomProductFields, baseId: Base.ID, in scope: MutationScope
    ) async throws -> Product {
        try scope.user.authorize("product:write", baseId: baseId)
        try scope.user.authorize("size_range:read")
        try scope.user.authorize("product_category:read")
        try fields.checkTextLengths()
        let price = fields.price ?? 0
        guard price >= 0 else { throw UserError.invalidPrice(price) }
        let name = fields.name ?? ""
        guard !name.isEmpty else { throw UserError.emptyName }
        let categoryId = fields.categoryId ?? 0
        let sizeRangeId = fields.sizeRangeId ?? 0
        try await requireReferences(categoryId: categoryId, sizeRangeId: sizeRangeId, in: scope)
        return try await scope.writes.warehouseWrites.insertProduct(
            Product(
                id: 0, name: name, categoryId: categoryId, gender: fields.gender, sizeRangeId: sizeRangeId,
                baseId: baseId, price: Double(price), inShop: fields.inShop ?? false, comment: fields.comment ?? "",
                deletedOn: nil, standardProductId: nil,
                audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil)))
    }

    /// `editCustomProduct`; deleted products may be edited.
    public static func editCustom(
        id: Product.ID, _ fields: CustomProductFields, in scope: MutationScope
    ) async throws
        -> Product
    {
        let old = try await scope.writes.warehouseWrites.productForUpdate(id)
            .orThrow(UserError.missing("Product", id: id))
        try scope.user.authorize("product:write", baseId: old.baseId)
        try scope.user.authorize("size_range:read")
        try scope.user.authorize("product_category:read")
        try fields.checkTextLengths()
        guard old.type == .custom else { throw UserError.productTypeMismatch(expected: .custom) }
        var new = old
        if let name = fields.name {
            guard !name.isEmpty else { throw UserError.emptyName }
            new.name = name
        }
        if let categoryId = fields.categoryId { new.categoryId = categoryId }
        if let sizeRangeId = fields.sizeRangeId { new.sizeRangeId = sizeRangeId }
        if let gender = fields.gender { new.gender = gender }
        try applySettings(fields, to: &new)
        try await requireReferences(categoryId: new.categoryId, sizeRangeId: new.sizeRangeId, in: scope)
        return try await save(old, as: new, in: scope)
    }

    /// `deleteProduct` (custom products).
    public static func deleteCustom(id: Product.ID, in scope: MutationScope) async throws -> Product {
        try await softDelete(id: id, expected: .custom, in: scope)
    }

    /// `disableStandardProduct`.
    public static func disableStandard(instantiationId: Product.ID, in scope: MutationScope) async throws -> Product {
        try await softDelete(id: instantiationId, expected: .standardInstantiation, in: scope)
    }

    /// `enableStandardProduct`: re-uses a deleted instantiation of the base when there is one.
    public static func enableStandard(
        standardProductId: Int, baseId: Base.ID, _ fields: CustomProductFields, in scope: MutationScope
    ) async throws -> Product {
        try scope.user.authorize("product:write", baseId: baseId)
        try scope.user.authorize("size_range:read")
        try fields.checkTextLengths()
        let price = fields.price ?? 0
        guard price >= 0 else { throw UserError.invalidPrice(price) }
        let writes = scope.writes.warehouseWrites
        let previous = try await writes.instantiations(of: [standardProductId], baseId: baseId)
        if let enabled = previous.first(where: { $0.deletedOn == nil }) {
            throw UserError.standardProductAlreadyEnabledForBase(existingInstantiationId: enabled.id)
        }
        let standard = try await writes.standardProducts([standardProductId])[standardProductId]
            .orThrow(UserError.missing("StandardProduct", id: nil))
        if let newer = standard.supercededByProductId {
            throw UserError.outdatedStandardProductVersion(mostRecentStandardProductId: newer)
        }
        let sizeRangeId = fields.sizeRangeId ?? standard.sizeRangeId
        try await requireSizeRange(sizeRangeId, in: scope)
        if var product = previous.first {
            product.deletedOn = nil
            product.sizeRangeId = sizeRangeId
            product.price = Double(price)
            product.comment = fields.comment ?? ""
            product.inShop = fields.inShop ?? false
            product.audit.lastModifiedOn = scope.now
            product.audit.lastModifiedBy = scope.user.id
            try await writes.saveProduct(product)
            try await scope.writes.historyWrites.record([.created], table: "products", recordId: product.id.rawValue)
            return try await writes.productForUpdate(product.id).orThrow(DomainError.notFound)
        }
        return try await writes.insertProduct(
            instantiation(of: standard, baseId: baseId, sizeRangeId: sizeRangeId, price: price, fields: fields))
    }

    /// `enableStandardProducts`: instantiates every usable standard product with defaults.
    public static func enableStandards(
        _ ids: [Int], baseId: Base.ID, in scope: MutationScope
    ) async throws -> (instantiations: [Product], invalidIds: [Int]) {
        try scope.user.authorize("product:write", baseId: baseId)
        let writes = scope.writes.warehouseWrites
        let requested = Set(ids).sorted()
        let standards = try await writes.standardProducts(requested)
        let existing = Set(
            try await writes.instantiations(of: requested, baseId: baseId).compactMap(\.standardProductId))
        let valid = requested.filter { id in
            guard let standard = standards[id] else { return false }
            return standard.supercededByProductId == nil && !existing.contains(id)
        }
        var created: [Product] = []
        for id in valid {
            guard let standard = standards[id] else { continue }
            created.append(
                try await writes.insertProduct(
                    instantiation(
                        of: standard, baseId: baseId, sizeRangeId: standard.sizeRangeId, price: 0,
                        fields: CustomProductFields())))
        }
        return (created, Set(ids).subtracting(valid).sorted())
    }

    /// `editStandardProductInstantiation`.
    public static func editStandardInstantiation(
        id: Product.ID, _ fields: CustomProductFields, in scope: MutationScope
    ) async throws -> Product {
        let old = try await scope.writes.warehouseWrites.productForUpdate(id)
            .orThrow(UserError.missing("Product", id: id))
        try scope.user.authorize("product:write", baseId: old.baseId)
        try scope.user.authorize("size_range:read")
        try fields.checkTextLengths()
        guard old.type == .standardInstantiation else {
            throw UserError.productTypeMismatch(expected: .standardInstantiation)
        }
        var new = old
        if let sizeRangeId = fields.sizeRangeId { new.sizeRangeId = sizeRangeId }
        try applySettings(fields, to: &new)
        try await requireSizeRange(new.sizeRangeId, in: scope)
        return try await save(old, as: new, in: scope)
    }

    // MARK: - Helpers

    /// Price, comment and in-shop flag, shared by the edit mutations.
    private static func applySettings(_ fields: CustomProductFields, to product: inout Product) throws(UserError) {
        if let price = fields.price {
            guard price >= 0 else { throw .invalidPrice(price) }
            product.price = Double(price)
        }
        if let comment = fields.comment { product.comment = comment }
        if let inShop = fields.inShop { product.inShop = inShop }
    }

    /// The category and size range exist (the reference learns it from a failed insert).
    private static func requireReferences(categoryId: Int, sizeRangeId: Int, in scope: MutationScope) async throws {
        guard try await scope.data.warehouse.productCategories([categoryId])[categoryId] != nil else {
            throw UserError.missing("ProductCategory", id: nil)
        }
        try await requireSizeRange(sizeRangeId, in: scope)
    }

    private static func requireSizeRange(_ id: Int, in scope: MutationScope) async throws {
        guard try await scope.data.warehouse.sizeRanges([id])[id] != nil else {
            throw UserError.missing("SizeRange", id: nil)
        }
    }

    /// Saves the changes with history; `modified` only when something changed.
    private static func save(_ old: Product, as new: Product, in scope: MutationScope) async throws -> Product {
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        var saved = new
        saved.audit.lastModifiedOn = scope.now
        saved.audit.lastModifiedBy = scope.user.id
        try await scope.writes.warehouseWrites.saveProduct(saved)
        try await scope.writes.historyWrites.record(changes, table: "products", recordId: old.id.rawValue)
        return saved
    }

    private static func softDelete(
        id: Product.ID, expected: ProductType, in scope: MutationScope
    ) async throws -> Product {
        let writes = scope.writes.warehouseWrites
        let product = try await writes.productForUpdate(id).orThrow(UserError.missing("Product", id: id))
        try scope.user.authorize("product:write", baseId: product.baseId)
        guard product.deletedOn == nil else { return product }
        guard product.type == expected else { throw UserError.productTypeMismatch(expected: expected) }
        let inUse = try await writes.labelsOfBoxesInUse(productId: id)
        guard inUse.isEmpty else { throw UserError.boxesStillAssignedToProduct(labelIdentifiers: inUse) }
        var deleted = product
        deleted.deletedOn = scope.now
        try await writes.saveProduct(deleted)
        try await scope.writes.historyWrites.record([.deleted], table: "products", recordId: id.rawValue)
        return deleted
    }

    private static func instantiation(
        of standard: StandardProduct, baseId: Base.ID, sizeRangeId: Int, price: Int, fields: CustomProductFields
    ) -> Product {
        Product(
            id: 0, name: standard.name, categoryId: standard.categoryId, gender: standard.gender,
            sizeRangeId: sizeRangeId, baseId: baseId, price: Double(price), inShop: fields.inShop ?? false,
            comment: fields.comment ?? "", deletedOn: nil, standardProductId: standard.id,
            audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil))
    }
}
