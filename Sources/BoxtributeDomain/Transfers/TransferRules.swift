// Port of the state and validation rules of business_logic/box_transfer/{agreement,shipment}/crud.py
// and of the transfer exceptions of exceptions.py.

/// The rules of the box-transfer domain that need no database: the state machines of transfer
/// agreements and shipments (the reference's `business_logic/box_transfer/`).
public enum TransferRules {
    /// Agreement states that end when the validity of the agreement has passed.
    public static let expiringStates: Set<TransferAgreementState> = [.underReview, .accepted]

    /// Box states of a box that travels with an active shipment detail.
    public static let travellingStates: Set<BoxState> = [.markedForShipment, .inTransit, .receiving]

    /// Which side of the agreement accepts or rejects it: the partner of the initiating side.
    public static func acceptingSide(of type: TransferAgreementType) -> AgreementSide {
        type == .receivingFrom ? .source : .target
    }
}

extension TransferAgreement {
    /// The state as of `now`: an agreement under review or accepted whose validity ended
    /// before `now` is `Expired` (the reference stores the validity but never
    /// sets `Expired` itself).
    public func state(at now: Timestamp) -> TransferAgreementState? {
        guard let state, TransferRules.expiringStates.contains(state), let validUntil, validUntil < now else {
            return state
        }
        return .expired
    }
}

/// What `createTransferAgreement` receives (`TransferAgreementCreationInput`).
public struct TransferAgreementCreation: Sendable, Equatable {
    public var initiatingOrganisationId: Int
    public var partnerOrganisationId: Int
    public var type: TransferAgreementType
    /// `YYYY-MM-DD` in the user's time zone; `nil` means from now.
    public var validFrom: String?
    /// `YYYY-MM-DD` in the user's time zone; `nil` means unlimited.
    public var validUntil: String?
    public var initiatingOrganisationBaseIds: [Base.ID]
    /// `nil` means every non-deleted base of the partner organisation.
    public var partnerOrganisationBaseIds: [Base.ID]?
    public var comment: String?

    public init(
        initiatingOrganisationId: Int, partnerOrganisationId: Int, type: TransferAgreementType,
        initiatingOrganisationBaseIds: [Base.ID]
    ) {
        self.initiatingOrganisationId = initiatingOrganisationId
        self.partnerOrganisationId = partnerOrganisationId
        self.type = type
        self.initiatingOrganisationBaseIds = initiatingOrganisationBaseIds
    }
}

/// One reconciled box of `updateShipmentWhenReceiving` (`ShipmentDetailUpdateInput`).
public struct ShipmentDetailReception: Sendable, Equatable {
    public var detailId: Int
    public var targetProductId: Product.ID
    public var targetLocationId: Location.ID
    public var targetSizeId: Int
    public var targetQuantity: Int

    public init(
        detailId: Int, targetProductId: Product.ID, targetLocationId: Location.ID, targetSizeId: Int,
        targetQuantity: Int
    ) {
        self.detailId = detailId
        self.targetProductId = targetProductId
        self.targetLocationId = targetLocationId
        self.targetSizeId = targetSizeId
        self.targetQuantity = targetQuantity
    }
}

extension DomainError {
    private static func invalidState(_ resource: String, actual: String, expected: [String]) -> DomainError {
        .badUserInput(
            "The state of the \(resource) (\(actual)) does not allow the requested action. Expecting state: "
                + expected.joined(separator: " or "))
    }

    /// `InvalidTransferAgreementState`.
    public static func invalidAgreementState(
        _ actual: TransferAgreementState?, expected: [TransferAgreementState]
    ) -> DomainError {
        invalidState("transfer agreement", actual: actual?.rawValue ?? "None", expected: expected.map(\.rawValue))
    }

    /// `InvalidShipmentState`.
    public static func invalidShipmentState(_ actual: ShipmentState?, expected: [ShipmentState]) -> DomainError {
        invalidState("shipment", actual: actual?.rawValue ?? "None", expected: expected.map(\.rawValue))
    }

    /// `InvalidTransferAgreementOrganisation`.
    public static let invalidAgreementOrganisation = DomainError.badUserInput(
        "The user's organisation is not permitted to execute the requested action.")

    /// `InvalidTransferAgreementBase`: `baseId` is not among `expected`.
    public static func invalidAgreementBase(_ baseId: Base.ID, expected: [Base.ID]) -> DomainError {
        .badUserInput(
            "The specified base (ID: \(baseId)) is not part of the current transfer agreement (included base IDs: "
                + expected.map(String.init).joined(separator: ", ") + ").")
    }

    /// `InvalidTransferAgreementDates`.
    public static let invalidAgreementDates = DomainError.badUserInput(
        "'Valid until' date must be later than 'valid from' date.")

    /// `DuplicateTransferAgreement`.
    public static func duplicateAgreement(_ existingId: Int) -> DomainError {
        .badUserInput("An identical agreement already exists: ID \(existingId)")
    }

    /// Beyond the reference: an agreement needs at least one base of the initiating organisation.
    public static let noInitiatingBases = DomainError.badUserInput(
        "Invalid input: 'initiatingOrganisationBaseIds' must not be empty")

    /// `NoActivePartnerBases`.
    public static let noActivePartnerBases = DomainError.badUserInput(
        "None of the requested partner bases is active.")

    /// `IdenticalShipmentSourceAndTargetBase`.
    public static let identicalShipmentBases = DomainError.badUserInput("Source and target base must not be identical")

    /// `ShipmentSourceAndTargetBaseOrganisationsMismatch`.
    public static let shipmentBaseOrganisationMismatch = DomainError.badUserInput(
        "Source and target base must be of same organisation")

    /// `InvalidShipmentDetailUpdateInput`: `input` (a model or field name) does not fit the
    /// shipment's target base or is out of range. The reference's text names the metaclass
    /// and misses a space; this one names the input.
    public static func invalidShipmentDetailInput(_ input: String, detailId: Int) -> DomainError {
        .badUserInput("Input \(input) is not valid for base of shipment detail \(detailId)")
    }
}
