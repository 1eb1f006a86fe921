import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Mutation` fields of the warehouse domain (spec 03 §3–§4): read the arguments,
/// call the service in one transaction, map its errors.
enum WarehouseMutations {
    static func register(in registry: inout ResolverRegistry) {
        registry.registerUserErrorTypes()
        registerResultTypes(in: &registry)
        registry.object("Mutation", RootValue.self) { mutation in
            registerBoxMutations(&mutation)
            registerBulkBoxMutations(&mutation)
            registerTagMutations(&mutation)
            registerProductMutations(&mutation)
        }
    }

    private static func registerBoxMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("createQrCode") { arguments, context in
            let label = arguments.string("boxLabelIdentifier")
            return try await context.mutateSQL { try await BoxService.createQrCode(boxLabelIdentifier: label, in: $0) }
        }
        mutation.legacyRoot("createBox") { arguments, context in
            guard let input = arguments.object("creationInput") else { throw DomainError.notFound }
            var creation = BoxCreation(productId: input.int("productId") ?? 0, locationId: input.int("locationId") ?? 0)
            readBoxFields(input, into: &creation)
            creation.qrCode = input.string("qrCode")
            let request = creation
            return try await context.mutateSQL { try await BoxService.create(request, in: $0) }
        }
        mutation.legacyRoot("updateBox") { arguments, context in
            guard let input = arguments.object("updateInput") else { throw DomainError.notFound }
            var update = BoxUpdate(labelIdentifier: input.string("labelIdentifier") ?? "")
            readBoxFields(input, into: &update)
            update.productId = input.int("productId")
            update.locationId = input.int("locationId")
            update.state = input.string("state").flatMap(BoxState.init(name:))
            let request = update
            return try await context.mutateSQL { try await BoxService.update(request, in: $0) }
        }
        mutation.legacyRoot("updateMarkedForShipmentBox") { arguments, context in
            guard let input = arguments.object("updateInput") else { throw DomainError.notFound }
            let label = input.string("labelIdentifier") ?? ""
            let (weight, value) = (input.double("weight"), input.double("monetaryValue"))
            return try await context.mutateSQL {
                try await BoxService.updateMarkedForShipment(
                    labelIdentifier: label, weight: weight, monetaryValue: value, in: $0)
            }
        }
        mutation.legacyRoot("createBoxFromBox") { arguments, context in
            let input = arguments.object("creationInput")
            let label = input?.string("sourceBoxLabelIdentifier") ?? ""
            let items = input?.int("numberOfItems") ?? 0
            let locationId = input?.int("locationId") ?? 0
            return try await context.unionMutationSQL {
                try await BoxService.createFromBox(
                    sourceLabel: label, numberOfItems: items, locationId: locationId, in: $0)
            }
        }
    }

    private static func registerBulkBoxMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.legacyRoot("deleteBoxes") { arguments, context in
            let labels = arguments.stringList("labelIdentifiers") ?? []
            return try await context.unionMutationSQL { try await BulkBoxService.delete(labels: labels, in: $0) }
        }
        mutation.legacyRoot("moveBoxesToLocation") { arguments, context in
            let input = arguments.object("updateInput")
            let labels = input?.stringList("labelIdentifiers") ?? []
            let locationId = input?.int("locationId") ?? 0
            return try await context.unionMutationSQL {
                try await BulkBoxService.move(labels: labels, to: locationId, in: $0)
            }
        }
        mutation.legacyRoot("assignTagsToBoxes") { arguments, context in
            let input = arguments.object("updateInput")
            let labels = input?.stringList("labelIdentifiers") ?? []
            let tagIds = input?.intList("tagIds") ?? []
            let outcome = try await context.mutateSQL {
                try await BulkBoxService.assignTags(tagIds, to: labels, in: $0)
            }
            return try await TagOperationResult(outcome, context: context)
        }
        mutation.legacyRoot("unassignTagsFromBoxes") { arguments, context in
            let input = arguments.object("updateInput")
            let labels = input?.stringList("labelIdentifiers") ?? []
            let tagIds = input?.intList("tagIds") ?? []
            let outcome = try await context.mutateSQL {
                try await BulkBoxService.unassignTags(tagIds, from: labels, in: $0)
            }
            return try await TagOperationResult(outcome, context: context)
        }
        mutation.legacyRoot("createBoxes") { arguments, context in
            let rows = (arguments.objectList("creationInput") ?? []).map { input in
                var row = BoxBulkCreation(
                    productId: input.int("productId") ?? 0, sizeName: input.string("sizeName") ?? "",
                    locationId: input.int("locationId") ?? 0)
                row.numberOfItems = input.int("numberOfItems")
                row.comment = input.string("comment")
                row.tagIds = input.intList("tagIds")
                row.newTagNames = input.stringList("newTagNames")
                row.boxLabelIdentifierForMerge = input.string("boxLabelIdentifierForMerge")
                return row
            }
            return try await context.unionMutationSQL { try await BoxImportService.createBoxes(rows, in: $0) }
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

    /// The fields the box creation and update inputs share.
    private static func readBoxFields(_ input: InputObject, into fields: inout some BoxFieldsInput) {
        fields.sizeId = input.int("sizeId")
        fields.weight = input.double("weight")
        fields.monetaryValue = input.double("monetaryValue")
        fields.displayUnitId = input.int("displayUnitId")
        fields.measureValue = input.double("measureValue")
        fields.numberOfItems = input.int("numberOfItems")
        fields.comment = input.string("comment")
        fields.tagIds = input.intList("tagIds")
        fields.newTagNames = input.stringList("newTagNames")
    }

    /// The product fields of the product mutation inputs.
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

    private static func registerResultTypes(in registry: inout ResolverRegistry) {
        registry.object("BoxesResult", BoxesOutcome.self) {
            $0.field("updatedBoxes") { $0.updatedBoxes }
            $0.field("invalidBoxLabelIdentifiers") { $0.invalidBoxLabelIdentifiers }
        }
        registry.object("BoxesTagsOperationResult", TagOperationResult.self) {
            $0.field("updatedBoxes") { $0.outcome.updatedBoxes }
            $0.field("invalidBoxLabelIdentifiers") { $0.outcome.invalidBoxLabelIdentifiers }
            $0.field("tagErrorInfo") { $0.tagErrors }
        }
        registry.object("TagErrorInfo", TagErrorInfo.self) {
            $0.value("id") { $0.id }
            $0.field("error") { $0.error }
        }
        registry.object("TagsResult", TagsResult.self) {
            $0.field("updatedTags") { $0.updatedTags }
            $0.field("invalidTagIds") { $0.invalidTagIds }
        }
        registry.object("ProductsResult", ProductsResult.self) {
            $0.field("instantiations") { $0.instantiations }
            $0.field("invalidStandardProductIds") { $0.invalidStandardProductIds }
        }
    }
}

extension BoxesOutcome: GraphQLObjectValue { public var graphQLTypeName: String { "BoxesResult" } }

/// `BoxesTagsOperationResult`, with its tag errors already mapped to union members.
struct TagOperationResult: Sendable {
    let outcome: BoxesOutcome
    let tagErrors: [TagErrorInfo]

    init(_ outcome: BoxesOutcome, context: ResolverContext) async throws {
        var errors: [TagErrorInfo] = []
        for entry in outcome.tagErrors ?? [] {
            errors.append(TagErrorInfo(id: entry.tagId, error: try await context.tagErrorMember(entry.error)))
        }
        self.outcome = outcome
        self.tagErrors = errors
    }
}

struct TagErrorInfo: Sendable {
    let id: Int
    let error: any Sendable
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
