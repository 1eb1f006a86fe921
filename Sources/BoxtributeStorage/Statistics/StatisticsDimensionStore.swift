import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the cubes' dimensions: the names behind the ids of the facts, in ascending id order.
enum StatisticsDimensionStore {
    /// Every product category.
    static func productCategories(in db: any SQLQuerying) async throws -> [NamedDimension] {
        try await db.query("SELECT id, label FROM product_categories ORDER BY id", []) { row in
            NamedDimension(id: row.int(0) ?? 0, name: row.string(1))
        }
    }

    static func products(_ ids: [Product.ID], in db: any SQLQuerying) async throws -> [ProductDimension] {
        try await db.rows(
            columns: "p.id, p.name, p.gender_id", from: "products p", idColumn: "p.id", ids: ids.rawValues()
        ) { row in
            ProductDimension(
                id: row.id(0) ?? 0, name: row.string(1) ?? "",
                gender: row.int(2).flatMap(ProductGender.init(rawValue:)))
        }.sorted { $0.id < $1.id }
    }

    static func sizes(_ ids: [Int], in db: any SQLQuerying) async throws -> [NamedDimension] {
        try await db.rows(columns: "s.id, s.label", from: "sizes s", idColumn: "s.id", ids: ids) { row in
            NamedDimension(id: row.int(0) ?? 0, name: row.string(1))
        }.sorted { $0.id < $1.id }
    }

    static func tags(_ ids: [Tag.ID], in db: any SQLQuerying) async throws -> [TagDimension] {
        try await db.rows(columns: "t.id, t.label, t.color", from: "tags t", idColumn: "t.id", ids: ids.rawValues()) {
            row in
            TagDimension(id: row.id(0) ?? 0, name: row.string(1) ?? "", color: row.string(2) ?? "")
        }.sorted { $0.id < $1.id }
    }

    static func locations(_ ids: [Location.ID], in db: any SQLQuerying) async throws -> [LocationDimension] {
        try await db.rows(
            columns: "l.id, l.label, l.deleted", from: "locations l", idColumn: "l.id", ids: ids.rawValues()
        ) { row in
            LocationDimension(id: row.id(0) ?? 0, name: row.string(1) ?? "", deletedOn: row.day(2))
        }.sorted { $0.id < $1.id }
    }

    /// The size ranges of measured products: Mass (28) and Volume (29).
    static func measures(in db: any SQLQuerying) async throws -> [NamedDimension] {
        try await db.query("SELECT id, label FROM sizegroup WHERE id IN (28, 29) ORDER BY id", []) { row in
            NamedDimension(id: row.int(0) ?? 0, name: row.string(1))
        }
    }
}
