import BoxtributeDatabase
// Port of business_logic/warehouse/product/crud.py and standard_product/crud.py.
import BoxtributeDomain

/// Product mutations (spec 03 §4.8–§4.14).
public enum ProductService {
    /// `createCustomProduct`.
    public static func createCustom(
        _ fields: CustomProductFields, baseId: Int, in scope: SQLWriteContext
    ) async throws
        -> Product
    {
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
        return try await ProductStore.insert(
            Product(
                id: 0, name: name, categoryId: categoryId, gender: fields.gender, sizeRangeId: sizeRangeId,
                baseId: baseId, price: Double(price), inShop: fields.inShop ?? false, comment: fields.comment ?? "",
                deletedOn: nil, standardProductId: nil,
                audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil)),
            in: scope)
    }

    /// `editCustomProduct`; deleted products may be edited.
    public static func editCustom(
        id: Int, _ fields: CustomProductFields, in scope: SQLWriteContext
    ) async throws
        -> Product
    {
        let old = try await ProductStore.byIdForUpdate(id, in: scope).orThrow(UserError.missing("Product", id: id))
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
    public static func deleteCustom(id: Int, in scope: SQLWriteContext) async throws -> Product {
        try await softDelete(id: id, expected: .custom, in: scope)
    }

    /// `disableStandardProduct`.
    public static func disableStandard(instantiationId: Int, in scope: SQLWriteContext) async throws -> Product {
        try await softDelete(id: instantiationId, expected: .standardInstantiation, in: scope)
    }

    /// `enableStandardProduct`: re-uses a deleted instantiation of the base when there is one.
    public static func enableStandard(
        standardProductId: Int, baseId: Int, _ fields: CustomProductFields, in scope: SQLWriteContext
    ) async throws -> Product {
        try scope.user.authorize("product:write", baseId: baseId)
        try scope.user.authorize("size_range:read")
        try fields.checkTextLengths()
        let price = fields.price ?? 0
        guard price >= 0 else { throw UserError.invalidPrice(price) }
        let previous = try await ProductStore.instantiations(of: [standardProductId], baseId: baseId, in: scope)
        if let enabled = previous.first(where: { $0.deletedOn == nil }) {
            throw UserError.standardProductAlreadyEnabledForBase(existingInstantiationId: enabled.id)
        }
        let standard = try await StandardProductStore.byIds([standardProductId], in: scope.connection)[
            standardProductId
        ]
        .orThrow(UserError.missing("StandardProduct", id: nil))
        if let newer = standard.supercededByProductId {
            throw UserError.outdatedStandardProductVersion(mostRecentStandardProductId: newer)
        }
        let sizeRangeId = fields.sizeRangeId ?? standard.sizeRangeId
        guard try await !ReferenceDataStore.sizeRanges(ids: [sizeRangeId], in: scope.connection).isEmpty else {
            throw UserError.missing("SizeRange", id: nil)
        }
        if var product = previous.first {
            product.deletedOn = nil
            product.sizeRangeId = sizeRangeId
            product.price = Double(price)
            product.comment = fields.comment ?? ""
            product.inShop = fields.inShop ?? false
            product.audit.lastModifiedOn = scope.now
            product.audit.lastModifiedBy = scope.user.id
            try await ProductStore.save(product, in: scope)
            try await HistoryStore.record([.created], table: "products", recordId: product.id, in: scope)
            return try await ProductStore.byIdForUpdate(product.id, in: scope).orThrow(DomainError.notFound)
        }
        return try await ProductStore.insert(
            instantiation(of: standard, baseId: baseId, sizeRangeId: sizeRangeId, price: price, fields: fields),
            in: scope)
    }

    /// `enableStandardProducts`: instantiates every usable standard product with defaults.
    public static func enableStandards(
        _ ids: [Int], baseId: Int, in scope: SQLWriteContext
    ) async throws -> (
        instantiations: [Product], invalidIds: [Int]
    ) {
        try scope.user.authorize("product:write", baseId: baseId)
        let requested = Set(ids).sorted()
        let standards = try await StandardProductStore.byIds(requested, in: scope.connection)
        let existing = Set(
            try await ProductStore.instantiations(of: requested, baseId: baseId, in: scope).compactMap(
                \.standardProductId))
        let valid = requested.filter { id in
            guard let standard = standards[id] else { return false }
            return standard.supercededByProductId == nil && !existing.contains(id)
        }
        var created: [Product] = []
        for id in valid {
            guard let standard = standards[id] else { continue }
            created.append(
                try await ProductStore.insert(
                    instantiation(
                        of: standard, baseId: baseId, sizeRangeId: standard.sizeRangeId, price: 0,
                        fields: CustomProductFields()),
                    in: scope))
        }
        return (created, Set(ids).subtracting(valid).sorted())
    }

    /// `editStandardProductInstantiation`.
    public static func editStandardInstantiation(
        id: Int, _ fields: CustomProductFields, in scope: SQLWriteContext
    )
        async throws -> Product
    {
        let old = try await ProductStore.byIdForUpdate(id, in: scope).orThrow(UserError.missing("Product", id: id))
        try scope.user.authorize("product:write", baseId: old.baseId)
        try scope.user.authorize("size_range:read")
        try fields.checkTextLengths()
        guard old.type == .standardInstantiation else {
            throw UserError.productTypeMismatch(expected: .standardInstantiation)
        }
        var new = old
        if let sizeRangeId = fields.sizeRangeId { new.sizeRangeId = sizeRangeId }
        try applySettings(fields, to: &new)
        guard try await !ReferenceDataStore.sizeRanges(ids: [new.sizeRangeId], in: scope.connection).isEmpty else {
            throw UserError.missing("SizeRange", id: nil)
        }
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
    private static func requireReferences(categoryId: Int, sizeRangeId: Int, in scope: SQLWriteContext) async throws {
        guard try await !ReferenceDataStore.categories(ids: [categoryId], in: scope.connection).isEmpty else {
            throw UserError.missing("ProductCategory", id: nil)
        }
        guard try await !ReferenceDataStore.sizeRanges(ids: [sizeRangeId], in: scope.connection).isEmpty else {
            throw UserError.missing("SizeRange", id: nil)
        }
    }

    /// Saves the changes with history; `modified` only when something changed.
    private static func save(_ old: Product, as new: Product, in scope: SQLWriteContext) async throws -> Product {
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        var saved = new
        saved.audit.lastModifiedOn = scope.now
        saved.audit.lastModifiedBy = scope.user.id
        try await ProductStore.save(saved, in: scope)
        try await HistoryStore.record(changes, table: "products", recordId: old.id, in: scope)
        return saved
    }

    private static func softDelete(id: Int, expected: ProductType, in scope: SQLWriteContext) async throws -> Product {
        let product = try await ProductStore.byIdForUpdate(id, in: scope).orThrow(UserError.missing("Product", id: id))
        try scope.user.authorize("product:write", baseId: product.baseId)
        guard product.deletedOn == nil else { return product }
        guard product.type == expected else { throw UserError.productTypeMismatch(expected: expected) }
        let inUse = try await ProductStore.labelsOfBoxesInUse(productId: id, in: scope)
        guard inUse.isEmpty else { throw UserError.boxesStillAssignedToProduct(labelIdentifiers: inUse) }
        var deleted = product
        deleted.deletedOn = scope.now
        try await ProductStore.save(deleted, in: scope)
        try await HistoryStore.record([.deleted], table: "products", recordId: id, in: scope)
        return deleted
    }

    private static func instantiation(
        of standard: StandardProduct, baseId: Int, sizeRangeId: Int, price: Int, fields: CustomProductFields
    ) -> Product {
        Product(
            id: 0, name: standard.name, categoryId: standard.categoryId, gender: standard.gender,
            sizeRangeId: sizeRangeId, baseId: baseId, price: Double(price), inShop: fields.inShop ?? false,
            comment: fields.comment ?? "", deletedOn: nil, standardProductId: standard.id,
            audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil))
    }
}
