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
    case only([Base.ID])

    /// Whether a row of `baseId` is visible.
    public func contains(_ baseId: Base.ID) -> Bool {
        switch self {
        case .all: true
        case .only(let ids): ids.contains(baseId)
        }
    }
}

/// Every permission the API checks, e.g. for development tokens and test users.
public enum PermissionCatalogue {
    public static let all = [
        "base:read", "beneficiary:create", "beneficiary:delete", "beneficiary:edit", "beneficiary:read",
        "beneficiary_language:assign", "distro_event:read", "distro_event:write", "history:read", "location:read",
        "location:write", "organisation:read", "packing_list_entry:read", "packing_list_entry:write", "product:read",
        "product:write", "product_category:read", "qr:create", "qr:read", "shareable_link:create", "shipment:create",
        "shipment:edit", "shipment:read", "shipment_detail:read", "shipment_detail:write", "size:read",
        "size_range:read", "standard_product:read", "stock:read", "stock:write", "tag:read", "tag:write",
        "tag_relation:assign", "tag_relation:read", "transaction:read", "transfer_agreement:create",
        "transfer_agreement:edit", "transfer_agreement:read", "transfer_agreement_detail:read",
        "unboxed_items_collection:write", "unit:read", "user:read",
    ]

    /// The read permissions of ``all``.
    public static var reads: [String] { all.filter { $0.hasSuffix(":read") } }
}
