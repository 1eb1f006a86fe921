import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import GraphQL
import OrderedCollections

/// Builds one document per root field of a schema: the field's arguments filled with values of
/// Lesvos (the victim base, see ``CrossTenantValues``) and a selection reaching every nested
/// field that leads to a base's data, to a bounded depth.
struct CrossTenantGenerator {
    let schema: GraphQLSchema
    /// Deepest field level of a document (the root field is level 1, the fields of the object
    /// it answers level 2, ...).
    var maxDepth = 6
    /// Object levels whose scalar fields are all selected (deeper objects: `id` only).
    var scalarDepth = 2

    /// Object types whose rows belong to a base: an answered object of these types with the id
    /// of a row of another base is foreign data.
    static let baseOwnedTypes: Set<String> = [
        "Base", "Box", "ClassicLocation", "DistributionSpot", "Product", "Tag", "Beneficiary", "Transaction",
        "Shipment", "ShipmentDetail", "TransferAgreement", "DistributionEvent", "PackingListEntry",
        "UnboxedItemsCollection", "DistributionEventsTrackingGroup", "DistributionEventsTrackingEntry",
        "HistoryEntry",
    ]

    /// A generated request.
    struct Operation: CustomStringConvertible {
        let rootType: String
        let field: String
        let document: String
        /// `Type.field` of every nested field leading to base data that the document selects.
        let edges: Set<String>
        var description: String { "\(rootType).\(field)" }
    }

    /// The generated documents of a root type, and the fields it could not fill.
    struct Generation {
        var operations: [Operation] = []
        var unfillable: [String] = []
    }

    func operations(of root: GraphQLObjectType, keyword: String) throws -> Generation {
        var generation = Generation()
        for (name, field) in try root.fields() {
            var unfillable: [String] = []
            let arguments = renderArguments(
                field.args, context: "\(root.name).\(name)", fillOptionalInputObjects: keyword == "mutation",
                unfillable: &unfillable)
            var edges: Set<String> = []
            let selection = try self.selection(of: field.type, edges: &edges, unfillable: &unfillable)
            if !unfillable.isEmpty {
                generation.unfillable += unfillable
                continue
            }
            generation.operations.append(
                Operation(
                    rootType: root.name, field: name, document: "\(keyword) { \(name)\(arguments)\(selection) }",
                    edges: edges))
        }
        return generation
    }

    /// `Type.field` of every field of an object type (roots and introspection aside) whose type
    /// leads to base data: what the documents together must select.
    func baseReachingEdges() throws -> Set<String> {
        var edges: Set<String> = []
        for (name, type) in schema.typeMap where !name.hasPrefix("__") {
            guard let object = type as? GraphQLObjectType, object.name != schema.queryType?.name,
                object.name != schema.mutationType?.name
            else { continue }
            for (fieldName, field) in try object.fields() where try leadsToBaseData(field.type) {
                edges.insert("\(object.name).\(fieldName)")
            }
        }
        return edges
    }

    // MARK: Selections

    /// One object level of a selection being built breadth-first.
    private final class Node {
        let type: any GraphQLNamedType
        let depth: Int
        /// Set inside an inline fragment: fields are aliased `<Type>__<field>` so that fields of
        /// the same name and different types in sibling fragments do not conflict.
        let aliasPrefix: String?
        var items: [String] = ["__typename"]
        var children: [(head: String, node: Node)] = []
        var fragments: [Node] = []

        init(type: any GraphQLNamedType, depth: Int, aliasPrefix: String?) {
            self.type = type
            self.depth = depth
            self.aliasPrefix = aliasPrefix
        }

        func render() -> String {
            var parts = items
            parts += children.map { "\($0.head)\($0.node.render())" }
            parts += fragments.map { "... on \($0.type.name)\($0.render())" }
            return " { " + parts.joined(separator: " ") + " }"
        }
    }

