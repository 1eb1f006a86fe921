import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// A read scope of `user` over a fresh statistics fixture database.
func statisticsScope(as user: CurrentUser = Fixtures.god) async throws -> ReadScope {
    let session = SQLDataSource(database: try await Fixtures.Statistics.makeDatabase()).openSession()
    return ReadScope(user: user, session: session)
}

/// A tag id (`Tag` alone also names Swift Testing's tags).
typealias TagID = BoxtributeDomain.Tag.ID

/// The expected product categories of every cube: all 18 of the reference data, ascending id.
let allCategoryIds = Array(1...15) + [18, 19, 20]

/// The Mass and Volume dimensions.
let measureDimensions = [NamedDimension(id: 28, name: "Mass"), NamedDimension(id: 29, name: "Volume")]

/// Tags of the standard fixtures, as dimensions.
enum TagDimensions {
    static let winter = TagDimension(id: 1, name: "Winter", color: "#aabbcc")
    static let urgent = TagDimension(id: 3, name: "Urgent", color: "#ff0000")
    static let old = TagDimension(id: 4, name: "Old", color: "#000000")
}

/// The four stock cubes, to run the same authorization cases on each.
enum StockCube: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case createdBoxes, topProductsDonated, movedBoxes, stockOverview

    var testDescription: String { rawValue }

    /// Runs the cube's service for `baseId`; answers its number of facts.
    func factCount(ofBase baseId: Base.ID, in scope: ReadScope) async throws -> Int {
        switch self {
        case .createdBoxes: try await StockStatisticsService.createdBoxes(ofBase: baseId, in: scope).facts.count
        case .topProductsDonated:
            try await StockStatisticsService.topProductsDonated(ofBase: baseId, in: scope).facts.count
        case .movedBoxes:
            try await StockStatisticsService.movedBoxes(ofBase: baseId, settings: .standard, in: scope).facts.count
        case .stockOverview: try await StockStatisticsService.stockOverview(ofBase: baseId, in: scope).facts.count
        }
    }
}
