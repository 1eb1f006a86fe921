import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// The beneficiary statistics over the statistics fixtures, on the fixture clock: the cubes
/// (demographics, reach, top products checked out), the figures, the metrics, and who may
/// read them.
@Suite("Beneficiary statistics: cubes, figures, metrics")
struct BeneficiaryStatisticsTests {
    typealias Service = BeneficiaryStatisticsService
    typealias People = Fixtures.BeneficiaryID
    typealias NewPeople = Fixtures.Statistics.BeneficiaryID
    typealias Tags = Fixtures.TagID
    typealias Bases = Fixtures.BaseID

    static let now = Fixtures.Statistics.now

    /// Runs `body` as `user` on a fresh statistics database; the session counts the statements.
    @discardableResult
    static func read<T>(
        as user: CurrentUser = Fixtures.god, _ body: (ReadScope, SQLRequestSession) async throws -> T
    ) async throws -> T {
        let database = try await Fixtures.Statistics.makeDatabase()
        let session = SQLRequestSession(database: database)
        do {
            let result = try await body(ReadScope(user: user, session: session), session)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    static func tag(_ id: BoxtributeDomain.Tag.ID) -> TagDimension {
        switch id {
        case Tags.family: TagDimension(id: id, name: "Family", color: "#112233")
        case Tags.urgent: TagDimension(id: id, name: "Urgent", color: "#ff0000")
        default: TagDimension(id: id, name: "?", color: "?")
        }
    }

    // MARK: - beneficiaryDemographics

    @Test("demographics of Lesvos: active and deactivated people by gender, age, days and sorted tags")
    func demographicsOfLesvos() async throws {
        let cube = try await Self.read { scope, session in
            let cube = try await Service.demographics(ofBase: Bases.lesvos, now: Self.now, in: scope)
            // The base check, the facts and the tags.
            #expect(session.statementCount == 3)
            return cube
        }
        #expect(
            cube.facts == [
                BeneficiaryDemographicsFact(
                    age: 40, gender: .female, createdOn: "2024-01-10", deletedOn: nil, tagIds: [Tags.family], count: 1),
                BeneficiaryDemographicsFact(
                    age: 9, gender: .male, createdOn: "2024-01-10", deletedOn: nil, tagIds: [Tags.urgent], count: 2),
                BeneficiaryDemographicsFact(
                    age: nil, gender: .diverse, createdOn: "2024-02-01", deletedOn: "2024-03-01", tagIds: [], count: 1),
                BeneficiaryDemographicsFact(
                    age: 39, gender: .female, createdOn: "2025-05-20", deletedOn: nil, tagIds: [], count: 1),
            ])
        #expect(cube.dimensions.tags == [Self.tag(Tags.family), Self.tag(Tags.urgent)])
    }

    @Test("demographics of Thessaloniki: a birthday on the clock's date counts the full year")
    func demographicsOfThessaloniki() async throws {
        let cube = try await Self.read { scope, _ in
            try await Service.demographics(ofBase: Bases.thessaloniki, now: Self.now, in: scope)
        }
        #expect(
            cube.facts == [
                BeneficiaryDemographicsFact(
                    age: 25, gender: .female, createdOn: "2024-01-06", deletedOn: nil, tagIds: [], count: 1),
                BeneficiaryDemographicsFact(
                    age: 40, gender: .male, createdOn: "2025-05-25", deletedOn: nil, tagIds: [], count: 1),
            ])
        #expect(cube.dimensions.tags.isEmpty)
    }

