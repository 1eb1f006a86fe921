/// Who may read the stock statistics of a base: its own organisation's users with the read
/// permissions for it, and users of a partner organisation through an accepted transfer
/// agreement (the reference's `authorize_cross_organisation_access`, `authz.py`).
enum StatisticsAccess {
    /// Requires `<resource>:read` for every resource, for `baseId` or across organisations.
    ///
    /// 1. A god user passes (the service still checks that the base exists).
    /// 2. Base-agnostic resources need their permission at all, in the given order.
    /// 3. The base must exist, else `base=<id>` is refused.
    /// 4. A base of the user's organisation needs every base-specific permission for it.
    /// 5. Otherwise the user's bases are those of the first base-specific permission; one of
    ///    them must be linked to `baseId` by a detail of an accepted agreement (its type and
    ///    validity do not matter), and every base-specific permission must be held for one of
    ///    them.
    static func authorizeAcrossOrganisations(
        _ resources: [String], baseId: Base.ID, in scope: some ServiceScope
    ) async throws {
        let user = scope.user
        if user.isGod { return }
        let baseSpecific = resources.filter { !Resource.baseAgnostic.contains($0) }
        for resource in resources where Resource.baseAgnostic.contains(resource) {
            try user.authorize("\(resource):read")
        }
        guard let first = baseSpecific.first else { return }
        let refused = Forbidden(.resource("base", String(baseId.rawValue)))
        guard let base = try await scope.data.core.bases([baseId])[baseId] else { throw refused }
        if base.organisationId == user.organisationId {
            for resource in baseSpecific { try user.authorize("\(resource):read", baseId: baseId) }
            return
        }
        guard let granted = user.permissions["\(first):read"] else { throw refused }
        let userBases = granted.sorted()
        guard try await scope.data.transfers.hasAcceptedAgreement(linking: baseId, withAnyOf: userBases) else {
            throw refused
        }
        for resource in baseSpecific { try user.authorize("\(resource):read", anyOf: userBases) }
    }
}
