// The facts of the statistics cubes (statviz): one value per group of the cube's grouping
// keys. Days are `YYYY-MM-DD` texts.

/// People of a base grouped by gender, age, the days they were created and deleted, and tags.
public struct BeneficiaryDemographicsFact: Sendable, Hashable {
    public var age: Int?
    public var gender: HumanGender
    public var createdOn: String?
    public var deletedOn: String?
    public var tagIds: [Tag.ID]
    public var count: Int

    public init(
        age: Int?, gender: HumanGender, createdOn: String?, deletedOn: String?, tagIds: [Tag.ID], count: Int
    ) {
        self.age = age
        self.gender = gender
        self.createdOn = createdOn
        self.deletedOn = deletedOn
        self.tagIds = tagIds
        self.count = count
    }
}

/// How often a beneficiary was reached on a day, by one kind of event.
public struct BeneficiaryReachFact: Sendable, Hashable {
    public var reachedOn: String
    public var beneficiaryId: Int
    public var reachType: BeneficiaryReachType
    public var count: Int

    public init(reachedOn: String, beneficiaryId: Int, reachType: BeneficiaryReachType, count: Int) {
        self.reachedOn = reachedOn
        self.beneficiaryId = beneficiaryId
        self.reachType = reachType
        self.count = count
    }
}

/// Boxes created in a base on a day, by product and tags, with their initial items.
public struct CreatedBoxesFact: Sendable, Hashable {
    public var createdOn: String?
    public var categoryId: Int
    public var productId: Product.ID
    public var gender: ProductGender?
    public var tagIds: [Tag.ID]
    public var boxesCount: Int
    public var itemsCount: Int?

    public init(
        createdOn: String?, categoryId: Int, productId: Product.ID, gender: ProductGender?, tagIds: [Tag.ID],
        boxesCount: Int, itemsCount: Int?
    ) {
        self.createdOn = createdOn
        self.categoryId = categoryId
        self.productId = productId
        self.gender = gender
        self.tagIds = tagIds
        self.boxesCount = boxesCount
        self.itemsCount = itemsCount
    }
}

/// Items of a product checked out on a day, ranked by items.
public struct TopProductsCheckedOutFact: Sendable, Hashable {
    public var checkedOutOn: String?
    public var productId: Product.ID
    public var categoryId: Int
    public var rank: Int
    public var itemsCount: Int?

    public init(checkedOutOn: String?, productId: Product.ID, categoryId: Int, rank: Int, itemsCount: Int?) {
        self.checkedOutOn = checkedOutOn
        self.productId = productId
        self.categoryId = categoryId
        self.rank = rank
        self.itemsCount = itemsCount
    }
}

/// Items of boxes donated (InStock to Donated), by creation day, donation day, product and
/// size, ranked by items.
public struct TopProductsDonatedFact: Sendable, Hashable {
    public var createdOn: String?
    public var donatedOn: String?
    public var sizeId: Int?
    public var productId: Product.ID
    public var categoryId: Int
    public var rank: Int
    public var itemsCount: Int?

    public init(
        createdOn: String?, donatedOn: String?, sizeId: Int?, productId: Product.ID, categoryId: Int, rank: Int,
        itemsCount: Int?
    ) {
        self.createdOn = createdOn
        self.donatedOn = donatedOn
        self.sizeId = sizeId
        self.productId = productId
        self.categoryId = categoryId
        self.rank = rank
        self.itemsCount = itemsCount
    }
}

/// Where moved boxes went.
public enum MovedBoxesTarget: Sendable, Hashable {
    /// A location of the base the boxes were donated to (or taken back from).
    case location(Location.ID)
    /// Sent in a shipment to the base of this name.
    case outgoingShipment(baseName: String)
    /// Received in a shipment from the base of this name.
    case incomingShipment(baseName: String)
    /// Deleted, lost or scrapped: `Deleted`, `Lost` or `Scrap`.
    case boxState(String)

    /// The target's id in the API: the location id, `going-to-<base>`, `sent-from-<base>` or the
    /// state's name.
    public var id: String {
        switch self {
        case .location(let id): String(id.rawValue)
        case .outgoingShipment(let name): "going-to-" + name
        case .incomingShipment(let name): "sent-from-" + name
        case .boxState(let name): name
        }
    }

    public var type: TargetType {
        switch self {
        case .location: .outgoingLocation
        case .outgoingShipment: .outgoingShipment
        case .incomingShipment: .incomingShipment
        case .boxState: .boxState
        }
    }
}

/// Boxes (and their items) moved on a day to one target; negative when moved back.
public struct MovedBoxesFact: Sendable, Hashable {
    public var movedOn: String
    public var target: MovedBoxesTarget
    public var categoryId: Int
    public var productName: String
    public var gender: ProductGender
    public var sizeId: Int?
    public var dimensionId: Int?
    public var absoluteMeasureValue: Double?
    public var organisationName: String?
    public var tagIds: [Tag.ID]
    public var itemsCount: Int
    public var boxesCount: Int

    public init(
        movedOn: String, target: MovedBoxesTarget, categoryId: Int, productName: String, gender: ProductGender,
        sizeId: Int?, dimensionId: Int?, absoluteMeasureValue: Double?, organisationName: String?,
        tagIds: [Tag.ID], itemsCount: Int, boxesCount: Int
    ) {
        self.movedOn = movedOn
        self.target = target
        self.categoryId = categoryId
        self.productName = productName
        self.gender = gender
        self.sizeId = sizeId
        self.dimensionId = dimensionId
        self.absoluteMeasureValue = absoluteMeasureValue
        self.organisationName = organisationName
        self.tagIds = tagIds
        self.itemsCount = itemsCount
        self.boxesCount = boxesCount
    }
}

