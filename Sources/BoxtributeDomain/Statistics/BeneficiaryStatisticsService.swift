// PLACEHOLDER: the beneficiary statistics are being written; these bodies answer empty cubes.

/// The beneficiary statistics of a base: demographics, reach, top products checked out,
/// figures, and an organisation's metrics.
public enum BeneficiaryStatisticsService {
    public static func demographics(
        ofBase baseId: Base.ID, now: Timestamp, in scope: some ServiceScope
    ) async throws -> BeneficiaryDemographicsCube {
        try await demographicsCube(ofBase: baseId, now: now, data: scope.data)
    }

    public static func reach(
        ofBase baseId: Base.ID, now: Timestamp, settings: StatisticsSettings, in scope: some ServiceScope
    ) async throws -> BeneficiaryReachCube {
        BeneficiaryReachCube(facts: [], dimensions: .init(beneficiaries: [], tags: []))
    }

    public static func topProductsCheckedOut(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> TopProductsCheckedOutCube {
        TopProductsCheckedOutCube(facts: [], dimensions: .init(sizes: nil, products: [], categories: []))
    }

    public static func figures(
        ofBase baseId: Base.ID, now: Timestamp, in scope: some ServiceScope
    ) async throws -> BeneficiaryFigures {
        BeneficiaryFigures(counts: BeneficiaryFigureCounts())
    }

    public static func metrics(
        organisationId: Int?, in scope: some ServiceScope
    ) throws(Forbidden) -> OrganisationMetrics {
        OrganisationMetrics(organisationId: organisationId ?? scope.user.organisationId)
    }

    public static func familiesServed(
        _ metrics: OrganisationMetrics, range: TransactionDateRange, in scope: some ServiceScope
    ) async throws -> Int { 0 }

    public static func sales(
        _ metrics: OrganisationMetrics, range: TransactionDateRange, in scope: some ServiceScope
    ) async throws -> Int { 0 }

    /// The demographics cube without authorization (share links).
    static func demographicsCube(
        ofBase baseId: Base.ID, now: Timestamp, data: any Repositories
    ) async throws -> BeneficiaryDemographicsCube {
        BeneficiaryDemographicsCube(facts: [], dimensions: .init(tags: []))
    }
}

extension BeneficiaryFigures {
    /// The figures of `counts`.
    public init(counts: BeneficiaryFigureCounts) {
        self.init(
            majorFamilyHeadGender: .diverse, majorFamilyHeadGenderPercentage: 0, averageFamilySize: 0,
            averageItemsPerVisitPerBeneficiary: 0, averageTotalItemsPerBeneficiary: 0, newRegistrationsLast30Days: 0,
            percentageWithoutFreeshopVisitLast90Days: 0)
    }
}
