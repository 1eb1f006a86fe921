import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import Testing

/// The public API without a user: resolving share links and the public numbers.
@Suite("Public API: resolveLink and the numbers")
struct PublicAPITests {
    static let resolve = """
        query($code: String!) {
          resolveLink(code: $code) {
            __typename
            ... on ResolvedLink {
              id code baseName organisationName urlParameters view validUntil data { __typename }
            }
            ... on ExpiredLinkError { validUntil }
            ... on UnknownLinkError { code }
          } }
        """

    static func resolve(_ code: String, in api: APIHarness) async -> APIHarness.Answer {
        await api.run(Self.resolve, variables: ["code": .string(code)], as: nil)
    }

    @Test("a valid dashboard link resolves with its names and its four cubes, also in upper case")
    func resolveDashboard() async throws {
        let api = try await APIHarness.makeStatistics(.public)
        let code = Fixtures.Statistics.linkCode(Fixtures.Statistics.LinkID.dashboard)
        for asked in [code, code.uppercased()] {
            let answer = await Self.resolve(asked, in: api)
            #expect(answer.errors.isEmpty)
            #expect(
                answer.data?["resolveLink"]
                    == [
                        "__typename": "ResolvedLink", "id": "1", "code": .string(code), "baseName": "Lesvos",
                        "organisationName": "Aid Org A", "urlParameters": "?from=2024-01-01&to=2025-01-01",
                        "view": "StatvizDashboard", "validUntil": "2025-06-08T12:00:00+00:00",
                        "data": [
                            ["__typename": "BeneficiaryDemographicsData"], ["__typename": "CreatedBoxesData"],
                            ["__typename": "MovedBoxesData"], ["__typename": "StockOverviewData"],
                        ],
                    ])
        }
    }

    @Test("a stock-overview link's data is one stock overview")
    func resolveStockOverview() async throws {
        let api = try await APIHarness.makeStatistics(.public)
        let answer = await Self.resolve(
            Fixtures.Statistics.linkCode(Fixtures.Statistics.LinkID.includingTags), in: api)
        #expect(answer.data?["resolveLink"]?["view"] == "StockOverview")
        #expect(answer.data?["resolveLink"]?["urlParameters"] == "tags=1%2C3")
        #expect(answer.data?["resolveLink"]?["data"] == [["__typename": "StockOverviewData"]])
    }

    @Test("an expired link answers its expiry; an unknown code is echoed")
    func resolveErrors() async throws {
        let api = try await APIHarness.makeStatistics(.public)
        let expired = await Self.resolve(Fixtures.Statistics.linkCode(Fixtures.Statistics.LinkID.expired), in: api)
        #expect(
            expired.data?["resolveLink"]
                == ["__typename": "ExpiredLinkError", "validUntil": "2025-05-31T12:00:00+00:00"])
        let unknown = await Self.resolve("unknown", in: api)
        #expect(unknown.data?["resolveLink"] == ["__typename": "UnknownLinkError", "code": "unknown"])
    }

    // MARK: Numbers

    static let untilNow = "2025-06-01T12:00:00"

    /// (field, arguments, standard count, production count or nil).
    static let numberCases: [(String, String, Int, Int?)] = [
        ("newlyCreatedBoxNumbers", #"start: "2024-01-01T00:00:00", end: "\#(untilNow)""#, 13, 2),
        ("newlyCreatedBoxNumbers", #"start: "2024-03-01", duration: 10"#, 2, nil),
        ("newlyCreatedBoxNumbers", #"end: "2024-01-05T00:00:00", duration: 4"#, 5, nil),
        ("newlyCreatedBoxNumbers", "duration: 30", 0, nil),
        ("newlyRegisteredBeneficiaryNumbers", #"start: "2024-01-01T00:00:00", end: "\#(untilNow)""#, 9, 3),
        ("newlyRegisteredBeneficiaryNumbers", "duration: 30", 3, nil),
        ("newlyRegisteredBeneficiaryNumbers", #"start: "2025-05-01T00:00:00""#, 3, nil),
        ("reachedBeneficiariesNumbers", #"start: "2024-01-01T00:00:00", end: "\#(untilNow)""#, 9, 3),
        ("reachedBeneficiariesNumbers", "duration: 30", 3, nil),
        ("reachedBeneficiariesNumbers", #"start: "2023-01-01T00:00:00", duration: 30"#, 1, nil),
        ("reachedBeneficiariesNumbers", #"start: "2024-01-01T00:00:00", end: "\#(untilNow)", duration: -1"#, 9, nil),
    ]

    @Test(
        "the numbers count across organisations; production leaves the test organisation out",
        arguments: numberCases.indices)
    func numbers(index: Int) async throws {
        let (field, arguments, standard, production) = Self.numberCases[index]
        let document = "{ \(field)(\(arguments)) }"
        let api = try await APIHarness.makeStatistics(.public)
        let answer = await api.run(document, as: nil)
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        #expect(answer.data?[field]?.int == standard)
        if let production {
            let productionAPI = try await APIHarness.makeStatistics(.public, settings: .production)
            #expect(await productionAPI.run(document, as: nil).data?[field]?.int == production)
        }
    }

    static let errorCases: [(String, String)] = [
        (#"start: "2025-02-01", end: "2025-01-01""#, "Start date cannot be after the end date."),
        (#"start: "2025-07-01""#, "Start date cannot be after the end date."),
        (#"end: "2025-01-01""#, "Insufficient arguments"),
        ("", "Insufficient arguments"),
        (#"start: "2025-01-01", duration: -1"#, "Duration cannot be negative."),
    ]

    @Test("a bad span is BAD_USER_INPUT with the reference's text and null data", arguments: errorCases.indices)
    func numberErrors(index: Int) async throws {
        let (arguments, text) = Self.errorCases[index]
        let api = try await APIHarness.makeStatistics(.public)
        for field in ["newlyCreatedBoxNumbers", "newlyRegisteredBeneficiaryNumbers", "reachedBeneficiariesNumbers"] {
            let document = arguments.isEmpty ? "{ \(field) }" : "{ \(field)(\(arguments)) }"
            let answer = await api.run(document, as: nil)
            #expect(answer.firstCode == "BAD_USER_INPUT", "\(field)(\(arguments))")
            #expect(answer.errors.first?["extensions"]?["description"] == .string(text))
            #expect(answer.data?[field]?.isNull ?? true)
        }
    }
}
