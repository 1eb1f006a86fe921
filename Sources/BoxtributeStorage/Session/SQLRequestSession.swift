import BoxtributeDatabase
import BoxtributeDomain

/// The data session of one request over an SQL database: the domains' repositories read
/// through one counted reader; each transaction gets repositories on its connection.
///
/// `@unchecked Sendable`: used by one request's execution, one resolver after another.
public final class SQLRequestSession: DataSession, @unchecked Sendable {
    public let database: any Database
    let reader: SQLSessionReader
    public let repositories: any Repositories
    var memo: [String: any Sendable] = [:]
    private let transactionStatements = StatementCounter()

    public init(database: any Database) {
        self.database = database
        reader = SQLSessionReader(database: database)
        repositories = SQLRepositories(db: reader)
    }

    public var statementCount: Int { reader.statementCount }

    /// Statements of this session's transactions (``statementCount`` counts its reads).
    public var transactionStatementCount: Int { transactionStatements.value }

    public func readFromOneSnapshot() { reader.readFromOneSnapshot() }

    public func finishReading() { reader.finishReading() }

    public func transaction<T: Sendable>(
        as user: CurrentUser, now: Timestamp, environment: MutationEnvironment,
        _ body: @Sendable (any TransactionRepositories) async throws -> T
    ) async throws -> T {
        // Reads after the change must see it: no snapshot from before.
        reader.finishReading()
        let result = try await database.transaction { [transactionStatements] connection in
            try await body(
                SQLTransactionRepositories(
                    SQLWriteContext(
                        user: user, now: now,
                        connection: CountedConnection(connection: connection, counter: transactionStatements),
                        environment: environment)))
        }
        // Memos from before the change would be stale.
        memo.removeAll()
        return result
    }

    public func memoized<T: Sendable>(_ key: String, _ compute: () async throws -> T) async rethrows -> T {
        if let value = memo[key] as? T { return value }
        let value = try await compute()
        memo[key] = value
        return value
    }
}

/// Opens an ``SQLRequestSession`` per request on one database.
public struct SQLDataSource: DataSource {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func openSession() -> any DataSession { SQLRequestSession(database: database) }
}
