/// The beneficiary statistics of a base: demographics, reach, top products checked out,
/// figures, and an organisation's metrics. Unlike the stock statistics, none of them is
/// readable across organisations.
public enum BeneficiaryStatisticsService {
    /// Where `beneficiaryReach` starts without a window: the reference's fixed start
    /// (`statistics/crud.py`).
    static let reachStart = Timestamp(trustedText: "2019-01-01 00:00:00")

    /// The people of a base grouped by gender, age on `now`'s date, creation and deletion day
    /// and tags. Needs `beneficiary:read` for the base and `tag_relation:read`.
    public static func demographics(
        ofBase baseId: Base.ID, now: Timestamp, in scope: some ServiceScope
    ) async throws -> BeneficiaryDemographicsCube {
        try authorizeBeneficiaryCube(ofBase: baseId, user: scope.user)
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        return try await demographicsCube(ofBase: baseId, now: now, data: scope.data)
    }

    /// The days the base's people were reached, with the people and their tags. Events count
    /// since `now` minus `settings.reachWindowWeeks` weeks, or since 2019 without a window.
    /// Needs `beneficiary:read` for the base and `tag_relation:read`.
    public static func reach(
        ofBase baseId: Base.ID, now: Timestamp, settings: StatisticsSettings, in scope: some ServiceScope
    ) async throws -> BeneficiaryReachCube {
        try authorizeBeneficiaryCube(ofBase: baseId, user: scope.user)
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        let since = settings.reachWindowWeeks.map { now.adding(days: -7 * $0) } ?? reachStart
        let statistics = scope.data.statistics
        let facts = try await statistics.beneficiaryReach(ofBase: baseId, since: since)
        let rows = try await statistics.beneficiaryDimensions(orderedUnique(facts.map(\.beneficiaryId)))
        let today = now.datePart
        let beneficiaries = rows.map { row in
            BeneficiaryDimension(
                id: row.id, age: row.dateOfBirth.flatMap { Beneficiary.fullYears(bornOn: $0, on: today) },
                tagIds: row.tagIds, gender: row.gender)
        }
        let tags = try await statistics.tagDimensions(orderedUnique(rows.flatMap(\.tagIds)))
        return BeneficiaryReachCube(facts: facts, dimensions: .init(beneficiaries: beneficiaries, tags: tags))
    }

