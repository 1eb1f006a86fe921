import BoxtributeDomain

/// `BeneficiaryFigures` and `Metrics`.
enum StatisticsTypes {
    /// The optional date range of a metric (`Date` inputs, `YYYY-MM-DD`).
    struct RangeArguments: Decodable {
        var after: String?
        var before: String?

        var range: TransactionDateRange { TransactionDateRange(after: after, before: before) }
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("BeneficiaryFigures", BeneficiaryFigures.self) { type in
            type.values([
                "majorFamilyHeadGender": .leaf { $0.majorFamilyHeadGender },
                "majorFamilyHeadGenderPercentage": .leaf { $0.majorFamilyHeadGenderPercentage },
                "averageFamilySize": .leaf { $0.averageFamilySize },
                "averageItemsPerVisitPerBeneficiary": .leaf { $0.averageItemsPerVisitPerBeneficiary },
                "averageTotalItemsPerBeneficiary": .leaf { $0.averageTotalItemsPerBeneficiary },
                "newRegistrationsLast30Days": .leaf { $0.newRegistrationsLast30Days },
                "percentageWithoutFreeshopVisitLast90Days": .leaf { $0.percentageWithoutFreeshopVisitLast90Days },
            ])
        }
        registry.object("Metrics", OrganisationMetrics.self) { type in
            type.batch("numberOfFamiliesServed", RangeArguments.self) { metrics, arguments, context in
                let scope = try context.readScope
                var numbers: [Int?] = []
                for organisation in metrics {
                    numbers.append(
                        try await BeneficiaryStatisticsService.familiesServed(
                            organisation, range: arguments.range, in: scope))
                }
                return numbers
            }
            type.batch("numberOfSales", RangeArguments.self) { metrics, arguments, context in
                let scope = try context.readScope
                var numbers: [Int?] = []
                for organisation in metrics {
                    numbers.append(
                        try await BeneficiaryStatisticsService.sales(organisation, range: arguments.range, in: scope))
                }
                return numbers
            }
        }
    }
}
