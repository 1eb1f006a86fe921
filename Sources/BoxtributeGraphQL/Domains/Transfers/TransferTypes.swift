import BoxtributeDomain

/// Fields of the box-transfer types (transfer agreements, shipments, shipment details) and
/// `Box.shipmentDetail`.
enum TransferResolvers {
    struct BasesFilterArguments: Decodable {
        struct FilterInput: Decodable { var includeDeleted: Bool? }
        var filterInput: FilterInput?
        var includeDeleted: Bool { filterInput?.includeDeleted ?? false }
    }

    struct DirectionArguments: Decodable { var baseId: Base.ID }

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
            // Agreements whose validity has ended read as Expired (computed, never stored).
            type.batch("state") { agreements, context in
                let now = context.environment.now()
                return agreements.map { $0.state(at: now) }
            }
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
            type.related("sourceOrganisation", id: \.sourceOrganisationId) { ids, context in
                try await OrganisationService.organisations(ids, in: context.readScope)
            }
            type.related("targetOrganisation", id: \.targetOrganisationId) { ids, context in
                try await OrganisationService.organisations(ids, in: context.readScope)
            }
            agreementBases(&type, "sourceBases", side: .source)
            agreementBases(&type, "targetBases", side: .target)
            type.batchLists("shipments") { agreements, context in
                try await ShipmentService.shipments(ofAgreements: agreements, in: context.readScope)
            }
        }
    }

    /// `sourceBases`/`targetBases`.
    private static func agreementBases(
        _ type: inout ObjectResolvers<TransferAgreement>, _ name: String, side: AgreementSide
    ) {
        type.batchOutcomes(name, BasesFilterArguments.self) { agreements, arguments, context in
            outcomes(
                try await TransferAgreementService.bases(
                    of: agreements, side: side, includeDeleted: arguments.includeDeleted, in: context.readScope))
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
            type.batch("labelIdentifier") { shipments, context in
                try await ShipmentService.labelIdentifiers(of: shipments, in: context.readScope)
            }
            type.batchOutcomes("sourceBase") { shipments, context in
                outcomes(try await ShipmentService.bases(of: shipments, id: \.sourceBaseId, in: context.readScope))
            }
            type.batchOutcomes("targetBase") { shipments, context in
                outcomes(try await ShipmentService.bases(of: shipments, id: \.targetBaseId, in: context.readScope))
            }
            type.batchOutcomes("direction", DirectionArguments.self) { shipments, arguments, context in
                let scope = try context.readScope
                return shipments.map { shipment in
                    outcome { try ShipmentService.direction(of: shipment, baseId: arguments.baseId, in: scope) }
                }
            }
            type.related("transferAgreement", id: \.transferAgreementId) { ids, context in
                try await TransferAgreementService.transferAgreements(ids, in: context.readScope)
            }
            type.batchLists("details") { shipments, context in
                try await ShipmentDetailService.details(ofShipments: shipments, in: context.readScope)
            }
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
            type.batchOutcomes("sourceProduct") { details, context in
                outcomes(
                    try await ShipmentDetailService.products(of: details, id: \.sourceProductId, in: context.readScope))
            }
            type.batchOutcomes("targetProduct") { details, context in
                outcomes(
                    try await ShipmentDetailService.products(of: details, id: \.targetProductId, in: context.readScope))
            }
            type.batchOutcomes("sourceLocation") { details, context in
                outcomes(
                    try await ShipmentDetailService.locations(
                        of: details, id: \.sourceLocationId, in: context.readScope))
            }
            type.batchOutcomes("targetLocation") { details, context in
                outcomes(
                    try await ShipmentDetailService.locations(
                        of: details, id: \.targetLocationId, in: context.readScope))
            }
            type.related("sourceSize", id: \.sourceSizeId) { ids, context in
                try await ReferenceDataService.sizes(ids, in: context.readScope)
            }
            type.related("targetSize", id: \.targetSizeId) { ids, context in
                try await ReferenceDataService.sizes(ids, in: context.readScope)
            }
            type.batchOutcomes("box") { details, context in
                outcomes(try await ShipmentDetailService.boxes(of: details, in: context.readScope))
            }
            type.batch("shipment") { details, context in
                try await ShipmentService.shipments(ofDetails: details, in: context.readScope)
            }
            type.batch("autoMatchingTargetProduct") { details, context in
                try await ShipmentDetailService.autoMatchingTargetProducts(of: details, in: context.readScope)
            }
        }
    }

    private static func registerBoxShipmentDetail(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            type.batch("shipmentDetail") { boxes, context in
                try await ShipmentDetailService.activeDetails(ofBoxes: boxes, in: context.readScope)
            }
        }
    }
}

extension TransferAgreementState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension TransferAgreementType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentDirection: GraphQLEnumValue { public var graphQLName: String { rawValue } }
