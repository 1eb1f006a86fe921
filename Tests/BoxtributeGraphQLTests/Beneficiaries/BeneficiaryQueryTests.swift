import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import Testing

@Suite("Beneficiaries, transactions and tagged resources (read)")
struct BeneficiaryQueryTests {
    /// A Lesvos user holding only the given read permissions (plus base:read for Lesvos and Samos).
    static func lesvosUser(_ permissions: [String]) -> CurrentUser {
        var map = CurrentUser.permissionMap(permissions, baseIds: [Fixtures.BaseID.lesvos])
        map["base:read"] = [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]
        return CurrentUser(id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, permissions: map)
    }

    @Test("beneficiary returns every column-backed field")
    func beneficiaryFields() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            """
            { beneficiary(id: "\(Fixtures.BeneficiaryID.aisha)") { id firstName lastName dateOfBirth comment groupIdentifier gender languages \
            familyHead { id } active isVolunteer signed registered phoneNumber signature dateOfSignature \
            createdBy { id } createdOn lastModifiedBy { id } lastModifiedOn base { name } } }
            """)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["beneficiary"]
                == [
                    "id": "1", "firstName": "Aisha", "lastName": "Rahman", "dateOfBirth": "1985-03-15",
                    "comment": "Family head", "groupIdentifier": "A1", "gender": "Female", "languages": ["en", "ar"],
                    "familyHead": nil, "active": true, "isVolunteer": false, "signed": true, "registered": true,
                    "phoneNumber": "+30 690 000 0001", "signature": "Aisha R.",
                    "dateOfSignature": "2021-09-09T00:00:00",
                    "createdBy": ["id": "2"], "createdOn": "2024-01-10T10:00:00+00:00", "lastModifiedBy": ["id": "2"],
                    "lastModifiedOn": "2024-01-11T09:00:00+00:00", "base": ["name": "Lesvos"],
                ])
    }

    @Test("legacy encodings: inverted registration, zero dates, empty gender, family head")
    func legacyEncodings() async throws {
        let api = try await APIHarness.make()
        let omar = await api.run(
            #"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.omar)") { gender registered familyHead { firstName } dateOfSignature } }"#
        )
        #expect(
            omar.data?["beneficiary"]
                == [
                    "gender": "Male", "registered": false, "familyHead": ["firstName": "Aisha"], "dateOfSignature": nil,
                ])
        let lena = await api.run(
            #"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.lena)") { gender dateOfBirth age active isVolunteer languages tags { id } lastModifiedOn } }"#
        )
        #expect(
            lena.data?["beneficiary"]
                == [
                    "gender": "Diverse", "dateOfBirth": nil, "age": nil, "active": false, "isVolunteer": true,
                    "languages": [], "tags": [], "lastModifiedOn": "2024-03-01T00:00:00+00:00",
                ])
    }

    @Test("age counts full years")
    func age() async throws {
        let person = try #require(try await BeneficiaryStore.byIds([1], in: try await Fixtures.makeDatabase())[1])
        #expect(person.age(today: "2024-03-14") == 38)
        #expect(person.age(today: "2024-03-15") == 39)
        let api = try await APIHarness.make()
        let answer = await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { age } }"#)
        let expected = person.age(today: String(UTCClock.now().prefix(10)))
        #expect(answer.data?["beneficiary"]?["age"]?.int == expected)
    }

    @Test("beneficiary: missing id, other base, no permission")
    func beneficiaryErrors() async throws {
        let api = try await APIHarness.make()
        let missing = await api.run(#"{ beneficiary(id: "\#(Fixtures.unknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(missing.data == ["beneficiary": nil])
        #expect(
            await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.samir)") { id } }"#).firstCode == "FORBIDDEN")
        #expect(
            await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { id } }"#, as: Fixtures.nobody)
                .firstCode == "FORBIDDEN")
        #expect(
            await api.run(
                #"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.samir)") { id } }"#, as: Fixtures.samosVolunteer
            ).data == [
                "beneficiary": ["id": "4"]
            ])
    }

    @Test("beneficiaries pages the beneficiaries of the readable bases, inactive included")
    func beneficiariesQuery() async throws {
        let api = try await APIHarness.make()
        let lesvos = await api.run("{ beneficiaries { totalCount elements { id } } }")
        #expect(
            lesvos.data == ["beneficiaries": ["totalCount": 3, "elements": [["id": "1"], ["id": "2"], ["id": "3"]]]])
        let god = await api.run("{ beneficiaries { totalCount } }", as: Fixtures.god)
        #expect(god.data == ["beneficiaries": ["totalCount": 5]])
        let samos = await api.run("{ beneficiaries { elements { id } } }", as: Fixtures.samosVolunteer)
        #expect(samos.data == ["beneficiaries": ["elements": [["id": "4"]]]])
        #expect(await api.run("{ beneficiaries { totalCount } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }

    @Test("beneficiaries pagination")
    func pagination() async throws {
        let api = try await APIHarness.make()
        let first = await api.run(
            "{ beneficiaries(paginationInput: {first: 2}) { totalCount elements { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }"
        )
        #expect(first.data?["beneficiaries"]?["elements"] == [["id": "1"], ["id": "2"]])
        #expect(first.data?["beneficiaries"]?["pageInfo"]?["hasNextPage"] == true)
        #expect(first.data?["beneficiaries"]?["totalCount"] == 3)
        let cursor = try #require(first.data?["beneficiaries"]?["pageInfo"]?["endCursor"]?.string)
        let next = await api.run(
            #"{ beneficiaries(paginationInput: {after: "\#(cursor)"}) { elements { id } pageInfo { hasNextPage hasPreviousPage } } }"#
        )
        #expect(
            next.data?["beneficiaries"]
                == ["elements": [["id": "3"]], "pageInfo": ["hasNextPage": false, "hasPreviousPage": true]])
        let invalid = await api.run("{ beneficiaries(paginationInput: {last: 1}) { totalCount } }")
        #expect(invalid.firstCode == "BAD_USER_INPUT")
    }

    @Test("FilterBeneficiaryInput fields, AND-combined")
    func filters() async throws {
        let api = try await APIHarness.make()
        func ids(_ filter: String, as user: CurrentUser = Fixtures.lesvosCoordinator) async -> [String] {
            let answer = await api.run("{ beneficiaries(filterInput: {\(filter)}) { elements { id } } }", as: user)
            return answer.data?["beneficiaries"]?["elements"]?.array?.compactMap { $0["id"]?.string } ?? ["error"]
        }
        #expect(await ids("active: true") == ["1", "2"])
        #expect(await ids("active: false") == ["3"])
        #expect(await ids("isVolunteer: true") == ["3"])
        #expect(await ids("isVolunteer: false") == ["1", "2"])
        #expect(await ids("registered: false") == ["2"])
        #expect(await ids("registered: true") == ["1", "3"])
        #expect(await ids(#"pattern: "rAHm""#) == ["1", "2"])
        #expect(await ids(#"pattern: "athens""#) == ["3"])
        #expect(await ids(#"pattern: "B7""#) == ["3"])
        #expect(await ids(#"pattern: "B""#) == ["3"])  // "Weber"
        #expect(await ids(#"pattern: "A""#) == ["1", "2", "3"])
        #expect(await ids(#"createdFrom: "2024-01-10""#) == ["1", "2", "3"])
        #expect(await ids(#"createdFrom: "2024-01-11""#) == ["3"])
        // createdUntil compares with midnight: people created later that day are excluded.
        #expect(await ids(#"createdUntil: "2024-01-10""#, as: Fixtures.god) == ["4", "5"])
        #expect(await ids(#"createdUntil: "2024-02-01""#) == ["1", "2", "3"])
        #expect(await ids(#"active: true, pattern: "Rahman", registered: true"#) == ["1"])
    }

    @Test("Base.beneficiaries needs beneficiary:read for that base")
    func baseBeneficiaries() async throws {
        let api = try await APIHarness.make()
        let user = Self.lesvosUser(["beneficiary:read"])
        let answer = await api.run(
            #"{ bases { id beneficiaries(filterInput: {active: true}) { totalCount elements { id } } } }"#, as: user)
        #expect(
            answer.data?["bases"]
                == [
                    ["id": "1", "beneficiaries": ["totalCount": 2, "elements": [["id": "1"], ["id": "2"]]]],
                    ["id": "2", "beneficiaries": nil],
                ])
        #expect(answer.firstCode == "FORBIDDEN")
        let paged = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { beneficiaries(paginationInput: {first: 1}) { elements { id } pageInfo { hasNextPage } } } }"#
        )
        #expect(
            paged.data?["base"]?["beneficiaries"] == ["elements": [["id": "1"]], "pageInfo": ["hasNextPage": true]])
    }

    @Test("tokens and transactions need transaction:read")
    func transactions() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            """
            { beneficiaries { elements { id tokens transactions { id beneficiary { id } product { name } count tokens \
            description createdBy { id } createdOn } } } }
            """)
        let elements = answer.data?["beneficiaries"]?["elements"]
        #expect(elements?[0]?["tokens"] == 30)
        #expect(
            elements?[0]?["transactions"]
                == [
                    [
                        "id": "1", "beneficiary": ["id": "1"], "product": nil, "count": 0, "tokens": 50,
                        "description": "Monthly tokens", "createdBy": ["id": "2"],
                        "createdOn": "2024-02-01T10:00:00+00:00",
                    ],
                    [
                        "id": "2", "beneficiary": ["id": "1"], "product": ["name": "Rice"], "count": 2, "tokens": -20,
                        "description": "", "createdBy": ["id": "2"], "createdOn": "2024-02-03T11:00:00+00:00",
                    ],
                ])
        #expect(elements?[1]?["tokens"] == 0)
        #expect(elements?[1]?["transactions"] == [])
        let user = Self.lesvosUser(["beneficiary:read"])
        let tokens = await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { id tokens } }"#, as: user)
        #expect(tokens.firstCode == "FORBIDDEN")
        #expect(tokens.data == ["beneficiary": ["id": "1", "tokens": nil]])
        #expect(
            await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { transactions { id } } }"#, as: user)
                .firstCode == "FORBIDDEN")
    }

    @Test("tags: active assignments, tag:read for the beneficiary's base")
    func tags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ beneficiaries { elements { tags { name } } } }")
        #expect(
            answer.data?["beneficiaries"]?["elements"]
                == [["tags": [["name": "Family"]]], ["tags": [["name": "Urgent"]]], ["tags": []]])
        let user = Self.lesvosUser(["beneficiary:read"])
        let denied = await api.run(
            #"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { id tags { id } } }"#, as: user)
        #expect(denied.firstCode == "FORBIDDEN")
        #expect(denied.data == ["beneficiary": ["id": "1", "tags": nil]])
    }

    @Test("base needs base:read for the beneficiary's base")
    func base() async throws {
        let api = try await APIHarness.make()
        let user = Self.lesvosUser(["beneficiary:read"])
        #expect(
            await api.run(#"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.aisha)") { base { id } } }"#, as: user).data
                == [
                    "beneficiary": ["base": ["id": "1"]]
                ])
        let samos = CurrentUser(
            id: Fixtures.UserID.samosVolunteer, organisationId: Fixtures.Org.aidA,
            permissions: ["beneficiary:read": [Fixtures.BaseID.samos]])
        let denied = await api.run(
            #"{ beneficiary(id: "\#(Fixtures.BeneficiaryID.samir)") { id base { id } } }"#, as: samos)
        #expect(denied.firstCode == "FORBIDDEN")
        #expect(denied.data == ["beneficiary": ["id": "4", "base": nil]])
    }

    @Test("Tag.taggedResources lists boxes and readable beneficiaries by id")
    func taggedResources() async throws {
        let api = try await APIHarness.make()
        let query = """
            { tag(id: "\(Fixtures.TagID.urgent)") { taggedResources { __typename ... on Box { labelIdentifier } ... on Beneficiary { id } } } }
            """
        let lesvos = await api.run(query)
        #expect(
            lesvos.data?["tag"]?["taggedResources"]
                == [["__typename": "Box", "labelIdentifier": "10000002"], ["__typename": "Beneficiary", "id": "2"]])
        let god = await api.run(query, as: Fixtures.god)
        #expect(god.data?["tag"]?["taggedResources"]?.array?.count == 3)
        #expect(god.data?["tag"]?["taggedResources"]?[2] == ["__typename": "Beneficiary", "id": "4"])
        let family = await api.run(
            #"{ tag(id: "\#(Fixtures.TagID.family)") { taggedResources { ... on Beneficiary { firstName } } } }"#)
        #expect(family.data?["tag"]?["taggedResources"] == [["firstName": "Aisha"]])
        // Boxes are not filtered: tag 4 is deleted, its relation is still active.
        let boxes = await api.run(
            #"{ tag(id: "\#(Fixtures.TagID.deleted)") { taggedResources { ... on Box { id } } } }"#)
        #expect(boxes.data?["tag"]?["taggedResources"] == [["id": "1"]])
    }

    @Test("Tag.taggedResources needs tag_relation:read and beneficiary:read")
    func taggedResourcesPermissions() async throws {
        let api = try await APIHarness.make()
        let query = #"{ tag(id: "\#(Fixtures.TagID.urgent)") { id taggedResources { __typename } } }"#
        let noRelation = await api.run(query, as: Self.lesvosUser(["tag:read", "beneficiary:read"]))
        #expect(noRelation.firstCode == "FORBIDDEN")
        #expect(noRelation.data == ["tag": ["id": "3", "taggedResources": nil]])
        let noBeneficiary = await api.run(query, as: Self.lesvosUser(["tag:read", "tag_relation:read"]))
        #expect(noBeneficiary.firstCode == "FORBIDDEN")
        let allowed = await api.run(query, as: Self.lesvosUser(["tag:read", "tag_relation:read", "beneficiary:read"]))
        #expect(allowed.errors.isEmpty)
    }

    @Test("related rows are loaded with a constant number of statements")
    func batching() async throws {
        let api = try await APIHarness.make()
        func statements(first: Int) async -> Int {
            let answer = await api.run(
                """
                { beneficiaries(paginationInput: {first: \(first)}) { elements { languages tokens tags { id } \
                familyHead { id } base { id } createdBy { id } transactions { id product { id } createdBy { id } } } } }
                """, as: Fixtures.god)
            #expect(answer.errors.isEmpty)
            return answer.statements
        }
        #expect(await statements(first: 3) == statements(first: 5))
        // Two statements (boxes, beneficiaries) for all tags of the base.
        let plain = await api.run(#"{ base(id: "\#(Fixtures.BaseID.lesvos)") { tags { id } } }"#, as: Fixtures.god)
        let tagged = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { tags { id taggedResources { ... on Box { id } ... on Beneficiary { id } } } } }"#,
            as: Fixtures.god)
        #expect(tagged.errors.isEmpty)
        #expect(tagged.statements == plain.statements + 2)
    }

    @Test("front-end operations of this domain validate", .enabled(if: SharedData.isAvailable))
    func frontendOperations() throws {
        let url = try #require(SharedData.frontendOperations)
        let operations = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let schema = try GraphQLAPI(variant: .full).schema
        for name in ["TagsForTagsView"] {
            let operation = try #require(operations.first { $0["name"] as? String == name })
            let document = try GraphQL.parse(source: Source(body: try #require(operation["document"] as? String)))
            let errors = GraphQL.validate(schema: schema, ast: document)
            #expect(errors.isEmpty, "\(name): \(errors.map(\.message))")
        }
    }
}
