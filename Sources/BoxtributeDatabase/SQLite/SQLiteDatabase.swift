import Logging
import Synchronization

/// SQLite in WAL mode: several reader connections and one writer, so reads never wait for a
/// write transaction. An in-memory database uses a single connection.
///
/// Statements run synchronously on the calling task's thread: they touch SQLite's page cache
/// and take micro- to milliseconds, less than a hop to a thread pool would cost.
///
/// Readers are lent out: to one statement at a time, or to a ``ReadSession`` for a whole
/// request. When every reader is lent, statements run on one extra reader that is never lent,
/// so no statement waits for a session and none runs inside another request's transaction.
public final class SQLiteDatabase: Database {
    public let dialect = SQLDialect.sqlite
    private let readers: [SQLiteHandle]
    private let writer: SQLiteHandle
    private let writeLock = AsyncLock()
    private let closed = Atomic<Bool>(false)
    /// Readers not lent out (all of `readers` but the last, the shared one).
    private let idleReaders: Mutex<[SQLiteHandle]>
    /// The reader statements use when every other one is lent out.
    private let sharedReader: SQLiteHandle
    /// Readers that can be lent, and statements that found them all lent (for the metrics).
    private let lendableReaders: Int
    private let sharedReaderUses = Atomic<Int>(0)

    private init(readers: [SQLiteHandle], writer: SQLiteHandle) {
        self.readers = readers
        self.writer = writer
        sharedReader = readers[readers.count - 1]
        let lendable = readers.count > 1 && readers[0] !== writer ? Array(readers.dropLast()) : []
        idleReaders = Mutex(lendable)
        lendableReaders = lendable.count
    }

    /// How long a read statement may run before it is stopped, as MySQL's read timeout bounds
    /// a statement there: a request must not hold a thread, or a shutdown, for minutes.
    public static let defaultReadTimeLimit = Duration.seconds(30)

    /// Opens `path` (`:memory:` for a private in-memory database). Statements on the readers
    /// stop after `readTimeLimit`; the writer's have no limit (migrations, imports and seeds
    /// run long statements there), nor has an in-memory database's single connection.
    public static func open(
        path: String, readers readerCount: Int = 4, readTimeLimit: Duration = defaultReadTimeLimit, logger: Logger
    ) async throws -> SQLiteDatabase {
        if path == ":memory:" {
            let connection = try SQLiteHandle(path: path)
            try configure(connection, wal: false)
            return SQLiteDatabase(readers: [connection], writer: connection)
        }
        let writer = try SQLiteHandle(path: path)
        try configure(writer, wal: true)
        var readers: [SQLiteHandle] = []
        // One more than asked for: the shared reader of statements that find every other lent.
        for _ in 0..<(max(1, readerCount) + 1) {
            let reader = try SQLiteHandle(path: path, statementTimeLimit: readTimeLimit)
            try configure(reader, wal: false)
            readers.append(reader)
        }
        logger.debug("opened SQLite database", metadata: ["sqlite.readers": "\(readers.count)"])
        return SQLiteDatabase(readers: readers, writer: writer)
    }

    private static func configure(_ connection: SQLiteHandle, wal: Bool) throws {
        if wal { _ = try connection.query("PRAGMA journal_mode=WAL", []) }
        _ = try connection.query("PRAGMA foreign_keys=ON", [])
        _ = try connection.query("PRAGMA busy_timeout=5000", [])
        _ = try connection.query("PRAGMA synchronous=NORMAL", [])
        // Sorts and groupings (ORDER BY modified, COUNT) would otherwise go through temporary
        // files: a system call per query. Memory is cheap at our page sizes.
        _ = try connection.query("PRAGMA temp_store=MEMORY", [])
        _ = try connection.query("PRAGMA cache_size=-16384", [])
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try withReader { try $0.query(sql, binds) }
    }

    public func query<Row>(
        _ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row
    ) async throws -> [Row] {
        try withReader { try $0.query(sql, binds, decode: decode) }
    }

