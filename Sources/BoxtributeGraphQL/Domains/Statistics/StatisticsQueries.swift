import BoxtributeDomain

/// The root `Query` fields of the statistics.
enum StatisticsQueries {
    struct BaseArguments: Decodable { var baseId: Base.ID }
    struct MetricsArguments: Decodable { var organisationId: IDArgument? }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            registerBeneficiaryStatistics(&query)
            registerStockStatistics(&query)
        }
    }

    private static func registerBeneficiaryStatistics(_ query: inout ObjectResolvers<RootValue>) {
        query.query("beneficiaryDemographics", BaseArguments.self) { arguments, context in
            try await BeneficiaryStatisticsService.demographics(
                ofBase: arguments.baseId, now: context.environment.now(), in: context.readScope)
        }
        query.query("beneficiaryReach", BaseArguments.self) { arguments, context in
            try await BeneficiaryStatisticsService.reach(
                ofBase: arguments.baseId, now: context.environment.now(), settings: context.statistics,
                in: context.readScope)
        }
        query.query("topProductsCheckedOut", BaseArguments.self) { arguments, context in
            try await BeneficiaryStatisticsService.topProductsCheckedOut(
                ofBase: arguments.baseId, in: context.readScope)
        }
        query.query("beneficiaryFigures", BaseArguments.self) { arguments, context in
            try await BeneficiaryStatisticsService.figures(
                ofBase: arguments.baseId, now: context.environment.now(), in: context.readScope)
        }
        query.query("metrics", MetricsArguments.self) { arguments, context in
            try BeneficiaryStatisticsService.metrics(
                organisationId: arguments.organisationId?.value, in: context.readScope)
        }
    }

    private static func registerStockStatistics(_ query: inout ObjectResolvers<RootValue>) {
        query.query("createdBoxes", BaseArguments.self) { arguments, context in
            try await StockStatisticsService.createdBoxes(ofBase: arguments.baseId, in: context.readScope)
        }
        query.query("topProductsDonated", BaseArguments.self) { arguments, context in
            try await StockStatisticsService.topProductsDonated(ofBase: arguments.baseId, in: context.readScope)
        }
        query.query("movedBoxes", BaseArguments.self) { arguments, context in
            try await StockStatisticsService.movedBoxes(
                ofBase: arguments.baseId, settings: context.statistics, in: context.readScope)
        }
        query.query("stockOverview", BaseArguments.self) { arguments, context in
            try await StockStatisticsService.stockOverview(ofBase: arguments.baseId, in: context.readScope)
        }
    }
}
