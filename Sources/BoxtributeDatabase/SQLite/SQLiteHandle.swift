import BoxtributeDomain
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Synchronization
// sqlite-nio's vendored SQLite (symbols prefixed `sqlite_nio_`), used directly so that
// statements run on the calling thread with a prepared-statement cache: sqlite-nio's own API
// hops to a thread pool and back for every statement, which costs more than most of our
// queries themselves.
import VaporCSQLite

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection, used synchronously. Calls are serialised by an internal lock, so a
/// handle may be shared; prepared statements are cached per SQL text.
final class SQLiteHandle: @unchecked Sendable {
    private struct State {
        var db: OpaquePointer?
        var statements: [String: PreparedStatement] = [:]
        /// Results of ``SQLiteHandle/queryReusingUntilChange(_:_:)`` and the data version they belong to.
        var reusable: [ReusableKey: [SQLRow]] = [:]
        var reusableVersion = -1
    }

    private struct ReusableKey: Hashable {
        let sql: String
        let binds: [SQLValue]
    }

    /// Results kept at most; the cache is emptied when full (the working set is a few lists).
    private static let reusableLimit = 256

    // @unchecked Sendable: all access to the connection goes through this lock, except
    // `interrupt()`, which SQLite allows from any thread while the connection is open.
    private let state: LockedState<State>
    private let connection: OpaquePointer
    /// Whether `connection` is open; `interrupt()` and `close()` agree on it under this lock,
    /// which never waits for a statement.
    private let isOpen = Mutex(true)
    /// When the running statement started (monotonic nanoseconds), 0 while none runs.
    private let statementStart = Atomic<UInt64>(0)
    /// How long a statement may run; see ``interruptIfOverrunning(now:)``.
    let statementTimeLimit: Duration?

