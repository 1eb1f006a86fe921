#if MySQL
    import BoxtributeDatabase
    import BoxtributeTestSupport
    import Foundation
    import Logging
    import Testing

    /// The MariaDB driver itself: types, prepared statements, transactions, the pool and
    /// reconnection. Runs when `BOXTRIBUTE_TEST_MYSQL_URL` is set (see `MySQLTestServer`).
    @Suite(.enabled(if: MySQLTestServer.isConfigured, "BOXTRIBUTE_TEST_MYSQL_URL is not set"))
    struct MySQLDriverTests {
        static let logger = Logger.quiet("boxtribute.tests.mysql-driver")

        /// A fresh empty database and an administrative connection to the server's own database.
        private func withDatabases(
            poolSize: Int = 4, _ body: (any Database, MySQLDatabase) async throws -> Void
        ) async throws {
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: poolSize)
            let admin = try await MySQLDatabase.open(settings: try MySQLTestServer.settings(), logger: Self.logger)
            do {
                try await body(database, admin)
            } catch {
                await admin.close()
                await database.close()
                throw error
            }
            await admin.close()
            await database.close()
        }

        @Test("lock_wait_timeout sets every pooled session's InnoDB lock wait; without it the server's stays")
        func lockWaitTimeoutIsSetPerSession() async throws {
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: 2) { $0.lockWaitTimeout = 7 }
            var serverDefaults = try MySQLTestServer.settings()
            serverDefaults.lockWaitTimeout = nil
            let admin = try await MySQLDatabase.open(settings: serverDefaults, logger: Self.logger)
            do {
                for _ in 0..<3 {
                    let seconds = try await database.query("SELECT @@SESSION.innodb_lock_wait_timeout", []).first?.int(
                        0)
                    #expect(seconds == 7)
                }
                let global = try await admin.query("SELECT @@GLOBAL.innodb_lock_wait_timeout", []).first?.int(0)
                let session = try await admin.query("SELECT @@SESSION.innodb_lock_wait_timeout", []).first?.int(0)
                #expect(session == global)
            } catch {
                Issue.record(error)
            }
            await admin.close()
            await database.close()
        }

        @Test func valuesRoundTripThroughBoundParameters() async throws {
            try await withDatabases { database, _ in
                _ = try await database.query(
                    """
                    CREATE TABLE sample (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, big BIGINT, small TINYINT,
                    ratio DOUBLE, price DECIMAL(10,2), label VARCHAR(100), body TEXT, raw BLOB, at DATETIME, day DATE,
                    nothing INT) DEFAULT CHARSET=utf8mb4
                    """, [])
                let inserted = try await database.transaction { connection in
                    try await connection.execute(
                        "INSERT INTO sample (big, small, ratio, price, label, body, raw, at, day, nothing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            .integer(9_007_199_254_740_993), .integer(-7), .real(0.125), .real(12.5),
                            .text("Ελληνικά ✓ 📦🧥"), .text(String(repeating: "long text ", count: 2_000)),
                            .blob([0, 1, 2, 255]), .text("2024-02-29 23:59:58"), .text("2024-03-01"), .null,
                        ])
                }
                #expect(inserted.affectedRows == 1)
                #expect(inserted.lastInsertId == 1)
                let row = try #require(
                    try await database.query(
                        "SELECT id, big, small, ratio, price, label, body, raw, at, day, nothing FROM sample WHERE id = ?",
                        [.integer(inserted.lastInsertId)]
                    ).first)
                #expect(row["id"] == .integer(1))
                #expect(row["big"] == .integer(9_007_199_254_740_993))
                #expect(row["small"] == .integer(-7))
                #expect(row["ratio"] == .real(0.125))
                #expect(row.double(4) == 12.5)
                #expect(row["label"] == .text("Ελληνικά ✓ 📦🧥"))
                #expect(row.string(6)?.count == 20_000)
                #expect(row["raw"] == .blob([0, 1, 2, 255]))
                #expect(row["at"] == .text("2024-02-29 23:59:58"))
                #expect(row["day"] == .text("2024-03-01"))
                #expect(row["nothing"] == .null)
                #expect(row.timestamp(8) != nil)
            }
        }

        @Test func zeroDatesReadAsNull() async throws {
            try await withDatabases { database, _ in
                _ = try await database.query(
                    "CREATE TABLE legacy (id INT PRIMARY KEY, deleted DATETIME, born DATE)", [])
                _ = try await database.query(
                    "INSERT INTO legacy VALUES (1, '0000-00-00 00:00:00', '0000-00-00'), (2, '2020-01-02 03:04:05', '1980-07-10')",
                    [])
                // Through prepared statements (with binds) and the text protocol alike.
                let prepared = try await database.query(
                    "SELECT deleted, born FROM legacy WHERE id >= ? ORDER BY id", [.integer(1)])
                #expect(
                    prepared.map { [$0[0], $0[1]] } == [
                        [.null, .null], [.text("2020-01-02 03:04:05"), .text("1980-07-10")],
                    ])
                let counted = try await database.query(
                    "SELECT COUNT(*) FROM legacy WHERE \(SQL.notDeleted("deleted"))", [])
                #expect(counted.first?.int(0) == 1)
            }
        }

        @Test func preparedStatementsAreReusedPerConnection() async throws {
            try await withDatabases(poolSize: 1) { database, _ in
                func prepares() async throws -> Int {
                    try await database.query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'", []).first?.int(1) ?? -1
                }
                let before = try await prepares()
                for value in 0..<50 {
                    let rows = try await database.query("SELECT ? + 1 AS next", [.integer(value)])
                    #expect(rows.first?.int(0) == value + 1)
                }
                #expect(try await prepares() == before + 1)
            }
        }

        @Test func aFailingStatementRollsBackTheWholeTransaction() async throws {
            try await withDatabases { database, _ in
                _ = try await database.query("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(20))", [])
                await #expect {
                    try await database.transaction { connection in
                        try await connection.execute("INSERT INTO item VALUES (?, ?)", [.integer(1), .text("first")])
                        try await connection.execute(
                            "UPDATE item SET label = ? WHERE id = ?", [.text("changed"), .integer(1)])
                        try await connection.execute(
                            "INSERT INTO item VALUES (?, ?)", [.integer(1), .text("duplicate")])
                    }
                } throws: { error in
                    (error as? DatabaseError)?.kind == .constraintViolation
                }
                #expect(try await database.query("SELECT COUNT(*) FROM item", []).first?.int(0) == 0)
                // The connection went back to the pool in a usable state.
                _ = try await database.transaction { connection in
                    try await connection.execute("INSERT INTO item VALUES (?, ?)", [.integer(1), .text("again")])
                }
                #expect(try await database.query("SELECT label FROM item", []).first?.string(0) == "again")
            }
        }

        @Test func foreignKeyViolationsAreConstraintViolations() async throws {
            try await withDatabases { database, _ in
                _ = try await database.query("CREATE TABLE parent (id INT PRIMARY KEY) ENGINE=InnoDB", [])
                _ = try await database.query(
                    "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB",
                    [])
                await #expect {
                    try await database.transaction { connection in
                        try await connection.execute("INSERT INTO child VALUES (?, ?)", [.integer(1), .integer(42)])
                    }
                } throws: { error in
                    (error as? DatabaseError)?.kind == .constraintViolation
                }
                // Without foreign-key checks the same row loads, and checks are back on afterwards.
                _ = try await database.transactionWithoutForeignKeys { connection in
                    try await connection.execute("INSERT INTO child VALUES (?, ?)", [.integer(1), .integer(42)])
                }
                await #expect(throws: DatabaseError.self) {
                    try await database.transaction { connection in
                        try await connection.execute("INSERT INTO child VALUES (?, ?)", [.integer(2), .integer(43)])
                    }
                }
                #expect(try await database.query("SELECT COUNT(*) FROM child", []).first?.int(0) == 1)
            }
        }

        @Test func requestsBeyondThePoolSizeWaitForAFreeConnection() async throws {
            try await withDatabases(poolSize: 2) { database, admin in
                let started = ContinuousClock.now
                // Five statements of 0.3 s each on two connections: three rounds, none fails.
                let results = try await withThrowingTaskGroup(of: Int?.self) { group in
                    for index in 0..<5 {
                        group.addTask {
                            try await database.query("SELECT SLEEP(0.3), ? AS n", [.integer(index)]).first?.int(1)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let elapsed = ContinuousClock.now - started
                #expect(Set(results.compactMap { $0 }) == [0, 1, 2, 3, 4])
                #expect(elapsed >= .milliseconds(850))
                let name = try #require((database as? any MySQLTestDatabaseNaming)?.databaseName)
                let connections = try await admin.query(
                    "SELECT COUNT(*) FROM information_schema.processlist WHERE db = ?", [.text(name)])
                #expect((connections.first?.int(0) ?? 99) <= 2)
            }
        }

        @Test func aKilledIdleConnectionIsReplacedTransparently() async throws {
            try await withDatabases(poolSize: 1) { database, admin in
                let first = try #require(try await database.query("SELECT CONNECTION_ID()", []).first?.int(0))
                // What a server restart or an idle timeout does to a pooled connection.
                _ = try await admin.query("KILL CONNECTION \(first)", [])
                try await Task.sleep(for: .milliseconds(100))
                let second = try #require(try await database.query("SELECT CONNECTION_ID()", []).first?.int(0))
                #expect(second != first)
                // Transactions also start on a replaced connection.
                _ = try await admin.query("KILL CONNECTION \(second)", [])
                try await Task.sleep(for: .milliseconds(100))
                let third = try await database.transaction { connection in
                    try await connection.query("SELECT CONNECTION_ID()", []).first?.int(0)
                }
                #expect(third != nil && third != second)
            }
        }

        @Test func aConnectionKilledMidTransactionFailsThatTransactionOnly() async throws {
            try await withDatabases(poolSize: 2) { database, admin in
                _ = try await database.query("CREATE TABLE item (id INT PRIMARY KEY)", [])
                await #expect {
                    try await database.transaction { connection in
                        try await connection.execute("INSERT INTO item VALUES (?)", [.integer(1)])
                        let id = try await connection.query("SELECT CONNECTION_ID()", []).first?.int(0) ?? 0
                        _ = try await admin.query("KILL CONNECTION \(id)", [])
                        try await connection.execute("INSERT INTO item VALUES (?)", [.integer(2)])
                    }
                } throws: { error in
                    "\(error)".contains("lost the connection")
                }
                // The killed transaction's rows are gone; later work succeeds on a new connection.
                #expect(try await database.query("SELECT COUNT(*) FROM item", []).first?.int(0) == 0)
                _ = try await database.transaction { connection in
                    try await connection.execute("INSERT INTO item VALUES (?)", [.integer(3)])
                }
                #expect(try await database.query("SELECT id FROM item", []).first?.int(0) == 3)
            }
        }

        @Test func aStatementInFlightWhenItsConnectionIsKilledFailsClearly() async throws {
            try await withDatabases(poolSize: 2) { database, admin in
                let name = try #require((database as? any MySQLTestDatabaseNaming)?.databaseName)
                let slow = Task {
                    try await database.transaction { connection in
                        try await connection.query("SELECT SLEEP(10)", []).first?.int(0)
                    }
                }
                // Find the sleeping connection and kill it.
                var killed = false
                for _ in 0..<50 where !killed {
                    try await Task.sleep(for: .milliseconds(100))
                    let sleeping = try await admin.query(
                        "SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE ?",
                        [.text(name), .text("SELECT SLEEP%")])
                    if let id = sleeping.first?.int(0) {
                        _ = try await admin.query("KILL CONNECTION \(id)", [])
                        killed = true
                    }
                }
                #expect(killed)
                let started = ContinuousClock.now
                await #expect(throws: DatabaseError.self) { _ = try await slow.value }
                #expect(ContinuousClock.now - started < .seconds(8))
                #expect(try await database.query("SELECT 1 + ?", [.integer(1)]).first?.int(0) == 2)
            }
        }
    }
#endif