    @Test("Reference quirk fixed: people with the same tags, assigned in different orders, share one fact")
    func demographicsGroupSortedTags() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let twin = 300
        try await database.transaction { connection in
            _ = try await connection.execute(
                """
                INSERT INTO people (id, parent_id, seq, firstname, lastname, date_of_birth, gender, family_id, container, \
                comments, phone, camp_id, deleted, notregistered, volunteer, approvalsigned, signaturefield, \
                date_of_signature, bicyclebancomment, workshopbancomment, created, created_by, modified, modified_by) VALUES \
                (?, NULL, 1, 'Rana', 'Saleh', '1985-06-02', 'F', 0, 'R1', NULL, NULL, 1, '0000-00-00 00:00:00', 0, 0, 0, \
                NULL, '0000-00-00 00:00:00', '', '', '2025-05-20 18:00:00', 2, NULL, NULL)
                """, [.integer(twin)])
            // Mona gets Urgent before Family, her twin Family before Urgent.
            _ = try await connection.execute(
                """
                INSERT INTO tags_relations (id, object_id, object_type, tag_id, created_on, created_by_id) VALUES
                (300, ?, 'People', ?, '2025-05-21 00:00:00', 2), (301, ?, 'People', ?, '2025-05-21 00:00:00', 2),
                (302, ?, 'People', ?, '2025-05-21 00:00:00', 2), (303, ?, 'People', ?, '2025-05-21 00:00:00', 2)
                """,
                [
                    .integer(NewPeople.mona), .integer(Tags.urgent.rawValue), .integer(NewPeople.mona),
                    .integer(Tags.family.rawValue), .integer(twin), .integer(Tags.family.rawValue), .integer(twin),
                    .integer(Tags.urgent.rawValue),
                ])
        }
        let scope = ReadScope(user: Fixtures.god, session: SQLRequestSession(database: database))
        let cube = try await Service.demographics(ofBase: Bases.lesvos, now: Self.now, in: scope)
        await database.close()
        #expect(
            cube.facts.last
                == BeneficiaryDemographicsFact(
                    age: 39, gender: .female, createdOn: "2025-05-20", deletedOn: nil,
                    tagIds: [Tags.family, Tags.urgent], count: 2))
        #expect(cube.facts.count == 4)
    }

    @Test("the share-link cube has no permission check and the same facts")
    func demographicsCubeWithoutAuthorization() async throws {
        let (cube, count) = try await Self.read(as: Fixtures.nobody) { scope, session in
            let cube = try await Service.demographicsCube(ofBase: Bases.lesvos, now: Self.now, data: scope.data)
            return (cube, session.statementCount)
        }
        #expect(cube.facts.count == 4)
        #expect(cube.facts.map(\.count).reduce(0, +) == 5)
        // The facts and the tags: no base check.
        #expect(count == 2)
    }

    // MARK: - beneficiaryReach

    /// The reach facts of Lesvos in the standard setting, in order.
    static let lesvosReach: [BeneficiaryReachFact] = {
        func fact(_ day: String, _ id: Int, _ type: BeneficiaryReachType, _ count: Int = 1) -> BeneficiaryReachFact {
            BeneficiaryReachFact(reachedOn: day, beneficiaryId: id, reachType: type, count: count)
        }
        return [
            fact("2024-02-03", People.aisha, .checkout),
            fact("2024-02-03", People.omar, .checkout),
            fact("2024-02-03", NewPeople.yusuf, .checkout),
            fact("2024-02-10", People.lena, .checkout),
            fact("2024-03-01", People.aisha, .checkout),
            fact("2024-03-01", People.omar, .checkout),
            fact("2024-03-01", NewPeople.yusuf, .checkout),
            fact("2025-05-25", NewPeople.mona, .checkout),
            fact("2023-01-15", People.aisha, .createdOrEdited),
            fact("2024-01-10", People.aisha, .createdOrEdited),
            fact("2024-01-11", People.aisha, .createdOrEdited),
            fact("2024-02-01", People.lena, .createdOrEdited),
            fact("2025-05-20", NewPeople.mona, .createdOrEdited),
            fact("2024-05-01", People.aisha, .serviceUsed, 2),
            fact("2024-01-02", People.aisha, .tagApplied),
            fact("2024-01-02", People.omar, .tagApplied),
            fact("2024-01-10", NewPeople.yusuf, .tagApplied),
        ]
    }()

    static let lesvosReachedPeople = [
        BeneficiaryDimension(id: People.aisha, age: 40, tagIds: [Tags.family], gender: .female),
        BeneficiaryDimension(id: People.omar, age: 9, tagIds: [Tags.urgent], gender: .male),
        BeneficiaryDimension(id: People.lena, age: nil, tagIds: [], gender: .diverse),
        BeneficiaryDimension(id: NewPeople.yusuf, age: 9, tagIds: [Tags.urgent], gender: .male),
        BeneficiaryDimension(id: NewPeople.mona, age: 39, tagIds: [], gender: .female),
    ]

    @Test("reach of Lesvos since 2019: one event per timestamp, services each, members through the head's checkout")
    func reachStandard() async throws {
        let cube = try await Self.read { scope, session in
            let cube = try await Service.reach(ofBase: Bases.lesvos, now: Self.now, settings: .standard, in: scope)
            // The base check, the facts, the people and the tags.
            #expect(session.statementCount == 4)
            return cube
        }
        #expect(cube.facts == Self.lesvosReach)
        #expect(cube.dimensions.beneficiaries == Self.lesvosReachedPeople)
        #expect(cube.dimensions.tags == [Self.tag(Tags.family), Self.tag(Tags.urgent)])
    }

    @Test("reach in production: only the last 104 weeks, so the 2023 edit of Aisha is left out")
    func reachProduction() async throws {
        let cube = try await Self.read { scope, _ in
            try await Service.reach(ofBase: Bases.lesvos, now: Self.now, settings: .production, in: scope)
        }
        #expect(
            cube.facts
                == Self.lesvosReach.filter { !($0.reachedOn == "2023-01-15" && $0.reachType == .createdOrEdited) })
        #expect(cube.facts.count == Self.lesvosReach.count - 1)
        #expect(cube.dimensions.beneficiaries == Self.lesvosReachedPeople)
    }

    @Test("reach of a base without events is empty and costs no dimension statement")
    func reachOfEmptyBase() async throws {
        let (cube, count) = try await Self.read { scope, session in
            let cube = try await Service.reach(ofBase: Bases.closed, now: Self.now, settings: .standard, in: scope)
            return (cube, session.statementCount)
        }
        #expect(cube.facts.isEmpty)
        #expect(cube.dimensions.beneficiaries.isEmpty)
        #expect(cube.dimensions.tags.isEmpty)
        #expect(count == 2)
    }

    // MARK: - topProductsCheckedOut

    @Test("top products checked out of Lesvos: ranked by items, ties share a rank and the next skips")
    func topProductsCheckedOut() async throws {
        let cube = try await Self.read { scope, _ in
            try await Service.topProductsCheckedOut(ofBase: Bases.lesvos, in: scope)
        }
        let jeans = Fixtures.ProductID.jeans, rice = Fixtures.ProductID.rice
        #expect(
            cube.facts == [
                TopProductsCheckedOutFact(
                    checkedOutOn: "2024-03-01", productId: jeans, categoryId: 2, rank: 1, itemsCount: 4),
                TopProductsCheckedOutFact(
                    checkedOutOn: "2024-02-03", productId: jeans, categoryId: 2, rank: 2, itemsCount: 3),
                TopProductsCheckedOutFact(
                    checkedOutOn: "2025-05-25", productId: jeans, categoryId: 2, rank: 3, itemsCount: 2),
                TopProductsCheckedOutFact(
                    checkedOutOn: "2024-02-03", productId: rice, categoryId: 11, rank: 3, itemsCount: 2),
                TopProductsCheckedOutFact(
                    checkedOutOn: "2024-02-10", productId: jeans, categoryId: 2, rank: 5, itemsCount: 1),
            ])
        #expect(cube.dimensions.sizes == nil)
        #expect(
            cube.dimensions.products == [
                ProductDimension(id: jeans, name: "Jeans", gender: .men),
                ProductDimension(id: rice, name: "Rice", gender: ProductGender.none),
            ])
        #expect(cube.dimensions.categories.count == 18)
        #expect(cube.dimensions.categories.map(\.id) == Array(1...15) + [18, 19, 20])
    }

    // MARK: - beneficiaryFigures

    @Test("figures of Lesvos: Female heads lead; registrations of 30 days, heads without a visit in 90")
    func figuresOfLesvos() async throws {
        let figures = try await Self.read { scope, session in
            let figures = try await Service.figures(ofBase: Bases.lesvos, now: Self.now, in: scope)
            #expect(session.statementCount == 1)
            return figures
        }
        #expect(
            figures
                == BeneficiaryFigures(
                    majorFamilyHeadGender: .female, majorFamilyHeadGenderPercentage: 2.0 / 3,
                    averageFamilySize: 5.0 / 3, averageItemsPerVisitPerBeneficiary: 3,
                    averageTotalItemsPerBeneficiary: 4, newRegistrationsLast30Days: 1,
                    percentageWithoutFreeshopVisitLast90Days: 2.0 / 3))
    }

    @Test("figures of Thessaloniki: a one-to-one tie goes to Male")
    func figuresOfThessaloniki() async throws {
        let figures = try await Self.read { scope, _ in
            try await Service.figures(ofBase: Bases.thessaloniki, now: Self.now, in: scope)
        }
        #expect(
            figures
                == BeneficiaryFigures(
                    majorFamilyHeadGender: .male, majorFamilyHeadGenderPercentage: 0.5, averageFamilySize: 1,
                    averageItemsPerVisitPerBeneficiary: 5, averageTotalItemsPerBeneficiary: 5,
                    newRegistrationsLast30Days: 1, percentageWithoutFreeshopVisitLast90Days: 0.5))
    }

    @Test("figures of a base without people, and of an unknown base: Diverse and zero", arguments: [4, 99])
    func figuresWithoutPeople(baseId: Int) async throws {
        let figures = try await Self.read { scope, _ in
            try await Service.figures(ofBase: Base.ID(rawValue: baseId), now: Self.now, in: scope)
        }
        #expect(figures == BeneficiaryFigures(counts: BeneficiaryFigureCounts()))
        #expect(figures.majorFamilyHeadGender == .diverse)
        #expect(figures.averageFamilySize == 0)
    }

    // MARK: - metrics

    @Test("metrics of the user's organisation, without an argument")
    func metricsOfOwnOrganisation() async throws {
        let numbers = try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            let metrics = try Service.metrics(organisationId: nil, in: scope)
            #expect(metrics.organisationId == Fixtures.Org.aidA)
            return (
                try await Service.familiesServed(metrics, range: TransactionDateRange(), in: scope),
                try await Service.sales(metrics, range: TransactionDateRange(), in: scope)
            )
        }
        #expect(numbers.0 == 4)
        #expect(numbers.1 == 5)
    }

    @Test("Reference quirk fixed: a user passing their own organisation id explicitly reads its metrics")
    func metricsOfOwnOrganisationPassedExplicitly() async throws {
        let numbers = try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            let metrics = try Service.metrics(organisationId: Fixtures.Org.aidA, in: scope)
            return (
                try await Service.familiesServed(metrics, range: TransactionDateRange(), in: scope),
                try await Service.sales(metrics, range: TransactionDateRange(), in: scope)
            )
        }
        #expect(numbers.0 == 4)
        #expect(numbers.1 == 5)
    }

    @Test("metrics restricted by dates: after and before are exclusive midnights, both together BETWEEN")
    func metricsWithDates() async throws {
        let numbers = try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            let metrics = try Service.metrics(organisationId: nil, in: scope)
            return [
                try await Service.sales(metrics, range: TransactionDateRange(after: "2025-01-01"), in: scope),
                try await Service.sales(metrics, range: TransactionDateRange(before: "2024-02-04"), in: scope),
                // The transaction at 2024-02-10 09:00 is after `before` at midnight.
                try await Service.familiesServed(
                    metrics, range: TransactionDateRange(after: "2024-02-01", before: "2024-02-10"), in: scope),
            ]
        }
        #expect(numbers == [2, 3, 2])
    }

    @Test("another organisation's metrics are forbidden to a user")
    func metricsOfAnotherOrganisation() async throws {
        try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            #expect(throws: Forbidden(.resource("organisation", "2"))) {
                try Service.metrics(organisationId: Fixtures.Org.aidB, in: scope)
            }
        }
        #expect(Forbidden(.resource("organisation", "2")).description == "You don't have access to 'organisation=2'")
    }

    @Test("a god user reads any organisation's metrics")
    func metricsAsGod() async throws {
        let numbers = try await Self.read { scope, _ in
            let metrics = try Service.metrics(organisationId: Fixtures.Org.aidB, in: scope)
            return (
                try await Service.familiesServed(metrics, range: TransactionDateRange(), in: scope),
                try await Service.sales(metrics, range: TransactionDateRange(), in: scope)
            )
        }
        #expect(numbers.0 == 1)
        #expect(numbers.1 == 5)
    }

    @Test("a god user without an argument has no organisation: 0 without a statement")
    func metricsAsGodWithoutOrganisation() async throws {
        let (numbers, count) = try await Self.read { scope, session in
            let metrics = try Service.metrics(organisationId: nil, in: scope)
            #expect(metrics.organisationId == nil)
            let numbers = [
                try await Service.familiesServed(metrics, range: TransactionDateRange(), in: scope),
                try await Service.sales(metrics, range: TransactionDateRange(after: "2024-01-01"), in: scope),
            ]
            return (numbers, session.statementCount)
        }
        #expect(numbers == [0, 0])
        #expect(count == 0)
    }

    // MARK: - Authorization

    @Test("Lesvos' coordinator reads the beneficiary cubes of Lesvos")
    func coordinatorReadsOwnBase() async throws {
        let counts = try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            [
                try await Service.demographics(ofBase: Bases.lesvos, now: Self.now, in: scope).facts.count,
                try await Service.reach(ofBase: Bases.lesvos, now: Self.now, settings: .standard, in: scope).facts
                    .count,
                try await Service.topProductsCheckedOut(ofBase: Bases.lesvos, in: scope).facts.count,
            ]
        }
        #expect(counts == [4, Self.lesvosReach.count, 5])
    }

    @Test("the beneficiary cubes are never read across organisations, even with an agreement")
    func noCrossOrganisationAccess() async throws {
        try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            let forbidden = Forbidden(.resource("base", "3"))
            await #expect(throws: forbidden) {
                try await Service.demographics(ofBase: Bases.thessaloniki, now: Self.now, in: scope)
            }
            await #expect(throws: forbidden) {
                try await Service.reach(ofBase: Bases.thessaloniki, now: Self.now, settings: .standard, in: scope)
            }
            await #expect(throws: forbidden) {
                try await Service.topProductsCheckedOut(ofBase: Bases.thessaloniki, in: scope)
            }
            await #expect(throws: forbidden) {
                try await Service.figures(ofBase: Bases.thessaloniki, now: Self.now, in: scope)
            }
        }
    }

    @Test("an unknown base is forbidden to a user, and does not exist for a god user")
    func unknownBase() async throws {
        try await Self.read(as: Fixtures.lesvosCoordinator) { scope, _ in
            let forbidden = Forbidden(.resource("base", "99"))
            await #expect(throws: forbidden) {
                try await Service.demographics(ofBase: .unknown, now: Self.now, in: scope)
            }
            await #expect(throws: forbidden) {
                try await Service.topProductsCheckedOut(ofBase: .unknown, in: scope)
            }
        }
        try await Self.read { scope, _ in
            await #expect(throws: DomainError.notFound) {
                try await Service.demographics(ofBase: .unknown, now: Self.now, in: scope)
            }
            await #expect(throws: DomainError.notFound) {
                try await Service.reach(ofBase: .unknown, now: Self.now, settings: .standard, in: scope)
            }
            await #expect(throws: DomainError.notFound) {
                try await Service.topProductsCheckedOut(ofBase: .unknown, in: scope)
            }
        }
    }

    @Test("the permissions are checked in the reference's order")
    func permissionOrder() async throws {
        // Beneficiaries of Lesvos but no tag relations.
        let noTagRelations = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA,
            permissions: ["beneficiary:read": [Bases.lesvos], "product:read": [Bases.lesvos]])
        try await Self.read(as: noTagRelations) { scope, _ in
            await #expect(throws: Forbidden(.permission("tag_relation:read"))) {
                try await Service.demographics(ofBase: Bases.lesvos, now: Self.now, in: scope)
            }
            await #expect(throws: Forbidden(.permission("tag_relation:read"))) {
                try await Service.reach(ofBase: Bases.lesvos, now: Self.now, settings: .standard, in: scope)
            }
            // `transaction:read` comes first.
            await #expect(throws: Forbidden(.permission("transaction:read"))) {
                try await Service.topProductsCheckedOut(ofBase: Bases.lesvos, in: scope)
            }
            // `base:read` comes first.
            await #expect(throws: Forbidden(.permission("base:read"))) {
                try await Service.figures(ofBase: Bases.lesvos, now: Self.now, in: scope)
            }
        }
        let noCategories = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA,
            permissions: ["transaction:read": [Bases.lesvos], "product:read": [Bases.lesvos]])
        try await Self.read(as: noCategories) { scope, _ in
            await #expect(throws: Forbidden(.permission("product_category:read"))) {
                try await Service.topProductsCheckedOut(ofBase: Bases.lesvos, in: scope)
            }
            await #expect(throws: Forbidden(.resource("base", "3"))) {
                try await Service.topProductsCheckedOut(ofBase: Bases.thessaloniki, in: scope)
            }
        }
    }

    @Test("a reader of Samos reads Samos' figures but not Lesvos'")
    func figuresOfAnotherBase() async throws {
        try await Self.read(as: Fixtures.samosVolunteer) { scope, _ in
            let figures = try await Service.figures(ofBase: Bases.samos, now: Self.now, in: scope)
            #expect(figures.majorFamilyHeadGender == .male)
            #expect(figures.averageFamilySize == 1)
            await #expect(throws: Forbidden(.resource("base", "1"))) {
                try await Service.figures(ofBase: Bases.lesvos, now: Self.now, in: scope)
            }
        }
    }
}
