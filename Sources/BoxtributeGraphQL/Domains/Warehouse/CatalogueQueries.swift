import BoxtributeDomain

/// The root `Query` fields of the catalogue side of the warehouse: products, standard
/// products, reference data, tags.
enum CatalogueQueries {
    struct IdArguments: Decodable { var id: IDArgument }

    struct ProductsArguments: Decodable {
        var baseId: Base.ID?
        var paginationInput: PaginationInputArgument?
    }

    struct StandardProductsArguments: Decodable { var baseId: Base.ID? }

    struct TagsArguments: Decodable { var tagType: EnumArgument<TagType>? }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("product", EntityIDArguments<Product.ID>.self) { arguments, context in
                try await ProductService.product(id: arguments.id, in: context.readScope)
            }
            query.query("products", ProductsArguments.self) { arguments, context in
                try await ProductService.products(
                    baseId: arguments.baseId, page: arguments.paginationInput.input,
                    maximumLimit: context.limits.maxPageSize, in: context.readScope)
            }
            query.query("standardProduct", IdArguments.self) { arguments, context in
                do {
                    return try await ProductService.standardProduct(id: arguments.id.value, in: context.readScope)
                } catch {
                    return try await context.unionMember(for: error)
                }
            }
            query.query("standardProducts", StandardProductsArguments.self) { arguments, context in
                do {
                    return try await ProductService.standardProducts(
                        baseId: arguments.baseId, in: context.readScope)
                } catch {
                    return try await context.unionMember(for: error)
                }
            }
            query.query("productCategory", IdArguments.self) { arguments, context in
                try await ReferenceDataService.productCategory(id: arguments.id.value, in: context.readScope)
            }
            query.readQuery("productCategories", ReferenceDataService.productCategories(in:))
            query.readQuery("sizeRanges", ReferenceDataService.sizeRanges(in:))
            query.query("tag", EntityIDArguments<Tag.ID>.self) { arguments, context in
                try await TagService.tag(id: arguments.id, in: context.readScope)
            }
            query.query("tags", TagsArguments.self) { arguments, context in
                try await TagService.tags(ofType: arguments.tagType?.value, in: context.readScope)
            }
        }
    }
}
