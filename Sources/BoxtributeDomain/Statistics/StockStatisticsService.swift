// PLACEHOLDER: the stock statistics are being written; these bodies answer empty cubes.

/// The stock statistics of a base: created, donated, moved boxes and the stock overview.
/// Users of a partner organisation read them through an accepted transfer agreement.
public enum StockStatisticsService {
    public static func createdBoxes(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> CreatedBoxesCube {
        try await createdBoxesCube(ofBase: baseId, data: scope.data)
    }

    public static func topProductsDonated(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> TopProductsDonatedCube {
        TopProductsDonatedCube(facts: [], dimensions: .init(sizes: [], products: [], categories: []))
    }

    public static func movedBoxes(
        ofBase baseId: Base.ID, settings: StatisticsSettings, in scope: some ServiceScope
    ) async throws -> MovedBoxesCube {
        try await movedBoxesCube(ofBase: baseId, settings: settings, data: scope.data)
    }

    public static func stockOverview(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> StockOverviewCube {
        try await stockOverviewCube(ofBase: baseId, filter: StockTagFilter(), data: scope.data)
    }

    static func createdBoxesCube(ofBase baseId: Base.ID, data: any Repositories) async throws -> CreatedBoxesCube {
        CreatedBoxesCube(facts: [], dimensions: .init(products: [], categories: [], tags: []))
    }

    static func movedBoxesCube(
        ofBase baseId: Base.ID, settings: StatisticsSettings, data: any Repositories
    ) async throws -> MovedBoxesCube {
        MovedBoxesCube(facts: [], dimensions: .init(categories: [], sizes: [], tags: [], targets: [], measures: []))
    }

    static func stockOverviewCube(
        ofBase baseId: Base.ID, filter: StockTagFilter, data: any Repositories
    ) async throws -> StockOverviewCube {
        StockOverviewCube(
            facts: [], dimensions: .init(categories: [], sizes: [], tags: [], locations: [], measures: []))
    }
}
