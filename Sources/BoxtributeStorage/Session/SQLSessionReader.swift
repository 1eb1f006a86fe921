import BoxtributeDatabase
import BoxtributeDomain

/// The reads of one request: counted, and from one snapshot once asked to.
///
/// `@unchecked Sendable`: one request's execution runs its resolvers one after another on a
/// single task, so the counter and snapshot are never touched concurrently.
final class SQLSessionReader: SQLQuerying, @unchecked Sendable {
    let database: any Database
    /// Statements run so far.
    private(set) var statementCount = 0
    /// Whether reads should share one snapshot (query operations), and the session doing it.
    private var wantsSnapshot = false
    private var snapshot: (any ReadSession)?

    init(database: any Database) { self.database = database }

    deinit { snapshot?.close() }

    var dialect: SQLDialect { database.dialect }

    func readFromOneSnapshot() { wantsSnapshot = true }

    func finishReading() {
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

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        statementCount += 1
        if let session = readSession { return try await session.query(sql, binds) }
        return try await database.query(sql, binds)
    }

    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        statementCount += 1
        if let session = readSession { return try await session.query(sql, binds, decode: decode) }
        return try await database.query(sql, binds, decode: decode)
    }

    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        statementCount += 1
        if let session = readSession { return try await session.queryReusingUntilChange(sql, binds) }
        return try await database.queryReusingUntilChange(sql, binds)
    }
}
