import BoxtributeDatabase
import BoxtributeStorage
import Logging
import Testing

@Suite("MySQL settings")
struct MySQLSettingsTests {
    @Test("URL options: pool size and socket")
    func urlOptions() throws {
        let location = try DatabaseLocation(
            url: "mysql://app:secret@db:3306/dropapp?pool=3&socket=%2Frun%2Fmysqld%2Fmysqld.sock")
        guard case .mysql(let settings) = location else {
            Issue.record("expected a MySQL location")
            return
        }
        #expect(settings.database == "dropapp")
        #expect(settings.poolSize == 3)
        #expect(settings.socket == "/run/mysqld/mysqld.sock")
        #expect(location.redacted == "mysql://app@db:3306/dropapp")
        #expect(!location.redacted.contains("secret"))
        let plain = try DatabaseLocation(url: "mysql://app@db/dropapp")
        #expect(plain == .mysql(MySQLSettings(host: "db", port: 3306, user: "app", password: "", database: "dropapp")))
        #expect(throws: InvalidDatabaseURL.self) { try DatabaseLocation(url: "mysql://app@db/dropapp?pool=0") }
        #expect(throws: InvalidDatabaseURL.self) { try DatabaseLocation(url: "mysql://app@db/dropapp?colour=blue") }
    }

    @Test("a build without the MySQL trait refuses a mysql:// location")
    func engineAvailability() async throws {
        #if !MySQL
            let location = try DatabaseLocation(url: "mysql://app@127.0.0.1:1/dropapp")
            await #expect(throws: UnsupportedEngine.self) {
                _ = try await DatabaseOpener.open(location, logger: .init(label: "test"))
            }
        #endif
    }
}
