import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport

extension APIHarness {
    /// An API over the standard fixtures and the beneficiary mutation rows.
    static func makeBeneficiaries() async throws -> APIHarness {
        APIHarness(api: try api(), database: try await Fixtures.BeneficiaryMutations.makeDatabase())
    }

    /// `changes`, `from_int` and `to_int` of the history rows the fixture-time mutations wrote
    /// for one person, in order.
    func peopleHistory(_ recordId: Int) async throws -> [[String?]] {
        try await rows(
            "SELECT changes, from_int, to_int FROM history WHERE tablename = 'people' AND record_id = ? AND changedate = ? ORDER BY id",
            [.integer(recordId), .text(MutationEnvironment.fixtureNow)])
    }
}

/// Users and names the beneficiary mutation suites share.
enum BeneficiaryMutationSupport {
    /// The fixture clock as the API writes a `Datetime`.
    static let now = "2025-06-01T12:00:00+00:00"

    /// A Lesvos user with every permission but `withheld`, at beta level `betaLevel`.
    static func lesvosUser(without withheld: String? = nil, betaLevel: Int = 99) -> CurrentUser {
        // Removed from the map: the map grants what other permissions imply (tag:write → tag:read).
        var permissions = CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos])
        if let withheld { permissions[withheld] = nil }
        return CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: betaLevel,
            permissions: permissions)
    }

    /// The fields the suites read back.
    static let fields = """
        id firstName lastName dateOfBirth comment groupIdentifier gender languages familyHead { id } active \
        isVolunteer signed registered phoneNumber signature dateOfSignature tags { id } base { id } \
        createdBy { id } createdOn lastModifiedBy { id } lastModifiedOn
        """
}
