/// Reads of the statistics: each cube's facts, grouped by the database, and the dimension
/// look-ups. Dimension look-ups answer in ascending id order and run no statement for an
/// empty list.
public protocol StatisticsRepository: Sendable {
    // Beneficiaries
    /// `today` is `YYYY-MM-DD`: ages are full years on that day.
    func beneficiaryDemographics(ofBase baseId: Base.ID, today: String) async throws -> [BeneficiaryDemographicsFact]
    func beneficiaryReach(ofBase baseId: Base.ID, since: Timestamp) async throws -> [BeneficiaryReachFact]
    func beneficiaryDimensions(_ ids: [Int]) async throws -> [BeneficiaryDimensionRow]
    func topProductsCheckedOut(ofBase baseId: Base.ID) async throws -> [TopProductsCheckedOutFact]
    func beneficiaryFigureCounts(
        ofBase baseId: Base.ID, registeredSince: Timestamp, visitedAfter: Timestamp
    ) async throws -> BeneficiaryFigureCounts
    func familiesServed(organisationId: Int, range: TransactionDateRange) async throws -> Int
    func sales(organisationId: Int, range: TransactionDateRange) async throws -> Int

    // Stock
    func createdBoxes(ofBase baseId: Base.ID) async throws -> [CreatedBoxesFact]
    func topProductsDonated(ofBase baseId: Base.ID) async throws -> [TopProductsDonatedFact]
    func movedBoxes(ofBase baseId: Base.ID, firstHistoryId: Int) async throws -> [MovedBoxesFact]
    func stockOverview(ofBase baseId: Base.ID, filter: StockTagFilter) async throws -> [StockOverviewFact]

    // Dimensions
    /// Every product category.
    func productCategories() async throws -> [NamedDimension]
    func productDimensions(_ ids: [Product.ID]) async throws -> [ProductDimension]
    func sizeDimensions(_ ids: [Int]) async throws -> [NamedDimension]
    /// Deleted tags included.
    func tagDimensions(_ ids: [Tag.ID]) async throws -> [TagDimension]
    func locationDimensions(_ ids: [Location.ID]) async throws -> [LocationDimension]
    /// The measure dimensions: Mass and Volume.
    func measureDimensions() async throws -> [NamedDimension]

    // Share links and public numbers
    /// The link of `code` (compared in lower case), with its base's and organisation's names.
    func shareableLink(code: String) async throws -> ResolvedShareableLink?
    func createdBoxCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int
    func registeredBeneficiaryCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int
    func reachedBeneficiaryCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int
}

/// Writing share links.
public protocol ShareableLinkWriteRepository: Sendable {
    /// Inserts the link; returns its id.
    func insertShareableLink(_ link: NewShareableLink) async throws -> Int
}

/// A share link to insert.
public struct NewShareableLink: Sendable, Hashable {
    public var code: String
    public var baseId: Base.ID
    public var view: ShareableView
    public var validUntil: Timestamp
    public var urlParameters: String?
    public var createdOn: Timestamp
    public var createdBy: Int

    public init(
        code: String, baseId: Base.ID, view: ShareableView, validUntil: Timestamp, urlParameters: String?,
        createdOn: Timestamp, createdBy: Int
    ) {
        self.code = code
        self.baseId = baseId
        self.view = view
        self.validUntil = validUntil
        self.urlParameters = urlParameters
        self.createdOn = createdOn
        self.createdBy = createdBy
    }
}
