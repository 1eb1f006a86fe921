import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Mutation` fields of the catalogue side of the warehouse: tags and products.
enum CatalogueMutations {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("TagsResult", TagsResult.self) {
            $0.field("updatedTags") { $0.updatedTags }
            $0.field("invalidTagIds") { $0.invalidTagIds }
        }
        registry.object("ProductsResult", ProductsResult.self) {
            $0.field("instantiations") { $0.instantiations }
            $0.field("invalidStandardProductIds") { $0.invalidStandardProductIds }
        }
        registry.object("Mutation", RootValue.self) { mutation in
            registerTagMutations(&mutation)
            registerProductMutations(&mutation)
        }
    }

    private static func registerTagMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("createTag") { arguments, context in
            let input = arguments.object("creationInput")
            let name = input?.string("name") ?? ""
            let description = input?.string("description")
            let color = input?.string("color") ?? ""
            let type = input?.string("type").flatMap(TagType.init(rawValue:)) ?? .all
            let baseId = input?.int("baseId") ?? 0
            return try await context.unionMutationSQL {
                try await TagService.create(
                    name: name, description: description, color: color, type: type, baseId: baseId, in: $0)
            }
        }
        mutation.legacyRoot("updateTag") { arguments, context in
            let input = arguments.object("updateInput")
            var update = TagUpdate(id: try input?.id("id") ?? 0)
            update.name = input?.string("name")
            update.description = input?.string("description")
            update.color = input?.string("color")
            update.type = input?.string("type").flatMap(TagType.init(rawValue:))
            let request = update
            return try await context.unionMutationSQL { try await TagService.update(request, in: $0) }
        }
        mutation.legacyRoot("deleteTag") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.unionMutationSQL { try await TagService.delete(id: id, in: $0) }
        }
        mutation.legacyRoot("deleteTags") { arguments, context in
            let ids = arguments.intList("ids") ?? []
            return try await context.unionMutationSQL {
                let result = try await TagService.delete(ids: ids, in: $0)
                return TagsResult(updatedTags: result.deleted, invalidTagIds: result.invalidIds)
            }
        }
        for (field, argument, assigning) in [
            ("assignTag", "assignmentInput", true), ("unassignTag", "unassignmentInput", false),
        ] {
            mutation.legacyRoot(field) { arguments, context in
                let input = arguments.object(argument)
                let tagId = try input?.id("id") ?? 0
                let resourceId = try input?.id("resourceId") ?? 0
                let type = input?.string("resourceType").flatMap(TaggableResourceType.init(rawValue:)) ?? .box
                let resource = try await context.mutateSQL { scope in
                    assigning
                        ? try await TagService.assign(
                            tagId: tagId, resourceId: resourceId, resourceType: type, in: scope)
                        : try await TagService.unassign(
                            tagId: tagId, resourceId: resourceId, resourceType: type, in: scope)
                }
                return resource.value
            }
        }
    }

    private static func registerProductMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("createCustomProduct") { arguments, context in
            let input = arguments.object("creationInput")
            let fields = productFields(input)
            let baseId = input?.int("baseId") ?? 0
            return try await context.unionMutationSQL {
                try await ProductService.createCustom(fields, baseId: baseId, in: $0)
            }
        }
        mutation.legacyRoot("editCustomProduct") { arguments, context in
            let input = arguments.object("editInput")
            let id = try input?.id("id") ?? 0
            let fields = productFields(input)
            return try await context.unionMutationSQL { try await ProductService.editCustom(id: id, fields, in: $0) }
        }
        mutation.legacyRoot("deleteProduct") { arguments, context in
            let id = try arguments.id("id") ?? 0
            return try await context.unionMutationSQL { try await ProductService.deleteCustom(id: id, in: $0) }
        }
        mutation.legacyRoot("enableStandardProduct") { arguments, context in
            let input = arguments.object("enableInput")
            let standardProductId = input?.int("standardProductId") ?? 0
            let baseId = input?.int("baseId") ?? 0
            let fields = productFields(input)
            return try await context.unionMutationSQL {
                try await ProductService.enableStandard(
                    standardProductId: standardProductId, baseId: baseId, fields, in: $0)
            }
        }
        mutation.legacyRoot("enableStandardProducts") { arguments, context in
            let input = arguments.object("enableInput")
            let ids = input?.intList("standardProductIds") ?? []
            let baseId = input?.int("baseId") ?? 0
            return try await context.unionMutationSQL {
                let result = try await ProductService.enableStandards(ids, baseId: baseId, in: $0)
                return ProductsResult(
                    instantiations: result.instantiations, invalidStandardProductIds: result.invalidIds)
            }
        }
        mutation.legacyRoot("editStandardProductInstantiation") { arguments, context in
            let input = arguments.object("editInput")
            let id = try input?.id("id") ?? 0
            let fields = productFields(input)
            return try await context.unionMutationSQL {
                try await ProductService.editStandardInstantiation(id: id, fields, in: $0)
            }
        }
        mutation.legacyRoot("disableStandardProduct") { arguments, context in
            let id = try arguments.id("instantiationId") ?? 0
            return try await context.unionMutationSQL {
                try await ProductService.disableStandard(instantiationId: id, in: $0)
            }
        }
    }

    private static func productFields(_ input: InputObject?) -> CustomProductFields {
        var fields = CustomProductFields()
        fields.name = input?.string("name")
        fields.categoryId = input?.int("categoryId")
        fields.sizeRangeId = input?.int("sizeRangeId")
        fields.gender = input?.string("gender").flatMap(ProductGender.init(name:))
        fields.price = input?.int("price")
        fields.comment = input?.string("comment")
        fields.inShop = input?.bool("inShop")
        return fields
    }
}

struct TagsResult: GraphQLObjectValue {
    let updatedTags: [Tag]
    let invalidTagIds: [Int]
    var graphQLTypeName: String { "TagsResult" }
}

struct ProductsResult: GraphQLObjectValue {
    let instantiations: [Product]
    let invalidStandardProductIds: [Int]
    var graphQLTypeName: String { "ProductsResult" }
}