    /// Reuses results per reader connection until any connection commits a change. An
    /// in-memory database (one connection for reads and writes, which could see its own
    /// uncommitted rows) always runs the statement.
    public func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        guard sharedReader !== writer else { return try writer.query(sql, binds) }
        return try withReader { try $0.queryReusingUntilChange(sql, binds) }
    }

    /// A read transaction on a reader of its own, or `nil` for an in-memory database or
    /// when every reader is lent out.
    public func openReadSession() -> (any ReadSession)? {
        guard let reader = idleReaders.withLock({ $0.popLast() }) else { return nil }
        return SQLiteReadSession(reader: reader, database: self)
    }

    /// Runs `body` on an idle reader, or on the shared one when all are lent out.
    private func withReader<T>(_ body: (SQLiteHandle) throws -> T) throws -> T {
        guard let reader = idleReaders.withLock({ $0.popLast() }) else {
            sharedReaderUses.add(1, ordering: .relaxed)
            return try body(sharedReader)
        }
        defer { giveBack(reader) }
        return try body(reader)
    }

    fileprivate func giveBack(_ reader: SQLiteHandle) {
        idleReaders.withLock { $0.append(reader) }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await writeLock.withLock { try await Self.run(body, on: SQLiteSession(handle: writer)) }
    }

    public func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    )
        async throws -> T
    {
        try await writeLock.withLock {
            // The pragma is ignored inside a transaction, so it brackets one.
            let session = SQLiteSession(handle: writer)
            _ = try await session.query("PRAGMA foreign_keys=OFF", [])
            do {
                let result = try await Self.run(body, on: session)
                _ = try await session.query("PRAGMA foreign_keys=ON", [])
                return result
            } catch {
                _ = try? await session.query("PRAGMA foreign_keys=ON", [])
                throw error
            }
        }
    }

    private static func run<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T, on session: SQLiteSession
    ) async throws -> T {
        _ = try await session.query("BEGIN IMMEDIATE", [])
        do {
            let result = try await body(session)
            _ = try await session.query("COMMIT", [])
            return result
        } catch {
            _ = try? await session.query("ROLLBACK", [])
            throw error
        }
    }

    /// Runs `body` on the writer outside a transaction (for pragmas that a transaction forbids).
    public func withWriter<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await writeLock.withLock { try await body(SQLiteSession(handle: writer)) }
    }

    /// The readers lent to requests and the writer: an in-memory database has only the writer.
    public func poolStatistics() -> [ConnectionPoolStatistics] {
        let writer = writeLock.statistics
        let waitTime = writer.waitTime.components
        var pools = [
            ConnectionPoolStatistics(
                pool: "sqlite_writer", size: 1, inUse: writer.locked ? 1 : 0, waits: writer.waits,
                waitSeconds: Double(waitTime.seconds) + Double(waitTime.attoseconds) / 1e18, timeouts: 0)
        ]
        if lendableReaders > 0 {
            let idle = idleReaders.withLock { $0.count }
            pools.append(
                ConnectionPoolStatistics(
                    pool: "sqlite_readers", size: lendableReaders, inUse: lendableReaders - idle,
                    waits: sharedReaderUses.load(ordering: .relaxed), waitSeconds: 0, timeouts: 0))
        }
        return pools
    }

    public func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // A long read (a statistics cube) would otherwise hold the close, and the process,
        // until it ends. The writer finishes its statement: a change is never cut short.
        for reader in readers where reader !== writer { reader.interrupt() }
        for reader in readers where reader !== writer { reader.close() }
        // Everything committed moves into the database file and the log is emptied, so the
        // `.sqlite3` file alone is a complete copy (a backup, or a file handed on).
        _ = try? writer.query("PRAGMA wal_checkpoint(TRUNCATE)", [])
        writer.close()
    }
}

/// One SQLite connection seen through the engine-neutral interface.
struct SQLiteSession: SQLConnection {
    let handle: SQLiteHandle
    var dialect: SQLDialect { .sqlite }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try handle.query(sql, binds)
    }

    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        try handle.query(sql, binds, decode: decode)
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try handle.execute(sql, binds)
    }
}

/// One request's reads on one reader connection inside one read transaction (`BEGIN` is
/// deferred: the snapshot is taken by the first statement).
///
/// `@unchecked Sendable`: used by one request at a time; the handle serialises its own calls.
final class SQLiteReadSession: ReadSession, @unchecked Sendable {
    var dialect: SQLDialect { .sqlite }
    private let reader: SQLiteHandle
    private let database: SQLiteDatabase
    private var state = State.idle

    private enum State { case idle, reading, closed }

    fileprivate init(reader: SQLiteHandle, database: SQLiteDatabase) {
        self.reader = reader
        self.database = database
    }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try begin()
        return try reader.query(sql, binds)
    }

    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        try begin()
        return try reader.query(sql, binds, decode: decode)
    }

    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try begin()
        return try reader.queryReusingUntilChange(sql, binds)
    }

    private func begin() throws {
        switch state {
        case .reading: return
        case .closed: throw DatabaseError(kind: .other, message: "the read session is closed")
        case .idle:
            _ = try reader.query("BEGIN", [])
            state = .reading
        }
    }

    func close() {
        guard state != .closed else { return }
        if state == .reading, (try? reader.query("COMMIT", [])) == nil {
            // A reader must never go back still inside a transaction: its snapshot would be stale.
            _ = try? reader.query("ROLLBACK", [])
        }
        state = .closed
        database.giveBack(reader)
    }

    deinit { close() }
}
