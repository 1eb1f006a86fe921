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
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "type": .leaf { $0.type },
                "price": .leaf { $0.price }, "gender": .leaf { $0.gender }, "comment": .leaf { $0.comment },
                "inShop": .leaf { $0.inShop }, "deletedOn": .leaf { $0.deletedOn },
            ])
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
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "gender": .leaf { $0.gender },
                "version": .leaf { $0.version },
            ])
            type.field("instantiation") { $0.instantiation }
            type.stamp("added", on: { $0.addedOn }, by: { $0.addedBy })
            type.stamp("deprecated", on: { $0.deprecatedOn }, by: { $0.deprecatedBy })
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
            type.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "hasGender": .leaf { $0.hasGender }])
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
            type.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "label": .leaf { $0.name }])
            type.readLists("sizes", ReferenceDataService.sizes(ofRanges:in:))
            type.readLists("units", ReferenceDataService.units(ofRanges:in:))
        }
        registry.object("Size", Size.self, sharedBy: \.id) { type in
            type.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "label": .leaf { $0.name }])
        }
        registry.object("Unit", MeasureUnit.self, sharedBy: \.id) { type in
            type.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "symbol": .leaf { $0.symbol }])
        }
    }

    private static func registerTag(in registry: inout ResolverRegistry) {
        registry.object("Tag", Tag.self, sharedBy: \.id) { type in
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "description": .leaf { $0.description },
                "color": .leaf { $0.color }, "type": .leaf { $0.type }, "deletedOn": .leaf { $0.deletedOn },
            ])
            type.audit(\.audit)
            type.base(id: \.baseId)
            type.readBatch("lastUsedOn", TagService.lastUse(of:in:))
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
