import BoxtributeDomain

/// The data-cube types of the statistics: each cube, its facts and its dimensions.
enum DataCubeTypes {
    static func register(in registry: inout ResolverRegistry) {
        registerBeneficiaryCubes(in: &registry)
        registerStockCubes(in: &registry)
        registerMovedBoxes(in: &registry)
        registerDimensions(in: &registry)
    }

    private static func registerBeneficiaryCubes(in registry: inout ResolverRegistry) {
        registry.object("BeneficiaryDemographicsData", BeneficiaryDemographicsCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("BeneficiaryDemographicsDimensions", BeneficiaryDemographicsCube.Dimensions.self) {
            $0.objectList("tag") { $0.tags }
        }
        registry.object("BeneficiaryDemographicsResult", BeneficiaryDemographicsFact.self) { type in
            type.values([
                "age": .leaf { $0.age }, "gender": .leaf { $0.gender }, "createdOn": .leaf { $0.createdOn },
                "deletedOn": .leaf { $0.deletedOn }, "count": .leaf { $0.count },
            ])
            type.field("tagIds") { $0.tagIds.rawValues() }
        }

        registry.object("BeneficiaryReachData", BeneficiaryReachCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("BeneficiaryReachDimensions", BeneficiaryReachCube.Dimensions.self) { type in
            type.objectList("beneficiary") { $0.beneficiaries }
            type.objectList("tag") { $0.tags }
        }
        registry.object("BeneficiaryReachResult", BeneficiaryReachFact.self) { type in
            type.values([
                "reachedOn": .leaf { $0.reachedOn }, "beneficiaryId": .leaf { $0.beneficiaryId },
                "reachType": .leaf { $0.reachType }, "count": .leaf { $0.count },
            ])
        }
        registry.object("BeneficiaryDimensionInfo", BeneficiaryDimension.self) { type in
            type.values(["id": .leaf { $0.id }, "age": .leaf { $0.age }, "gender": .leaf { $0.gender }])
            type.field("tagIds") { $0.tagIds.rawValues() }
        }

        registry.object("TopProductsCheckedOutData", TopProductsCheckedOutCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("TopProductsCheckedOutResult", TopProductsCheckedOutFact.self) { type in
            type.values([
                "checkedOutOn": .leaf { $0.checkedOutOn }, "productId": .leaf { $0.productId },
                "categoryId": .leaf { $0.categoryId }, "rank": .leaf { $0.rank }, "itemsCount": .leaf { $0.itemsCount },
            ])
        }
    }

    private static func registerStockCubes(in registry: inout ResolverRegistry) {
        registry.object("CreatedBoxesData", CreatedBoxesCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("CreatedBoxDataDimensions", CreatedBoxesCube.Dimensions.self) { type in
            type.objectList("product") { $0.products }
            type.objectList("category") { $0.categories }
            type.objectList("tag") { $0.tags }
        }
        registry.object("CreatedBoxesResult", CreatedBoxesFact.self) { type in
            type.values([
                // A day-truncated naive datetime, as the reference truncates `created_on` to the
                // day (statistics/crud.py); the other cubes' days are plain dates.
                "createdOn": .leaf { $0.createdOn.map { $0 + "T00:00:00" } },
                "categoryId": .leaf { $0.categoryId }, "productId": .leaf { $0.productId },
                "gender": .leaf { $0.gender }, "boxesCount": .leaf { $0.boxesCount },
                "itemsCount": .leaf { $0.itemsCount },
            ])
            type.field("tagIds") { $0.tagIds.rawValues() }
        }

        registry.object("TopProductsDonatedData", TopProductsDonatedCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("TopProductsDonatedResult", TopProductsDonatedFact.self) { type in
            type.values([
                "createdOn": .leaf { $0.createdOn }, "donatedOn": .leaf { $0.donatedOn }, "sizeId": .leaf { $0.sizeId },
                "productId": .leaf { $0.productId }, "categoryId": .leaf { $0.categoryId }, "rank": .leaf { $0.rank },
                "itemsCount": .leaf { $0.itemsCount },
            ])
        }
        registry.object("TopProductsDimensions", TopProductsDimensions.self) { type in
            type.objectList("size") { $0.sizes }
            type.objectList("product") { $0.products }
            type.objectList("category") { $0.categories }
        }

        registry.object("StockOverviewData", StockOverviewCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("StockOverviewDataDimensions", StockOverviewCube.Dimensions.self) { type in
            type.objectList("category") { $0.categories }
            type.objectList("size") { $0.sizes }
            type.objectList("tag") { $0.tags }
            type.objectList("location") { $0.locations }
            type.objectList("dimension") { $0.measures }
        }
        registry.object("StockOverviewResult", StockOverviewFact.self) { type in
            type.values([
                "categoryId": .leaf { $0.categoryId }, "productName": .leaf { $0.productName },
                "gender": .leaf { $0.gender }, "sizeId": .leaf { $0.sizeId }, "dimensionId": .leaf { $0.dimensionId },
                "absoluteMeasureValue": .leaf { $0.absoluteMeasureValue }, "locationId": .leaf { $0.locationId },
                "boxState": .leaf { $0.boxState }, "itemsCount": .leaf { $0.itemsCount },
                "boxesCount": .leaf { $0.boxesCount },
            ])
            type.field("tagIds") { $0.tagIds.rawValues() }
        }
    }

    private static func registerMovedBoxes(in registry: inout ResolverRegistry) {
        registry.object("MovedBoxesData", MovedBoxesCube.self) { type in
            type.objectList("facts") { $0.facts }
            type.field("dimensions") { $0.dimensions }
        }
        registry.object("MovedBoxDataDimensions", MovedBoxesCube.Dimensions.self) { type in
            type.objectList("category") { $0.categories }
            type.objectList("size") { $0.sizes }
            type.objectList("tag") { $0.tags }
            type.objectList("target") { $0.targets }
            type.objectList("dimension") { $0.measures }
        }
        registry.object("MovedBoxesResult", MovedBoxesFact.self) { type in
            type.values([
                "movedOn": .leaf { $0.movedOn }, "targetId": .leaf { $0.target.id },
                "categoryId": .leaf { $0.categoryId }, "productName": .leaf { $0.productName },
                "gender": .leaf { $0.gender }, "sizeId": .leaf { $0.sizeId }, "dimensionId": .leaf { $0.dimensionId },
                "absoluteMeasureValue": .leaf { $0.absoluteMeasureValue },
                "organisationName": .leaf { $0.organisationName }, "itemsCount": .leaf { $0.itemsCount },
                "boxesCount": .leaf { $0.boxesCount },
            ])
            type.field("tagIds") { $0.tagIds.rawValues() }
        }
    }

    private static func registerDimensions(in registry: inout ResolverRegistry) {
        registry.object("DimensionInfo", NamedDimension.self) {
            $0.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }])
        }
        registry.object("TagDimensionInfo", TagDimension.self) {
            $0.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "color": .leaf { $0.color }])
        }
        registry.object("ProductDimensionInfo", ProductDimension.self) {
            $0.values(["id": .leaf { $0.id }, "name": .leaf { $0.name }, "gender": .leaf { $0.gender }])
        }
        registry.object("TargetDimensionInfo", TargetDimension.self) {
            $0.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "type": .leaf { $0.type },
                "deletedOn": .leaf { $0.deletedOn },
            ])
        }
    }
}

