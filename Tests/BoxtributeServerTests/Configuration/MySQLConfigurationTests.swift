import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import Testing

@Suite("MySQL configuration")
struct MySQLConfigurationTests {
    /// The MySQL settings of `configuration`; `nil`, recorded as an issue, for another engine.
    static func mysqlSettings(of configuration: ServerConfiguration) throws -> MySQLSettings? {
        guard case .mysql(let settings) = try configuration.databaseLocation(override: nil) else {
            Issue.record("expected a MySQL location")
            return nil
        }
        return settings
    }

    @Test("MYSQL_SOCKET and MYSQL_POOL_SIZE become URL options")
    func socketAndPool() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "MYSQL_USER": "u", "MYSQL_PASSWORD": "p", "MYSQL_DB": "dropapp", "MYSQL_SOCKET": "/run/mysqld/mysqld.sock",
            "MYSQL_POOL_SIZE": "12",
        ])
        guard let settings = try Self.mysqlSettings(of: configuration) else { return }
        #expect(settings.socket == "/run/mysqld/mysqld.sock")
        #expect(settings.poolSize == 12)
        #expect(settings.user == "u" && settings.password == "p" && settings.database == "dropapp")
        // --database wins over the environment.
        #expect(try configuration.databaseLocation(override: "sqlite::memory:") == .sqlite(path: ":memory:"))
    }

    @Test("MYSQL_*_TIMEOUT variables become the connection's timeouts")
    func timeouts() throws {
        let environment = [
            "MYSQL_DB": "dropapp", "MYSQL_CONNECT_TIMEOUT": "2", "MYSQL_READ_TIMEOUT": "7", "MYSQL_WRITE_TIMEOUT": "8",
            "MYSQL_POOL_TIMEOUT": "9",
        ]
        guard let settings = try Self.mysqlSettings(of: try ServerConfiguration.fromEnvironment(environment)) else {
            return
        }
        #expect(settings.connectTimeout == 2 && settings.readTimeout == 7)
        #expect(settings.writeTimeout == 8 && settings.poolTimeout == 9)
    }
}
