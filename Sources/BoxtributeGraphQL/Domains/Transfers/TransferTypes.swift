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
            type.values([
                "type": .leaf { $0.type }, "validFrom": .leaf { $0.validFrom }, "validUntil": .leaf { $0.validUntil },
                "comment": .leaf { $0.comment },
            ])
            type.stamp("requested", on: { $0.requestedOn }, by: { $0.requestedBy })
            type.stamp("accepted", on: { $0.acceptedOn }, by: { $0.acceptedBy })
            type.stamp("terminated", on: { $0.terminatedOn }, by: { $0.terminatedBy })
            type.related("sourceOrganisation", id: \.sourceOrganisationId) { ids, context in
                try await OrganisationService.organisations(ids, in: context.readScope)
            }
            type.related("targetOrganisation", id: \.targetOrganisationId) { ids, context in
                try await OrganisationService.organisations(ids, in: context.readScope)
            }
            agreementBases(&type, "sourceBases", side: .source)
            agreementBases(&type, "targetBases", side: .target)
            type.readLists("shipments", ShipmentService.shipments(ofAgreements:in:))
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
            type.values(["id": .leaf { $0.id }, "state": .leaf { $0.state }])
            type.stamp("started", on: { $0.startedOn }, by: { $0.startedBy })
            type.stamp("sent", on: { $0.sentOn }, by: { $0.sentBy })
            type.stamp("receivingStarted", on: { $0.receivingStartedOn }, by: { $0.receivingStartedBy })
            type.stamp("completed", on: { $0.completedOn }, by: { $0.completedBy })
            type.stamp("canceled", on: { $0.canceledOn }, by: { $0.canceledBy })
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
            type.readLists("details", ShipmentDetailService.details(ofShipments:in:))
        }
    }

    private static func registerShipmentDetail(in registry: inout ResolverRegistry) {
        registry.object("ShipmentDetail", ShipmentDetail.self) { type in
            type.values([
                "id": .leaf { $0.id }, "sourceQuantity": .leaf { $0.sourceQuantity },
                "targetQuantity": .leaf { $0.targetQuantity },
            ])
            type.stamp("created", on: { $0.createdOn }, by: { $0.createdBy })
            type.stamp("removed", on: { $0.removedOn }, by: { $0.removedBy })
            type.stamp("lost", on: { $0.lostOn }, by: { $0.lostBy })
            type.stamp("received", on: { $0.receivedOn }, by: { $0.receivedBy })
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
            type.readOutcomes("box", ShipmentDetailService.boxes(of:in:))
            type.readBatch("shipment", ShipmentService.shipments(ofDetails:in:))
            type.readBatch("autoMatchingTargetProduct", ShipmentDetailService.autoMatchingTargetProducts(of:in:))
        }
    }

    private static func registerBoxShipmentDetail(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            type.readBatch("shipmentDetail", ShipmentDetailService.activeDetails(ofBoxes:in:))
        }
    }
}

extension TransferAgreementState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension TransferAgreementType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentState: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShipmentDirection: GraphQLEnumValue { public var graphQLName: String { rawValue } }
