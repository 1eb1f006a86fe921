/// Resources whose permissions are not tied to a base (`size:read`, `user:read`, ...).
public enum Resource {
    public static let baseAgnostic: Set<String> = [
        "box_state", "beneficiary_language", "gender", "history", "language", "organisation",
        "product_category", "qr", "shipment_detail", "size", "size_range", "standard_product",
        "tag_relation", "transaction", "unit", "user",
    ]
}

/// Which bases a list query may show.
public enum BaseScope: Sendable, Equatable {
    /// No restriction (god users).
    case all
    /// Only these bases (possibly none).
    case only([Int])

    /// Whether a row of `baseId` is visible.
    public func contains(_ baseId: Int) -> Bool {
        switch self {
        case .all: true
        case .only(let ids): ids.contains(baseId)
        }
    }
}
