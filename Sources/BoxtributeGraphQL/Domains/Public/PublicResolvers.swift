import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The public API (`/public`).
enum PublicResolvers {
    struct StandardProductInfo: Sendable {
        let product: StandardProduct
        let categoryName: String
        let sizeRangeName: String
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("standardProducts") { _, context in
                try await StandardProductStore.publicList(in: context).map {
                    StandardProductInfo(
                        product: $0.product, categoryName: $0.categoryName, sizeRangeName: $0.sizeRangeName)
                }
            }
        }
        registry.object("StandardProductInfo", StandardProductInfo.self) { type in
            type.value("id") { $0.product.id }
            type.value("name") { $0.product.name }
            type.value("categoryName") { $0.categoryName }
            type.value("sizeRangeName") { $0.sizeRangeName }
            type.value("gender") { $0.product.gender }
            type.value("version") { $0.product.version }
        }
    }
}
