import BoxtributeDomain

/// The SQL engines the server runs on.
public enum SQLDialect: String, Sendable {
    case sqlite
    case mysql
}

/// What a data-changing statement reports.
public struct SQLExecution: Sendable {
    public var affectedRows: Int
    public var lastInsertId: Int
    public init(affectedRows: Int, lastInsertId: Int) {
        self.affectedRows = affectedRows
        self.lastInsertId = lastInsertId
    }
}

/// Anything that runs read statements: a database, a connection, a request context.
public protocol SQLQuerying: Sendable {
    /// The SQL dialect its statements are written in.
    var dialect: SQLDialect { get }

    /// Runs a statement and returns its rows.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]

    /// Runs a statement and decodes its rows with `decode`. The row passed to `decode` is only
    /// valid during the call: an engine may read it in place instead of copying its values.
    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row]

    /// Runs an expensive read-only statement (an aggregate such as a list's total count) whose
    /// result may be reused until the database changes. Engines that cannot tell when the data
    /// changed simply run it.
    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
}

extension SQLQuerying {
    public func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await query(sql, binds)
    }

    public func query<Row>(
        _ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row
    ) async throws -> [Row] {
        try await query(sql, binds).map(decode)
    }
}

/// One connection, used by one task at a time.
public protocol SQLConnection: SQLQuerying {
    /// Runs a data-changing statement.
    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution
}

/// A database: concurrent readers and serialised write transactions.
public protocol Database: SQLQuerying {
    /// Runs `body` in one transaction on the writer connection; rolls back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T
    /// Like ``transaction(_:)``, with foreign-key enforcement off while it runs (bulk loads
    /// whose tables arrive in no particular order).
    func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    )
        async throws -> T
    /// Closes every connection.
    func close() async
    /// Starts a read session: the statements run through it see one snapshot of the data, and
    /// the engine pays for starting a read once instead of per statement. `nil` when the engine
    /// has none or no connection is free; callers then run statements on the database itself.
    func openReadSession() -> (any ReadSession)?
    /// How the connections are used now (for metrics); empty when the engine does not say.
    func poolStatistics() -> [ConnectionPoolStatistics]
}

extension Database {
    public func openReadSession() -> (any ReadSession)? { nil }
}

/// The statements of one reader (a query request) on one connection, in one read transaction.
public protocol ReadSession: SQLQuerying {
    /// Ends the read transaction and gives the connection back; later statements fail.
    func close()
}

/// A database failure; its text may contain SQL and is never shown to API clients.
///
/// ``kind`` says what the failure means for the request, so the API's edge can answer the
/// client accordingly and log ``message`` (the internal cause).
public struct DatabaseError: Error, CustomStringConvertible {
    /// What a failure means for the request that met it.
    public enum Kind: Sendable, Equatable {
        /// A key, foreign key or NOT NULL rule refused the change; nothing was written.
        case constraintViolation
        /// The database could not be reached or did not answer in time: no connection, a lost
        /// or refused connection, a timeout, too many connections, a lock or busy wait that ran
        /// out, a closed database. Nothing was written; the same request may succeed later.
        case unavailable
        /// The connection was lost while `COMMIT` was in flight: the change may or may not have
        /// been saved. Retrying blindly could apply it twice.
        case commitOutcomeUnknown
        /// The database refused the request: disk full, read-only database, an SQL error, a
        /// corrupt file. Nothing was written; retrying will not help until someone intervenes.
        case other
    }

    public let kind: Kind
    /// The internal cause, for logs; may contain SQL.
    public let message: String
    /// The engine's own error code (MySQL's `CR_*`/`ER_*` number, SQLite's extended result
    /// code), when the failure came from the engine.
    public let code: Int?

    public init(kind: Kind, message: String, code: Int? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    /// Whether the same request may succeed when sent again (the database was unavailable and
    /// nothing was written).
    public var isRetryable: Bool { kind == .unavailable }

    public var description: String { "database error (\(kind)): \(message)" }
}

/// Helpers for building statements.
public enum SQL {
    /// Most ids one statement binds: well below SQLite's limit of parameters (32,766), so a
    /// statement may bind a few values besides.
    public static let maxIdsPerStatement = 10_000

