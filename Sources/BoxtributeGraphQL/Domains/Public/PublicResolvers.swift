import BoxtributeDomain

/// The public API (`/public`).
enum PublicResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("standardProducts") { context in
                try await ProductService.publicStandardProducts(in: context.session)
            }
        }
        registry.object("StandardProductInfo", StandardProductListing.self) { type in
            type.value("id") { $0.product.id }
            type.value("name") { $0.product.name }
            type.value("categoryName") { $0.categoryName }
            type.value("sizeRangeName") { $0.sizeRangeName }
            type.value("gender") { $0.product.gender }
            type.value("version") { $0.product.version }
        }
    }
}