    /// Opens `path`. With `statementTimeLimit`, ``SQLiteStatementWatchdog`` stops a statement
    /// that runs longer (SQLite as sqlite-nio builds it has no progress handler).
    init(path: String, statementTimeLimit: Duration? = nil) throws {
        var db: OpaquePointer?
        // NOMUTEX: `state` already serialises every call; SQLite's own per-call mutex would only
        // add a lock round trip to each column read.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let db { sqlite_nio_sqlite3_close(db) }
            throw DatabaseError(kind: Self.kind(of: status), message: "SQLite \(status): \(message)", code: Int(status))
        }
        sqlite_nio_sqlite3_extended_result_codes(db, 1)
        // Every connection, writer and readers alike: a statement may run on any of them.
        let registered = SQLiteFunctions.register(on: db)
        guard registered == SQLITE_OK else {
            let message = String(cString: sqlite_nio_sqlite3_errmsg(db))
            sqlite_nio_sqlite3_close(db)
            throw DatabaseError(
                kind: Self.kind(of: registered), message: "SQLite \(registered): \(message)", code: Int(registered))
        }
        connection = db
        self.statementTimeLimit = statementTimeLimit
        state = LockedState(State(db: db))
        if statementTimeLimit != nil { SQLiteStatementWatchdog.shared.watch(self) }
    }

    /// Stops the statement running on this connection, if any, from another thread: it fails
    /// with SQLITE_INTERRUPT (``DatabaseError/Kind/unavailable``). Does nothing once closed.
    func interrupt() {
        isOpen.withLock { open in if open { sqlite_nio_sqlite3_interrupt(connection) } }
    }

    /// Interrupts the running statement if it started more than the time limit before `now`
    /// (`DispatchTime`'s nanoseconds). A statement that ends at that very moment may leave the
    /// interruption to the next one on this connection, which then fails as unavailable.
    func interruptIfOverrunning(now: UInt64) {
        guard let statementTimeLimit else { return }
        let started = statementStart.load(ordering: .relaxed)
        let limit =
            UInt64(statementTimeLimit.components.seconds) * 1_000_000_000
            + UInt64(statementTimeLimit.components.attoseconds / 1_000_000_000)
        if started != 0, now > started, now - started > limit { interrupt() }
    }

    /// Marks a statement as running for ``interruptIfOverrunning(now:)`` until `body` returns.
    private func timed<T>(_ body: () throws -> T) rethrows -> T {
        guard statementTimeLimit != nil else { return try body() }
        statementStart.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
        defer { statementStart.store(0, ordering: .relaxed) }
        return try body()
    }

    /// Runs a statement and returns its rows.
    func query(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
        try state.withLock { state in try timed { try Self.rows(sql, binds, in: &state) } }
    }

    /// Runs a read statement, or returns its rows from the last run if no connection (of this
    /// process or another) has committed a change since: SQLite's `data_version` tells.
    /// Only for a connection that itself never writes.
    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
        try state.withLock { state in
            let version = try Self.rows("PRAGMA data_version", [], in: &state).first?.values.first?.intValue ?? -1
            if version != state.reusableVersion {
                state.reusable.removeAll(keepingCapacity: true)
                state.reusableVersion = version
            }
            let key = ReusableKey(sql: sql, binds: binds)
            if let rows = state.reusable[key] { return rows }
            let rows = try timed { try Self.rows(sql, binds, in: &state) }
            if state.reusable.count >= Self.reusableLimit { state.reusable.removeAll(keepingCapacity: true) }
            state.reusable[key] = rows
            return rows
        }
    }

    /// Runs a statement and decodes each row while it is current, without copying its values.
    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) throws -> [Row] {
        try state.withLock { state in try timed { try Self.rows(sql, binds, in: &state, decode: decode) } }
    }

    private static func rows(_ sql: String, _ binds: [SQLValue], in state: inout State) throws -> [SQLRow] {
        try rows(sql, binds, in: &state) { $0.owned }
    }

    private static func rows<Row>(
        _ sql: String, _ binds: [SQLValue], in state: inout State, decode: (SQLRow) throws -> Row
    ) throws -> [Row] {
        let prepared = try Self.prepared(sql, in: &state)
        let statement = prepared.statement
        // No sqlite3_clear_bindings: every parameter is bound again on the next use, and
        // clearing expires any statement whose plan depends on a bound value (`camp_id = ?`
        // with a small integer), which would re-prepare it on every call.
        defer { sqlite_nio_sqlite3_reset(statement) }
        try Self.bind(binds, to: statement, db: state.db)
        var rows: [Row] = []
        rows.reserveCapacity(prepared.lastRowCount)
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw Self.error(state.db, status: status) }
            rows.append(try decode(SQLRow(columns: prepared.columns, sqliteStatement: statement)))
        }
        prepared.lastRowCount = rows.count
        return rows
    }

    /// Runs a data-changing statement.
    func execute(_ sql: String, _ binds: [SQLValue]) throws -> SQLExecution {
        try state.withLock { state in try timed { try Self.execute(sql, binds, in: &state) } }
    }

    private static func execute(_ sql: String, _ binds: [SQLValue], in state: inout State) throws -> SQLExecution {
        let statement = try Self.prepared(sql, in: &state).statement
        // No sqlite3_clear_bindings: every parameter is bound again on the next use, and
        // clearing expires any statement whose plan depends on a bound value (`camp_id = ?`
        // with a small integer), which would re-prepare it on every call.
        defer { sqlite_nio_sqlite3_reset(statement) }
        try Self.bind(binds, to: statement, db: state.db)
        var status = sqlite_nio_sqlite3_step(statement)
        while status == SQLITE_ROW { status = sqlite_nio_sqlite3_step(statement) }
        guard status == SQLITE_DONE else { throw Self.error(state.db, status: status) }
        return SQLExecution(
            affectedRows: Int(sqlite_nio_sqlite3_changes(state.db)),
            lastInsertId: Int(sqlite_nio_sqlite3_last_insert_rowid(state.db)))
    }

    /// Finalises the cached statements and closes the connection.
    func close() {
        isOpen.withLock { $0 = false }
        state.withLock { state in
            for entry in state.statements.values { sqlite_nio_sqlite3_finalize(entry.statement) }
            state.statements.removeAll()
            if let db = state.db { sqlite_nio_sqlite3_close_v2(db) }
            state.db = nil
        }
    }

    deinit { close() }

    private static func prepared(_ sql: String, in state: inout State) throws -> PreparedStatement {
        if let cached = state.statements[sql] { return cached }
        guard let db = state.db else {
            throw DatabaseError(kind: .unavailable, message: "SQLite: the database is closed")
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(db, status: status) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { index in
            sqlite_nio_sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
        }
        let entry = PreparedStatement(statement: statement, columns: SQLColumns(names))
        // Schema-dependent or one-off statements (dump import, DDL) are not worth keeping.
        let reusable = !sql.hasPrefix("PRAGMA") || sql == "PRAGMA data_version"
        if state.statements.count < 512 && reusable && !sql.hasPrefix("INSERT INTO \"") {
            state.statements[sql] = entry
        }
        return entry
    }

    private static func bind(_ binds: [SQLValue], to statement: OpaquePointer, db: OpaquePointer?) throws {
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            case .integer(let int): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(int))
            case .real(let double): status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .text(let text): status = sqlite_nio_sqlite3_bind_text(statement, index, text, -1, transient)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes {
                    sqlite_nio_sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient)
                }
            }
            guard status == SQLITE_OK else { throw error(db, status: status) }
        }
    }

    private static func error(_ db: OpaquePointer?, status: Int32) -> DatabaseError {
        let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "SQLite error \(status)"
        return DatabaseError(kind: kind(of: status), message: "SQLite \(status): \(message)", code: Int(status))
    }

    /// What a result code means for the request (extended codes are classified by their
    /// primary code, the low byte).
    static func kind(of status: Int32) -> DatabaseError.Kind {
        switch status & 0xFF {
        case SQLITE_CONSTRAINT: .constraintViolation
        // BUSY and LOCKED surface only after the busy timeout ran out: another writer (or
        // process) held the lock; the request may succeed later. CANTOPEN: the file could not
        // be opened (its directory is gone or unreadable), like a refused connection.
        // INTERRUPT: the statement ran out of time, or the database is closing.
        case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_PROTOCOL, SQLITE_INTERRUPT: .unavailable
        // FULL (disk full), READONLY, IOERR, CORRUPT, NOTADB, PERM, ERROR (SQL), MISUSE, ...:
        // the request failed and retrying will not help by itself.
        default: .other
        }
    }
}

