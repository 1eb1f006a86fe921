import BoxtributeDatabase
import BoxtributeDomain

/// ``CoreRepository`` in SQL: organisations, bases (`camps`) and users (`cms_users`).
struct SQLCoreRepository: CoreRepository {
    let db: any SQLQuerying

    func bases(_ ids: [Base.ID]) async throws -> [Base.ID: Base] { try await BaseStore.byIds(ids, in: db) }

    func bases(in scope: BaseScope, includeDeleted: Bool) async throws -> [Base] {
        try await BaseStore.list(scope: scope, includeDeleted: includeDeleted, in: db)
    }

    func bases(ofOrganisations organisationIds: [Int], includeDeleted: Bool) async throws -> [Base] {
        try await BaseStore.ofOrganisations(organisationIds, includeDeleted: includeDeleted, in: db)
    }

    func organisations(_ ids: [Int]) async throws -> [Int: Organisation] {
        try await OrganisationStore.byIds(ids, in: db)
    }

    func allOrganisations() async throws -> [Organisation] { try await OrganisationStore.all(in: db) }

    func users(_ ids: [Int]) async throws -> [Int: User] { try await UserStore.byIds(ids, in: db) }

    func allUsers() async throws -> [User] { try await UserStore.all(in: db) }
}
