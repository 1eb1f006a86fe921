import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Query` fields of the catalogue side of the warehouse: products, standard
/// products, reference data, tags.
enum CatalogueQueries {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("product") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let product = try await ProductStore.byIds([id], in: context)[id].orNotFound()
                try context.currentUser.authorize("product:read", baseId: product.baseId)
                return product
            }
            query.legacyRoot("products") { arguments, context in
                let scope = try context.currentUser.baseScope(for: "product:read")
                return try await ProductStore.page(
                    scope: scope, baseId: try arguments.id("baseId"), categoryId: nil,
                    request: try pageRequest(arguments, context: context), in: context)
            }
            query.legacyRoot("standardProduct") { arguments, context in
                do throws(Forbidden) {
                    try context.currentUser.authorize("standard_product:read")
                } catch {
                    return try await context.unionError(for: error)
                }
                let id = try arguments.id("id") ?? 0
                guard let product = try await StandardProductStore.byIds([id], in: context)[id] else {
                    return ResourceDoesNotExistError(id: nil, name: "StandardProduct")
                }
                return product
            }
            query.legacyRoot("standardProducts") { arguments, context in
                let baseId = try arguments.id("baseId")
                do throws(Forbidden) {
                    if let baseId {
                        try context.currentUser.authorize("standard_product:read", baseId: baseId)
                    } else {
                        try context.currentUser.authorize("standard_product:read")
                    }
                } catch {
                    return try await context.unionError(for: error)
                }
                return try await StandardProductStore.page(baseId: baseId, in: context)
            }
            query.legacyRoot("productCategory") { arguments, context in
                try context.currentUser.authorize("product_category:read")
                let id = try arguments.id("id") ?? 0
                return try await ReferenceDataStore.categories(ids: [id], in: context).first.orNotFound()
            }
            query.legacyRoot("productCategories") { _, context in
                try context.currentUser.authorize("product_category:read")
                return try await ReferenceDataStore.categories(in: context)
            }
            query.legacyRoot("sizeRanges") { _, context in
                try context.currentUser.authorize("size_range:read")
                return try await ReferenceDataStore.sizeRanges(in: context)
            }
            query.legacyRoot("tag") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let tag = try await TagStore.byIds([id], in: context)[id].orNotFound()
                try context.currentUser.authorize("tag:read", baseId: tag.baseId)
                return tag
            }
            query.legacyRoot("tags") { arguments, context in
                let scope = try context.currentUser.baseScope(for: "tag:read")
                // Reference quirk: its resolver rejects `tagType`; we filter like `Base.tags` instead.
                let types: [TagType]? =
                    switch arguments.string("tagType") {
                    case "Box": [.box, .all]
                    case "Beneficiary": [.beneficiary, .all]
                    case "All": [.all]
                    default: nil
                    }
                return try await TagStore.list(scope: scope, types: types, in: context)
            }
        }
    }
}
