import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Logging

/// What every resolver of one request sees: the user, the database, and per-request memos.
///
/// `@unchecked Sendable`: one request's execution runs its resolvers one after another on a
/// single task, so the mutable memo and counter are never touched concurrently.
public final class ResolverContext: SQLQuerying, @unchecked Sendable {
    /// `nil` on the public API.
    public let user: CurrentUser?
    public let database: any Database
    /// Clock and randomness for mutations.
    public let environment: MutationEnvironment
    /// The request's logger: its metadata names the request (`request.id`) and, once known,
    /// the operation, never the user.
    public internal(set) var logger: Logger
    /// Whether the client has closed its connection (nobody will read the answer).
    public let clientIsGone: @Sendable () -> Bool
    /// The limits of the API answering the request (resolvers read the largest page size).
    public internal(set) var limits = GraphQLLimits.standard
    /// Statements run for this request (tests assert batching with it).
    public private(set) var statementCount = 0
    private var memo: [String: any Sendable] = [:]
    /// Whether reads should share one snapshot (query operations), and the session doing it.
    private var wantsSnapshot = false
    private var snapshot: (any ReadSession)?

    public init(
        user: CurrentUser?, database: any Database, environment: MutationEnvironment = .live,
        logger: Logger = ResolverContext.silentLogger, clientIsGone: @escaping @Sendable () -> Bool = { false }
    ) {
        self.user = user
        self.database = database
        self.environment = environment
        self.logger = logger
        self.clientIsGone = clientIsGone
    }

    /// A logger that writes nothing (tests and tools that run documents without a server).
    public static let silentLogger = Logger(label: "boxtribute.graphql", factory: { _ in SwiftLogNoOpLogHandler() })

    deinit { snapshot?.close() }

    /// From now on, reads see one snapshot of the data and the engine starts a read once,
    /// not per statement (used for query operations; mutations read what they wrote).
    public func readFromOneSnapshot() {
        wantsSnapshot = true
    }

    /// Ends the snapshot, if any, and gives its connection back.
    public func finishReading() {
        wantsSnapshot = false
        snapshot?.close()
        snapshot = nil
    }

    /// The session reads go through, opened at the first read; `nil` when there is none.
    private var readSession: (any ReadSession)? {
        guard wantsSnapshot else { return nil }
        if snapshot == nil {
            snapshot = database.openReadSession()
            // Without a free connection the request reads statement by statement.
            if snapshot == nil { wantsSnapshot = false }
        }
        return snapshot
    }

    /// Runs a mutation as the current user in one transaction.
    public func mutate<T: Sendable>(_ body: @Sendable (MutationScope) async throws -> T) async throws -> T {
        // Reads after the change must see it: no snapshot from before.
        finishReading()
        let result = try await MutationScope.run(as: try currentUser, in: database, environment: environment, body)
        // Memos from before the change would be stale.
        memo.removeAll()
        return result
    }

    /// The authenticated user; resolvers of the protected APIs may rely on it.
    public var currentUser: CurrentUser {
        get throws(Forbidden) {
            guard let user else { throw Forbidden(.permission("authentication")) }
            return user
        }
    }

    public var dialect: SQLDialect { database.dialect }

    /// Runs a read statement, counting it.
    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        statementCount += 1
        if let session = readSession { return try await session.query(sql, binds) }
        return try await database.query(sql, binds)
    }

    /// Runs a read statement, counting it, and decodes its rows as they are read.
    public func query<Row>(
        _ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row
    ) async throws -> [Row] {
        statementCount += 1
        if let session = readSession { return try await session.query(sql, binds, decode: decode) }
        return try await database.query(sql, binds, decode: decode)
    }

    /// Runs an aggregate that may be reused until the data changes, counting it.
    public func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        statementCount += 1
        if let session = readSession { return try await session.queryReusingUntilChange(sql, binds) }
        return try await database.queryReusingUntilChange(sql, binds)
    }

    /// Returns the memoised value for `key`, computing it once per request.
    public func memoized<T: Sendable>(_ key: String, _ compute: () async throws -> T) async rethrows -> T {
        if let value = memo[key] as? T { return value }
        let value = try await compute()
        memo[key] = value
        return value
    }
}
