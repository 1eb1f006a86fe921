/// States of a shipment; the database stores the case name.
public enum ShipmentState: String, Sendable, CaseIterable {
    case preparing = "Preparing", sent = "Sent", receiving = "Receiving", completed = "Completed"
    case canceled = "Canceled", lost = "Lost"
}

/// How a shipment relates to a base (computed, never stored).
public enum ShipmentDirection: String, Sendable, CaseIterable {
    case outgoing = "Outgoing", incoming = "Incoming", indeterminate = "Indeterminate"
}

/// A shipment of boxes from one base to another (`shipment`).
public struct Shipment: Sendable, Hashable {
    public var id: Int
    public var sourceBaseId: Base.ID
    public var targetBaseId: Base.ID
    /// `nil` for shipments between bases of one organisation.
    public var transferAgreementId: Int?
    /// `nil` when the stored text is not a known state.
    public var state: ShipmentState?
    public var startedOn: Timestamp?
    public var startedBy: Int?
    public var canceledOn: Timestamp?
    public var canceledBy: Int?
    public var sentOn: Timestamp?
    public var sentBy: Int?
    public var receivingStartedOn: Timestamp?
    public var receivingStartedBy: Int?
    public var completedOn: Timestamp?
    public var completedBy: Int?
    /// Both bases, source first.
    public var baseIds: [Base.ID] { [sourceBaseId, targetBaseId] }
    public init(
        id: Int, sourceBaseId: Base.ID, targetBaseId: Base.ID, transferAgreementId: Int?, state: ShipmentState?,
        startedOn: Timestamp?, startedBy: Int?, canceledOn: Timestamp?, canceledBy: Int?, sentOn: Timestamp?,
        sentBy: Int?, receivingStartedOn: Timestamp?, receivingStartedBy: Int?, completedOn: Timestamp?,
        completedBy: Int?
    ) {
        self.id = id
        self.sourceBaseId = sourceBaseId
        self.targetBaseId = targetBaseId
        self.transferAgreementId = transferAgreementId
        self.state = state
        self.startedOn = startedOn
        self.startedBy = startedBy
        self.canceledOn = canceledOn
        self.canceledBy = canceledBy
        self.sentOn = sentOn
        self.sentBy = sentBy
        self.receivingStartedOn = receivingStartedOn
        self.receivingStartedBy = receivingStartedBy
        self.completedOn = completedOn
        self.completedBy = completedBy
    }
}

/// One box's passage through a shipment (`shipment_detail`), with its shipment's bases.
public struct ShipmentDetail: Sendable, Hashable {
    public var id: Int
    public var shipmentId: Int
    public var boxId: Box.ID
    public var sourceProductId: Product.ID?
    public var targetProductId: Product.ID?
    public var sourceLocationId: Location.ID?
    public var targetLocationId: Location.ID?
    public var sourceSizeId: Int?
    public var targetSizeId: Int?
    public var sourceQuantity: Int?
    public var targetQuantity: Int?
    public var createdOn: Timestamp?
    public var createdBy: Int?
    public var removedOn: Timestamp?
    public var removedBy: Int?
    public var lostOn: Timestamp?
    public var lostBy: Int?
    public var receivedOn: Timestamp?
    public var receivedBy: Int?
    /// The shipment's source base (joined, so authorization needs no extra look-up).
    public var shipmentSourceBaseId: Base.ID
    /// The shipment's target base.
    public var shipmentTargetBaseId: Base.ID
    /// Both bases of the shipment, source first.
    public var shipmentBaseIds: [Base.ID] { [shipmentSourceBaseId, shipmentTargetBaseId] }
    public init(
        id: Int, shipmentId: Int, boxId: Box.ID, sourceProductId: Product.ID?, targetProductId: Product.ID?,
        sourceLocationId: Location.ID?,
        targetLocationId: Location.ID?, sourceSizeId: Int?, targetSizeId: Int?, sourceQuantity: Int?,
        targetQuantity: Int?,
        createdOn: Timestamp?, createdBy: Int?, removedOn: Timestamp?, removedBy: Int?, lostOn: Timestamp?,
        lostBy: Int?, receivedOn: Timestamp?, receivedBy: Int?, shipmentSourceBaseId: Base.ID,
        shipmentTargetBaseId: Base.ID
    ) {
        self.id = id
        self.shipmentId = shipmentId
        self.boxId = boxId
        self.sourceProductId = sourceProductId
        self.targetProductId = targetProductId
        self.sourceLocationId = sourceLocationId
        self.targetLocationId = targetLocationId
        self.sourceSizeId = sourceSizeId
        self.targetSizeId = targetSizeId
        self.sourceQuantity = sourceQuantity
        self.targetQuantity = targetQuantity
        self.createdOn = createdOn
        self.createdBy = createdBy
        self.removedOn = removedOn
        self.removedBy = removedBy
        self.lostOn = lostOn
        self.lostBy = lostBy
        self.receivedOn = receivedOn
        self.receivedBy = receivedBy
        self.shipmentSourceBaseId = shipmentSourceBaseId
        self.shipmentTargetBaseId = shipmentTargetBaseId
    }
}

extension Shipment {
    /// `S` + last three digits of the zero-padded id + `-YYMMDD-` of the start date +
    /// first two letters of each base name, upper-cased, joined by `x` (e.g. `S001-230815-THxWÜ`).
    public func labelIdentifier(sourceBaseName: String, targetBaseName: String) -> String {
        let padded = id < 0 ? String(id) : String(repeating: "0", count: max(0, 3 - String(id).count)) + String(id)
        let idPart = String(padded.suffix(3))
        // `YYYY-MM-DD` → `YYMMDD`
        let date = Array((startedOn?.datePart ?? "").unicodeScalars)
        var datePart = ""
        if date.count == 10 {
            datePart = String(String.UnicodeScalarView(date[2..<4] + date[5..<7] + date[8..<10]))
        }
        return "S\(idPart)-\(datePart)-\(Self.initials(sourceBaseName))x\(Self.initials(targetBaseName))"
    }

    /// The first two code points of the upper-cased name, as the reference slices them.
    static func initials(_ name: String) -> String {
        String(String.UnicodeScalarView(name.uppercased().unicodeScalars.prefix(2)))
    }
}
