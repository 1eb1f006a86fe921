import BoxtributeDatabase
import BoxtributeDomain

/// SQL for products.
public enum ProductStore {
    static let columns = """
        p.id, p.name, p.category_id, p.gender_id, p.sizegroup_id, p.camp_id, p.value, p.stockincontainer, \
        p.comments, p.deleted, p.standard_product_id, p.created, p.created_by, p.modified, p.modified_by
        """

    static func decode(_ row: SQLRow) -> Product {
        Product(
            id: row.id(0) ?? 0, name: row.string(1) ?? "", categoryId: row.int(2) ?? 0,
            gender: row.int(3).flatMap(ProductGender.init(rawValue:)), sizeRangeId: row.int(4) ?? 0,
            baseId: row.id(5) ?? 0, price: row.double(6) ?? 0, inShop: row.bool(7), comment: row.string(8),
            deletedOn: row.timestamp(9), standardProductId: row.int(10),
            audit: row.auditStamps(from: 11))
    }

    public static func byIds(_ ids: [Product.ID], in db: any SQLQuerying) async throws -> [Product.ID: Product] {
        try await db.rowsById(
            columns: columns, from: "products p", idColumn: "p.id", ids: ids, decode: decode, id: \.id)
    }

    /// Products of the bases with the filter, id order (`Base.products`).
    public static func ofBases(
        _ baseIds: [Base.ID], filter: ProductFilter, in db: any SQLQuerying
    ) async throws
        -> [Product]
    {
        guard !baseIds.isEmpty else { return [] }
        var conditions = ["p.camp_id IN (\(SQL.placeholders(baseIds.count)))"]
        if !filter.includeDeleted { conditions.append(SQL.notDeleted("p.deleted")) }
        switch filter.kind {
        case .all: break
        case .custom: conditions.append("p.standard_product_id IS NULL")
        case .standardInstantiation: conditions.append("p.standard_product_id IS NOT NULL")
        }
        return try await db.query(
            "SELECT \(columns) FROM products p WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.id",
            baseIds.map(SQLValue.init), decode: decode)
    }

    /// A page of products in `scope` (deleted included), optionally of one base or category.
    public static func page(
        scope: BaseScope, baseId: Base.ID?, categoryId: Int?, request: PageRequest, in db: any SQLQuerying
    ) async throws -> Page<Product> {
        var filter = SQLConditions()
        filter.restrict("p.camp_id", to: scope)
        if let baseId { filter.add("p.camp_id = ?", [SQLValue(baseId)]) }
        if let categoryId { filter.add("p.category_id = ?", [.integer(categoryId)]) }
        let paginator = Paginator(
            from: "FROM products p", idColumn: "p.id", conditions: filter.conditions, binds: filter.binds,
            order: "p.id")
        return try await paginator.page(columns: columns, request: request, in: db, decode: decode, id: \.id.rawValue)
    }
}

/// SQL for the standard product catalogue.
public enum StandardProductStore {
    static let columns = """
        sp.id, sp.name, sp.category_id, sp.gender_id, sp.size_range_id, sp.version, sp.added_on, sp.added_by, \
        sp.deprecated_on, sp.deprecated_by, sp.preceded_by_product_id, sp.superceded_by_product_id
        """

    static func decode(_ row: SQLRow) -> StandardProduct {
        StandardProduct(
            id: row.int(0) ?? 0, name: row.string(1) ?? "", categoryId: row.int(2) ?? 0,
            gender: row.int(3).flatMap(ProductGender.init(rawValue:)), sizeRangeId: row.int(4) ?? 0,
            version: row.int(5) ?? 0, addedOn: row.timestamp(6), addedBy: row.int(7), deprecatedOn: row.timestamp(8),
            deprecatedBy: row.int(9), precededByProductId: row.int(10), supercededByProductId: row.int(11))
    }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: StandardProduct] {
        try await db.rowsById(
            columns: columns, from: "standard_product sp", idColumn: "sp.id", ids: ids, decode: decode, id: \.id)
    }

    /// The latest catalogue, or for a base the latest catalogue plus what the base instantiated,
    /// each with the base's non-deleted instantiation (`standardProducts(baseId:)`).
    public static func page(baseId: Base.ID?, in db: any SQLQuerying) async throws -> Page<StandardProduct> {
        let request = PageRequest(forward: true, cursor: 0, limit: 1000)
        let latest = "sp.version = (SELECT MAX(version) FROM standard_product)"
        guard let baseId else {
            let paginator = Paginator(
                from: "FROM standard_product sp", idColumn: "sp.id", conditions: [latest], binds: [], order: "sp.id")
            return try await paginator.page(columns: columns, request: request, in: db, decode: decode, id: \.id)
        }
        let paginator = Paginator(
            from: """
                FROM standard_product sp LEFT JOIN products p ON p.standard_product_id = sp.id AND p.camp_id = ? \
                AND p.deleted IS NULL
                """, idColumn: "sp.id", conditions: ["(\(latest) OR p.id IS NOT NULL)"], binds: [SQLValue(baseId)],
            order: "sp.id")
        let productColumns = ProductStore.columns
        let offset = 12
        return try await paginator.page(
            columns: columns + ", " + productColumns, request: request, in: db,
            decode: { row in
                var standard = decode(row)
                if row.int(offset) != nil {
                    standard.instantiation = ProductStore.decode(
                        SQLRow(columns: row.columns, values: Array(row.values[offset...])))
                }
                return standard
            }, id: \.id)
    }

    /// Every standard product with its category and size range names (public API).
    public static func publicList(
        in db: any SQLQuerying
    ) async throws
        -> [(product: StandardProduct, categoryName: String, sizeRangeName: String)]
    {
        let rows = try await db.query(
            """
            SELECT \(columns), pc.label, sg.label FROM standard_product sp \
            JOIN product_categories pc ON pc.id = sp.category_id JOIN sizegroup sg ON sg.id = sp.size_range_id \
            ORDER BY sp.id
            """, [])
        return rows.map { (decode($0), $0.string(12) ?? "", $0.string(13) ?? "") }
    }
}