    /// The selection of a field's type: empty for leaves; otherwise every scalar field down to
    /// ``scalarDepth``, `id` below, and each nested field leading to base data once (at its
    /// shallowest place), down to ``maxDepth``.
    private func selection(
        of type: any GraphQLOutputType, edges: inout Set<String>, unfillable: inout [String]
    )
        throws -> String
    {
        guard let named = getNamedType(type: type), isComposite(named) else { return "" }
        let root = Node(type: named, depth: 1, aliasPrefix: nil)
        var queue = [root]
        var index = 0
        while index < queue.count {
            let node = queue[index]
            index += 1
            if let abstract = node.type as? (any GraphQLAbstractType) {
                for possible in schema.getPossibleTypes(abstractType: abstract) {
                    let fragment = Node(type: possible, depth: node.depth, aliasPrefix: possible.name)
                    node.fragments.append(fragment)
                    queue.append(fragment)
                }
                continue
            }
            guard let object = node.type as? GraphQLObjectType else { continue }
            for (name, field) in try object.fields() {
                let head = (node.aliasPrefix.map { "\($0)__\(name): " } ?? "") + name
                guard let fieldType = getNamedType(type: field.type) else { continue }
                if !isComposite(fieldType) {
                    if (node.depth <= scalarDepth || name == "id") && !hasRequiredArguments(field) {
                        node.items.append(head)
                    }
                    continue
                }
                let edge = "\(object.name).\(name)"
                guard node.depth + 1 < maxDepth, !edges.contains(edge), try leadsToBaseData(field.type) else {
                    continue
                }
                var fieldUnfillable: [String] = []
                let arguments = renderArguments(
                    field.args, context: edge, fillOptionalInputObjects: false, unfillable: &fieldUnfillable)
                if !fieldUnfillable.isEmpty {
                    unfillable += fieldUnfillable
                    continue
                }
                edges.insert(edge)
                let child = Node(type: fieldType, depth: node.depth + 1, aliasPrefix: nil)
                node.children.append((head + arguments, child))
                queue.append(child)
            }
        }
        return root.render()
    }

    private func isComposite(_ type: any GraphQLNamedType) -> Bool {
        type is GraphQLObjectType || type is GraphQLInterfaceType || type is GraphQLUnionType
    }

    private func hasRequiredArguments(_ field: GraphQLField) -> Bool {
        field.args.values.contains { $0.type is GraphQLNonNull && $0.defaultValue == nil }
    }

    /// Whether a type is, or leads through fields to, a type of ``baseOwnedTypes``.
    func leadsToBaseData(_ type: any GraphQLType) throws -> Bool {
        guard let named = getNamedType(type: type) else { return false }
        var seen: Set<String> = []
        var stack: [any GraphQLNamedType] = [named]
        while let next = stack.popLast() {
            guard seen.insert(next.name).inserted else { continue }
            if Self.baseOwnedTypes.contains(next.name) { return true }
            if let abstract = next as? (any GraphQLAbstractType) {
                stack += schema.getPossibleTypes(abstractType: abstract)
            } else if let object = next as? GraphQLObjectType {
                stack += try object.fields().values.compactMap { getNamedType(type: $0.type) }.filter(isComposite)
            }
        }
        return false
    }

    // MARK: Arguments

    /// `(name: value, ...)` for the arguments to fill, or "" when none: required ones always,
    /// optional ones when ``CrossTenantValues`` names them, or (in mutations) when they are
    /// input objects.
    private func renderArguments(
        _ arguments: GraphQLArgumentConfigMap, context: String, fillOptionalInputObjects: Bool,
        unfillable: inout [String]
    ) -> String {
        var parts: [String] = []
        for (name, argument) in arguments {
            if let value = renderValue(
                name: name, type: argument.type, required: argument.type is GraphQLNonNull,
                context: context, fillOptionalInputObjects: fillOptionalInputObjects, unfillable: &unfillable)
            {
                parts.append("\(name): \(value)")
            }
        }
        return parts.isEmpty ? "" : "(" + parts.joined(separator: ", ") + ")"
    }

