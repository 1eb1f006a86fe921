import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// Creating share links and resolving their codes, over the statistics fixtures.
@Suite("Share links: create and resolve")
struct ShareableLinkTests {
    typealias LinkID = Fixtures.Statistics.LinkID

    /// Runs `body` in one mutation of `user` at the fixture time.
    static func mutate<T: Sendable>(
        _ database: any Database, as user: CurrentUser, environment: MutationEnvironment = .fixed(),
        _ body: @Sendable (MutationScope) async throws -> T
    ) async throws -> T {
        let session = SQLDataSource(database: database).openSession()
        return try await MutationScope.run(as: user, in: session, environment: environment, body)
    }

    static func create(
        _ input: ShareableLinkInput, as user: CurrentUser, in database: any Database,
        environment: MutationEnvironment = .fixed()
    ) async throws -> ShareableLink {
        try await mutate(database, as: user, environment: environment) { scope in
            try await ShareableLinkService.create(input, in: scope)
        }
    }

    static func dashboard(validUntil: String? = nil, urlParameters: String? = nil) -> ShareableLinkInput {
        ShareableLinkInput(
            baseId: Fixtures.BaseID.lesvos, view: .statvizDashboard,
            validUntil: validUntil.map(Timestamp.init(trustedText:)), urlParameters: urlParameters)
    }

    static func linkCount(_ database: any Database) async throws -> Int {
        try await database.query("SELECT COUNT(*) FROM shareable_link", []).first?.values.first?.intValue ?? -1
    }

    static func resolve(_ code: String, in database: any Database) async throws -> LinkResolution {
        let session = SQLDataSource(database: database).openSession()
        return try await ShareableLinkService.resolve(code: code, now: Fixtures.Statistics.now, in: session)
    }

    // MARK: create

