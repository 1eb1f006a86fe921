import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

/// How engine failures are classified for the API's edge: what the client may be told and
/// whether a retry can help.
@Suite("Database failures")
struct DatabaseErrorTests {
    static let logger = Logger.quiet("boxtribute.tests.database-errors")

    /// A throw-away SQLite file with one table, removed after `body`.
    private func withSQLiteFile(_ body: (String, SQLiteDatabase) async throws -> Void) async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, readers: 1, logger: Self.logger)
        _ = try await database.transaction { connection in
            try await connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)", [])
        }
        do {
            try await body(path, database)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    @Test("only an unavailable database is worth a retry")
    func retryability() {
        #expect(DatabaseError(kind: .unavailable, message: "x").isRetryable)
        #expect(!DatabaseError(kind: .commitOutcomeUnknown, message: "x").isRetryable)
        #expect(!DatabaseError(kind: .constraintViolation, message: "x").isRetryable)
        #expect(!DatabaseError(kind: .other, message: "x").isRetryable)
    }

    @Test("SQLite: constraint failures, SQL errors and a closed database")
    func sqliteKinds() async throws {
        try await withSQLiteFile { _, database in
            _ = try await database.transaction { try await $0.execute("INSERT INTO item VALUES (1, 'a')", []) }
            let duplicate = await DatabaseError.thrown {
                _ = try await database.transaction { try await $0.execute("INSERT INTO item VALUES (1, 'b')", []) }
            }
            #expect(duplicate?.kind == .constraintViolation)
            #expect(duplicate?.code.map { $0 & 0xFF } == 19)
            let syntax = await DatabaseError.thrown { _ = try await database.query("SELEC nothing", []) }
            #expect(syntax?.kind == .other)
            #expect(syntax?.message.contains("syntax") == true)
            await database.close()
            let closed = await DatabaseError.thrown { _ = try await database.query("SELECT 1", []) }
            #expect(closed?.kind == .unavailable)
        }
    }

    @Test("SQLite: a write lock held past the busy timeout makes the database unavailable")
    func sqliteBusy() async throws {
        try await withSQLiteFile { path, database in
            let other = try await SQLiteDatabase.open(path: path, readers: 1, logger: Self.logger)
            _ = try await other.withWriter { try await $0.query("PRAGMA busy_timeout=100", []) }
            let holding = AsyncStream<Void>.makeStream()
            let release = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await database.transaction { connection in
                    try await connection.execute("INSERT INTO item VALUES (2, 'held')", [])
                    holding.continuation.yield()
                    for await _ in release.stream { break }
                }
            }
            for await _ in holding.stream { break }
            let busy = await DatabaseError.thrown {
                _ = try await other.transaction { try await $0.execute("INSERT INTO item VALUES (3, 'x')", []) }
            }
            #expect(busy?.kind == .unavailable)
            #expect(busy?.isRetryable == true)
            release.continuation.yield()
            release.continuation.finish()
            try await holder.value
            // Once the lock is free the same write succeeds.
            _ = try await other.transaction { try await $0.execute("INSERT INTO item VALUES (3, 'x')", []) }
            #expect(try await database.query("SELECT COUNT(*) FROM item", []).first?.int(0) == 2)
            await other.close()
        }
    }

    /// A read that counts to ten billion: minutes of work for SQLite.
    static let endlessRead = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)
        SELECT COUNT(*) FROM n
        """

    @Test("SQLite: a read that runs past the time limit is stopped as unavailable; the reader serves again")
    func sqliteReadTimeLimit() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(
            path: path, readers: 1, readTimeLimit: .milliseconds(200), logger: Self.logger)
        let started = ContinuousClock.now
        let stopped = await DatabaseError.thrown { _ = try await database.query(Self.endlessRead, []) }
        #expect(stopped?.kind == .unavailable)
        #expect(stopped?.code.map { $0 & 0xFF } == 9)
        // A bound on a stall, not a speed figure: the statement alone would take minutes.
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try await database.query("SELECT 41 + 1", []).first?.int(0) == 42)
        // The writer has no limit: migrations and imports run long statements there.
        let written = try await database.transaction { connection in
            try await connection.query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT COUNT(*) FROM n",
                [])
        }
        #expect(written.first?.int(0) == 300_000)
        await database.close()
    }

    @Test("SQLite: closing the database stops a long read instead of waiting for it")
    func sqliteCloseStopsReads() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, readers: 1, logger: Self.logger)
        let running = Task { await DatabaseError.thrown { _ = try await database.query(Self.endlessRead, []) } }
        try await Task.sleep(for: .milliseconds(300))
        let closing = ContinuousClock.now
        await database.close()
        #expect(ContinuousClock.now - closing < .seconds(30))
        #expect(await running.value?.kind == .unavailable)
    }

    @Test("SQLite: a full disk and a read-only database fail the request, not as unavailable")
    func sqliteFullAndReadOnly() async throws {
        try await withSQLiteFile { path, database in
            // A page limit is what a full disk looks like to SQLite: SQLITE_FULL.
            _ = try await database.withWriter { try await $0.query("PRAGMA max_page_count=8", []) }
            let full = await DatabaseError.thrown {
                _ = try await database.transaction { connection in
                    for id in 10..<200 {
                        try await connection.execute(
                            "INSERT INTO item VALUES (?, ?)",
                            [.integer(id), .text(String(repeating: "x", count: 4_000))])
                    }
                }
            }
            #expect(full?.kind == .other)
            #expect(full?.code.map { $0 & 0xFF } == 13)
            let readOnly = try await SQLiteDatabase.open(path: "file:\(path)?mode=ro", readers: 1, logger: Self.logger)
            let refused = await DatabaseError.thrown {
                _ = try await readOnly.transaction { try await $0.execute("INSERT INTO item VALUES (5, 'y')", []) }
            }
            #expect(refused?.kind == .other)
            #expect(refused?.isRetryable == false)
            await readOnly.close()
        }
    }

    @Test("URL options set the MySQL timeouts; the defaults are bounded")
    func mysqlTimeoutOptions() throws {
        guard
            case .mysql(let settings) = try DatabaseLocation(
                url:
                    "mysql://app@db/dropapp?connect_timeout=2&read_timeout=7&write_timeout=9&pool_timeout=3&pool=2&lock_wait_timeout=11"
            )
        else {
            Issue.record("expected a MySQL location")
            return
        }
        #expect(settings.connectTimeout == 2)
        #expect(settings.readTimeout == 7)
        #expect(settings.writeTimeout == 9)
        #expect(settings.poolTimeout == 3)
        #expect(settings.poolSize == 2)
        #expect(settings.lockWaitTimeout == 11)
        let plain = MySQLSettings(host: "db", port: 3306, user: "app", password: "", database: "dropapp")
        #expect(plain.connectTimeout == 5 && plain.readTimeout == 30 && plain.writeTimeout == 30)
        #expect(plain.poolTimeout == 30)
        #expect(plain.lockWaitTimeout == nil)
        for option in [
            "connect_timeout=0", "read_timeout=-1", "write_timeout=x", "pool_timeout=", "lock_wait_timeout=0",
        ] {
            #expect(throws: InvalidDatabaseURL.self) { try DatabaseLocation(url: "mysql://app@db/dropapp?\(option)") }
        }
    }
}
