import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@Suite("Bases, organisations and users")
struct CoreQueryTests {
    @Test("bases lists the user's non-deleted bases")
    func bases() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "{ bases { id name monetaryCurrencyCode freeshopCurrencyName organisation { name } } }")
        #expect(answer.kind == .executed)
        #expect(
            answer.data == [
                "bases": [
                    [
                        "id": "1", "name": "Lesvos", "monetaryCurrencyCode": "EUR", "freeshopCurrencyName": "Tokens",
                        "organisation": ["name": "Aid Org A"],
                    ]
                ]
            ])
    }

    @Test("god users see every base; deleted ones only on request")
    func basesForGod() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ bases { id } }", as: Fixtures.god)
        #expect(answer.data?["bases"]?.array?.map { $0["id"] } == ["1", "2", "3"])
        let all = await api.run("{ bases(filterInput: {includeDeleted: true}) { id deletedOn } }", as: Fixtures.god)
        #expect(all.data?["bases"]?[3] == ["id": "4", "deletedOn": "2020-01-01T00:00:00+00:00"])
    }

    @Test("bases without base:read is FORBIDDEN and nulls data")
    func basesForbidden() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ bases { id } }", as: Fixtures.nobody)
        #expect(answer.kind == .executed)
        #expect(answer.data == .null)
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'base:read'")
        #expect(answer.errors.first?["message"] == "An unknown error occurred.")
        #expect(answer.errors.first?["path"] == ["bases"])
    }

    @Test("base checks permission before existence")
    func baseChecksFirst() async throws {
        let api = try await APIHarness.make()
        let foreign = await api.run(#"{ base(id: "\#(Fixtures.BaseID.thessaloniki)") { name } }"#)
        #expect(foreign.data == ["base": nil])
        #expect(foreign.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        let missing = await api.run(#"{ base(id: "\#(Fixtures.unknownID)") { name } }"#, as: Fixtures.god)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(
            missing.errors.first?["extensions"]?["description"]
                == "The requested resource does not exist in the database.")
        let found = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { name instockBoxesCount instockItemsCount } }"#)
        #expect(found.data == ["base": ["name": "Lesvos", "instockBoxesCount": 2, "instockItemsCount": 10]])
    }

    @Test("base fields list locations, products and tags of the base")
    func baseFields() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { base(id: "\#(Fixtures.BaseID.lesvos)") {
                locations { id name isShop isStockroom defaultBoxState }
                products { name }
                allProducts: products(filterInput: {includeDeleted: true, type: Custom}) { name }
                tags { name } boxTags: tags(resourceType: Box) { name }
            } }
            """#)
        let base = try #require(answer.data?["base"])
        #expect(base["locations"]?.array?.map { $0["name"] } == ["WH Lesvos", "Lost Lesvos"])
        #expect(base["locations"]?[1]?["defaultBoxState"] == "Lost")
        #expect(base["products"]?.array?.map { $0["name"] } == ["Jeans", "Rice"])
        #expect(base["allProducts"]?.array?.map { $0["name"] } == ["Jeans", "Rice", "Old coat"])
        #expect(base["tags"]?.array?.map { $0["name"] } == ["Winter", "Family", "Urgent"])
        #expect(base["boxTags"]?.array?.map { $0["name"] } == ["Winter", "Urgent"])
    }

    @Test("organisation bases list all bases of the organisation; nested fields are checked per base")
    func organisationBases() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ organisation(id: "\#(Fixtures.Org.aidA)") { name bases { name tags { name } } } }"#)
        #expect(answer.data?["organisation"]?["bases"]?.array?.map { $0["name"] } == ["Lesvos", "Samos"])
        #expect(answer.data?["organisation"]?["bases"]?[1]?["tags"] == .null)
        #expect(answer.errors.first?["path"] == ["organisation", "bases", 1, "tags"])
        // locations is [ClassicLocation!]!: a FORBIDDEN on Samos propagates up to the nullable list.
        let propagated = await api.run(
            #"{ organisation(id: "\#(Fixtures.Org.aidA)") { name bases { name locations { name } } } }"#)
        #expect(propagated.errors.first?["path"] == ["organisation", "bases", 1, "locations"])
        #expect(propagated.data == ["organisation": ["name": "Aid Org A", "bases": nil]])
        let missing = await api.run(#"{ organisation(id: "\#(Fixtures.unknownID)") { name } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let forbidden = await api.run(#"{ organisations { name } }"#, as: Fixtures.nobody)
        #expect(forbidden.firstCode == "FORBIDDEN")
    }

    @Test("organisations lists non-deleted organisations")
    func organisations() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ organisations { id name } }")
        #expect(
            answer.data == ["organisations": [["id": "1", "name": "Aid Org A"], ["id": "2", "name": "Aid Org B"]]])
    }

    @Test("user shows email, organisation and bases only to the user themself")
    func user() async throws {
        let api = try await APIHarness.make()
        let own = await api.run(
            #"{ user(id: "\#(Fixtures.UserID.lesvosCoordinator)") { name email organisation { id } bases { id } validFirstDay validLastDay lastLogin } }"#
        )
        #expect(
            own.data == [
                "user": [
                    "name": "Coordinator Lesvos", "email": "coordinator@lesvos.test", "organisation": ["id": "1"],
                    "bases": [["id": "1"]], "validFirstDay": "2024-01-01", "validLastDay": nil,
                    "lastLogin": "2024-05-01T08:00:00+00:00",
                ]
            ])
        let other = await api.run(
            #"{ user(id: "\#(Fixtures.UserID.samosVolunteer)") { name organisation { id } bases { id } email } }"#)
        #expect(other.data?["user"]?["organisation"] == .null)
        #expect(other.data?["user"]?["bases"] == .null)
        #expect(other.errors.first?["extensions"]?["description"] == "You don't have access to 'user=3'")
        let missing = await api.run(#"{ user(id: "\#(Fixtures.unknownID)") { name } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let forbidden = await api.run(
            #"{ user(id: "\#(Fixtures.UserID.lesvosCoordinator)") { name } }"#, as: Fixtures.nobody)
        #expect(forbidden.firstCode == "FORBIDDEN")
    }

    @Test("users lists everyone for gods only")
    func users() async throws {
        let api = try await APIHarness.make()
        #expect(await api.run("{ users { id } }").data == ["users": []])
        #expect(await api.run("{ users { id } }", as: Fixtures.god).data?["users"]?.array?.count == 4)
        #expect(await api.run("{ users { id } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }
}
