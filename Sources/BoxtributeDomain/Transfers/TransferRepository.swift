/// Reads of transfer agreements, shipments and shipment details. Look-ups by id take a batch of
/// ids and return the rows found, keyed by id.
public protocol TransferRepository: Sendable {
    func transferAgreements(_ ids: [Int]) async throws -> [Int: TransferAgreement]
    /// Agreements with a base of `scope` on either side, optionally of certain states as of
    /// `now` (empty or `nil`: all), ascending id.
    func transferAgreements(
        in scope: BaseScope, states: [TransferAgreementState]?, now: Timestamp
    ) async throws -> [TransferAgreement]
    /// The distinct bases on each side of the agreements (deleted bases included), ordered by
    /// agreement, side and base id.
    func agreementBases(ofAgreements ids: [Int]) async throws -> [AgreementBase]

    /// Shipments by id touching a base of `scope`, keyed by id.
    func shipments(_ ids: [Int], in scope: BaseScope) async throws -> [Int: Shipment]
    /// Shipments touching a base of `scope`, optionally of certain states (empty or `nil`:
    /// all), ascending id.
    func shipments(in scope: BaseScope, states: [ShipmentState]?) async throws -> [Shipment]
    /// Shipments of the agreements touching a base of `scope`, grouped by agreement id.
    func shipments(ofAgreements ids: [Int], in scope: BaseScope) async throws -> [Int: [Shipment]]

    /// Every detail (removed, lost and received ones included) of the shipments, grouped by
    /// shipment id, ascending id.
    func shipmentDetails(ofShipments ids: [Int]) async throws -> [Int: [ShipmentDetail]]
    /// The active detail (not removed, lost or received) of each box, keyed by box id.
    func activeShipmentDetails(ofBoxes ids: [Box.ID]) async throws -> [Box.ID: ShipmentDetail]
    /// For each detail whose source product instantiates a standard product, the non-deleted
    /// product of the shipment's target base instantiating the same one, keyed by detail id.
    func autoMatchingTargetProducts(ofDetails ids: [Int]) async throws -> [Int: Product]
    /// Whether a detail of an accepted agreement links `baseId` with one of `userBases`, in
    /// either direction; the agreement's type and validity dates do not matter. False for no
    /// user bases.
    func hasAcceptedAgreement(linking baseId: Base.ID, withAnyOf userBases: [Base.ID]) async throws -> Bool
}

/// Writes of the transfers domain, inside a transaction. Rows it writes are stamped with the
/// transaction's user and time; `…ForUpdate` reads lock the rows where the engine needs it.
public protocol TransferWriteRepository: TransferRepository {
    func transferAgreementForUpdate(_ id: Int) async throws -> TransferAgreement?
    /// Agreements between the organisations (either direction) in one of `states`, ascending id.
    func transferAgreements(
        between organisationIds: Set<Int>, states: [TransferAgreementState]
    ) async throws -> [TransferAgreement]
    /// Inserts an agreement under review and one detail per (source, target) base pair;
    /// returns its id.
    func insertTransferAgreement(_ agreement: NewTransferAgreement) async throws -> Int
    /// Writes the state and audit columns of the agreement.
    func save(_ agreement: TransferAgreement) async throws

    func shipmentForUpdate(_ id: Int) async throws -> Shipment?
    /// Inserts a shipment in `Preparing`; returns it.
    func insertShipment(sourceBaseId: Base.ID, targetBaseId: Base.ID, agreementId: Int?) async throws -> Shipment
    /// Writes the target base, state and audit columns of the shipment.
    func save(_ shipment: Shipment) async throws

    /// Every detail of a shipment, ascending id, locked.
    func shipmentDetailsForUpdate(ofShipment id: Int) async throws -> [ShipmentDetail]
    /// Not-removed details with a lost mark whose box is one of `boxIds`, ascending id, locked.
    func lostShipmentDetailsForUpdate(boxIds: [Box.ID]) async throws -> [ShipmentDetail]
    /// One detail per box, recording the box's current product, location, size and items.
    func insertShipmentDetails(boxes: [Box], shipmentId: Int) async throws
    /// Writes the target, removal, loss and reception columns of the detail.
    func save(_ detail: ShipmentDetail) async throws
    /// Marks the details removed and clears their lost mark.
    func markShipmentDetailsRemoved(_ ids: [Int]) async throws
    func markShipmentDetailsLost(_ ids: [Int]) async throws
    func clearShipmentDetailsLost(_ ids: [Int]) async throws
}

/// The columns of a transfer agreement to insert.
public struct NewTransferAgreement: Sendable, Equatable {
    public var sourceOrganisationId: Int
    public var targetOrganisationId: Int
    public var type: TransferAgreementType
    public var validFrom: Timestamp
    public var validUntil: Timestamp?
    public var comment: String?
    public var sourceBaseIds: [Base.ID]
    public var targetBaseIds: [Base.ID]
}
