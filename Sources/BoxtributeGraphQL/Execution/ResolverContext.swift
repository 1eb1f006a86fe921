import BoxtributeDomain
import Logging

/// What every resolver of one request sees: the user, the request's data session, the
/// request's logger and limits.
///
/// `@unchecked Sendable`: one request's execution runs its resolvers one after another on a
/// single task, so the mutable logger and limits are never touched concurrently.
public final class ResolverContext: @unchecked Sendable {
    /// `nil` on the public API.
    public let user: CurrentUser?
    /// Where the request's data comes from.
    public let session: any DataSession
    /// Clock and randomness for mutations.
    public let environment: MutationEnvironment
    /// What the statistics do differently in production.
    public let statistics: StatisticsSettings
    /// The request's logger: its metadata names the request (`request.id`) and, once known,
    /// the operation, never the user.
    public internal(set) var logger: Logger
    /// Whether the client has closed its connection (nobody will read the answer).
    public let clientIsGone: @Sendable () -> Bool
    /// The limits of the API answering the request (resolvers read the largest page size).
    public internal(set) var limits = GraphQLLimits.standard

    public init(
        user: CurrentUser?, session: any DataSession, environment: MutationEnvironment = .live,
        statistics: StatisticsSettings = .standard, logger: Logger = ResolverContext.silentLogger,
        clientIsGone: @escaping @Sendable () -> Bool = { false }
    ) {
        self.user = user
        self.session = session
        self.environment = environment
        self.statistics = statistics
        self.logger = logger
        self.clientIsGone = clientIsGone
    }

    /// A logger that writes nothing (tests and tools that run documents without a server).
    public static let silentLogger = Logger(label: "boxtribute.graphql", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Statements run for this request (tests assert batching with it).
    public var statementCount: Int { session.statementCount }

    /// The authenticated user; resolvers of the protected APIs may rely on it.
    public var currentUser: CurrentUser {
        get throws(Forbidden) {
            guard let user else { throw Forbidden(.permission("authentication")) }
            return user
        }
    }

    /// The scope the services' queries run in: the authenticated user and the session.
    public var readScope: ReadScope {
        get throws(Forbidden) { ReadScope(user: try currentUser, session: session) }
    }

    /// Runs a mutation as the current user in one transaction.
    public func mutate<T: Sendable>(_ body: @Sendable (MutationScope) async throws -> T) async throws -> T {
        try await MutationScope.run(as: try currentUser, in: session, environment: environment, body)
    }

    /// Returns the memoised value for `key`, computing it once per request.
    public func memoized<T: Sendable>(_ key: String, _ compute: () async throws -> T) async rethrows -> T {
        try await session.memoized(key, compute)
    }
}