    /// Items of the base's products checked out per day, ranked. Needs `transaction:read`,
    /// `product:read` for the base and `product_category:read`, in that order.
    public static func topProductsCheckedOut(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> TopProductsCheckedOutCube {
        try scope.user.authorize("transaction:read")
        try scope.user.authorize("product:read", baseId: baseId)
        try scope.user.authorize("product_category:read")
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        let statistics = scope.data.statistics
        let facts = try await statistics.topProductsCheckedOut(ofBase: baseId)
        let products = try await statistics.productDimensions(orderedUnique(facts.map(\.productId)))
        let categories = try await statistics.productCategories()
        return TopProductsCheckedOutCube(
            facts: facts, dimensions: .init(sizes: nil, products: products, categories: categories))
    }

    /// Key figures of the base's beneficiaries as of `now`: registrations of the last 30
    /// days, family heads without a visit in the last 90. Needs `base:read` and
    /// `beneficiary:read` for the base; an unknown base (god only) has no people, so it gives
    /// the figures of zero counts, as the reference does.
    public static func figures(
        ofBase baseId: Base.ID, now: Timestamp, in scope: some ServiceScope
    ) async throws -> BeneficiaryFigures {
        try scope.user.authorize("base:read", baseId: baseId)
        try scope.user.authorize("beneficiary:read", baseId: baseId)
        let counts = try await scope.data.statistics.beneficiaryFigureCounts(
            ofBase: baseId, registeredSince: now.adding(days: -30), visitedAfter: now.adding(days: -90))
        return BeneficiaryFigures(counts: counts)
    }

    /// The metrics of `organisationId`, or of the user's own organisation without one. A user
    /// reads only their own organisation's; a god user any, and without an argument none
    /// (every number 0).
    ///
    /// The ids are compared as numbers: the reference compared the argument's text with the
    /// number (`metrics/queries.py`), which refused a user passing their own id.
    public static func metrics(
        organisationId: Int?, in scope: some ServiceScope
    ) throws(Forbidden) -> OrganisationMetrics {
        let organisationId = organisationId ?? scope.user.organisationId
        if let organisationId { try scope.user.authorize(organisationId: organisationId) }
        return OrganisationMetrics(organisationId: organisationId)
    }

    /// People of the organisation's bases with a checkout of items in `range`; 0 without an
    /// organisation. The permission was checked by ``metrics(organisationId:in:)``.
    public static func familiesServed(
        _ metrics: OrganisationMetrics, range: TransactionDateRange, in scope: some ServiceScope
    ) async throws -> Int {
        guard let organisationId = metrics.organisationId else { return 0 }
        return try await scope.data.statistics.familiesServed(organisationId: organisationId, range: range)
    }

    /// Items sold to the organisation's people in `range`; 0 without an organisation. The
    /// permission was checked by ``metrics(organisationId:in:)``.
    public static func sales(
        _ metrics: OrganisationMetrics, range: TransactionDateRange, in scope: some ServiceScope
    ) async throws -> Int {
        guard let organisationId = metrics.organisationId else { return 0 }
        return try await scope.data.statistics.sales(organisationId: organisationId, range: range)
    }

    /// The demographics cube without authorization (share links).
    static func demographicsCube(
        ofBase baseId: Base.ID, now: Timestamp, data: any Repositories
    ) async throws -> BeneficiaryDemographicsCube {
        let facts = try await data.statistics.beneficiaryDemographics(ofBase: baseId, today: now.datePart)
        let tags = try await data.statistics.tagDimensions(orderedUnique(facts.flatMap(\.tagIds)))
        return BeneficiaryDemographicsCube(facts: facts, dimensions: .init(tags: tags))
    }

    /// The permissions of the demographics and reach cubes (`statistics/queries.py`), in the
    /// reference's order; never across organisations.
    private static func authorizeBeneficiaryCube(ofBase baseId: Base.ID, user: CurrentUser) throws(Forbidden) {
        try user.authorize("beneficiary:read", baseId: baseId)
        try user.authorize("tag_relation:read")
    }
}

extension BeneficiaryFigures {
    /// The figures of `counts`. The major family-head gender is the first with the most heads
    /// in the order Male, Female, Diverse, so ties go to Male. Without family heads: Diverse
    /// and 0 everywhere (`metrics/crud.py`). Averages are divided as `Double`, not rounded to
    /// MySQL's four decimals as the reference's were.
    public init(counts: BeneficiaryFigureCounts) {
        let heads = counts.maleHeads + counts.femaleHeads + counts.diverseHeads
        guard heads > 0 else {
            self.init(
                majorFamilyHeadGender: .diverse, majorFamilyHeadGenderPercentage: 0, averageFamilySize: 0,
                averageItemsPerVisitPerBeneficiary: 0, averageTotalItemsPerBeneficiary: 0,
                newRegistrationsLast30Days: 0, percentageWithoutFreeshopVisitLast90Days: 0)
            return
        }
        var major = (gender: HumanGender.male, count: counts.maleHeads)
        if counts.femaleHeads > major.count { major = (.female, counts.femaleHeads) }
        if counts.diverseHeads > major.count { major = (.diverse, counts.diverseHeads) }
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator == 0 ? 0 : Double(numerator) / Double(denominator)
        }
        self.init(
            majorFamilyHeadGender: major.gender, majorFamilyHeadGenderPercentage: ratio(major.count, heads),
            averageFamilySize: ratio(counts.beneficiaries, heads),
            averageItemsPerVisitPerBeneficiary: ratio(counts.visitItems, counts.visits),
            averageTotalItemsPerBeneficiary: ratio(counts.visitItems, counts.visitors),
            newRegistrationsLast30Days: counts.newRegistrations,
            percentageWithoutFreeshopVisitLast90Days: ratio(counts.headsWithoutRecentVisit, heads))
    }
}
