/// What a service call knows: who asks, and the data. Both ``ReadScope`` and
/// ``MutationScope`` are one, so checks that only read (a box's base, a tag's type) serve both.
public protocol ServiceScope: Sendable {
    /// The authenticated user.
    var user: CurrentUser { get }
    /// The reads; in a mutation, they see the mutation's own changes.
    var data: any Repositories { get }
}

/// A query's scope: the user and the request's data session.
public struct ReadScope: ServiceScope {
    public let user: CurrentUser
    public let session: any DataSession
    public var data: any Repositories { session.repositories }

    public init(user: CurrentUser, session: any DataSession) {
        self.user = user
        self.session = session
    }
}

/// One mutation in progress: the acting user, its single timestamp, and the repositories of
/// its transaction. Every read and write of a mutation goes through the scope, so it sees its
/// own changes and commits or rolls back as a whole.
public struct MutationScope: ServiceScope {
    public let user: CurrentUser
    /// The one timestamp of this mutation (history rows, created/modified stamps).
    public let now: Timestamp
    public let environment: MutationEnvironment
    /// Reads and writes inside the transaction.
    public let writes: any TransactionRepositories
    public var data: any Repositories { writes }

    public init(
        user: CurrentUser, now: Timestamp, environment: MutationEnvironment, writes: any TransactionRepositories
    ) {
        self.user = user
        self.now = now
        self.environment = environment
        self.writes = writes
    }

    /// Runs `body` in one transaction of `session`: all of its changes or none.
    public static func run<T: Sendable>(
        as user: CurrentUser, in session: any DataSession, environment: MutationEnvironment,
        _ body: @Sendable (MutationScope) async throws -> T
    ) async throws -> T {
        let now = environment.now()
        return try await session.transaction(as: user, now: now, environment: environment) { writes in
            try await body(MutationScope(user: user, now: now, environment: environment, writes: writes))
        }
    }
}
