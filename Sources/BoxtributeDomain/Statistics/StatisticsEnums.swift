/// What a moved box went to (`TargetDimensionInfo.type`); the case order is the order of the
/// `target` dimension.
public enum TargetType: String, Sendable, CaseIterable {
    case outgoingShipment = "OutgoingShipment"
    case incomingShipment = "IncomingShipment"
    case outgoingLocation = "OutgoingLocation"
    case boxState = "BoxState"
}

/// How a beneficiary was reached (`BeneficiaryReachResult.reachType`).
public enum BeneficiaryReachType: String, Sendable, CaseIterable {
    case createdOrEdited = "CreatedOrEdited"
    case tagApplied = "TagApplied"
    case serviceUsed = "ServiceUsed"
    case checkout = "Checkout"
}

/// What a share link shows; the raw value is the text of `shareable_link.view`.
public enum ShareableView: String, Sendable, CaseIterable {
    case statvizDashboard = "StatvizDashboard"
    case stockOverview = "StockOverview"
}