/// The live boxes of a base grouped by location, state, product, size, measure and tags.
public struct StockOverviewFact: Sendable, Hashable {
    public var categoryId: Int
    public var productName: String
    public var gender: ProductGender
    public var sizeId: Int?
    public var dimensionId: Int?
    public var absoluteMeasureValue: Double?
    public var tagIds: [Tag.ID]
    public var locationId: Location.ID
    public var boxState: BoxState
    public var itemsCount: Int
    public var boxesCount: Int

    public init(
        categoryId: Int, productName: String, gender: ProductGender, sizeId: Int?, dimensionId: Int?,
        absoluteMeasureValue: Double?, tagIds: [Tag.ID], locationId: Location.ID, boxState: BoxState,
        itemsCount: Int, boxesCount: Int
    ) {
        self.categoryId = categoryId
        self.productName = productName
        self.gender = gender
        self.sizeId = sizeId
        self.dimensionId = dimensionId
        self.absoluteMeasureValue = absoluteMeasureValue
        self.tagIds = tagIds
        self.locationId = locationId
        self.boxState = boxState
        self.itemsCount = itemsCount
        self.boxesCount = boxesCount
    }
}

// MARK: - Cubes: facts with the dimensions they refer to

public struct BeneficiaryDemographicsCube: Sendable {
    public struct Dimensions: Sendable {
        public var tags: [TagDimension]
        public init(tags: [TagDimension]) { self.tags = tags }
    }
    public var facts: [BeneficiaryDemographicsFact]
    public var dimensions: Dimensions
    public init(facts: [BeneficiaryDemographicsFact], dimensions: Dimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

public struct BeneficiaryReachCube: Sendable {
    public struct Dimensions: Sendable {
        public var beneficiaries: [BeneficiaryDimension]
        public var tags: [TagDimension]
        public init(beneficiaries: [BeneficiaryDimension], tags: [TagDimension]) {
            self.beneficiaries = beneficiaries
            self.tags = tags
        }
    }
    public var facts: [BeneficiaryReachFact]
    public var dimensions: Dimensions
    public init(facts: [BeneficiaryReachFact], dimensions: Dimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

public struct CreatedBoxesCube: Sendable {
    public struct Dimensions: Sendable {
        public var products: [ProductDimension]
        public var categories: [NamedDimension]
        public var tags: [TagDimension]
        public init(products: [ProductDimension], categories: [NamedDimension], tags: [TagDimension]) {
            self.products = products
            self.categories = categories
            self.tags = tags
        }
    }
    public var facts: [CreatedBoxesFact]
    public var dimensions: Dimensions
    public init(facts: [CreatedBoxesFact], dimensions: Dimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

/// The dimensions of both top-products cubes; `sizes` is nil for checked-out products.
public struct TopProductsDimensions: Sendable {
    public var sizes: [NamedDimension]?
    public var products: [ProductDimension]
    public var categories: [NamedDimension]
    public init(sizes: [NamedDimension]?, products: [ProductDimension], categories: [NamedDimension]) {
        self.sizes = sizes
        self.products = products
        self.categories = categories
    }
}

public struct TopProductsCheckedOutCube: Sendable {
    public var facts: [TopProductsCheckedOutFact]
    public var dimensions: TopProductsDimensions
    public init(facts: [TopProductsCheckedOutFact], dimensions: TopProductsDimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

public struct TopProductsDonatedCube: Sendable {
    public var facts: [TopProductsDonatedFact]
    public var dimensions: TopProductsDimensions
    public init(facts: [TopProductsDonatedFact], dimensions: TopProductsDimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

public struct MovedBoxesCube: Sendable {
    public struct Dimensions: Sendable {
        public var categories: [NamedDimension]
        public var sizes: [NamedDimension]
        public var tags: [TagDimension]
        public var targets: [TargetDimension]
        /// Mass and Volume.
        public var measures: [NamedDimension]
        public init(
            categories: [NamedDimension], sizes: [NamedDimension], tags: [TagDimension], targets: [TargetDimension],
            measures: [NamedDimension]
        ) {
            self.categories = categories
            self.sizes = sizes
            self.tags = tags
            self.targets = targets
            self.measures = measures
        }
    }
    public var facts: [MovedBoxesFact]
    public var dimensions: Dimensions
    public init(facts: [MovedBoxesFact], dimensions: Dimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

public struct StockOverviewCube: Sendable {
    public struct Dimensions: Sendable {
        public var categories: [NamedDimension]
        public var sizes: [NamedDimension]
        public var tags: [TagDimension]
        public var locations: [NamedDimension]
        /// Mass and Volume.
        public var measures: [NamedDimension]
        public init(
            categories: [NamedDimension], sizes: [NamedDimension], tags: [TagDimension],
            locations: [NamedDimension], measures: [NamedDimension]
        ) {
            self.categories = categories
            self.sizes = sizes
            self.tags = tags
            self.locations = locations
            self.measures = measures
        }
    }
    public var facts: [StockOverviewFact]
    public var dimensions: Dimensions
    public init(facts: [StockOverviewFact], dimensions: Dimensions) {
        self.facts = facts
        self.dimensions = dimensions
    }
}

/// One cube of a share link's view (`ResolvedLink.data`).
public enum DataCube: Sendable {
    case beneficiaryDemographics(BeneficiaryDemographicsCube)
    case createdBoxes(CreatedBoxesCube)
    case movedBoxes(MovedBoxesCube)
    case stockOverview(StockOverviewCube)
}
