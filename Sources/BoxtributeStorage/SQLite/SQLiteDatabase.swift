import Logging
import NIOCore
import NIOPosix
import SQLiteNIO
import Synchronization

/// SQLite in WAL mode: several reader connections and one writer, so reads never
/// wait for a write transaction. An in-memory database uses a single connection.
public final class SQLiteDatabase: Database {
    public let dialect = SQLDialect.sqlite
    private let readers: [SQLiteConnection]
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let nextReader = AtomicCounter()
    private let closed = Atomic<Bool>(false)

    private init(readers: [SQLiteConnection], writer: SQLiteConnection) {
        self.readers = readers
        self.writer = writer
    }

    /// Opens `path` (`:memory:` for a private in-memory database).
    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        if path == ":memory:" {
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configure(connection, wal: false)
            return SQLiteDatabase(readers: [connection], writer: connection)
        }
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        try await configure(writer, wal: true)
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            try await configure(reader, wal: false)
            readers.append(reader)
        }
        return SQLiteDatabase(readers: readers, writer: writer)
    }

    private static func configure(_ connection: SQLiteConnection, wal: Bool) async throws {
        if wal { _ = try await connection.query("PRAGMA journal_mode=WAL", []) }
        _ = try await connection.query("PRAGMA foreign_keys=ON", [])
        _ = try await connection.query("PRAGMA busy_timeout=5000", [])
        _ = try await connection.query("PRAGMA synchronous=NORMAL", [])
        // Sorts and groupings (ORDER BY modified, COUNT) would otherwise go through temporary
        // files: a system call per query. Memory is cheap at our page sizes.
        _ = try await connection.query("PRAGMA temp_store=MEMORY", [])
        _ = try await connection.query("PRAGMA cache_size=-16384", [])
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let reader = readers[nextReader.next() % readers.count]
        return try await SQLiteSession(connection: reader).query(sql, binds)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await writeLock.withLock { try await Self.run(body, on: SQLiteSession(connection: writer)) }
    }

    public func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    )
        async throws -> T
    {
        try await writeLock.withLock {
            // The pragma is ignored inside a transaction, so it brackets one.
            let session = SQLiteSession(connection: writer)
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
    )
        async throws -> T
    {
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
        try await writeLock.withLock { try await body(SQLiteSession(connection: writer)) }
    }

    public func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for connection in connections { try? await connection.close() }
    }

    private var connections: [SQLiteConnection] { readers.filter { $0 !== writer } + [writer] }

    deinit {
        // A database dropped without `close()` still releases its connections.
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let connections = connections
        Task { for connection in connections { try? await connection.close() } }
    }
}

/// One SQLite connection seen through the engine-neutral interface.
struct SQLiteSession: SQLConnection {
    let connection: SQLiteConnection
    var dialect: SQLDialect { .sqlite }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let rows: [SQLiteRow]
        do {
            rows = try await connection.query(sql, binds.map(\.sqliteData))
        } catch let error as SQLiteError {
            throw DatabaseError(error)
        }
        guard let first = rows.first else { return [] }
        let columns = SQLColumns(first.columns.map(\.name))
        return rows.map { row in SQLRow(columns: columns, values: row.columns.map { SQLValue($0.data) }) }
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        _ = try await query(sql, binds)
        let id = try await connection.lastAutoincrementID()
        let changes = try await query("SELECT changes()", [])
        return SQLExecution(affectedRows: changes.first?.int(0) ?? 0, lastInsertId: id)
    }
}

extension DatabaseError {
    init(_ error: SQLiteError) {
        let constraint = error.reason == .constraint || String(describing: error.reason).hasPrefix("constraint")
        self.init(kind: constraint ? .constraintViolation : .other, message: error.message)
    }
}

extension SQLValue {
    var sqliteData: SQLiteData {
        switch self {
        case .null: .null
        case .integer(let value): .integer(value)
        case .real(let value): .float(value)
        case .text(let value): .text(value)
        case .blob(let bytes): .blob(ByteBuffer(bytes: bytes))
        }
    }

    init(_ data: SQLiteData) {
        switch data {
        case .null: self = .null
        case .integer(let value): self = .integer(Int(value))
        case .float(let value): self = .real(value)
        case .text(let value): self = .text(value)
        case .blob(let buffer): self = .blob(Array(buffer.readableBytesView))
        }
    }
}
