import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// Who may read the stock statistics: the base's organisation, and partner organisations
/// through an accepted transfer agreement (`authorize_cross_organisation_access`).
@Suite("Stock statistics: cross-organisation access")
struct StatisticsAuthorizationTests {
    static func refused(_ base: Base.ID) -> Forbidden { Forbidden(.resource("base", String(base.rawValue))) }

    @Test("a coordinator reads the cubes of their own base", arguments: StockCube.allCases)
    func ownBase(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.lesvosCoordinator)
        #expect(try await cube.factCount(ofBase: Fixtures.BaseID.lesvos, in: scope) > 0)
    }

    @Test("Lesvos reads Thessaloniki through the accepted agreement 1 (source side)", arguments: StockCube.allCases)
    func partnerFromSource(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.lesvosCoordinator)
        #expect(try await cube.factCount(ofBase: Fixtures.BaseID.thessaloniki, in: scope) > 0)
    }

    @Test("Thessaloniki reads Lesvos through the accepted agreement 1 (target side)", arguments: StockCube.allCases)
    func partnerFromTarget(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.thessalonikiCoordinator)
        #expect(try await cube.factCount(ofBase: Fixtures.BaseID.lesvos, in: scope) > 0)
    }

    @Test("a base of the user's organisation without the permission for it is refused", arguments: StockCube.allCases)
    func ownOrganisationWithoutPermission(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.lesvosCoordinator)
        await #expect(throws: Self.refused(Fixtures.BaseID.samos)) {
            try await cube.factCount(ofBase: Fixtures.BaseID.samos, in: scope)
        }
    }

    @Test("a partner base linked only by a canceled agreement is refused", arguments: StockCube.allCases)
    func canceledAgreement(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.thessalonikiCoordinator)
        await #expect(throws: Self.refused(Fixtures.BaseID.samos)) {
            try await cube.factCount(ofBase: Fixtures.BaseID.samos, in: scope)
        }
    }

    @Test("an organisation without any agreement is refused", arguments: StockCube.allCases)
    func noAgreement(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.CrossTenant.lampedusaCoordinator)
        await #expect(throws: Self.refused(Fixtures.BaseID.lesvos)) {
            try await cube.factCount(ofBase: Fixtures.BaseID.lesvos, in: scope)
        }
    }

    @Test("an unknown base is refused to a non-god user", arguments: StockCube.allCases)
    func unknownBaseForUser(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.lesvosCoordinator)
        await #expect(throws: Self.refused(99)) { try await cube.factCount(ofBase: 99, in: scope) }
    }

    @Test("an unknown base is notFound for a god user", arguments: StockCube.allCases)
    func unknownBaseForGod(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.god)
        await #expect(throws: DomainError.notFound) { try await cube.factCount(ofBase: 99, in: scope) }
    }

    @Test("a god user reads any base", arguments: StockCube.allCases)
    func god(cube: StockCube) async throws {
        let scope = try await statisticsScope(as: Fixtures.god)
        #expect(try await cube.factCount(ofBase: Fixtures.BaseID.thessaloniki, in: scope) > 0)
    }

    /// Every read permission for Lesvos but `permission`.
    static func lesvosUser(without permission: String) -> CurrentUser {
        CurrentUser(
            id: 50, organisationId: Fixtures.Org.aidA,
            permissions: CurrentUser.permissionMap(
                PermissionCatalogue.reads.filter { $0 != permission }, baseIds: [Fixtures.BaseID.lesvos]))
    }

    @Test("a missing base-agnostic permission is named, before any base check")
    func missingAgnosticPermission() async throws {
        let user = Self.lesvosUser(without: "product_category:read")
        let scope = try await statisticsScope(as: user)
        await #expect(throws: Forbidden(.permission("product_category:read"))) {
            try await StockStatisticsService.createdBoxes(ofBase: Fixtures.BaseID.lesvos, in: scope)
        }
        // Also for a base that does not exist: the agnostic check comes first.
        await #expect(throws: Forbidden(.permission("product_category:read"))) {
            try await StockStatisticsService.createdBoxes(ofBase: 99, in: scope)
        }
    }

    @Test("the cubes need their own permissions: sizes, tag relations, locations")
    func cubeSpecificPermissions() async throws {
        let withoutSize = try await statisticsScope(as: Self.lesvosUser(without: "size:read"))
        await #expect(throws: Forbidden(.permission("size:read"))) {
            try await StockStatisticsService.topProductsDonated(ofBase: Fixtures.BaseID.lesvos, in: withoutSize)
        }
        #expect(try await StockCube.createdBoxes.factCount(ofBase: Fixtures.BaseID.lesvos, in: withoutSize) == 10)
        let withoutTags = try await statisticsScope(as: Self.lesvosUser(without: "tag_relation:read"))
        await #expect(throws: Forbidden(.permission("tag_relation:read"))) {
            try await StockStatisticsService.stockOverview(ofBase: Fixtures.BaseID.lesvos, in: withoutTags)
        }
        let withoutLocations = try await statisticsScope(as: Self.lesvosUser(without: "location:read"))
        await #expect(throws: Forbidden(.permission("location:read"))) {
            try await StockStatisticsService.movedBoxes(
                ofBase: Fixtures.BaseID.lesvos, settings: .standard, in: withoutLocations)
        }
    }

    @Test("a partner lacking a base-specific permission for their own bases is refused for those bases")
    func partnerWithoutPermission() async throws {
        // Stock for Lesvos, but products only for Samos.
        var permissions = CurrentUser.permissionMap(PermissionCatalogue.reads, baseIds: [Fixtures.BaseID.lesvos])
        permissions["product:read"] = [Fixtures.BaseID.samos]
        let user = CurrentUser(id: 51, organisationId: Fixtures.Org.aidA, permissions: permissions)
        let scope = try await statisticsScope(as: user)
        await #expect(throws: Forbidden(.resource("bases", "[1]"))) {
            try await StockStatisticsService.createdBoxes(ofBase: Fixtures.BaseID.thessaloniki, in: scope)
        }
    }

    @Test("the agreement look-up: accepted details in either direction; none for no bases")
    func agreementLookup() async throws {
        let transfers = try await statisticsScope().data.transfers
        let lesvos = Fixtures.BaseID.lesvos, samos = Fixtures.BaseID.samos
        let thessaloniki = Fixtures.BaseID.thessaloniki
        #expect(try await transfers.hasAcceptedAgreement(linking: thessaloniki, withAnyOf: [lesvos]))
        #expect(try await transfers.hasAcceptedAgreement(linking: lesvos, withAnyOf: [thessaloniki]))
        #expect(try await transfers.hasAcceptedAgreement(linking: thessaloniki, withAnyOf: [samos, lesvos, lesvos]))
        #expect(try await !transfers.hasAcceptedAgreement(linking: samos, withAnyOf: [thessaloniki]))
        #expect(try await !transfers.hasAcceptedAgreement(linking: thessaloniki, withAnyOf: [samos]))
        #expect(try await !transfers.hasAcceptedAgreement(linking: thessaloniki, withAnyOf: []))
    }
}
