import BoxtributeDatabase
import BoxtributeDomain

// PLACEHOLDER: the beneficiary statistics' SQL is being written; these answer nothing.

/// SQL of the beneficiary statistics (`people`, `transactions`, `history`, `tags_relations`).
enum BeneficiaryStatisticsStore {
    static func demographics(
        ofBase baseId: Base.ID, today: String, in db: any SQLQuerying
    ) async throws -> [BeneficiaryDemographicsFact] { [] }

    static func reach(
        ofBase baseId: Base.ID, since: Timestamp, in db: any SQLQuerying
    ) async throws
        -> [BeneficiaryReachFact]
    { [] }

    static func beneficiaryDimensions(_ ids: [Int], in db: any SQLQuerying) async throws -> [BeneficiaryDimensionRow] {
        []
    }

    static func topProductsCheckedOut(
        ofBase baseId: Base.ID, in db: any SQLQuerying
    ) async throws
        -> [TopProductsCheckedOutFact]
    { [] }

    static func figureCounts(
        ofBase baseId: Base.ID, registeredSince: Timestamp, visitedAfter: Timestamp, in db: any SQLQuerying
    ) async throws -> BeneficiaryFigureCounts { BeneficiaryFigureCounts() }

    static func familiesServed(
        organisationId: Int, range: TransactionDateRange, in db: any SQLQuerying
    ) async throws
        -> Int
    { 0 }

    static func sales(organisationId: Int, range: TransactionDateRange, in db: any SQLQuerying) async throws -> Int {
        0
    }
}
