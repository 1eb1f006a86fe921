import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

/// The beneficiary statistics through the API: the cubes' JSON, the figures, the metrics
/// with their dates, the production setting of the reach, and the errors.
@Suite("Beneficiary statistics through the API")
struct BeneficiaryStatisticsAPITests {
    static let lesvos = Fixtures.BaseID.lesvos.rawValue
    static let thessaloniki = Fixtures.BaseID.thessaloniki.rawValue

    @Test("beneficiaryDemographics of Lesvos: facts in order and the tags they use")
    func demographics() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(
            """
            { beneficiaryDemographics(baseId: \(Self.lesvos)) { facts { gender age createdOn deletedOn tagIds count } \
            dimensions { tag { id name color } } } }
            """)
        #expect(answer.errors.isEmpty)
        let cube = answer.data?["beneficiaryDemographics"]
        #expect(
            cube?["facts"]
                == [
                    [
                        "gender": "Female", "age": 40, "createdOn": "2024-01-10", "deletedOn": nil, "tagIds": [2],
                        "count": 1,
                    ],
                    [
                        "gender": "Male", "age": 9, "createdOn": "2024-01-10", "deletedOn": nil, "tagIds": [3],
                        "count": 2,
                    ],
                    [
                        "gender": "Diverse", "age": nil, "createdOn": "2024-02-01", "deletedOn": "2024-03-01",
                        "tagIds": [], "count": 1,
                    ],
                    [
                        "gender": "Female", "age": 39, "createdOn": "2025-05-20", "deletedOn": nil, "tagIds": [],
                        "count": 1,
                    ],
                ])
        #expect(
            cube?["dimensions"]
                == [
                    "tag": [
                        ["id": 2, "name": "Family", "color": "#112233"],
                        ["id": 3, "name": "Urgent", "color": "#ff0000"],
                    ]
                ])
    }

    @Test("beneficiaryReach: the production setting leaves out events older than 104 weeks")
    func reachInBothSettings() async throws {
        let document = """
            { beneficiaryReach(baseId: \(Self.lesvos)) { facts { reachedOn beneficiaryId reachType count } \
            dimensions { beneficiary { id age tagIds gender } tag { id } } } }
            """
        let standard = await (try await APIHarness.makeStatistics()).run(document)
        let production = await (try await APIHarness.makeStatistics(settings: .production)).run(document)
        #expect(standard.errors.isEmpty)
        #expect(production.errors.isEmpty)
        let standardFacts = standard.data?["beneficiaryReach"]?["facts"]?.array ?? []
        let productionFacts = production.data?["beneficiaryReach"]?["facts"]?.array ?? []
        let oldEdit: JSONValue = [
            "reachedOn": "2023-01-15", "beneficiaryId": 1, "reachType": "CreatedOrEdited", "count": 1,
        ]
        #expect(standardFacts.count == 17)
        #expect(
            standardFacts.first == ["reachedOn": "2024-02-03", "beneficiaryId": 1, "reachType": "Checkout", "count": 1])
        #expect(standardFacts.contains(oldEdit))
        #expect(
            standardFacts.contains([
                "reachedOn": "2024-05-01", "beneficiaryId": 1, "reachType": "ServiceUsed", "count": 2,
            ]))
        #expect(productionFacts == standardFacts.filter { $0 != oldEdit })
        #expect(
            standard.data?["beneficiaryReach"]?["dimensions"]
                == [
                    "beneficiary": [
                        ["id": 1, "age": 40, "tagIds": [2], "gender": "Female"],
                        ["id": 2, "age": 9, "tagIds": [3], "gender": "Male"],
                        ["id": 3, "age": nil, "tagIds": [], "gender": "Diverse"],
                        ["id": 200, "age": 9, "tagIds": [3], "gender": "Male"],
                        ["id": 201, "age": 39, "tagIds": [], "gender": "Female"],
                    ],
                    "tag": [["id": 2], ["id": 3]],
                ])
    }

    @Test("topProductsCheckedOut of Lesvos: ranked facts, no sizes, the products and every category")
    func topProductsCheckedOut() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(
            """
            { topProductsCheckedOut(baseId: \(Self.lesvos)) { facts { checkedOutOn productId categoryId itemsCount rank } \
            dimensions { size { id } product { id name gender } category { id } } } }
            """)
        #expect(answer.errors.isEmpty)
        let cube = answer.data?["topProductsCheckedOut"]
        #expect(
            cube?["facts"]
                == [
                    ["checkedOutOn": "2024-03-01", "productId": 1, "categoryId": 2, "itemsCount": 4, "rank": 1],
                    ["checkedOutOn": "2024-02-03", "productId": 1, "categoryId": 2, "itemsCount": 3, "rank": 2],
                    ["checkedOutOn": "2025-05-25", "productId": 1, "categoryId": 2, "itemsCount": 2, "rank": 3],
                    ["checkedOutOn": "2024-02-03", "productId": 2, "categoryId": 11, "itemsCount": 2, "rank": 3],
                    ["checkedOutOn": "2024-02-10", "productId": 1, "categoryId": 2, "itemsCount": 1, "rank": 5],
                ])
        #expect(cube?["dimensions"]?["size"] == .null)
        #expect(
            cube?["dimensions"]?["product"]
                == [["id": 1, "name": "Jeans", "gender": "Men"], ["id": 2, "name": "Rice", "gender": "none"]])
        #expect(cube?["dimensions"]?["category"]?.array?.count == 18)
    }

    static let figureFields = """
        majorFamilyHeadGender majorFamilyHeadGenderPercentage averageFamilySize averageItemsPerVisitPerBeneficiary \
        averageTotalItemsPerBeneficiary newRegistrationsLast30Days percentageWithoutFreeshopVisitLast90Days
        """

    @Test("beneficiaryFigures of Lesvos, Thessaloniki and the closed base")
    func figures() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(
            """
            { lesvos: beneficiaryFigures(baseId: "1") { \(Self.figureFields) } \
            thessaloniki: beneficiaryFigures(baseId: "3") { \(Self.figureFields) } \
            closed: beneficiaryFigures(baseId: "4") { \(Self.figureFields) } }
            """, as: Fixtures.god)
        #expect(answer.errors.isEmpty)
        let lesvos: JSONValue = [
            "majorFamilyHeadGender": "Female", "majorFamilyHeadGenderPercentage": .number(2.0 / 3),
            "averageFamilySize": .number(5.0 / 3), "averageItemsPerVisitPerBeneficiary": 3,
            "averageTotalItemsPerBeneficiary": 4, "newRegistrationsLast30Days": 1,
            "percentageWithoutFreeshopVisitLast90Days": .number(2.0 / 3),
        ]
        let thessaloniki: JSONValue = [
            "majorFamilyHeadGender": "Male", "majorFamilyHeadGenderPercentage": 0.5, "averageFamilySize": 1,
            "averageItemsPerVisitPerBeneficiary": 5, "averageTotalItemsPerBeneficiary": 5,
            "newRegistrationsLast30Days": 1, "percentageWithoutFreeshopVisitLast90Days": 0.5,
        ]
        let closed: JSONValue = [
            "majorFamilyHeadGender": "Diverse", "majorFamilyHeadGenderPercentage": 0, "averageFamilySize": 0,
            "averageItemsPerVisitPerBeneficiary": 0, "averageTotalItemsPerBeneficiary": 0,
            "newRegistrationsLast30Days": 0, "percentageWithoutFreeshopVisitLast90Days": 0,
        ]
        #expect(answer.data?["lesvos"] == lesvos)
        #expect(answer.data?["thessaloniki"] == thessaloniki)
        #expect(answer.data?["closed"] == closed)
    }

    @Test("metrics of the user's organisation, all time and restricted by dates")
    func metrics() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(
            """
            { metrics { numberOfFamiliesServed numberOfSales \
            salesSince2025: numberOfSales(after: "2025-01-01") salesBefore: numberOfSales(before: "2024-02-04") \
            familiesInFebruary: numberOfFamiliesServed(after: "2024-02-01", before: "2024-02-10") } }
            """)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["metrics"]
                == [
                    "numberOfFamiliesServed": 4, "numberOfSales": 5, "salesSince2025": 2, "salesBefore": 3,
                    "familiesInFebruary": 2,
                ])
    }

    @Test("Reference quirk fixed: metrics(organisationId:) with the user's own id is allowed")
    func metricsOfOwnOrganisationPassedExplicitly() async throws {
        let api = try await APIHarness.makeStatistics()
        let answer = await api.run(#"{ metrics(organisationId: "1") { numberOfFamiliesServed numberOfSales } }"#)
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["metrics"] == ["numberOfFamiliesServed": 4, "numberOfSales": 5])
    }

    @Test("metrics of another organisation: forbidden to a user, readable by a god user")
    func metricsOfAnotherOrganisation() async throws {
        let api = try await APIHarness.makeStatistics()
        let document = #"{ metrics(organisationId: "2") { numberOfFamiliesServed numberOfSales } }"#
        let user = await api.run(document)
        #expect(user.firstCode == "FORBIDDEN")
        #expect(
            user.errors.first?["extensions"]?["description"] == "You don't have access to 'organisation=2'")
        #expect(user.data?["metrics"] == .null)
        let god = await api.run(document, as: Fixtures.god)
        #expect(god.errors.isEmpty)
        #expect(god.data?["metrics"] == ["numberOfFamiliesServed": 1, "numberOfSales": 5])
        let godWithoutOrganisation = await api.run(
            "{ metrics { numberOfFamiliesServed numberOfSales } }", as: Fixtures.god)
        #expect(godWithoutOrganisation.data?["metrics"] == ["numberOfFamiliesServed": 0, "numberOfSales": 0])
    }

    @Test("the beneficiary cubes of Thessaloniki are forbidden to Lesvos' coordinator despite the agreement")
    func noCrossOrganisationAccess() async throws {
        let api = try await APIHarness.makeStatistics()
        for field in ["beneficiaryDemographics", "beneficiaryReach", "topProductsCheckedOut"] {
            let answer = await api.run("{ \(field)(baseId: \(Self.thessaloniki)) { __typename } }")
            #expect(answer.firstCode == "FORBIDDEN", "\(field)")
            #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
            #expect(answer.data?[field] == .null)
        }
        let figures = await api.run(#"{ beneficiaryFigures(baseId: "3") { averageFamilySize } }"#)
        #expect(figures.firstCode == "FORBIDDEN")
    }

    @Test("an unknown base: forbidden to a user, BAD_USER_INPUT for a god user")
    func unknownBase() async throws {
        let api = try await APIHarness.makeStatistics()
        let user = await api.run("{ beneficiaryDemographics(baseId: \(Fixtures.unknownID)) { __typename } }")
        #expect(user.firstCode == "FORBIDDEN")
        #expect(user.errors.first?["extensions"]?["description"] == "You don't have access to 'base=99'")
        for field in ["beneficiaryDemographics", "beneficiaryReach", "topProductsCheckedOut"] {
            let god = await api.run("{ \(field)(baseId: \(Fixtures.unknownID)) { __typename } }", as: Fixtures.god)
            #expect(god.firstCode == "BAD_USER_INPUT", "\(field)")
            #expect(
                god.errors.first?["extensions"]?["description"]
                    == "The requested resource does not exist in the database.")
        }
    }
}