    /// A literal for one argument or input field, `nil` when it is left out (or cannot be
    /// filled: then `unfillable` names it).
    private func renderValue(
        name: String, type: any GraphQLInputType, required: Bool, context: String,
        fillOptionalInputObjects: Bool, unfillable: inout [String]
    ) -> String? {
        let seed = CrossTenantValues.seed(context: context, name: name)
        guard let named = getNamedType(type: type) else { return nil }
        let isList = unwrapNonNull(type) is GraphQLList
        if let seed {
            guard let literal = render(seed, as: named, list: isList) else {
                unfillable.append("\(context).\(name) (value \(seed) does not fit \(named.name))")
                return nil
            }
            return literal
        }
        if let input = named as? GraphQLInputObjectType {
            guard required || fillOptionalInputObjects else { return nil }
            guard let fields = try? input.fields() else {
                unfillable.append("\(context).\(name) (fields of \(input.name))")
                return nil
            }
            var parts: [String] = []
            for (fieldName, field) in fields {
                if let value = renderValue(
                    name: fieldName, type: field.type,
                    required: field.type is GraphQLNonNull && field.defaultValue == nil,
                    context: input.name, fillOptionalInputObjects: fillOptionalInputObjects, unfillable: &unfillable)
                {
                    parts.append("\(fieldName): \(value)")
                }
            }
            let object = "{" + parts.joined(separator: ", ") + "}"
            return isList ? "[\(object)]" : object
        }
        guard required else { return nil }
        if let enumType = named as? GraphQLEnumType, let first = enumType.values.first {
            return isList ? "[\(first.name)]" : first.name
        }
        // A reference to a row must come from the table of Lesvos' values, never be made up.
        let lowered = name.lowercased()
        if lowered.hasSuffix("id") || lowered.hasSuffix("ids") || lowered.contains("identifier") || lowered == "code"
            || named.name == "ID"
        {
            unfillable.append("\(context).\(name)")
            return nil
        }
        let scalar: String
        switch named.name {
        case "Int": scalar = "1"
        case "Float": scalar = "1.5"
        case "Boolean": scalar = "false"
        case "String": scalar = #""Cross-tenant""#
        case "Date": scalar = #""2024-06-01""#
        case "Datetime": scalar = #""2024-06-01T00:00:00+00:00""#
        default:
            unfillable.append("\(context).\(name) (scalar \(named.name))")
            return nil
        }
        return isList ? "[\(scalar)]" : scalar
    }

    private func unwrapNonNull(_ type: any GraphQLType) -> any GraphQLType {
        (type as? GraphQLNonNull)?.ofType ?? type
    }

    private func render(_ seed: CrossTenantValues.Seed, as type: any GraphQLNamedType, list: Bool) -> String? {
        let elements: [String]
        switch seed {
        case .ids(let ids):
            switch type.name {
            case "Int": elements = ids.map(String.init)
            case "ID", "String": elements = ids.map { "\"\($0)\"" }
            default: return nil
            }
        case .texts(let texts):
            guard type.name == "String" || type.name == "ID" else { return nil }
            elements = texts.map { "\"\($0)\"" }
        case .enumCase(let value):
            guard let enumType = type as? GraphQLEnumType, enumType.nameLookup[value] != nil else { return nil }
            elements = [value]
        }
        if list { return "[" + elements.joined(separator: ", ") + "]" }
        return elements.count == 1 ? elements[0] : nil
    }
}

/// Values of Lesvos (base 1, organisation 1) for arguments and input fields, looked up by
/// `<Parent>.<name>` (parent: `Query.<field>`, `Mutation.<field>`, `<Type>.<field>` or an
/// input type), then by name alone. Each names a row a mutation could act on when Lesvos'
/// coordinator sends it, so that only authorization stands between a stranger and the write.
enum CrossTenantValues {
    enum Seed: CustomStringConvertible {
        case ids([Int])
        static func ids<Entity>(_ typed: [Tagged<Entity, Int>]) -> Seed { .ids(typed.rawValues()) }
        case texts([String])
        case enumCase(String)

        var description: String {
            switch self {
            case .ids(let ids): "\(ids)"
            case .texts(let texts): "\(texts)"
            case .enumCase(let value): value
            }
        }
    }

    static func seed(context: String, name: String) -> Seed? {
        byContext["\(context).\(name)"] ?? byName[name]
    }

    static let jeansBox = Fixtures.BoxLabel.jeans
    static let jeansQrCode = "c4ca4238a0b923820dcc509a6f75849b"

