/// A product of a base (`products`), custom or instantiating a standard product.
public struct Product: Sendable, Hashable {
    public var id: ID
    public var name: String
    public var categoryId: Int
    public var gender: ProductGender?
    public var sizeRangeId: Int
    public var baseId: Base.ID
    public var price: Double
    public var inShop: Bool
    public var comment: String?
    public var deletedOn: Timestamp?
    public var standardProductId: Int?
    public var audit: AuditStamps
    public var type: ProductType { standardProductId == nil ? .custom : .standardInstantiation }
    public init(
        id: ID, name: String, categoryId: Int, gender: ProductGender?, sizeRangeId: Int, baseId: Base.ID,
        price: Double, inShop: Bool, comment: String?, deletedOn: Timestamp?, standardProductId: Int?,
        audit: AuditStamps
    ) {
        self.id = id
        self.name = name
        self.categoryId = categoryId
        self.gender = gender
        self.sizeRangeId = sizeRangeId
        self.baseId = baseId
        self.price = price
        self.inShop = inShop
        self.comment = comment
        self.deletedOn = deletedOn
        self.standardProductId = standardProductId
        self.audit = audit
    }
}

/// An entry of the ASSORT standard product catalogue (`standard_product`).
public struct StandardProduct: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var categoryId: Int
    public var gender: ProductGender?
    public var sizeRangeId: Int
    public var version: Int
    public var addedOn: Timestamp?
    public var addedBy: Int?
    public var deprecatedOn: Timestamp?
    public var deprecatedBy: Int?
    public var precededByProductId: Int?
    public var supercededByProductId: Int?
    /// The base's product instantiating this one; only set inside `standardProducts(baseId:)`.
    public var instantiation: Product?
    public init(
        id: Int, name: String, categoryId: Int, gender: ProductGender?, sizeRangeId: Int, version: Int,
        addedOn: Timestamp?, addedBy: Int?, deprecatedOn: Timestamp?, deprecatedBy: Int?,
        precededByProductId: Int?, supercededByProductId: Int?, instantiation: Product? = nil
    ) {
        self.id = id
        self.name = name
        self.categoryId = categoryId
        self.gender = gender
        self.sizeRangeId = sizeRangeId
        self.version = version
        self.addedOn = addedOn
        self.addedBy = addedBy
        self.deprecatedOn = deprecatedOn
        self.deprecatedBy = deprecatedBy
        self.precededByProductId = precededByProductId
        self.supercededByProductId = supercededByProductId
        self.instantiation = instantiation
    }
}

/// `FilterProductInput`: which products of a base a list shows.
public struct ProductFilter: Sendable, Equatable {
    public enum Kind: Sendable, CaseIterable { case all, custom, standardInstantiation }
    public var includeDeleted = false
    public var kind = Kind.all
    public init(includeDeleted: Bool = false, kind: Kind = .all) {
        self.includeDeleted = includeDeleted
        self.kind = kind
    }
}

/// A standard product with the names of its category and size range (the public API's list).
public struct StandardProductListing: Sendable, Hashable {
    public var product: StandardProduct
    public var categoryName: String
    public var sizeRangeName: String
    public init(product: StandardProduct, categoryName: String, sizeRangeName: String) {
        self.product = product
        self.categoryName = categoryName
        self.sizeRangeName = sizeRangeName
    }
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

/// Whether a product instantiates a standard product.
public enum ProductType: String, Sendable {
    case custom = "Custom", standardInstantiation = "StandardInstantiation"
}
