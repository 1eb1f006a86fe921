/// What the statistics do differently in production, where the data is older and larger and
/// one organisation is the test organisation.
public struct StatisticsSettings: Sendable, Equatable {
    /// `beneficiaryReach` counts events since now minus this many weeks; nil: since
    /// 2019-01-01 00:00:00.
    public var reachWindowWeeks: Int?
    /// `movedBoxes` reads history rows from this id on (1,324,559 is the first row of 2023 in
    /// production's history table).
    public var movedBoxesFirstHistoryId: Int
    /// The public numbers leave this organisation out; nil: none.
    public var excludedOrganisationId: Int?

    public init(reachWindowWeeks: Int?, movedBoxesFirstHistoryId: Int, excludedOrganisationId: Int?) {
        self.reachWindowWeeks = reachWindowWeeks
        self.movedBoxesFirstHistoryId = movedBoxesFirstHistoryId
        self.excludedOrganisationId = excludedOrganisationId
    }

    /// Development, staging, tests.
    public static let standard = StatisticsSettings(
        reachWindowWeeks: nil, movedBoxesFirstHistoryId: 1, excludedOrganisationId: nil)
    /// Production (the reference's `statistics/crud.py` and `public_api` queries).
    public static let production = StatisticsSettings(
        reachWindowWeeks: 104, movedBoxesFirstHistoryId: 1_324_559, excludedOrganisationId: 1)
}