extension DataCube {
    /// The cube's value, typed by the cube's object type.
    var value: any Sendable {
        switch self {
        case .beneficiaryDemographics(let cube): cube
        case .createdBoxes(let cube): cube
        case .movedBoxes(let cube): cube
        case .stockOverview(let cube): cube
        }
    }
}

// The interface `DataCube` and the unions of facts and dimensions pick their member by the
// value's type.
extension BeneficiaryDemographicsCube: GraphQLObjectValue {
    public var graphQLTypeName: String { "BeneficiaryDemographicsData" }
}
extension BeneficiaryReachCube: GraphQLObjectValue { public var graphQLTypeName: String { "BeneficiaryReachData" } }
extension CreatedBoxesCube: GraphQLObjectValue { public var graphQLTypeName: String { "CreatedBoxesData" } }
extension TopProductsCheckedOutCube: GraphQLObjectValue {
    public var graphQLTypeName: String { "TopProductsCheckedOutData" }
}
extension TopProductsDonatedCube: GraphQLObjectValue { public var graphQLTypeName: String { "TopProductsDonatedData" } }
extension MovedBoxesCube: GraphQLObjectValue { public var graphQLTypeName: String { "MovedBoxesData" } }
extension StockOverviewCube: GraphQLObjectValue { public var graphQLTypeName: String { "StockOverviewData" } }
extension NamedDimension: GraphQLObjectValue { public var graphQLTypeName: String { "DimensionInfo" } }
extension TagDimension: GraphQLObjectValue { public var graphQLTypeName: String { "TagDimensionInfo" } }
extension ProductDimension: GraphQLObjectValue { public var graphQLTypeName: String { "ProductDimensionInfo" } }

extension TargetType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension BeneficiaryReachType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ShareableView: GraphQLEnumValue { public var graphQLName: String { rawValue } }
