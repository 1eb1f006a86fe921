/// Reading organisations.
public enum OrganisationService {
    /// Organisations not deleted, id order.
    public static func organisations(in scope: some ServiceScope) async throws -> [Organisation] {
        try scope.user.authorize("organisation:read")
        return try await scope.data.core.allOrganisations()
    }

    public static func organisation(id: Int, in scope: some ServiceScope) async throws -> Organisation {
        try scope.user.authorize("organisation:read")
        return try await scope.data.core.organisations([id])[id].orNotFound()
    }

    /// Organisations by id (a base's organisation).
    public static func organisations(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: Organisation] {
        try scope.user.authorize("organisation:read")
        return try await scope.data.core.organisations(ids)
    }

    /// `User.organisation`: the requesting user's own organisation; `nil` for any other user.
    public static func organisations(ofUsers users: [User], in scope: some ServiceScope) async throws -> [Organisation?]
    {
        let requester = scope.user
        guard users.contains(where: { $0.id == requester.id }), let organisationId = requester.organisationId else {
            return users.map { _ in nil }
        }
        try requester.authorize("organisation:read")
        let organisation = try await scope.data.core.organisations([organisationId])[organisationId]
        return users.map { $0.id == requester.id ? organisation : nil }
    }
}