/// Reads columns of a SQLite statement's current row, converting as ``SQLValue``'s accessors do.
enum SQLiteColumn {
    static func value(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT: return .real(sqlite_nio_sqlite3_column_double(statement, index))
        case SQLITE_TEXT: return .text(text(statement, index) { String(decoding: $0, as: UTF8.self) })
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, index), count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    static func int(_ statement: OpaquePointer, _ index: Int32) -> Int? {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: Int(sqlite_nio_sqlite3_column_int64(statement, index))
        case SQLITE_NULL: nil
        default: value(statement, index).intValue
        }
    }

    static func double(_ statement: OpaquePointer, _ index: Int32) -> Double? {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_FLOAT: sqlite_nio_sqlite3_column_double(statement, index)
        case SQLITE_INTEGER: Double(sqlite_nio_sqlite3_column_int64(statement, index))
        case SQLITE_NULL: nil
        default: value(statement, index).doubleValue
        }
    }

    static func string(_ statement: OpaquePointer, _ index: Int32) -> String? {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_TEXT: text(statement, index) { String(decoding: $0, as: UTF8.self) }
        case SQLITE_NULL: nil
        default: value(statement, index).stringValue
        }
    }

    static func timestamp(_ statement: OpaquePointer, _ index: Int32) -> Timestamp? {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_TEXT: text(statement, index) { Timestamp(databaseUTF8: $0) }
        case SQLITE_NULL: nil
        default: value(statement, index).stringValue.flatMap(Timestamp.init(databaseText:))
        }
    }

    /// The column's text as UTF-8 bytes, valid during `body`.
    private static func text<T>(
        _ statement: OpaquePointer, _ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T
    ) -> T {
        // column_text before column_bytes, as SQLite's documentation asks.
        let start = sqlite_nio_sqlite3_column_text(statement, index)
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
        return body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }
}

/// A prepared statement with the row count of its last run: the next run reserves that much
/// room instead of growing its array row by row.
private final class PreparedStatement {
    let statement: OpaquePointer
    let columns: SQLColumns
    /// Only read and written under the handle's lock.
    var lastRowCount = 0

    init(statement: OpaquePointer, columns: SQLColumns) {
        self.statement = statement
        self.columns = columns
    }
}

/// A value behind a lock. Unlike `Mutex`, its closures may return values that are not
/// `Sendable` (rows decoded by the caller's closure while the statement is current).
private final class LockedState<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched while `lock` is held.
    private let lock = NIOLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}

/// Stops statements that run past their connection's time limit. It looks four times a second
/// from a thread of its own: the statements run synchronously on the cooperative pool's few
/// threads, which long statements may fill, so a watcher there could not run.
final class SQLiteStatementWatchdog: Sendable {
    static let shared = SQLiteStatementWatchdog()

    private struct Watched: Sendable {
        weak var handle: SQLiteHandle?
    }

    private let watched = Mutex<[Watched]>([])

    private init() {
        let thread = Thread { [self] in
            while true {
                usleep(250_000)
                let handles = self.watched.withLock { list in
                    list.removeAll { $0.handle == nil }
                    return list.compactMap(\.handle)
                }
                let now = DispatchTime.now().uptimeNanoseconds
                for handle in handles { handle.interruptIfOverrunning(now: now) }
            }
        }
        thread.name = "boxtribute-sqlite-watchdog"
        thread.start()
    }

    /// Watches `handle` until it is released.
    func watch(_ handle: SQLiteHandle) {
        watched.withLock { $0.append(Watched(handle: handle)) }
    }
}
