import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import OrderedCollections
import Testing

/// `createShareableLink` through the full API: the link and its union's error members.
@Suite("Share links: createShareableLink")
struct ShareableLinkAPITests {
    static let create = """
        mutation($input: LinkCreationInput) {
          createShareableLink(creationInput: $input) {
            __typename
            ... on ShareableLink {
              id code urlParameters view validUntil createdOn base { id name } createdBy { id }
            }
            ... on InvalidDateError { date }
            ... on InsufficientPermissionError { name }
            ... on UnauthorizedForBaseError { id name organisationName }
          } }
        """

    static func input(
        view: String = "StatvizDashboard", validUntil: String? = nil, urlParameters: String? = nil
    ) -> Map {
        var fields: OrderedDictionary<String, Map> = ["baseId": Map(Fixtures.BaseID.lesvos), "view": .string(view)]
        if let validUntil { fields["validUntil"] = .string(validUntil) }
        if let urlParameters { fields["urlParameters"] = .string(urlParameters) }
        return .dictionary(fields)
    }

    @Test("a coordinator's dashboard link: a week's validity, a fresh code, the base and the creator")
    func createDefault() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(Self.create, variables: ["input": Self.input()])
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["createShareableLink"]
                == [
                    "__typename": "ShareableLink", "id": "7", "code": .string(MutationEnvironment.fixedLinkCode(1)),
                    "urlParameters": nil, "view": "StatvizDashboard", "validUntil": "2025-06-08T12:00:00+00:00",
                    "createdOn": "2025-06-01T12:00:00+00:00", "base": ["id": "1", "name": "Lesvos"],
                    "createdBy": ["id": "2"],
                ])
        #expect(try await api.count("shareable_link") == 7)
    }

    @Test("a date with an offset is stored in UTC")
    func createWithOffset() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(
            Self.create, variables: ["input": Self.input(validUntil: "2025-06-15T14:00:00+02:00")])
        #expect(answer.data?["createShareableLink"]?["validUntil"] == "2025-06-15T12:00:00+00:00")
        #expect(try await api.scalar("SELECT valid_until FROM shareable_link WHERE id = 7") == "2025-06-15 12:00:00")
    }

    @Test("a past date is an InvalidDateError and writes nothing")
    func createInThePast() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(Self.create, variables: ["input": Self.input(validUntil: "2024-12-31")])
        #expect(
            answer.data?["createShareableLink"]
                == ["__typename": "InvalidDateError", "date": "2024-12-31T00:00:00+00:00"])
        #expect(try await api.count("shareable_link") == 6)
    }

    @Test("a reader lacks the permission; another organisation's coordinator the base")
    func createForbidden() async throws {
        let api = try await APIHarness.makeStatistics()
        let reader = await api.run(Self.create, variables: ["input": Self.input()], as: Fixtures.lesvosReader)
        #expect(
            reader.data?["createShareableLink"]
                == ["__typename": "InsufficientPermissionError", "name": "shareable_link:create"])
        let other = await api.run(
            Self.create, variables: ["input": Self.input()], as: Fixtures.thessalonikiCoordinator)
        #expect(
            other.data?["createShareableLink"]
                == [
                    "__typename": "UnauthorizedForBaseError", "id": "1", "name": "Lesvos",
                    "organisationName": "Aid Org A",
                ])
        #expect(try await api.count("shareable_link") == 6)
    }

    @Test("a missing input and over-long URL parameters are BAD_USER_INPUT")
    func badInput() async throws {
        let api = try await APIHarness.makeStatistics()
        let missing = await api.run(Self.create)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(missing.errors.first?["extensions"]?["description"] == "Missing argument 'creationInput'.")
        #expect(missing.data?["createShareableLink"]?.isNull ?? true)
        let tooLong = await api.run(
            Self.create, variables: ["input": Self.input(urlParameters: String(repeating: "x", count: 2001))])
        #expect(tooLong.firstCode == "BAD_USER_INPUT")
        #expect(try await api.count("shareable_link") == 6)
    }

    @Test(
        "a god user's unknown base, also a negative id (out of the column's range on MySQL), is BAD_USER_INPUT and writes nothing"
    )
    func unknownBase() async throws {
        let api = try await APIHarness.makeStatistics()
        for baseId in [-1, 99] {
            var input = Self.input()
            if case .dictionary(var fields) = input {
                fields["baseId"] = .number(Number(baseId))
                input = .dictionary(fields)
            }
            let answer = await api.run(Self.create, variables: ["input": input], as: Fixtures.god)
            #expect(answer.firstCode == "BAD_USER_INPUT", "base \(baseId)")
            #expect(
                answer.errors.first?["extensions"]?["description"]
                    == "The requested resource does not exist in the database.")
        }
        #expect(try await api.count("shareable_link") == 6)
    }

    @Test("two creations in one session give different codes")
    func distinctCodes() async throws {
        let api = try await APIHarness.makeStatistics()
        let first = await api.run(Self.create, variables: ["input": Self.input()])
        let second = await api.run(Self.create, variables: ["input": Self.input(view: "StockOverview")])
        let codes = [first, second].compactMap { $0.data?["createShareableLink"]?["code"]?.string }
        #expect(codes.count == 2)
        #expect(Set(codes).count == 2)
        #expect(second.data?["createShareableLink"]?["view"] == "StockOverview")
    }
}
