import BoxtributeDatabase
import BoxtributeDomain

extension ProductStore {
    /// A product by id through the mutation's connection, locked where the engine needs it.
    static func byIdForUpdate(_ id: Product.ID, in scope: SQLWriteContext) async throws -> Product? {
        try await scope.connection.query(
            "SELECT \(columns) FROM products p WHERE p.id = ?\(scope.forUpdate)", [SQLValue(id)]
        )
        .first.map(decode)
    }

    /// Inserts a product with a `Record created` history row; returns it as stored.
    static func insert(_ product: Product, in scope: SQLWriteContext) async throws -> Product {
        let inserted = try await scope.execute(
            """
            INSERT INTO products (name, category_id, gender_id, sizegroup_id, camp_id, value, stockincontainer, \
            comments, standard_product_id, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(product.name), .integer(product.categoryId), .integer((product.gender ?? .none).rawValue),
                .integer(product.sizeRangeId), SQLValue(product.baseId), .integer(Int(product.price)),
                SQLValue(product.inShop), SQLValue(product.comment), SQLValue(product.standardProductId),
                .text(scope.now.databaseText), .integer(scope.user.id),
            ])
        try await HistoryStore.record([.created], table: "products", recordId: inserted.lastInsertId, in: scope)
        return try await byIdForUpdate(Product.ID(inserted.lastInsertId), in: scope).orThrow(
            DomainError.databaseFailure)
    }

    /// Writes the changeable columns of `product`, its deletion and modification stamps.
    static func save(_ product: Product, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE products SET name = ?, category_id = ?, gender_id = ?, sizegroup_id = ?, value = ?, \
            stockincontainer = ?, comments = ?, deleted = ?, modified = ?, modified_by = ? WHERE id = ?
            """,
            [
                .text(product.name), .integer(product.categoryId), .integer((product.gender ?? .none).rawValue),
                .integer(product.sizeRangeId), .integer(Int(product.price)), SQLValue(product.inShop),
                SQLValue(product.comment), SQLValue(product.deletedOn?.databaseText),
                SQLValue(product.audit.lastModifiedOn?.databaseText), SQLValue(product.audit.lastModifiedBy),
                SQLValue(product.id),
            ])
    }

    /// Labels of the non-deleted boxes that still hold `productId` in use, id order.
    static func labelsOfBoxesInUse(productId: Product.ID, in scope: SQLWriteContext) async throws -> [String] {
        let states = WarehouseRules.statesHoldingProduct.map { SQLValue.integer($0.rawValue) }
        return try await scope.connection.query(
            """
            SELECT s.box_id FROM stock s WHERE s.product_id = ? AND \(SQL.notDeleted("s.deleted")) \
            AND s.box_state_id IN (\(SQL.placeholders(states.count))) ORDER BY s.id
            """, [SQLValue(productId)] + states
        ).compactMap { $0.string(0) }
    }

    /// Products of `baseId` instantiating any of `standardProductIds`, deleted ones too; the
    /// deleted ones last, as the reference orders them (`deleted` descending).
    static func instantiations(
        of standardProductIds: [Int], baseId: Base.ID, in scope: SQLWriteContext
    ) async throws -> [Product] {
        guard !standardProductIds.isEmpty else { return [] }
        return try await scope.connection.query(
            """
            SELECT \(columns) FROM products p WHERE p.camp_id = ? \
            AND p.standard_product_id IN (\(SQL.placeholders(standardProductIds.count))) ORDER BY p.deleted DESC, p.id
            """, [SQLValue(baseId)] + standardProductIds.map(SQLValue.init)
        ).map(decode)
    }
}