    static let byContext: [String: Seed] = [
        "Query.base.id": .ids([Fixtures.BaseID.lesvos]),
        "Query.organisation.id": .ids([Fixtures.Org.aidA]),
        "Query.user.id": .ids([Fixtures.UserID.lesvosCoordinator]),
        "Query.location.id": .ids([Fixtures.LocationID.lesvosWarehouse]),
        "Query.product.id": .ids([Fixtures.ProductID.jeans]),
        "Query.standardProduct.id": .ids([Fixtures.StandardProductID.tShirt]),
        "Query.productCategory.id": .ids([2]),
        "Query.tag.id": .ids([Fixtures.TagID.winter]),
        "Query.transferAgreement.id": .ids([Fixtures.TransferID.acceptedAgreement]),
        "Query.shipment.id": .ids([Fixtures.TransferID.completedShipment]),
        "Query.distributionSpot.id": .ids([Fixtures.LocationID.lesvosDistributionSpot]),
        "Query.distributionEvent.id": .ids([Fixtures.Distribution.EventID.planning]),
        "Query.packingListEntry.id": .ids([Fixtures.Distribution.PackingListEntryID.jeansMedium]),
        "Query.distributionEventsTrackingGroup.id": .ids([Fixtures.Distribution.TrackingGroupID.lesvosInProgress]),
        "Query.beneficiary.id": .ids([Fixtures.BeneficiaryID.aisha]),
        "Mutation.createQrCode.boxLabelIdentifier": .texts([Fixtures.BoxLabel.rice]),
        "Mutation.deleteTag.id": .ids([Fixtures.TagID.winter]),
        "Mutation.deleteTags.ids": .ids([Fixtures.TagID.family]),
        "Mutation.deleteBoxes.labelIdentifiers": .texts([Fixtures.BoxLabel.rice]),
        "Mutation.deleteProduct.id": .ids([Fixtures.CrossTenant.scarf]),
        "Mutation.acceptTransferAgreement.id": .ids([Fixtures.CrossTenant.agreementToAccept]),
        "Mutation.rejectTransferAgreement.id": .ids([Fixtures.CrossTenant.agreementToReject]),
        "Mutation.cancelTransferAgreement.id": .ids([Fixtures.TransferID.acceptedAgreement]),
        "Mutation.cancelShipment.id": .ids([Fixtures.CrossTenant.preparingShipment]),
        "Mutation.sendShipment.id": .ids([Fixtures.CrossTenant.shipmentToSend]),
        "Mutation.startReceivingShipment.id": .ids([Fixtures.TransferID.sentShipment]),
        "Mutation.markShipmentAsLost.id": .ids([Fixtures.TransferID.sentShipment]),
        "Mutation.moveNotDeliveredBoxesInStock.boxIds": .ids([Fixtures.BoxID.inTransit]),
        "Mutation.updatePackingListEntry.packingListEntryId": .ids([Fixtures.Distribution.PackingListEntryID.oldCoat]),
        "Mutation.updateSelectedProductsForDistributionEventPackingList.productIdsToRemove": .ids([
            Fixtures.ProductID.oldCoat
        ]),
        "Mutation.removeItemsFromUnboxedItemsCollection.id": .ids([1]),
        "Mutation.startDistributionEventsTrackingGroup.distributionEventIds": .ids([
            Fixtures.Distribution.EventID.returned
        ]),
        "Mutation.setReturnedNumberOfItemsForDistributionEventsTrackingGroup.sizeId": .ids([Fixtures.SizeID.small]),
        "Mutation.setReturnedNumberOfItemsForDistributionEventsTrackingGroup.numberOfItems": .ids([2]),
        "Mutation.moveItemsFromReturnTrackingGroupToBox.sizeId": .ids([Fixtures.SizeID.small]),
        "Mutation.completeDistributionEventsTrackingGroup.id": .ids([
            Fixtures.Distribution.TrackingGroupID.lesvosInProgress
        ]),
        "BoxBulkCreationInput.numberOfItems": .ids([2]),
        "BoxMoveInput.labelIdentifiers": .texts([Fixtures.BoxLabel.lost]),
        "BoxesTagsOperationInput.tagIds": .ids([Fixtures.TagID.urgent]),
        "TagUpdateInput.id": .ids([Fixtures.TagID.winter]),
        "TagOperationInput.id": .ids([Fixtures.TagID.urgent]),
        "CustomProductEditInput.id": .ids([Fixtures.CrossTenant.scarf]),
        "CustomProductEditInput.comment": .texts(["Cross-tenant"]),
        "StandardProductInstantiationEditInput.comment": .texts(["Cross-tenant"]),
        "StandardProductsEnableInput.standardProductIds": .ids([Fixtures.CrossTenant.towel]),
        "StandardProductInstantiationEditInput.id": .ids([Fixtures.CrossTenant.soapInstantiation]),
        "ShipmentWhenPreparingUpdateInput.id": .ids([Fixtures.CrossTenant.shipmentToSend]),
        "ShipmentWhenReceivingUpdateInput.id": .ids([Fixtures.TransferID.sentShipment]),
        "ShipmentDetailUpdateInput.id": .ids([Fixtures.ShipmentDetailID.inTransit]),
        "BeneficiaryCreationInput.groupIdentifier": .texts(["Cross-tenant"]),
        "BeneficiaryCreationInput.tagIds": .ids([Fixtures.TagID.urgent]),
        "BeneficiaryBulkCreationInput.groupIdentifier": .texts(["Cross-tenant"]),
        "BeneficiaryBulkCreationInput.tagIds": .ids([Fixtures.TagID.urgent]),
        "BeneficiaryUpdateInput.id": .ids([Fixtures.BeneficiaryID.aisha]),
        "BeneficiaryUpdateInput.comment": .texts(["Cross-tenant"]),
        "Mutation.deactivateBeneficiary.id": .ids([Fixtures.BeneficiaryID.omar]),
    ]

