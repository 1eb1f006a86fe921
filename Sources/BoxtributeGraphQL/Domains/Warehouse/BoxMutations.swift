import BoxtributeDomain

/// The root `Mutation` fields of the boxes side of the warehouse: boxes one by one and in
/// bulk, QR codes.
enum BoxMutations {
    struct CreateQrCodeArguments: Decodable { var boxLabelIdentifier: String? }

    /// The fields `BoxCreationInput` and `BoxUpdateInput` share.
    struct BoxFieldsArgument: Decodable {
        var sizeId: Int?
        var weight: Double?
        var monetaryValue: Double?
        var displayUnitId: Int?
        var measureValue: Double?
        var numberOfItems: Int?
        var comment: String?
        var tagIds: [Tag.ID]?
        var newTagNames: [String]?

        func apply(to fields: inout some BoxFieldsInput) {
            fields.sizeId = sizeId
            fields.weight = weight
            fields.monetaryValue = monetaryValue
            fields.displayUnitId = displayUnitId
            fields.measureValue = measureValue
            fields.numberOfItems = numberOfItems
            fields.comment = comment
            fields.tagIds = tagIds
            fields.newTagNames = newTagNames
        }
    }

    /// `BoxCreationInput`.
    struct BoxCreationInput: Decodable {
        private enum CodingKeys: String, CodingKey { case productId, locationId, qrCode }
        var productId: Product.ID
        var locationId: Location.ID
        var qrCode: String?
        var fields: BoxFieldsArgument

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            productId = try container.decode(Product.ID.self, forKey: .productId)
            locationId = try container.decode(Location.ID.self, forKey: .locationId)
            qrCode = try container.decodeIfPresent(String.self, forKey: .qrCode)
            fields = try BoxFieldsArgument(from: decoder)
        }

