import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import Testing

/// The facts behind share links: the dashboard's four cubes, and the stock overview filtered by
/// the link's `tags` and `notags` parameters.
@Suite("Share links: the data of resolved links")
struct ResolvedLinkDataTests {
    typealias LinkID = Fixtures.Statistics.LinkID

    static let document = """
        query($code: String!) {
          resolveLink(code: $code) {
            ... on ResolvedLink {
              data {
                __typename
                ... on BeneficiaryDemographicsData { facts { gender age tagIds count } }
                ... on CreatedBoxesData { facts { productId tagIds boxesCount itemsCount } }
                ... on MovedBoxesData { facts { targetId boxesCount itemsCount } }
                ... on StockOverviewData {
                  facts {
                    locationId boxState categoryId productName sizeId absoluteMeasureValue dimensionId gender tagIds
                    boxesCount itemsCount
                  }
                }
              }
            }
          } }
        """

    /// The cubes of link `id`, each as its facts.
    static func cubes(ofLink id: Int, in api: APIHarness) async -> [JSONValue] {
        let answer = await api.run(
            document, variables: ["code": .string(Fixtures.Statistics.linkCode(id))], as: nil)
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        return answer.data?["resolveLink"]?["data"]?.array?.map { $0["facts"] ?? .null } ?? []
    }

    /// The seven stock-overview facts of Lesvos, in order.
    static let stock: [JSONValue] = [
        fact(1, "InStock", 2, "jeans", size: 2, gender: "Men", tags: [1], boxes: 2, items: 17),
        fact(1, "InStock", 11, "rice", measure: 1.5, gender: "none", tags: [1, 3], boxes: 1, items: 0),
        fact(1, "Lost", 2, "jeans", size: 2, gender: "Men", tags: [], boxes: 1, items: 4),
        fact(1, "InTransit", 2, "jeans", size: 2, gender: "Men", tags: [], boxes: 1, items: 8),
        fact(2, "Lost", 2, "jeans", size: 1, gender: "Men", tags: [], boxes: 1, items: 5),
        fact(200, "Donated", 2, "jeans", size: 1, gender: "Men", tags: [1, 3], boxes: 1, items: 6),
        fact(200, "Donated", 11, "rice", measure: 2.35, gender: "none", tags: [], boxes: 1, items: 1),
    ]

    static func fact(
        _ location: Int, _ state: String, _ category: Int, _ name: String, size: Int? = nil, measure: Double? = nil,
        gender: String, tags: [Int], boxes: Int, items: Int
    ) -> JSONValue {
        [
            "locationId": .number(Double(location)), "boxState": .string(state),
            "categoryId": .number(Double(category)),
            "productName": .string(name), "sizeId": size.map { .number(Double($0)) } ?? .null,
            "absoluteMeasureValue": measure.map(JSONValue.number) ?? .null,
            "dimensionId": measure == nil ? .null : 28, "gender": .string(gender),
            "tagIds": .array(tags.map { .number(Double($0)) }), "boxesCount": .number(Double(boxes)),
            "itemsCount": .number(Double(items)),
        ]
    }

    @Test("the dashboard's cubes: demographics, created, moved boxes and the unfiltered stock overview")
    func dashboard() async throws {
        let api = try await APIHarness.makeStatistics(.public)
        let cubes = await Self.cubes(ofLink: LinkID.dashboard, in: api)
        #expect(cubes.count == 4)
        guard cubes.count == 4 else { return }
        #expect(
            cubes[0]
                == [
                    ["gender": "Female", "age": 40, "tagIds": [2], "count": 1],
                    ["gender": "Male", "age": 9, "tagIds": [3], "count": 2],
                    ["gender": "Diverse", "age": nil, "tagIds": [], "count": 1],
                    ["gender": "Female", "age": 39, "tagIds": [], "count": 1],
                ])
        #expect(
            cubes[1]
                == [
                    ["productId": 1, "tagIds": [1, 4], "boxesCount": 2, "itemsCount": 19],
                    ["productId": 2, "tagIds": [1, 3], "boxesCount": 1, "itemsCount": nil],
                    ["productId": 1, "tagIds": [], "boxesCount": 1, "itemsCount": 5],
                    ["productId": 1, "tagIds": [], "boxesCount": 1, "itemsCount": 2],
                    ["productId": 1, "tagIds": [], "boxesCount": 1, "itemsCount": 8],
                    ["productId": 1, "tagIds": [], "boxesCount": 1, "itemsCount": 9],
                    ["productId": 1, "tagIds": [1, 3], "boxesCount": 1, "itemsCount": 6],
                    ["productId": 2, "tagIds": [], "boxesCount": 1, "itemsCount": 1],
                    ["productId": 1, "tagIds": [4], "boxesCount": 1, "itemsCount": 4],
                    ["productId": 1, "tagIds": [], "boxesCount": 1, "itemsCount": 3],
                ])
        #expect(
            cubes[2]
                == [
                    ["targetId": "Deleted", "boxesCount": 1, "itemsCount": 3],
                    ["targetId": "Lost", "boxesCount": 1, "itemsCount": 4],
                    ["targetId": "1", "boxesCount": -1, "itemsCount": -6],
                    ["targetId": "200", "boxesCount": 1, "itemsCount": 6],
                    ["targetId": "200", "boxesCount": 1, "itemsCount": 6],
                    ["targetId": "200", "boxesCount": 1, "itemsCount": 1],
                    ["targetId": "going-to-Samos", "boxesCount": 2, "itemsCount": 8],
                    ["targetId": "going-to-Thessaloniki", "boxesCount": 1, "itemsCount": 8],
                    ["targetId": "going-to-Thessaloniki", "boxesCount": 1, "itemsCount": 9],
                ])
        // The dashboard ignores its `from`/`to` parameters.
        #expect(cubes[3] == .array(Self.stock))
    }

    @Test(
        "a stock-overview link filters by its tags and notags",
        arguments: [
            (LinkID.stockOverview, [0, 1, 2, 3, 4, 5, 6]),
            (LinkID.includingTags, [0, 1, 5]),
            (LinkID.includingAndExcluding, [0]),
            (LinkID.excludingTag, [2, 3, 4, 6]),
        ])
    func stockOverview(link: Int, rows: [Int]) async throws {
        let api = try await APIHarness.makeStatistics(.public)
        let cubes = await Self.cubes(ofLink: link, in: api)
        #expect(cubes == [.array(rows.map { Self.stock[$0] })])
    }
}