    static let byName: [String: Seed] = [
        "baseId": .ids([Fixtures.BaseID.lesvos]),
        "labelIdentifier": .texts([jeansBox]),
        "labelIdentifiers": .texts([jeansBox]),
        "sourceBoxLabelIdentifier": .texts([jeansBox]),
        "boxLabelIdentifierForMerge": .texts([jeansBox]),
        "preparedBoxLabelIdentifiers": .texts([jeansBox]),
        "lostBoxLabelIdentifiers": .texts([Fixtures.BoxLabel.inTransit]),
        "code": .texts([jeansQrCode]),
        "productId": .ids([Fixtures.ProductID.jeans]),
        "targetProductId": .ids([Fixtures.ProductID.jeans]),
        "locationId": .ids([Fixtures.LocationID.lesvosWarehouse]),
        "targetLocationId": .ids([Fixtures.LocationID.lesvosWarehouse]),
        "tagIds": .ids([Fixtures.TagID.winter]),
        "resourceId": .ids([Fixtures.BoxID.jeans]),
        "sizeId": .ids([Fixtures.SizeID.medium]),
        "targetSizeId": .ids([Fixtures.SizeID.medium]),
        "sizeRangeId": .ids([Fixtures.SizeRangeID.smallMediumLarge]),
        "categoryId": .ids([1]),
        "standardProductId": .ids([Fixtures.StandardProductID.tShirt]),
        "standardProductIds": .ids([Fixtures.StandardProductID.tShirt]),
        "instantiationId": .ids([Fixtures.CrossTenant.soapInstantiation]),
        "sourceBaseId": .ids([Fixtures.BaseID.lesvos]),
        "targetBaseId": .ids([Fixtures.BaseID.samos]),
        "initiatingOrganisationId": .ids([Fixtures.Org.aidA]),
        "partnerOrganisationId": .ids([Fixtures.CrossTenant.organisation]),
        "initiatingOrganisationBaseIds": .ids([Fixtures.BaseID.lesvos]),
        "partnerOrganisationBaseIds": .ids([Fixtures.CrossTenant.lampedusa]),
        "sizeName": .texts(["M"]),
        "color": .texts(["#123456"]),
        // Mobile distribution: event 1 is planned at Lesvos' spot 6; the lost box holds jeans S.
        "distributionSpotId": .ids([Fixtures.LocationID.lesvosDistributionSpot]),
        "distributionEventId": .ids([Fixtures.Distribution.EventID.planning]),
        "packingListEntryId": .ids([Fixtures.Distribution.PackingListEntryID.jeansSmall]),
        "productIdsToAdd": .ids([Fixtures.ProductID.jeans]),
        "boxLabelIdentifier": .texts([Fixtures.BoxLabel.lost]),
        "targetBoxLabelIdentifier": .texts([Fixtures.BoxLabel.lost]),
        "distributionEventsTrackingGroupId": .ids([Fixtures.Distribution.TrackingGroupID.lesvosInProgress]),
    ]
}
