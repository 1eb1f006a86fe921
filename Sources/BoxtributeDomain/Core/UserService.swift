/// Reading users (`cms_users`).
public enum UserService {
    public static func user(id: Int?, in scope: some ServiceScope) async throws -> User {
        try scope.user.authorize("user:read")
        guard let id else { throw DomainError.notFound }
        return try await scope.data.core.users([id])[id].orNotFound()
    }

    /// Every user for a god user; nobody for the others.
    public static func users(in scope: some ServiceScope) async throws -> [User] {
        try scope.user.authorize("user:read")
        return scope.user.isGod ? try await scope.data.core.allUsers() : []
    }

    /// Users by id (`createdBy`, `lastModifiedBy`, ...).
    public static func users(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: User] {
        try scope.user.authorize("user:read")
        return try await scope.data.core.users(ids)
    }

    /// A user's e-mail address: only the user themself may read it.
    public static func email(of user: User, in scope: some ServiceScope) throws(Forbidden) -> String? {
        try scope.user.authorize(userId: user.id)
        return user.email
    }
}
