import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// Fields of the catalogue side of the warehouse: products, standard products, reference
/// data and tags.
enum CatalogueTypeResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registerBaseFields(in: &registry)
        registerProducts(in: &registry)
        registerReferenceData(in: &registry)
        registerTag(in: &registry)
    }

    /// The warehouse's fields of `Base` on the catalogue side.
    private static func registerBaseFields(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self, sharedBy: \.id) { type in
            type.legacyBatch("products") { bases, arguments, context in
                let input = arguments.object("filterInput")
                let kind: ProductFilter.Kind =
                    switch input?.string("type") {
                    case "Custom": .custom
                    case "StandardInstantiation": .standardInstantiation
                    default: .all
                    }
                let filter = ProductFilter(includeDeleted: input?.bool("includeDeleted") ?? false, kind: kind)
                return try await checkedLists(
                    bases, permission: "product:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await ProductStore.ofBases($0, filter: filter, in: context) }
            }
            type.legacyBatch("tags") { bases, arguments, context in
                let types: [TagType]? =
                    switch arguments.string("resourceType") {
                    case "Box": [.box, .all]
                    case "Beneficiary": [.beneficiary, .all]
                    default: nil
                    }
                return try await checkedLists(
                    bases, permission: "tag:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await TagStore.list(scope: .all, baseIds: $0, types: types, in: context) }
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
            type.legacyRelated("category", permission: "product_category:read", id: \.categoryId) { ids, context in
                try await ReferenceDataStore.categories(ids: ids, in: context).byId
            }
            type.legacyRelated("sizeRange", permission: "size_range:read", id: \.sizeRangeId) { ids, context in
                try await ReferenceDataStore.sizeRanges(ids: ids, in: context).byId
            }
            type.legacyRelated("standardProduct", permission: "standard_product:read", id: \.standardProductId) {
                ids, context in
                try await StandardProductStore.byIds(ids, in: context)
            }
            type.base(id: \.baseId)
            type.legacyBatchValues("instockItemsCount") { products, _, context in
                let totals = try await BoxStore.itemTotals(
                    ofProducts: products.map(\.id), states: [.inStock], in: context)
                return products.map { totals[$0.id] ?? 0 }
            }
            type.legacyBatchValues("transferItemsCount") { products, _, context in
                let totals = try await BoxStore.itemTotals(
                    ofProducts: products.map(\.id), states: [.markedForShipment, .inTransit, .receiving], in: context)
                return products.map { totals[$0.id] ?? 0 }
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
            type.legacyRelated("category", permission: "product_category:read", id: \.categoryId) { ids, context in
                try await ReferenceDataStore.categories(ids: ids, in: context).byId
            }
            type.legacyRelated("sizeRange", permission: "size_range:read", id: \.sizeRangeId) { ids, context in
                try await ReferenceDataStore.sizeRanges(ids: ids, in: context).byId
            }
            type.legacyRelated("precededByProduct", permission: nil, id: \.precededByProductId) { ids, context in
                try await StandardProductStore.byIds(ids, in: context)
            }
            type.legacyRelated("supercededByProduct", permission: nil, id: \.supercededByProductId) { ids, context in
                try await StandardProductStore.byIds(ids, in: context)
            }
        }

        registry.object("ProductCategory", ProductCategory.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("hasGender") { $0.hasGender }
            type.legacyBatch("products") { categories, arguments, context in
                let scope = try context.currentUser.baseScope(for: "product:read")
                let request = try pageRequest(arguments, context: context)
                var outcomes: [FieldOutcome] = []
                for category in categories {
                    outcomes.append(
                        .success(
                            try await ProductStore.page(
                                scope: scope, baseId: nil, categoryId: category.id, request: request, in: context)))
                }
                return outcomes
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
            type.legacyBatchValues("sizes") { ranges, _, context in
                try context.currentUser.authorize("size:read")
                let sizes = try await ReferenceDataStore.sizes(ofRanges: ranges.map(\.id), in: context)
                return ranges.map { sizes[$0.id] ?? [] }
            }
            type.legacyBatchValues("units") { ranges, _, context in
                let units = try await ReferenceDataStore.units(ofDimensions: ranges.map(\.id), in: context)
                return ranges.map { range in units.filter { $0.dimensionId == range.id } }
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
            type.legacyBatchValues("lastUsedOn") { tags, _, context in
                try context.currentUser.authorize("tag_relation:read")
                let lastUsed = try await TagStore.lastUsed(ofTags: tags.map(\.id), in: context)
                return tags.map { lastUsed[$0.id] }
            }
        }
    }
}

extension Array where Element: Identifiable {
    /// Rows keyed by id.
    var byId: [Element.ID: Element] { Dictionary(map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
}

extension ProductCategory: Identifiable {}
extension SizeRange: Identifiable {}
extension Size: Identifiable {}
extension MeasureUnit: Identifiable {}
