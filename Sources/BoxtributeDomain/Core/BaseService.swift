/// Reading bases (`camps`).
public enum BaseService {
    /// The bases the user may read, id order; deleted ones only when asked.
    public static func bases(includeDeleted: Bool, in scope: some ServiceScope) async throws -> [Base] {
        let visible = try scope.user.baseScope(for: "base:read")
        return try await scope.data.core.bases(in: visible, includeDeleted: includeDeleted)
    }

    /// One base. The permission is checked before existence, with the requested id.
    public static func base(id: Base.ID, in scope: some ServiceScope) async throws -> Base {
        try scope.user.authorize("base:read", baseId: id)
        return try await scope.data.core.bases([id])[id].orNotFound()
    }

    /// The bases of each organisation, in order. Any `base:read` suffices: every organisation's
    /// bases are listed, as the reference does.
    public static func bases(
        ofOrganisations organisations: [Organisation], includeDeleted: Bool, in scope: some ServiceScope
    ) async throws -> [[Base]] {
        try scope.user.authorize("base:read")
        let bases = try await scope.data.core.bases(
            ofOrganisations: organisations.map(\.id), includeDeleted: includeDeleted)
        return organisations.map { organisation in bases.filter { $0.organisationId == organisation.id } }
    }

    /// The bases of the requesting user, for `User.bases`: every base they may read, deleted
    /// ones included; `nil` for any other user.
    public static func bases(
        ofUsers users: [User], in scope: some ServiceScope
    ) async throws -> [Result<[Base]?, Forbidden>] {
        guard users.contains(where: { $0.id == scope.user.id }) else { return users.map { _ in .success(nil) } }
        let visible: BaseScope
        do throws(Forbidden) {
            visible = try scope.user.baseScope(for: "base:read")
        } catch {
            return users.map { $0.id == scope.user.id ? .failure(error) : .success(nil) }
        }
        let bases = try await scope.data.core.bases(in: visible, includeDeleted: true)
        return users.map { .success($0.id == scope.user.id ? bases : nil) }
    }
}

extension BaseService {
    /// The names of a base and its organisation, for the error that says the user may not
    /// access that base; `nil` when the base does not exist. Reads no more than the names the
    /// error shows, so it needs no permission.
    public static func names(
        ofBase baseId: Base.ID, in session: any DataSession
    ) async throws -> (base: String, organisation: String)? {
        let core = session.repositories.core
        guard let base = try await core.bases([baseId])[baseId] else { return nil }
        let organisation = try await core.organisations([base.organisationId])[base.organisationId]
        return (base.name ?? "", organisation?.name ?? "")
    }
}