    /// `?, ?, ?` for `count` values (at least one, so `IN ()` never appears).
    public static func placeholders(_ count: Int) -> String {
        count < placeholderLists.count ? placeholderLists[max(count, 0)] : list(of: "?", count: count)
    }

    /// `(?), (?), (?)`: a `VALUES` list of `count` one-column rows (at least one).
    public static func valueRows(_ count: Int) -> String {
        count < valueRowLists.count ? valueRowLists[max(count, 0)] : list(of: "(?)", count: count)
    }

    // Lists for the usual sizes (a page of ids), built once instead of per statement.
    private static let placeholderLists = (0...64).map { list(of: "?", count: $0) }
    private static let valueRowLists = (0...64).map { list(of: "(?)", count: $0) }

    private static func list(of item: String, count: Int) -> String {
        count <= 0 ? "NULL" : Array(repeating: item, count: count).joined(separator: ", ")
    }

    /// The "not deleted" test of legacy tables, which may hold zero dates.
    public static func notDeleted(_ column: String) -> String {
        "(\(column) IS NULL OR \(column) = '0000-00-00 00:00:00')"
    }
}

extension SQLQuerying {
    /// The rows of `from` whose `idColumn` is one of `ids`, decoded, in no particular order:
    /// one statement, none when there are no ids. `from` is a `FROM` clause without the word.
    public func rows<Row>(
        columns: String, from: String, idColumn: String, ids: [Int], decode: (SQLRow) -> Row
    ) async throws -> [Row] {
        // Sorted: no hashing, and the rows are then visited in key order.
        let sorted = ids.sorted()
        var unique: [Int] = []
        unique.reserveCapacity(sorted.count)
        for id in sorted where id != unique.last { unique.append(id) }
        guard !unique.isEmpty else { return [] }
        // One statement binds at most `SQL.maxIdsPerStatement` ids (SQLite refuses more than
        // 32,766 parameters, MySQL 65,535): a page of 100,000 boxes takes several.
        guard unique.count <= SQL.maxIdsPerStatement else {
            var rows: [Row] = []
            rows.reserveCapacity(unique.count)
            for start in stride(from: 0, to: unique.count, by: SQL.maxIdsPerStatement) {
                let chunk = Array(unique[start..<min(start + SQL.maxIdsPerStatement, unique.count)])
                rows += try await self.rows(
                    columns: columns, from: from, idColumn: idColumn, ids: chunk, decode: decode)
            }
            return rows
        }
        let sql: String
        switch dialect {
        case .sqlite:
            // SQLite walks a VALUES list and looks each id up; `IN (...)` would first build a
            // temporary index of the ids, which costs a third of such a statement.
            sql =
                "SELECT \(columns) FROM (VALUES \(SQL.valueRows(unique.count))) AS wanted CROSS JOIN \(from) WHERE \(idColumn) = wanted.column1"
        case .mysql:
            sql = "SELECT \(columns) FROM \(from) WHERE \(idColumn) IN (\(SQL.placeholders(unique.count)))"
        }
        return try await query(sql, unique.map(SQLValue.init), decode: decode)
    }

    /// The rows of `from` whose `idColumn` is one of `ids`, decoded and keyed by id.
    public func rowsById<Row>(
        columns: String, from: String, idColumn: String, ids: [Int], decode: (SQLRow) -> Row, id: (Row) -> Int
    ) async throws -> [Int: Row] {
        let rows = try await rows(columns: columns, from: from, idColumn: idColumn, ids: ids, decode: decode)
        var byId: [Int: Row] = [:]
        byId.reserveCapacity(rows.count)
        for row in rows where byId[id(row)] == nil { byId[id(row)] = row }
        return byId
    }
}

extension DatabaseError: DataStoreFailure {
    /// Integrity violations read as a missing resource (an id that names no row).
    public var reported: DomainError {
        switch kind {
        case .constraintViolation: .notFound
        case .unavailable: .databaseUnavailable
        case .commitOutcomeUnknown: .commitOutcomeUnknown
        case .other: .databaseFailure
        }
    }
}
