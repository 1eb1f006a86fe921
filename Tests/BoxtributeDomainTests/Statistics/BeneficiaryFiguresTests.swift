import Testing

@testable import BoxtributeDomain

/// The rules that turn a base's counts into its beneficiary figures, and the age rule the
/// statistics share with `Beneficiary.age`.
@Suite("Beneficiary figures: rules")
struct BeneficiaryFiguresTests {
    @Test("the major gender is the one with most family heads; percentages and averages are plain divisions")
    func majorGenderAndAverages() {
        let figures = BeneficiaryFigures(
            counts: BeneficiaryFigureCounts(
                maleHeads: 0, femaleHeads: 2, diverseHeads: 1, beneficiaries: 5, newRegistrations: 1,
                headsWithoutRecentVisit: 2, visits: 4, visitors: 3, visitItems: 12))
        #expect(
            figures
                == BeneficiaryFigures(
                    majorFamilyHeadGender: .female, majorFamilyHeadGenderPercentage: 2.0 / 3,
                    averageFamilySize: 5.0 / 3, averageItemsPerVisitPerBeneficiary: 3,
                    averageTotalItemsPerBeneficiary: 4, newRegistrationsLast30Days: 1,
                    percentageWithoutFreeshopVisitLast90Days: 2.0 / 3))
    }

    @Test(
        "a tie goes to Male first, then Female",
        arguments: [(1, 1, 1, HumanGender.male), (0, 2, 2, .female), (1, 0, 1, .male)])
    func tiesGoToMaleFirst(male: Int, female: Int, diverse: Int, expected: HumanGender) {
        let figures = BeneficiaryFigures(
            counts: BeneficiaryFigureCounts(maleHeads: male, femaleHeads: female, diverseHeads: diverse))
        #expect(figures.majorFamilyHeadGender == expected)
        #expect(
            figures.majorFamilyHeadGenderPercentage == Double(max(male, female, diverse))
                / Double(male + female + diverse))
    }

    @Test("Diverse wins only with strictly more heads than Male and Female")
    func diverseMajority() {
        let figures = BeneficiaryFigures(counts: BeneficiaryFigureCounts(maleHeads: 1, femaleHeads: 2, diverseHeads: 3))
        #expect(figures.majorFamilyHeadGender == .diverse)
        #expect(figures.majorFamilyHeadGenderPercentage == 0.5)
    }

    @Test("without family heads: Diverse and zero everywhere, registrations included")
    func zeroHeads() {
        let figures = BeneficiaryFigures(
            counts: BeneficiaryFigureCounts(
                beneficiaries: 3, newRegistrations: 2, visits: 1, visitors: 1, visitItems: 4))
        #expect(
            figures
                == BeneficiaryFigures(
                    majorFamilyHeadGender: .diverse, majorFamilyHeadGenderPercentage: 0, averageFamilySize: 0,
                    averageItemsPerVisitPerBeneficiary: 0, averageTotalItemsPerBeneficiary: 0,
                    newRegistrationsLast30Days: 0, percentageWithoutFreeshopVisitLast90Days: 0))
    }

    @Test("without visits the item averages are 0")
    func noVisits() {
        let figures = BeneficiaryFigures(
            counts: BeneficiaryFigureCounts(maleHeads: 2, beneficiaries: 4, headsWithoutRecentVisit: 2))
        #expect(figures.averageItemsPerVisitPerBeneficiary == 0)
        #expect(figures.averageTotalItemsPerBeneficiary == 0)
        #expect(figures.averageFamilySize == 2)
        #expect(figures.percentageWithoutFreeshopVisitLast90Days == 1)
    }

    @Test("averages are not rounded to four decimals")
    func unroundedAverages() {
        let figures = BeneficiaryFigures(
            counts: BeneficiaryFigureCounts(femaleHeads: 3, beneficiaries: 10, visits: 3, visitors: 3, visitItems: 10))
        #expect(figures.averageFamilySize == 10.0 / 3)
        #expect(figures.averageItemsPerVisitPerBeneficiary != 3.3333)
    }

    @Test("full years count a birthday on the day itself, not the day before")
    func fullYears() {
        #expect(Beneficiary.fullYears(bornOn: "1985-06-01", on: "2025-06-01") == 40)
        #expect(Beneficiary.fullYears(bornOn: "1985-06-02", on: "2025-06-01") == 39)
        #expect(Beneficiary.fullYears(bornOn: "2000-02-29", on: "2001-02-28") == 0)
        #expect(Beneficiary.fullYears(bornOn: "2000-02-29", on: "2001-03-01") == 1)
        #expect(Beneficiary.fullYears(bornOn: "unknown", on: "2025-06-01") == nil)
    }
}
