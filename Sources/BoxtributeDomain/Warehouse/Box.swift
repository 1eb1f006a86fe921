/// A box of donated goods (`stock`).
public struct Box: Sendable, Hashable {
    public var id: ID
    public var labelIdentifier: String
    public var productId: Product.ID
    public var sizeId: Int?
    public var numberOfItems: Int?
    public var locationId: Location.ID
    public var state: BoxState
    public var qrId: Int?
    public var comment: String?
    public var displayUnitId: Int?
    /// In the dimension's base unit (kg or l).
    public var measureValue: Double?
    public var weight: Double?
    public var weightDisplayUnitId: Int?
    public var monetaryValue: Double?
    public var distributionEventId: Int?
    public var sourceBoxId: Box.ID?
    public var deletedOn: Timestamp?
    public var audit: AuditStamps
    public init(
        id: ID, labelIdentifier: String, productId: Product.ID, sizeId: Int?, numberOfItems: Int?,
        locationId: Location.ID,
        state: BoxState, qrId: Int?, comment: String?, displayUnitId: Int?, measureValue: Double?,
        weight: Double?, weightDisplayUnitId: Int?, monetaryValue: Double?, distributionEventId: Int?,
        sourceBoxId: Box.ID?, deletedOn: Timestamp?, audit: AuditStamps
    ) {
        self.id = id
        self.labelIdentifier = labelIdentifier
        self.productId = productId
        self.sizeId = sizeId
        self.numberOfItems = numberOfItems
        self.locationId = locationId
        self.state = state
        self.qrId = qrId
        self.comment = comment
        self.displayUnitId = displayUnitId
        self.measureValue = measureValue
        self.weight = weight
        self.weightDisplayUnitId = weightDisplayUnitId
        self.monetaryValue = monetaryValue
        self.distributionEventId = distributionEventId
        self.sourceBoxId = sourceBoxId
        self.deletedOn = deletedOn
        self.audit = audit
    }
}

/// Box states, stored as `box_state.id`.
public enum BoxState: Int, Sendable, CaseIterable {
    case inStock = 1, lost, markedForShipment, receiving, donated, scrap, inTransit, notDelivered

    /// The GraphQL enum value name.
    public var name: String {
        switch self {
        case .inStock: "InStock"
        case .lost: "Lost"
        case .markedForShipment: "MarkedForShipment"
        case .receiving: "Receiving"
        case .donated: "Donated"
        case .scrap: "Scrap"
        case .inTransit: "InTransit"
        case .notDelivered: "NotDelivered"
        }
    }

    public init?(name: String) {
        guard let state = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = state
    }

    /// States whose boxes travel in a shipment (access is checked against the shipment's bases).
    public var isInShipment: Bool { self == .inTransit || self == .receiving || self == .notDelivered }
}
