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

/// Product genders, stored as `genders.id`.
public enum ProductGender: Int, Sendable, CaseIterable {
    case women = 1, men, unisexAdult, girl, boy, unisexKid, babyGirl, babyBoy, unisexBaby, none
    case teenGirl = 12, teenBoy

    public var name: String {
        switch self {
        case .women: "Women"
        case .men: "Men"
        case .unisexAdult: "UnisexAdult"
        case .girl: "Girl"
        case .boy: "Boy"
        case .unisexKid: "UnisexKid"
        case .babyGirl: "BabyGirl"
        case .babyBoy: "BabyBoy"
        case .unisexBaby: "UnisexBaby"
        case .none: "none"
        case .teenGirl: "TeenGirl"
        case .teenBoy: "TeenBoy"
        }
    }

    public init?(name: String) {
        guard let gender = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = gender
    }
}

/// Tag types; the database stores `Stock`, `People` or `All`.
public enum TagType: String, Sendable, CaseIterable {
    case box = "Box", beneficiary = "Beneficiary", all = "All"

    public init?(databaseValue: String?) {
        switch databaseValue {
        case "Stock": self = .box
        case "People", nil: self = .beneficiary
        case "All": self = .all
        default: return nil
        }
    }

    public var databaseValue: String {
        switch self {
        case .box: "Stock"
        case .beneficiary: "People"
        case .all: "All"
        }
    }
}

/// Kinds of resources tags are applied to; stored in `tags_relations.object_type`.
public enum TaggableResourceType: String, Sendable {
    case box = "Box", beneficiary = "Beneficiary"

    public var databaseValue: String { self == .box ? "Stock" : "People" }
}

/// Whether a product instantiates a standard product.
public enum ProductType: String, Sendable {
    case custom = "Custom", standardInstantiation = "StandardInstantiation"
}
