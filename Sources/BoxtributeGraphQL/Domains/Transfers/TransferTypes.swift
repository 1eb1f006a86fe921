import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// Read resolvers of the box-transfer types (shipments, shipment details, transfer agreements).
enum TransferResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registerAgreement(in: &registry)
        registerShipment(in: &registry)
        registerShipmentDetail(in: &registry)
        registerBoxShipmentDetail(in: &registry)
        TransferQueries.register(in: &registry)
    }

    private static func registerAgreement(in registry: inout ResolverRegistry) {
        registry.object("TransferAgreement", TransferAgreement.self) { type in
            type.value("id") { $0.id }
            // Agreements whose validity has ended read as Expired (not stored; spec 04 §13.1).
            type.legacyField("state") { agreement, _, context in agreement.state(at: context.environment.now()) }
            type.value("type") { $0.type }
            type.value("requestedOn") { $0.requestedOn }
            type.value("acceptedOn") { $0.acceptedOn }
            type.value("terminatedOn") { $0.terminatedOn }
            type.value("validFrom") { $0.validFrom }
            type.value("validUntil") { $0.validUntil }
            type.value("comment") { $0.comment }
            type.user("requestedBy") { $0.requestedBy }
            type.user("acceptedBy") { $0.acceptedBy }
            type.user("terminatedBy") { $0.terminatedBy }
            type.legacyRelated("sourceOrganisation", permission: "organisation:read", id: \.sourceOrganisationId) {
                ids, context in try await OrganisationStore.byIds(ids, in: context)
            }
            type.legacyRelated("targetOrganisation", permission: "organisation:read", id: \.targetOrganisationId) {
                ids, context in try await OrganisationStore.byIds(ids, in: context)
            }
            type.legacyBatch("sourceBases") { agreements, arguments, context in
                try await agreementBases(agreements, side: .source, arguments: arguments, context: context)
            }
            type.legacyBatch("targetBases") { agreements, arguments, context in
                try await agreementBases(agreements, side: .target, arguments: arguments, context: context)
            }
            type.legacyBatchValues("shipments") { agreements, _, context in
                let scope = try readScope("shipment:read", context: context)
                let shipments = try await ShipmentStore.ofAgreements(agreements.map(\.id), scope: scope, in: context)
                return agreements.map { shipments[$0.id] ?? [] }
            }
        }
    }

    /// `sourceBases`/`targetBases` (spec 04 §5.1): `base:read` for any base of any agreement
    /// of the batch, as the reference's loader checks it once for all of them.
    private static func agreementBases(
        _ agreements: [TransferAgreement], side: AgreementSide, arguments: Arguments, context: ResolverContext
    ) async throws -> [FieldOutcome] {
        let all = try await basesOfAgreements(agreements.map(\.id), context: context)
        do {
            try context.currentUser.authorize("base:read", anyOf: all.map(\.base.id))
        } catch {
            return agreements.map { _ in .failure(error) }
        }
        let includeDeleted = arguments.object("filterInput")?.bool("includeDeleted") ?? false
        return agreements.map { agreement in
            .success(
                all.filter {
                    $0.agreementId == agreement.id && $0.side == side && (includeDeleted || $0.base.deletedOn == nil)
                }
                .map(\.base))
        }
    }

    /// The bases of these agreements, loaded once per request for the same set.
    static func basesOfAgreements(_ ids: [Int], context: ResolverContext) async throws -> [AgreementBase] {
        let unique = Array(Set(ids)).sorted()
        return try await context.memoized("agreementBases:" + unique.map(String.init).joined(separator: ",")) {
            try await TransferAgreementStore.bases(ofAgreements: unique, in: context)
        }
    }

    private static func registerShipment(in registry: inout ResolverRegistry) {
        registry.object("Shipment", Shipment.self) { type in
            type.value("id") { $0.id }
            type.value("state") { $0.state }
            type.value("startedOn") { $0.startedOn }
            type.value("sentOn") { $0.sentOn }
            type.value("receivingStartedOn") { $0.receivingStartedOn }
            type.value("completedOn") { $0.completedOn }
            type.value("canceledOn") { $0.canceledOn }
            type.user("startedBy") { $0.startedBy }
            type.user("sentBy") { $0.sentBy }
            type.user("receivingStartedBy") { $0.receivingStartedBy }
            type.user("completedBy") { $0.completedBy }
            type.user("canceledBy") { $0.canceledBy }
            type.legacyBatchValues("labelIdentifier") { shipments, _, context in
                // No authorization: the label only reveals the bases' initials.
                let bases = try await BaseStore.byIds(shipments.flatMap(\.baseIds), in: context)
                return shipments.map { shipment in
                    shipment.labelIdentifier(
                        sourceBaseName: bases[shipment.sourceBaseId]?.name ?? "",
                        targetBaseName: bases[shipment.targetBaseId]?.name ?? "")
                }
            }
            type.relatedForAnyBase("sourceBase", permission: "base:read", bases: \.baseIds, id: \.sourceBaseId) {
                ids, context in try await BaseStore.byIds(ids, in: context)
            }
            type.relatedForAnyBase("targetBase", permission: "base:read", bases: \.baseIds, id: \.targetBaseId) {
                ids, context in try await BaseStore.byIds(ids, in: context)
            }
            type.legacyField("direction") { shipment, arguments, context in
                try direction(of: shipment, baseId: try arguments.id("baseId") ?? 0, user: try context.currentUser)
            }
            type.legacyRelated("transferAgreement", permission: nil, id: \.transferAgreementId) { ids, context in
                try await TransferAgreementStore.byIds(ids, in: context)
            }
            type.legacyBatchValues("details") { shipments, _, context in
                try context.currentUser.authorize("shipment_detail:read")
                let details = try await ShipmentDetailStore.ofShipments(shipments.map(\.id), in: context)
                return shipments.map { details[$0.id] ?? [] }
            }
        }
    }

    /// `Shipment.direction(baseId)` (spec 04 §5.2.1).
    static func direction(of shipment: Shipment, baseId: Int, user: CurrentUser) throws(Forbidden) -> ShipmentDirection
    {
        try user.authorize("base:read", baseId: baseId)
        if shipment.sourceBaseId == baseId { return .outgoing }
        if shipment.targetBaseId == baseId { return .incoming }
        if user.isGod { return .indeterminate }
        let fromOwnBase = user.can("base:read", baseId: shipment.sourceBaseId)
        let toOwnBase = user.can("base:read", baseId: shipment.targetBaseId)
        switch (fromOwnBase, toOwnBase) {
        case (true, true): return .indeterminate
        case (true, false): return .outgoing
        case (false, true): return .incoming
        case (false, false):
            // Only reachable for shipments fetched without shipment:read for either base.
            throw Forbidden(.resource("bases", "[\(shipment.sourceBaseId), \(shipment.targetBaseId)]"))
        }
    }

    private static func registerShipmentDetail(in registry: inout ResolverRegistry) {
        registry.object("ShipmentDetail", ShipmentDetail.self) { type in
            type.value("id") { $0.id }
            type.value("sourceQuantity") { $0.sourceQuantity }
            type.value("targetQuantity") { $0.targetQuantity }
            type.value("createdOn") { $0.createdOn }
            type.value("removedOn") { $0.removedOn }
            type.value("lostOn") { $0.lostOn }
            type.value("receivedOn") { $0.receivedOn }
            type.user("createdBy") { $0.createdBy }
            type.user("removedBy") { $0.removedBy }
            type.user("lostBy") { $0.lostBy }
            type.user("receivedBy") { $0.receivedBy }
            type.relatedForAnyBase(
                "sourceProduct", permission: "product:read", bases: \.shipmentBaseIds, id: \.sourceProductId
            ) {
                ids, context in try await ProductStore.byIds(ids, in: context)
            }
            type.relatedForAnyBase(
                "targetProduct", permission: "product:read", bases: \.shipmentBaseIds, id: \.targetProductId
            ) {
                ids, context in try await ProductStore.byIds(ids, in: context)
            }
            type.relatedForAnyBase(
                "sourceLocation", permission: "location:read", bases: \.shipmentBaseIds, id: \.sourceLocationId
            ) { ids, context in try await LocationStore.byIds(ids, in: context) }
            type.relatedForAnyBase(
                "targetLocation", permission: "location:read", bases: \.shipmentBaseIds, id: \.targetLocationId
            ) { ids, context in try await LocationStore.byIds(ids, in: context) }
            type.legacyRelated("sourceSize", permission: "size:read", id: \.sourceSizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
            type.legacyRelated("targetSize", permission: "size:read", id: \.targetSizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
            type.relatedForAnyBase("box", permission: "stock:read", bases: \.shipmentBaseIds, id: \.boxId) {
                ids, context in try await BoxStore.byIds(ids, in: context)
            }
            type.legacyBatchValues("shipment") { details, _, context in
                // Shipments outside the caller's shipment:read bases stay null (hence an error, the field being non-null).
                let scope = try readScope("shipment:read", context: context)
                let shipments = try await ShipmentStore.byIds(details.map(\.shipmentId), scope: scope, in: context)
                return details.map { shipments[$0.shipmentId] }
            }
            type.legacyBatchValues("autoMatchingTargetProduct") { details, _, context in
                let products = try await ShipmentDetailStore.autoMatchingTargetProducts(
                    ofDetails: details.map(\.id), in: context)
                return details.map { products[$0.id] }
            }
        }
    }

    private static func registerBoxShipmentDetail(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            type.legacyBatchValues("shipmentDetail") { boxes, _, context in
                // Lenient (spec 04 §5.4): callers without shipment_detail:read get null, not an error,
                // so that low-privilege users can still scan boxes.
                do {
                    try context.currentUser.authorize("shipment_detail:read")
                } catch {
                    return boxes.map { _ in nil }
                }
                let details = try await ShipmentDetailStore.active(ofBoxes: boxes.map(\.id), in: context)
                return boxes.map { details[$0.id] }
            }
        }
    }

    /// The bases a list may show for `permission`, as the reference's `authorized_bases_filter`:
    /// FORBIDDEN when the permission is missing or granted for no base.
    static func readScope(_ permission: String, context: ResolverContext) throws(Forbidden) -> BaseScope {
        let user = try context.currentUser
        try user.authorize(permission)
        return try user.baseScope(for: permission)
    }
}

extension ObjectResolvers {
    /// A field holding the id of another row, guarded per parent by a base-specific
    /// `permission` for any of the parent's bases; rows are loaded in one statement.
    mutating func relatedForAnyBase<Target: Sendable>(
        _ name: String, permission: String, bases: @escaping @Sendable (Parent) -> [Int],
        id: @escaping @Sendable (Parent) -> Int?,
        load: @escaping @Sendable ([Int], ResolverContext) async throws -> [Int: Target]
    ) {
        legacyBatch(name) { parents, _, context in
            let user = try context.currentUser
            let checks = parents.map { parent -> Forbidden? in
                do throws(Forbidden) {
                    try user.authorize(permission, anyOf: bases(parent))
                    return nil
                } catch {
                    return error
                }
            }
            let ids = zip(parents, checks).compactMap { parent, failure in failure == nil ? id(parent) : nil }
            let rows = ids.isEmpty ? [:] : try await load(ids, context)
            return zip(parents, checks).map { parent, failure in
                if let failure { return .failure(failure) }
                return .success(id(parent).flatMap { rows[$0] })
            }
        }
    }
}

extension TransferAgreementState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension TransferAgreementType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentDirection: GraphQLEnumValue { public var graphQLName: String { rawValue } }
