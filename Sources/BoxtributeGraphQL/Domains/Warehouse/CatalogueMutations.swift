import BoxtributeDomain

/// The root `Mutation` fields of the catalogue side of the warehouse: tags and products.
enum CatalogueMutations {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("TagsResult", TagsResult.self) {
            $0.fields(["updatedTags": { $0.updatedTags }, "invalidTagIds": { $0.invalidTagIds }])
        }
        registry.object("ProductsResult", ProductsResult.self) {
            $0.fields([
                "instantiations": { $0.instantiations }, "invalidStandardProductIds": { $0.invalidStandardProductIds },
            ])
        }
        registry.object("Mutation", RootValue.self) { mutation in
            registerTagMutations(&mutation)
            registerProductMutations(&mutation)
        }
    }

    // MARK: - Tags

    struct CreateTagArguments: Decodable {
        struct Input: Decodable {
            var name: String
            var description: String?
            var color: String
            var type: EnumArgument<TagType>
            var baseId: Base.ID
        }
        var creationInput: Input?
    }

    struct UpdateTagArguments: Decodable {
        struct Input: Decodable {
            var id: Tag.ID
            var name: String?
            var description: String?
            var color: String?
            var type: EnumArgument<TagType>?
        }
        var updateInput: Input?
    }

    struct IdsArguments: Decodable { var ids: [Tag.ID] }

    struct TagOperationInput: Decodable {
        var id: Tag.ID
        var resourceId: IDArgument
        var resourceType: EnumArgument<TaggableResourceType>
    }

    /// `assignTag(assignmentInput:)` and `unassignTag(unassignmentInput:)`.
    struct TagOperationArguments: Decodable {
        var assignmentInput: TagOperationInput?
        var unassignmentInput: TagOperationInput?
    }

    private static func registerTagMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("createTag", CreateTagArguments.self) { arguments, context in
            let input = try arguments.creationInput.required("creationInput")
            return try await context.unionMutation { scope in
                try await TagService.create(
                    name: input.name, description: input.description, color: input.color, type: input.type.value,
                    baseId: input.baseId, in: scope)
            }
        }
        mutation.mutation("updateTag", UpdateTagArguments.self) { arguments, context in
            let input = try arguments.updateInput.required("updateInput")
            var update = TagUpdate(id: input.id)
            update.name = input.name
            update.description = input.description
            update.color = input.color
            update.type = input.type?.value
            let request = update
            return try await context.unionMutation { try await TagService.update(request, in: $0) }
        }
        mutation.mutation("deleteTag", EntityIDArguments<Tag.ID>.self) { arguments, context in
            try await context.unionMutation { try await TagService.delete(id: arguments.id, in: $0) }
        }
        mutation.mutation("deleteTags", IdsArguments.self) { arguments, context in
            try await context.unionMutation {
                let result = try await TagService.delete(ids: arguments.ids, in: $0)
                return TagsResult(updatedTags: result.deleted, invalidTagIds: result.invalidIds)
            }
        }
        for (field, argument, assigning) in [
            ("assignTag", "assignmentInput", true), ("unassignTag", "unassignmentInput", false),
        ] {
            mutation.mutation(field, TagOperationArguments.self) { arguments, context in
                let input = try (arguments.assignmentInput ?? arguments.unassignmentInput).required(argument)
                let (tagId, resourceId, type) = (input.id, input.resourceId.value, input.resourceType.value)
                return try await context.mutate { scope in
                    assigning
                        ? try await TagService.assign(
                            tagId: tagId, resourceId: resourceId, resourceType: type, in: scope)
                        : try await TagService.unassign(
                            tagId: tagId, resourceId: resourceId, resourceType: type, in: scope)
                }.graphQLValue
            }
        }
    }

    // MARK: - Products

    /// The product fields of the product inputs, each input having some of them.
    struct ProductFieldsInput: Decodable {
        var name: String?
        var categoryId: Int?
        var sizeRangeId: Int?
        var gender: EnumArgument<ProductGender>?
        var price: Int?
        var comment: String?
        var inShop: Bool?

        var fields: CustomProductFields {
            var fields = CustomProductFields()
            fields.name = name
            fields.categoryId = categoryId
            fields.sizeRangeId = sizeRangeId
            fields.gender = gender?.value
            fields.price = price
            fields.comment = comment
            fields.inShop = inShop
            return fields
        }
    }

    /// A product input: what it names (`Keys`: a base, a product, a standard product) and the
    /// product fields, both decoded from the one input object.
    struct ProductInput<Keys: Decodable & Sendable>: Decodable, Sendable {
        var keys: Keys
        var fields: CustomProductFields

        init(from decoder: any Decoder) throws {
            keys = try Keys(from: decoder)
            fields = try ProductFieldsInput(from: decoder).fields
        }
    }

    struct BaseKey: Decodable { var baseId: Base.ID }

    struct ProductKey: Decodable { var id: Product.ID }

    struct StandardProductKeys: Decodable {
        var standardProductId: Int
        var baseId: Base.ID
    }

    struct CreateProductArguments: Decodable { var creationInput: ProductInput<BaseKey>? }

    struct EditProductArguments: Decodable { var editInput: ProductInput<ProductKey>? }

    struct EnableStandardProductArguments: Decodable { var enableInput: ProductInput<StandardProductKeys>? }

    struct EnableStandardProductsArguments: Decodable {
        struct Input: Decodable {
            var standardProductIds: [Int]
            var baseId: Base.ID
        }
        var enableInput: Input?
    }

    struct DisableStandardProductArguments: Decodable { var instantiationId: Product.ID }

    private static func registerProductMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("createCustomProduct", CreateProductArguments.self) { arguments, context in
            let input = try arguments.creationInput.required("creationInput")
            return try await context.unionMutation {
                try await ProductService.createCustom(input.fields, baseId: input.keys.baseId, in: $0)
            }
        }
        mutation.mutation("editCustomProduct", EditProductArguments.self) { arguments, context in
            let input = try arguments.editInput.required("editInput")
            return try await context.unionMutation {
                try await ProductService.editCustom(id: input.keys.id, input.fields, in: $0)
            }
        }
        mutation.mutation("deleteProduct", EntityIDArguments<Product.ID>.self) { arguments, context in
            try await context.unionMutation { try await ProductService.deleteCustom(id: arguments.id, in: $0) }
        }
        mutation.mutation("enableStandardProduct", EnableStandardProductArguments.self) { arguments, context in
            let input = try arguments.enableInput.required("enableInput")
            return try await context.unionMutation {
                try await ProductService.enableStandard(
                    standardProductId: input.keys.standardProductId, baseId: input.keys.baseId, input.fields, in: $0)
            }
        }
        mutation.mutation("enableStandardProducts", EnableStandardProductsArguments.self) { arguments, context in
            let input = try arguments.enableInput.required("enableInput")
            return try await context.unionMutation {
                let result = try await ProductService.enableStandards(
                    input.standardProductIds, baseId: input.baseId, in: $0)
                return ProductsResult(
                    instantiations: result.instantiations, invalidStandardProductIds: result.invalidIds)
            }
        }
        mutation.mutation("editStandardProductInstantiation", EditProductArguments.self) { arguments, context in
            let input = try arguments.editInput.required("editInput")
            return try await context.unionMutation {
                try await ProductService.editStandardInstantiation(id: input.keys.id, input.fields, in: $0)
            }
        }
        mutation.mutation("disableStandardProduct", DisableStandardProductArguments.self) { arguments, context in
            try await context.unionMutation {
                try await ProductService.disableStandard(instantiationId: arguments.instantiationId, in: $0)
            }
        }
    }
}

struct TagsResult: GraphQLObjectValue {
    let updatedTags: [Tag]
    let invalidTagIds: [Tag.ID]
    var graphQLTypeName: String { "TagsResult" }
}

struct ProductsResult: GraphQLObjectValue {
    let instantiations: [Product]
    let invalidStandardProductIds: [Int]
    var graphQLTypeName: String { "ProductsResult" }
}

extension TaggedResource {
    /// The box or beneficiary itself, a member of the `TaggableResource` union.
    fileprivate var graphQLValue: any Sendable {
        switch self {
        case .box(let box): box
        case .beneficiary(let beneficiary): beneficiary
        }
    }
}