        var creation: BoxCreation {
            var creation = BoxCreation(productId: productId, locationId: locationId)
            fields.apply(to: &creation)
            creation.qrCode = qrCode
            return creation
        }
    }

    struct CreateBoxArguments: Decodable { var creationInput: BoxCreationInput? }

    /// `BoxUpdateInput`.
    struct BoxUpdateInput: Decodable {
        private enum CodingKeys: String, CodingKey { case labelIdentifier, productId, locationId, state }
        var labelIdentifier: String
        var productId: Product.ID?
        var locationId: Location.ID?
        var state: EnumArgument<BoxState>?
        var fields: BoxFieldsArgument

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            labelIdentifier = try container.decode(String.self, forKey: .labelIdentifier)
            productId = try container.decodeIfPresent(Product.ID.self, forKey: .productId)
            locationId = try container.decodeIfPresent(Location.ID.self, forKey: .locationId)
            state = try container.decodeIfPresent(EnumArgument<BoxState>.self, forKey: .state)
            fields = try BoxFieldsArgument(from: decoder)
        }

        var update: BoxUpdate {
            var update = BoxUpdate(labelIdentifier: labelIdentifier)
            fields.apply(to: &update)
            update.productId = productId
            update.locationId = locationId
            update.state = state?.value
            return update
        }
    }

    struct UpdateBoxArguments: Decodable { var updateInput: BoxUpdateInput? }

    /// `MarkedForShipmentBoxUpdateInput`.
    struct MarkedForShipmentBoxUpdateInput: Decodable {
        var labelIdentifier: String
        var weight: Double?
        var monetaryValue: Double?
    }

    struct UpdateMarkedForShipmentBoxArguments: Decodable { var updateInput: MarkedForShipmentBoxUpdateInput? }

    /// `BoxFromBoxCreationInput`.
    struct BoxFromBoxCreationInput: Decodable {
        var sourceBoxLabelIdentifier: String
        var numberOfItems: Int
        var locationId: Location.ID
    }

    struct CreateBoxFromBoxArguments: Decodable { var creationInput: BoxFromBoxCreationInput }

    struct DeleteBoxesArguments: Decodable { var labelIdentifiers: [String] }

    /// `BoxMoveInput`.
    struct BoxMoveInput: Decodable {
        var labelIdentifiers: [String]
        var locationId: Location.ID
    }

    struct MoveBoxesArguments: Decodable { var updateInput: BoxMoveInput? }

    /// `BoxesTagsOperationInput`.
    struct BoxesTagsOperationInput: Decodable {
        var labelIdentifiers: [String]
        var tagIds: [Tag.ID]
    }

    struct BoxesTagsArguments: Decodable { var updateInput: BoxesTagsOperationInput? }

    /// `BoxBulkCreationInput`.
    struct BoxBulkCreationInput: Decodable {
        var productId: Product.ID
        var sizeName: String
        var numberOfItems: Int?
        var locationId: Location.ID
        var comment: String?
        var tagIds: [Tag.ID]?
        var newTagNames: [String]?
        var boxLabelIdentifierForMerge: String?

        var row: BoxBulkCreation {
            var row = BoxBulkCreation(productId: productId, sizeName: sizeName, locationId: locationId)
            row.numberOfItems = numberOfItems
            row.comment = comment
            row.tagIds = tagIds
            row.newTagNames = newTagNames
            row.boxLabelIdentifierForMerge = boxLabelIdentifierForMerge
            return row
        }
    }

    struct CreateBoxesArguments: Decodable { var creationInput: [BoxBulkCreationInput]? }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("BoxesResult", BoxesOutcome.self) {
            $0.fields([
                "updatedBoxes": { $0.updatedBoxes }, "invalidBoxLabelIdentifiers": { $0.invalidBoxLabelIdentifiers },
            ])
        }
        registry.object("BoxesTagsOperationResult", TagOperationResult.self) {
            $0.fields([
                "updatedBoxes": { $0.outcome.updatedBoxes },
                "invalidBoxLabelIdentifiers": { $0.outcome.invalidBoxLabelIdentifiers },
                "tagErrorInfo": { $0.tagErrors },
            ])
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
        mutation.mutation("createQrCode", CreateQrCodeArguments.self) { arguments, context in
            try await context.mutate { scope in
                try await BoxService.createQrCode(boxLabelIdentifier: arguments.boxLabelIdentifier, in: scope)
            }
        }
        mutation.mutation("createBox", CreateBoxArguments.self) { arguments, context in
            let creation = try arguments.creationInput.orNotFound().creation
            return try await context.mutate { scope in try await BoxService.create(creation, in: scope) }
        }
        mutation.mutation("updateBox", UpdateBoxArguments.self) { arguments, context in
            let update = try arguments.updateInput.orNotFound().update
            return try await context.mutate { scope in try await BoxService.update(update, in: scope) }
        }
        mutation.mutation("updateMarkedForShipmentBox", UpdateMarkedForShipmentBoxArguments.self) {
            arguments, context in
            let input = try arguments.updateInput.orNotFound()
            return try await context.mutate { scope in
                try await BoxService.updateMarkedForShipment(
                    labelIdentifier: input.labelIdentifier, weight: input.weight, monetaryValue: input.monetaryValue,
                    in: scope)
            }
        }
        mutation.mutation("createBoxFromBox", CreateBoxFromBoxArguments.self) { arguments, context in
            let input = arguments.creationInput
            return try await context.unionMutation { scope in
                try await BoxService.createFromBox(
                    sourceLabel: input.sourceBoxLabelIdentifier, numberOfItems: input.numberOfItems,
                    locationId: input.locationId, in: scope)
            }
        }
    }

    private static func registerBulkBoxMutations(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("deleteBoxes", DeleteBoxesArguments.self) { arguments, context in
            try await context.unionMutation { scope in
                try await BulkBoxService.delete(labels: arguments.labelIdentifiers, in: scope)
            }
        }
        mutation.mutation("moveBoxesToLocation", MoveBoxesArguments.self) { arguments, context in
            let input = try arguments.updateInput.orNotFound()
            return try await context.unionMutation { scope in
                try await BulkBoxService.move(labels: input.labelIdentifiers, to: input.locationId, in: scope)
            }
        }
        mutation.mutation("assignTagsToBoxes", BoxesTagsArguments.self) { arguments, context in
            let input = try arguments.updateInput.orNotFound()
            let outcome = try await context.mutate { scope in
                try await BulkBoxService.assignTags(input.tagIds, to: input.labelIdentifiers, in: scope)
            }
            return try await TagOperationResult(outcome, context: context)
        }
        mutation.mutation("unassignTagsFromBoxes", BoxesTagsArguments.self) { arguments, context in
            let input = try arguments.updateInput.orNotFound()
            let outcome = try await context.mutate { scope in
                try await BulkBoxService.unassignTags(input.tagIds, from: input.labelIdentifiers, in: scope)
            }
            return try await TagOperationResult(outcome, context: context)
        }
        mutation.mutation("createBoxes", CreateBoxesArguments.self) { arguments, context in
            let rows = (arguments.creationInput ?? []).map(\.row)
            return try await context.unionMutation { scope in try await BoxImportService.createBoxes(rows, in: scope) }
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
            errors.append(TagErrorInfo(id: entry.tagId, error: try await context.unionMember(for: entry.error)))
        }
        self.outcome = outcome
        self.tagErrors = errors
    }
}

struct TagErrorInfo: Sendable {
    let id: Tag.ID
    let error: any Sendable
}
