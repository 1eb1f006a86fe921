import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Mutation` fields of the boxes side of the warehouse: boxes one by one and in
/// bulk, QR codes.
enum BoxMutations {
    static func register(in registry: inout ResolverRegistry) {
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
        registry.object("Mutation", RootValue.self) { mutation in
            registerBoxMutations(&mutation)
            registerBulkBoxMutations(&mutation)
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
}

extension BoxesOutcome: GraphQLObjectValue { public var graphQLTypeName: String { "BoxesResult" } }

/// `BoxesTagsOperationResult`, with its tag errors already mapped to union members.
struct TagOperationResult: Sendable {
    let outcome: BoxesOutcome
    let tagErrors: [TagErrorInfo]

    init(_ outcome: BoxesOutcome, context: ResolverContext) async throws {
        var errors: [TagErrorInfo] = []
        for entry in outcome.tagErrors ?? [] {
            errors.append(TagErrorInfo(id: entry.tagId, error: try await context.unionMember(for: entry.error)))
        }
        self.outcome = outcome
        self.tagErrors = errors
    }
}

struct TagErrorInfo: Sendable {
    let id: Int
    let error: any Sendable
}
