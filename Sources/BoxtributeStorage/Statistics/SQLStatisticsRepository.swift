import BoxtributeDatabase
import BoxtributeDomain

/// ``StatisticsRepository`` in SQL: each cube grouped by the database.
struct SQLStatisticsRepository: StatisticsRepository {
    let db: any SQLQuerying

    func beneficiaryDemographics(ofBase baseId: Base.ID, today: String) async throws -> [BeneficiaryDemographicsFact] {
        try await BeneficiaryStatisticsStore.demographics(ofBase: baseId, today: today, in: db)
    }

    func beneficiaryReach(ofBase baseId: Base.ID, since: Timestamp) async throws -> [BeneficiaryReachFact] {
        try await BeneficiaryStatisticsStore.reach(ofBase: baseId, since: since, in: db)
    }

    func beneficiaryDimensions(_ ids: [Int]) async throws -> [BeneficiaryDimensionRow] {
        try await BeneficiaryStatisticsStore.beneficiaryDimensions(ids, in: db)
    }

    func topProductsCheckedOut(ofBase baseId: Base.ID) async throws -> [TopProductsCheckedOutFact] {
        try await BeneficiaryStatisticsStore.topProductsCheckedOut(ofBase: baseId, in: db)
    }

    func beneficiaryFigureCounts(
        ofBase baseId: Base.ID, registeredSince: Timestamp, visitedAfter: Timestamp
    ) async throws -> BeneficiaryFigureCounts {
        try await BeneficiaryStatisticsStore.figureCounts(
            ofBase: baseId, registeredSince: registeredSince, visitedAfter: visitedAfter, in: db)
    }

    func familiesServed(organisationId: Int, range: TransactionDateRange) async throws -> Int {
        try await BeneficiaryStatisticsStore.familiesServed(organisationId: organisationId, range: range, in: db)
    }

    func sales(organisationId: Int, range: TransactionDateRange) async throws -> Int {
        try await BeneficiaryStatisticsStore.sales(organisationId: organisationId, range: range, in: db)
    }

    func createdBoxes(ofBase baseId: Base.ID) async throws -> [CreatedBoxesFact] {
        try await StockStatisticsStore.createdBoxes(ofBase: baseId, in: db)
    }

    func topProductsDonated(ofBase baseId: Base.ID) async throws -> [TopProductsDonatedFact] {
        try await StockStatisticsStore.topProductsDonated(ofBase: baseId, in: db)
    }

    func movedBoxes(ofBase baseId: Base.ID, firstHistoryId: Int) async throws -> [MovedBoxesFact] {
        try await MovedBoxesStore.movedBoxes(ofBase: baseId, firstHistoryId: firstHistoryId, in: db)
    }

    func stockOverview(ofBase baseId: Base.ID, filter: StockTagFilter) async throws -> [StockOverviewFact] {
        try await StockStatisticsStore.stockOverview(ofBase: baseId, filter: filter, in: db)
    }

    func productCategories() async throws -> [NamedDimension] {
        try await StatisticsDimensionStore.productCategories(in: db)
    }

    func productDimensions(_ ids: [Product.ID]) async throws -> [ProductDimension] {
        try await StatisticsDimensionStore.products(ids, in: db)
    }

    func sizeDimensions(_ ids: [Int]) async throws -> [NamedDimension] {
        try await StatisticsDimensionStore.sizes(ids, in: db)
    }

    func tagDimensions(_ ids: [Tag.ID]) async throws -> [TagDimension] {
        try await StatisticsDimensionStore.tags(ids, in: db)
    }

    func locationDimensions(_ ids: [Location.ID]) async throws -> [LocationDimension] {
        try await StatisticsDimensionStore.locations(ids, in: db)
    }

    func measureDimensions() async throws -> [NamedDimension] {
        try await StatisticsDimensionStore.measures(in: db)
    }

    func shareableLink(code: String) async throws -> ResolvedShareableLink? {
        try await ShareableLinkStore.link(code: code, in: db)
    }

    func createdBoxCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int {
        try await PublicNumbersStore.createdBoxes(
            from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    func registeredBeneficiaryCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int {
        try await PublicNumbersStore.registeredBeneficiaries(
            from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    func reachedBeneficiaryCount(from: Timestamp, to: Timestamp, excludingOrganisation: Int?) async throws -> Int {
        try await PublicNumbersStore.reachedBeneficiaries(
            from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }
}

/// ``ShareableLinkWriteRepository`` on a transaction's connection.
struct SQLShareableLinkWriteRepository: ShareableLinkWriteRepository {
    let context: SQLWriteContext

    func insertShareableLink(_ link: NewShareableLink) async throws -> Int {
        try await ShareableLinkStore.insert(link, in: context)
    }
}
