import BoxtributeDomain

/// Fields of the catalogue side of the warehouse: products, standard products, reference
/// data and tags.
enum CatalogueTypeResolvers {
    struct ProductsFilterArguments: Decodable {
        struct FilterInput: Decodable {
            var includeDeleted: Bool?
            var type: EnumArgument<ProductFilter.Kind>?
        }
        var filterInput: FilterInput?
        var filter: ProductFilter {
            ProductFilter(includeDeleted: filterInput?.includeDeleted ?? false, kind: filterInput?.type?.value ?? .all)
        }
    }

    struct TagsFilterArguments: Decodable { var resourceType: EnumArgument<TaggableResourceType>? }

    static func register(in registry: inout ResolverRegistry) {
        registerBaseFields(in: &registry)
        registerProducts(in: &registry)
        registerReferenceData(in: &registry)
        registerTag(in: &registry)
    }

    /// The warehouse's fields of `Base` on the catalogue side.
    private static func registerBaseFields(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self, sharedBy: \.id) { type in
            type.batchOutcomes("products", ProductsFilterArguments.self) { bases, arguments, context in
                outcomes(
                    try await ProductService.products(ofBases: bases, filter: arguments.filter, in: context.readScope))
            }
            type.batchOutcomes("tags", TagsFilterArguments.self) { bases, arguments, context in
                outcomes(
                    try await TagService.tags(
                        ofBases: bases, resourceType: arguments.resourceType?.value, in: context.readScope))
            }
        }
    }

    private static func registerProducts(in registry: inout ResolverRegistry) {
        registry.object("Product", Product.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("type") { $0.type }
            type.value("price") { $0.price }
            type.value("gender") { $0.gender }
            type.value("comment") { $0.comment }
            type.value("inShop") { $0.inShop }
            type.value("deletedOn") { $0.deletedOn }
            type.audit(\.audit)
            type.related("category", id: \.categoryId) { ids, context in
                try await ReferenceDataService.productCategories(ids, in: context.readScope)
            }
            type.related("sizeRange", id: \.sizeRangeId) { ids, context in
                try await ReferenceDataService.sizeRanges(ids, in: context.readScope)
            }
            type.related("standardProduct", id: \.standardProductId) { ids, context in
                try await ProductService.standardProducts(ids, in: context.readScope)
            }
            type.base(id: \.baseId)
            type.batch("instockItemsCount") { products, context in
                try await ProductService.inStockItemCounts(of: products, in: context.readScope) as [Int?]
            }
            type.batch("transferItemsCount") { products, context in
                try await ProductService.transferItemCounts(of: products, in: context.readScope) as [Int?]
            }
        }

        registry.object("StandardProduct", StandardProduct.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("gender") { $0.gender }
            type.value("version") { $0.version }
            type.field("instantiation") { $0.instantiation }
            type.value("addedOn") { $0.addedOn }
            type.value("deprecatedOn") { $0.deprecatedOn }
            type.user("addedBy") { $0.addedBy }
            type.user("deprecatedBy") { $0.deprecatedBy }
            type.related("category", id: \.categoryId) { ids, context in
                try await ReferenceDataService.productCategories(ids, in: context.readScope)
            }
            type.related("sizeRange", id: \.sizeRangeId) { ids, context in
                try await ReferenceDataService.sizeRanges(ids, in: context.readScope)
            }
            type.related("precededByProduct", id: \.precededByProductId) { ids, context in
                try await ProductService.standardProductVersions(ids, in: context.readScope)
            }
            type.related("supercededByProduct", id: \.supercededByProductId) { ids, context in
                try await ProductService.standardProductVersions(ids, in: context.readScope)
            }
        }

        registry.object("ProductCategory", ProductCategory.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("hasGender") { $0.hasGender }
            type.batch("products", PaginationArguments.self) { categories, arguments, context in
                try await ProductService.products(
                    ofCategories: categories, page: arguments.input, maximumLimit: context.limits.maxPageSize,
                    in: context.readScope) as [Page<Product>?]
            }
        }
        registry.registerPage("ProductPage", of: Product.self)
        registry.registerPage("StandardProductPage", of: StandardProduct.self)
        registry.registerPage("BoxPage", of: Box.self)
    }

    private static func registerReferenceData(in registry: inout ResolverRegistry) {
        registry.object("SizeRange", SizeRange.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("label") { $0.name }
            type.batchLists("sizes") { ranges, context in
                try await ReferenceDataService.sizes(ofRanges: ranges, in: context.readScope) as [[Size]?]
            }
            type.batchLists("units") { ranges, context in
                try await ReferenceDataService.units(ofRanges: ranges, in: context.readScope) as [[MeasureUnit]?]
            }
        }
        registry.object("Size", Size.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("label") { $0.name }
        }
        registry.object("Unit", MeasureUnit.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("symbol") { $0.symbol }
        }
    }

    private static func registerTag(in registry: inout ResolverRegistry) {
        registry.object("Tag", Tag.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("description") { $0.description }
            type.value("color") { $0.color }
            type.value("type") { $0.type }
            type.value("deletedOn") { $0.deletedOn }
            type.audit(\.audit)
            type.base(id: \.baseId)
            type.batch("lastUsedOn") { tags, context in
                try await TagService.lastUse(of: tags, in: context.readScope)
            }
        }
    }
}

extension ProductFilter.Kind: GraphQLEnumValue {
    /// The `ProductTypeFilter` value.
    public var graphQLName: String {
        switch self {
        case .all: "All"
        case .custom: "Custom"
        case .standardInstantiation: "StandardInstantiation"
        }
    }
}

extension TaggableResourceType: GraphQLEnumValue { public var graphQLName: String { rawValue } }

extension Array where Element: Identifiable {
    /// Rows keyed by id.
    var byId: [Element.ID: Element] { Dictionary(map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
}

extension ProductCategory: Identifiable {}
extension SizeRange: Identifiable {}
extension Size: Identifiable {}
extension MeasureUnit: Identifiable {}
