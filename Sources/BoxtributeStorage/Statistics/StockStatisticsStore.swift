import BoxtributeDatabase
import BoxtributeDomain

// PLACEHOLDER: the stock statistics' SQL is being written; these answer nothing.

/// SQL of the stock statistics: created boxes, top products donated, stock overview.
enum StockStatisticsStore {
    static func createdBoxes(ofBase baseId: Base.ID, in db: any SQLQuerying) async throws -> [CreatedBoxesFact] { [] }

    static func topProductsDonated(
        ofBase baseId: Base.ID, in db: any SQLQuerying
    ) async throws
        -> [TopProductsDonatedFact]
    { [] }

    static func stockOverview(
        ofBase baseId: Base.ID, filter: StockTagFilter, in db: any SQLQuerying
    ) async throws -> [StockOverviewFact] { [] }
}
