import BoxtributeDatabase
import BoxtributeDomain
import Foundation

/// What the SQL repositories of one transaction write with: the connection of the transaction,
/// the acting user and the mutation's one timestamp (rows are stamped with both).
public struct SQLWriteContext: Sendable {
    public let user: CurrentUser
    /// The one timestamp of this mutation (history rows, created/modified stamps).
    public let now: Timestamp
    public let connection: any SQLConnection
    public let environment: MutationEnvironment

    public init(user: CurrentUser, now: Timestamp, connection: any SQLConnection, environment: MutationEnvironment) {
        self.user = user
        self.now = now
        self.connection = connection
        self.environment = environment
    }

    /// ` FOR UPDATE` where the engine needs it to lock rows read before a write (MySQL);
    /// SQLite serialises write transactions, so nothing there.
    var forUpdate: String { connection.dialect.forUpdate }

    /// Runs a data-changing statement.
    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try await connection.execute(sql, binds)
    }
}
