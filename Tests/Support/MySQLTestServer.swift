#if MySQL
    import BoxtributeDatabase
    import Foundation
    import Logging

    /// The MariaDB/MySQL server the tests run against when `BOXTRIBUTE_TEST_MYSQL_URL` is set
    /// (`mysql://user:pass@host:port/db`; the user must be allowed to create databases). Each
    /// test gets its own database `bx_test_<random>`, dropped when the test closes it; databases
    /// left behind by earlier runs are dropped when a run first asks for one.
    public enum MySQLTestServer {
        /// The server's URL, when configured.
        public static let url: String? = {
            guard let text = ProcessInfo.processInfo.environment["BOXTRIBUTE_TEST_MYSQL_URL"], !text.isEmpty else {
                return nil
            }
            return text
        }()

        /// Whether the tests run on MariaDB/MySQL.
        public static var isConfigured: Bool { url != nil }

        static let logger = Logger.quiet("boxtribute.tests.mysql")

        /// Settings of the configured server, for its own database. Unless the URL says
        /// otherwise, statements, pool waits and lock waits may take 5 minutes instead of the
        /// production defaults: the suites create and drop hundreds of databases at once on two
        /// cores, and DDL then waits on the server's metadata locks and on InnoDB's dictionary
        /// (whose row locks every `CREATE TABLE` with foreign keys and every `DROP DATABASE`
        /// take, in whichever database) for longer than a request should.
        public static func settings() throws -> MySQLSettings {
            guard let url, case .mysql(var settings) = try DatabaseLocation(url: url) else {
                throw DatabaseError(kind: .other, message: "BOXTRIBUTE_TEST_MYSQL_URL is not a mysql:// URL")
            }
            if !url.contains("read_timeout=") { settings.readTimeout = 300 }
            if !url.contains("write_timeout=") { settings.writeTimeout = 300 }
            if !url.contains("pool_timeout=") { settings.poolTimeout = 300 }
            if !url.contains("lock_wait_timeout=") { settings.lockWaitTimeout = 300 }
            return settings
        }

        private static let leftoversDropped = Task<Void, any Error> {
            try await onServer { admin in
                let names = try await admin.query(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?",
                    [.text("bx\\_test\\_%")])
                for name in names.compactMap({ $0.string(0) }) {
                    _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`", [])
                }
            }
        }

        /// Runs `body` on a connection to the server's own database, then closes it.
        static func onServer(_ body: (MySQLDatabase) async throws -> Void) async throws {
            let admin = try await MySQLDatabase.open(settings: try settings(), logger: logger)
            let outcome: Result<Void, any Error>
            do {
                try await body(admin)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            await admin.close()
            try outcome.get()
        }

        /// A new empty database on the server, dropped by `close()`. `adjust` changes the
        /// settings the database is opened with (another address, shorter timeouts).
        public static func makeEmptyDatabase(
            poolSize: Int = 4, adjust: (inout MySQLSettings) -> Void = { _ in }
        ) async throws -> any Database {
            try await leftoversDropped.value
            let name = "bx_test_" + String(UInt64.random(in: 0..<UInt64.max), radix: 36)
            try await onServer { admin in
                _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4", [])
            }
            var settings = try settings()
            settings.database = name
            settings.poolSize = poolSize
            adjust(&settings)
            let database = try await MySQLDatabase.open(settings: settings, logger: logger)
            return TemporaryMySQLDatabase(database: database, name: name)
        }
    }

    extension MySQLTestServer {
        /// A new empty database's name and URL (with the configured server's credentials), for
        /// a separate process to open; drop it with ``dropDatabase(named:)``.
        public static func makeEmptyDatabaseURL() async throws -> (name: String, url: String) {
            try await leftoversDropped.value
            let name = "bx_test_" + String(UInt64.random(in: 0..<UInt64.max), radix: 36)
            try await onServer { admin in
                _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4", [])
            }
            guard let url, let slash = url.dropFirst("mysql://".count).firstIndex(of: "/") else {
                throw DatabaseError(kind: .other, message: "BOXTRIBUTE_TEST_MYSQL_URL has no database name")
            }
            var query = url[slash...].firstIndex(of: "?").map { String(url[$0...]) } ?? ""
            // The same long waits as ``settings()``, for the process that opens it.
            for option in ["read_timeout", "write_timeout", "pool_timeout", "lock_wait_timeout"]
            where !query.contains(option + "=") {
                query += (query.isEmpty ? "?" : "&") + option + "=300"
            }
            return (name, String(url[..<slash]) + "/" + name + query)
        }

        /// Drops a database made by ``makeEmptyDatabaseURL()``.
        public static func dropDatabase(named name: String) async {
            try? await onServer { admin in _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`", []) }
        }

        /// Connections the server has open to database `name` (for waiting until a killed
        /// process's sessions are gone).
        public static func sessions(on name: String) async throws -> Int {
            var count = 0
            try await onServer { admin in
                count =
                    try await admin.query(
                        "SELECT COUNT(*) FROM information_schema.processlist WHERE db = ?", [.text(name)]
                    ).first?.int(0) ?? 0
            }
            return count
        }
    }

    /// A test database that knows its server-side name.
    public protocol MySQLTestDatabaseNaming {
        var databaseName: String { get }
    }

    /// A test database that is dropped when closed.
    final class TemporaryMySQLDatabase: Database, MySQLTestDatabaseNaming {
        let database: MySQLDatabase
        let name: String
        var dialect: SQLDialect { database.dialect }
        var databaseName: String { name }

        init(database: MySQLDatabase, name: String) {
            self.database = database
            self.name = name
        }

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            try await database.query(sql, binds)
        }

        func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
            try await database.transaction(body)
        }

        func transactionWithoutForeignKeys<T: Sendable>(
            _ body: @Sendable (any SQLConnection) async throws -> T
        )
            async throws -> T
        {
            try await database.transactionWithoutForeignKeys(body)
        }

        func poolStatistics() -> [ConnectionPoolStatistics] { database.poolStatistics() }

        func close() async {
            await database.close()
            let name = name
            try? await MySQLTestServer.onServer { admin in
                _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`", [])
            }
        }
    }
#endif
