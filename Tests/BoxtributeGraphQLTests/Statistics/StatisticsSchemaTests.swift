import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import OrderedCollections
import Testing

/// Which API serves which statistics field, and that each answers with its own type.
@Suite("Statistics: the fields of each API")
struct StatisticsSchemaTests {
    /// Every statistics root field of the protected APIs with its cube's type name.
    static let cubeFields = [
        ("beneficiaryDemographics", "BeneficiaryDemographicsData"), ("beneficiaryReach", "BeneficiaryReachData"),
        ("createdBoxes", "CreatedBoxesData"), ("topProductsCheckedOut", "TopProductsCheckedOutData"),
        ("topProductsDonated", "TopProductsDonatedData"), ("movedBoxes", "MovedBoxesData"),
        ("stockOverview", "StockOverviewData"),
    ]

    @Test("each cube of base 1 answers with its type for a god user, on the full and the query API")
    func cubesAnswer() async throws {
        for variant in [APIVariant.full, .query] {
            let api = try await APIHarness.makeStatistics(variant)
            for (field, typeName) in Self.cubeFields {
                let answer = await api.run("{ \(field)(baseId: 1) { __typename } }", as: Fixtures.god)
                #expect(answer.errors.isEmpty, "\(field): \(answer.errors)")
                #expect(answer.data?[field]?["__typename"]?.string == typeName)
            }
            let figures = await api.run(
                "{ beneficiaryFigures(baseId: \"1\") { __typename } metrics { __typename } }", as: Fixtures.god)
            #expect(figures.errors.isEmpty)
            #expect(figures.data?["beneficiaryFigures"]?["__typename"]?.string == "BeneficiaryFigures")
            #expect(figures.data?["metrics"]?["__typename"]?.string == "Metrics")
        }
    }

    @Test("the public API serves share links and numbers, and no protected statistics field")
    func publicFields() async throws {
        let schema = try GraphQLAPI(variant: .public).schema
        let fields = Set(try (schema.queryType?.fields() ?? [:]).keys)
        #expect(
            fields == [
                "resolveLink", "standardProducts", "newlyRegisteredBeneficiaryNumbers", "newlyCreatedBoxNumbers",
                "reachedBeneficiariesNumbers",
            ])
        let full = Set(try (try GraphQLAPI(variant: .full).schema.queryType?.fields() ?? [:]).keys)
        #expect(full.isDisjoint(with: ["resolveLink", "newlyCreatedBoxNumbers"]))
        #expect(full.isSuperset(of: Self.cubeFields.map(\.0) + ["beneficiaryFigures", "metrics"]))
    }

    @Test("only the full API can create share links")
    func createShareableLinkOnFullOnly() throws {
        let full = try GraphQLAPI(variant: .full).schema
        #expect(try full.mutationType?.fields()["createShareableLink"] != nil)
        #expect(try GraphQLAPI(variant: .query).schema.mutationType == nil)
    }
}