    @Test("a coordinator's link is valid for a week from now, stored as returned")
    func createDefault() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let link = try await Self.create(Self.dashboard(), as: Fixtures.lesvosCoordinator, in: database)
        #expect(link.id == 7)
        #expect(link.code == MutationEnvironment.fixedLinkCode(1))
        #expect(link.baseId == Fixtures.BaseID.lesvos)
        #expect(link.view == .statvizDashboard)
        #expect(link.validUntil?.iso8601 == "2025-06-08T12:00:00+00:00")
        #expect(link.createdOn.iso8601 == "2025-06-01T12:00:00+00:00")
        #expect(link.createdBy == Fixtures.UserID.lesvosCoordinator)
        #expect(link.urlParameters == nil)
        let row = try await database.query(
            """
            SELECT id, code, valid_until, view, base_id, url_parameters, created_on, created_by_id
            FROM shareable_link WHERE id = ?
            """, [.integer(link.id)]
        ).first?.values.map(\.stringValue)
        #expect(
            row == [
                "7", MutationEnvironment.fixedLinkCode(1), "2025-06-08 12:00:00", "StatvizDashboard", "1", nil,
                "2025-06-01 12:00:00", "2",
            ])
        await database.close()
    }

    @Test("a given date and URL parameters are kept; the stored link resolves to them")
    func createWithDateAndParameters() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let input = ShareableLinkInput(
            baseId: Fixtures.BaseID.lesvos, view: .stockOverview,
            validUntil: Timestamp(trustedText: "2025-06-15 12:00:00"), urlParameters: "tags=1")
        let link = try await Self.create(input, as: Fixtures.lesvosCoordinator, in: database)
        #expect(link.validUntil?.databaseText == "2025-06-15 12:00:00")
        #expect(link.urlParameters == "tags=1")
        guard case .resolved(let resolved) = try await Self.resolve(link.code, in: database) else {
            Issue.record("the new link does not resolve")
            return
        }
        #expect(resolved.link == link)
        #expect(resolved.baseName == "Lesvos")
        await database.close()
    }

    @Test("a date alone is stored as its midnight")
    func createWithDateOnly() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let link = try await Self.create(
            Self.dashboard(validUntil: "2025-07-01"), as: Fixtures.lesvosCoordinator, in: database)
        #expect(link.validUntil?.databaseText == "2025-07-01 00:00:00")
        let stored = try await database.query(
            "SELECT valid_until FROM shareable_link WHERE id = ?", [.integer(link.id)])
        #expect(stored.first?.values.first?.stringValue == "2025-07-01 00:00:00")
        await database.close()
    }

    @Test("a date in the past is InvalidDate and writes no row; now itself is valid")
    func createInThePast() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        await #expect(throws: UserError.invalidDate(Timestamp(trustedText: "2024-12-31 00:00:00"))) {
            try await Self.create(
                Self.dashboard(validUntil: "2024-12-31"), as: Fixtures.lesvosCoordinator, in: database)
        }
        await #expect(throws: UserError.invalidDate(Timestamp(trustedText: "2025-06-01 11:59:59"))) {
            try await Self.create(
                Self.dashboard(validUntil: "2025-06-01 11:59:59"), as: Fixtures.lesvosCoordinator, in: database)
        }
        #expect(try await Self.linkCount(database) == 6)
        let link = try await Self.create(
            Self.dashboard(validUntil: MutationEnvironment.fixtureNow), as: Fixtures.lesvosCoordinator, in: database)
        #expect(link.validUntil == Fixtures.Statistics.now)
        await database.close()
    }

    @Test("without shareable_link:create, or for another base, the creation is refused")
    func createForbidden() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        await #expect(throws: Forbidden(.permission("shareable_link:create"))) {
            try await Self.create(Self.dashboard(), as: Fixtures.lesvosReader, in: database)
        }
        await #expect(throws: Forbidden(.resource("base", "1"))) {
            try await Self.create(Self.dashboard(), as: Fixtures.thessalonikiCoordinator, in: database)
        }
        #expect(try await Self.linkCount(database) == 6)
        await database.close()
    }

    @Test("the permission check comes before the date and the parameters' length")
    func permissionFirst() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        await #expect(throws: Forbidden(.permission("shareable_link:create"))) {
            try await Self.create(
                Self.dashboard(validUntil: "2024-12-31", urlParameters: String(repeating: "x", count: 2001)),
                as: Fixtures.lesvosReader, in: database)
        }
        await database.close()
    }

    @Test("URL parameters of up to 2,000 characters are kept; longer ones are refused")
    func parametersLength() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let longest = String(repeating: "x", count: 2000)
        let link = try await Self.create(
            Self.dashboard(urlParameters: longest), as: Fixtures.lesvosCoordinator, in: database)
        #expect(link.urlParameters == longest)
        await #expect(throws: DomainError.self) {
            try await Self.create(
                Self.dashboard(urlParameters: longest + "x"), as: Fixtures.lesvosCoordinator, in: database)
        }
        #expect(try await Self.linkCount(database) == 7)
        await database.close()
    }

    @Test("a god user's unknown base is not found (looked up before the insert), no row")
    func createForUnknownBase() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let input = ShareableLinkInput(
            baseId: Base.ID(rawValue: Fixtures.unknownID), view: .stockOverview, validUntil: nil, urlParameters: nil)
        await #expect(throws: DomainError.notFound) {
            _ = try await Self.create(input, as: Fixtures.god, in: database)
        }
        #expect(try await Self.linkCount(database) == 6)
        await database.close()
    }

    @Test("two creations with the live generator give different 64-hex-digit codes")
    func liveCodes() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let fixed = MutationEnvironment.fixed()
        let live = MutationEnvironment(now: fixed.now, newLabel: fixed.newLabel, newColor: fixed.newColor)
        let first = try await Self.create(
            Self.dashboard(), as: Fixtures.lesvosCoordinator, in: database, environment: live)
        let second = try await Self.create(
            Self.dashboard(), as: Fixtures.lesvosCoordinator, in: database, environment: live)
        #expect(first.code != second.code)
        for code in [first.code, second.code] {
            #expect(code.count == 64)
            #expect(code.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
        #expect(second.id == first.id + 1)
        await database.close()
    }

    // MARK: resolve

    @Test("an unknown code is unknown, echoed unchanged")
    func resolveUnknown() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        guard case .unknown(let code) = try await Self.resolve("UnKnown", in: database) else {
            Issue.record("resolved")
            return
        }
        #expect(code == "UnKnown")
        let tooLong = String(repeating: "a", count: 256)
        guard case .unknown(let echoed) = try await Self.resolve(tooLong, in: database) else {
            Issue.record("resolved")
            return
        }
        #expect(echoed == tooLong)
        await database.close()
    }

    @Test("an expired link answers its expiry")
    func resolveExpired() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        guard
            case .expired(let validUntil) = try await Self.resolve(
                Fixtures.Statistics.linkCode(LinkID.expired), in: database)
        else {
            Issue.record("not expired")
            return
        }
        #expect(validUntil.iso8601 == "2025-05-31T12:00:00+00:00")
        await database.close()
    }

    @Test("a valid link resolves with its base's and organisation's names, in any case of its code")
    func resolveValid() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let code = Fixtures.Statistics.linkCode(LinkID.dashboard)
        for asked in [code, code.uppercased()] {
            guard case .resolved(let resolved) = try await Self.resolve(asked, in: database) else {
                Issue.record("\(asked) does not resolve")
                continue
            }
            #expect(resolved.link.id == LinkID.dashboard)
            #expect(resolved.link.code == code)
            #expect(resolved.link.view == .statvizDashboard)
            #expect(resolved.link.baseId == Fixtures.BaseID.lesvos)
            #expect(resolved.link.urlParameters == "?from=2024-01-01&to=2025-01-01")
            #expect(resolved.link.validUntil?.iso8601 == "2025-06-08T12:00:00+00:00")
            #expect(resolved.link.createdOn.databaseText == "2025-06-01 12:00:00")
            #expect(resolved.link.createdBy == Fixtures.UserID.lesvosCoordinator)
            #expect(resolved.baseName == "Lesvos")
            #expect(resolved.organisationName == "Aid Org A")
        }
        await database.close()
    }

    @Test("a link without expiry never expires; a link whose base is gone has no names")
    func resolveWithoutExpiryOrBase() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        try await database.transaction { connection in
            _ = try await connection.execute(
                "UPDATE shareable_link SET valid_until = NULL, base_id = NULL WHERE id = ?",
                [.integer(LinkID.expired)])
        }
        guard
            case .resolved(let resolved) = try await Self.resolve(
                Fixtures.Statistics.linkCode(LinkID.expired), in: database)
        else {
            Issue.record("does not resolve")
            return
        }
        #expect(resolved.link.validUntil == nil)
        #expect(resolved.link.baseId == nil)
        #expect(resolved.baseName == nil)
        #expect(resolved.organisationName == nil)
        let session = SQLDataSource(database: database).openSession()
        await #expect(throws: DomainError.notFound) {
            try await ShareableLinkService.data(
                of: resolved, now: Fixtures.Statistics.now, settings: .standard, in: session)
        }
        await database.close()
    }

    @Test("a view the enum does not know is an internal error")
    func unknownView() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        try await database.transaction { connection in
            _ = try await connection.execute(
                "UPDATE shareable_link SET view = 'Nonsense' WHERE id = ?", [.integer(LinkID.dashboard)])
        }
        await #expect(throws: DomainError.internalError("Invalid value for ShareableView")) {
            try await Self.resolve(Fixtures.Statistics.linkCode(LinkID.dashboard), in: database)
        }
        await database.close()
    }

    @Test("the data of a dashboard is its four cubes in order; a stock overview's, one")
    func dataShapes() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let session = SQLDataSource(database: database).openSession()
        func kinds(_ id: Int) async throws -> [String] {
            guard case .resolved(let link) = try await Self.resolve(Fixtures.Statistics.linkCode(id), in: database)
            else { return [] }
            return try await ShareableLinkService.data(
                of: link, now: Fixtures.Statistics.now, settings: .standard, in: session
            ).map { cube in
                switch cube {
                case .beneficiaryDemographics: "demographics"
                case .createdBoxes: "created"
                case .movedBoxes: "moved"
                case .stockOverview: "stock"
                }
            }
        }
        #expect(try await kinds(LinkID.dashboard) == ["demographics", "created", "moved", "stock"])
        #expect(try await kinds(LinkID.includingTags) == ["stock"])
        await database.close()
    }
}
