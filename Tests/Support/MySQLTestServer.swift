#if MySQL
    import BoxtributeStorage
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

        static let logger: Logger = {
            var logger = Logger(label: "boxtribute.tests.mysql")
            logger.logLevel = .warning
            return logger
        }()

        /// Settings of the configured server, for its own database.
        public static func settings() throws -> MySQLSettings {
            guard let url, case .mysql(let settings) = try DatabaseLocation(url: url) else {
                throw DatabaseError(kind: .other, message: "BOXTRIBUTE_TEST_MYSQL_URL is not a mysql:// URL")
            }
            return settings
        }

        private static let leftoversDropped = Task<Void, any Error> {
            let admin = try await MySQLDatabase.open(settings: try settings(), logger: logger)
            do {
                let names = try await admin.query(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?",
                    [.text("bx\\_test\\_%")])
                for name in names.compactMap({ $0.string(0) }) {
                    _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`", [])
                }
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
        }

        /// A new empty database on the server, dropped by `close()`.
        public static func makeEmptyDatabase(poolSize: Int = 4) async throws -> any Database {
            try await leftoversDropped.value
            var settings = try settings()
            let name = "bx_test_" + String(UInt64.random(in: 0..<UInt64.max), radix: 36)
            let admin = try await MySQLDatabase.open(settings: settings, logger: logger)
            do {
                _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4", [])
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
            let adminSettings = settings
            settings.database = name
            settings.poolSize = poolSize
            let database = try await MySQLDatabase.open(settings: settings, logger: logger)
            return TemporaryMySQLDatabase(database: database, name: name, adminSettings: adminSettings)
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
        let adminSettings: MySQLSettings
        var dialect: SQLDialect { database.dialect }
        var databaseName: String { name }

        init(database: MySQLDatabase, name: String, adminSettings: MySQLSettings) {
            self.database = database
            self.name = name
            self.adminSettings = adminSettings
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

        func close() async {
            await database.close()
            guard let admin = try? await MySQLDatabase.open(settings: adminSettings, logger: MySQLTestServer.logger)
            else {
                return
            }
            _ = try? await admin.query("DROP DATABASE IF EXISTS `\(name)`", [])
            await admin.close()
        }
    }
#endif
