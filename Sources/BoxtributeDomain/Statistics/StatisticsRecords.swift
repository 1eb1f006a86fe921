/// The counts behind a base's ``BeneficiaryFigures``, as the database gives them.
public struct BeneficiaryFigureCounts: Sendable, Hashable {
    /// Family heads (people without a family head) by gender.
    public var maleHeads: Int, femaleHeads: Int, diverseHeads: Int
    /// Every person of the base.
    public var beneficiaries: Int
    /// People created since the registration window's start.
    public var newRegistrations: Int
    /// Family heads without a checkout since the visit window's start.
    public var headsWithoutRecentVisit: Int
    /// Visits (a person's checkouts at one time), the people who visited, and their items.
    public var visits: Int, visitors: Int, visitItems: Int

    public init(
        maleHeads: Int = 0, femaleHeads: Int = 0, diverseHeads: Int = 0, beneficiaries: Int = 0,
        newRegistrations: Int = 0, headsWithoutRecentVisit: Int = 0, visits: Int = 0, visitors: Int = 0,
        visitItems: Int = 0
    ) {
        self.maleHeads = maleHeads
        self.femaleHeads = femaleHeads
        self.diverseHeads = diverseHeads
        self.beneficiaries = beneficiaries
        self.newRegistrations = newRegistrations
        self.headsWithoutRecentVisit = headsWithoutRecentVisit
        self.visits = visits
        self.visitors = visitors
        self.visitItems = visitItems
    }
}

/// Key figures of a base's beneficiaries (`BeneficiaryFigures`).
public struct BeneficiaryFigures: Sendable, Hashable {
    public var majorFamilyHeadGender: HumanGender
    public var majorFamilyHeadGenderPercentage: Double
    public var averageFamilySize: Double
    public var averageItemsPerVisitPerBeneficiary: Double
    public var averageTotalItemsPerBeneficiary: Double
    public var newRegistrationsLast30Days: Int
    public var percentageWithoutFreeshopVisitLast90Days: Double

    public init(
        majorFamilyHeadGender: HumanGender, majorFamilyHeadGenderPercentage: Double, averageFamilySize: Double,
        averageItemsPerVisitPerBeneficiary: Double, averageTotalItemsPerBeneficiary: Double,
        newRegistrationsLast30Days: Int, percentageWithoutFreeshopVisitLast90Days: Double
    ) {
        self.majorFamilyHeadGender = majorFamilyHeadGender
        self.majorFamilyHeadGenderPercentage = majorFamilyHeadGenderPercentage
        self.averageFamilySize = averageFamilySize
        self.averageItemsPerVisitPerBeneficiary = averageItemsPerVisitPerBeneficiary
        self.averageTotalItemsPerBeneficiary = averageTotalItemsPerBeneficiary
        self.newRegistrationsLast30Days = newRegistrationsLast30Days
        self.percentageWithoutFreeshopVisitLast90Days = percentageWithoutFreeshopVisitLast90Days
    }
}

/// An organisation's metrics (`Metrics`); `organisationId` nil: a god user without an
/// organisation, whose numbers are all 0.
public struct OrganisationMetrics: Sendable, Hashable {
    public var organisationId: Int?
    public init(organisationId: Int?) { self.organisationId = organisationId }
}

/// The dates a metric is restricted to, `YYYY-MM-DD` each; nil: open on that side.
public struct TransactionDateRange: Sendable, Hashable {
    public var after: String?
    public var before: String?
    public init(after: String? = nil, before: String? = nil) {
        self.after = after
        self.before = before
    }
}

/// Tags a stock overview is restricted to: boxes with one of `include`, boxes without any of
/// `exclude`. An empty list is no restriction.
public struct StockTagFilter: Sendable, Hashable {
    public var include: [Tag.ID]
    public var exclude: [Tag.ID]
    public init(include: [Tag.ID] = [], exclude: [Tag.ID] = []) {
        self.include = include
        self.exclude = exclude
    }
}

/// The arguments of a public number: a time span given by two of start, end and a duration
/// in days (or one of them, with now).
public struct TimeSpanRequest: Sendable, Hashable {
    public var start: Timestamp?
    public var end: Timestamp?
    public var durationDays: Int?
    public init(start: Timestamp? = nil, end: Timestamp? = nil, durationDays: Int? = nil) {
        self.start = start
        self.end = end
        self.durationDays = durationDays
    }
}
