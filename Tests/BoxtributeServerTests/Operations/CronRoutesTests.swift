import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeOperations
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /cron/<job>`: the App Engine guard, the dispatch, and each job's effect and answer.
@Suite struct CronRoutesTests {
    static let cron = cronHeader("true")

    /// Fields with `X-Appengine-Cron: value`.
    static func cronHeader(_ value: String) -> HTTPFields {
        var fields = HTTPFields()
        if let name = HTTPField.Name("X-Appengine-Cron") { fields[name] = value }
        return fields
    }

    static func configuration(_ operations: OperationsConfiguration = .init()) -> ServerConfiguration {
        ServerHarness.tenantConfiguration.with(operations: operations)
    }

    @Test("Without X-Appengine-Cron: true every job is refused with 401", arguments: Engine.available)
    func guardHeader(engine: Engine) async throws {
        let db = try await engine.fixtureDatabase()
        try await ServerHarness.withClient(configuration: Self.configuration(), database: db) { client in
            for headers in [HTTPFields(), Self.cronHeader("false"), Self.cronHeader("True")] {
                for job in ["housekeeping", "reseed-db", "internal-stats", "nothing"] {
                    try await client.execute(uri: "/cron/\(job)", method: .get, headers: headers) { response in
                        #expect(response.status == .unauthorized)
                        #expect(response.json == ["message": "unauthorized"])
                    }
                }
            }
        }
        // The housekeeping job did not run.
        #expect(try await db.integer("SELECT COUNT(*) FROM cms_users WHERE email LIKE '%.deleted.%'") == 0)
        await db.close()
    }

    @Test("An unknown job is answered 400 with its name", arguments: Engine.available)
    func unknownJob(engine: Engine) async throws {
        let db = try await engine.fixtureDatabase()
        try await ServerHarness.withClient(configuration: Self.configuration(), database: db) { client in
            try await client.execute(uri: "/cron/backup", method: .get, headers: Self.cron) { response in
                #expect(response.status == .badRequest)
                #expect(response.json == ["message": "unknown job 'backup'"])
            }
        }
        await db.close()
    }

    @Test("housekeeping cuts repeated .deleted.<id> suffixes to one and reports the count", arguments: Engine.available)
    func housekeeping(engine: Engine) async throws {
        let db = try await engine.fixtureDatabase()
        _ = try await db.transaction { connection in
            _ = try await connection.execute(
                """
                INSERT INTO cms_users (id, naam, email, lastlogin, lastaction, deleted) VALUES
                (20, 'Twice', 'a.b@web.de.deleted.1031.deleted.1031', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-02-01 00:00:00'),
                (21, 'Thrice', 'c@d.org.deleted.21.deleted.21.deleted.21', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-02-01 00:00:00'),
                (22, 'Once', 'e@f.org.deleted.22', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-02-01 00:00:00'),
                (23, 'Not at the end', 'g.deleted.1.deleted.2@h.org', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-02-01 00:00:00')
                """, [])
        }
        try await ServerHarness.withClient(configuration: Self.configuration(), database: db) { client in
            try await client.execute(uri: "/cron/housekeeping", method: .get, headers: Self.cron) { response in
                #expect(response.status == .ok)
                #expect(response.json == ["message": "cleaned up 2 email addresses"])
            }
            try await client.execute(uri: "/cron/housekeeping", method: .get, headers: Self.cron) { response in
                #expect(response.json == ["message": "cleaned up 0 email addresses"])
            }
        }
        #expect(
            try await db.textRows("SELECT email FROM cms_users WHERE id >= 20 ORDER BY id") == [
                ["a.b@web.de.deleted.1031"], ["c@d.org.deleted.21"], ["e@f.org.deleted.22"],
                ["g.deleted.1.deleted.2@h.org"],
            ])
        await db.close()
    }

    @Test("reseed-db refuses a database not on the allow-list, by name", arguments: Engine.available)
    func reseedRefused(engine: Engine) async throws {
        let db = try await engine.fixtureDatabase()
        let name = try await CronRunner.databaseName(of: db)
        if engine == .sqlite { #expect(name == ":memory:") }
        try await ServerHarness.withClient(configuration: Self.configuration(), database: db) { client in
            try await client.execute(uri: "/cron/reseed-db", method: .get, headers: Self.cron) { response in
                #expect(response.status == .badRequest)
                #expect(response.json == ["message": .string("Reset of '\(name)' not permitted")])
            }
        }
        #expect(try await db.integer("SELECT COUNT(*) FROM organisations") == 2)
        await db.close()
    }

    @Test("reseed-db replaces an allowed SQLite database's data by the demo data")
    func reseedAllowed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bx-reseed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dropapp_dev.sqlite3").path
        let db = try await SQLiteDatabase.open(path: path, logger: .quiet())
        try await SchemaMigrator.migrate(db, logger: .quiet())
        try await Fixtures.load(into: db)
        #expect(try await CronRunner.databaseName(of: db) == "dropapp_dev")
        try await ServerHarness.withClient(configuration: Self.configuration(), database: db) { client in
            try await client.execute(uri: "/cron/reseed-db", method: .get, headers: Self.cron) { response in
                #expect(response.status == .ok)
                #expect(response.json == ["message": "reseed-db job executed"])
            }
        }
        try await Self.expectDemoData(in: db)
        await db.close()
    }

    /// The demo data of the default size, and none of the fixture rows.
    static func expectDemoData(in db: any Database) async throws {
        #expect(try await db.integer("SELECT COUNT(*) FROM stock") == DemoData.defaultBoxCount)
        #expect(try await db.integer("SELECT COUNT(*) FROM camps") == DemoDataSummary.bases.count)
        #expect(try await db.integer("SELECT COUNT(*) FROM organisations WHERE label = 'Aid Org A'") == 0)
        #expect(try await db.integer("SELECT COUNT(*) FROM cms_users WHERE email = 'coordinator@lesvos.test'") == 0)
        // Reference data stays.
        #expect(try await db.integer("SELECT COUNT(*) FROM box_state") ?? 0 > 0)
    }

    @Test("The demo data replaces whatever the database holds, on both engines", arguments: Engine.available)
    func replaceAll(engine: Engine) async throws {
        let db = try await engine.fixtureDatabase()
        let summary = try await DemoData.replaceAll(in: db, logger: .quiet())
        #expect(summary.boxes == DemoData.defaultBoxCount)
        try await Self.expectDemoData(in: db)
        await db.close()
    }

    @Test("A failing reseed leaves the old data as it was")
    func reseedFailureKeepsData() async throws {
        let db = try await Fixtures.makeSQLiteDatabase()
        _ = try await db.query(
            "CREATE TRIGGER refuse_boxes BEFORE INSERT ON stock BEGIN SELECT RAISE(ABORT, 'refused'); END", [])
        let before = try await db.textRows("SELECT id, label FROM organisations ORDER BY id")
        let boxes = try await db.integer("SELECT COUNT(*) FROM stock")
        await #expect(throws: (any Error).self) { _ = try await DemoData.replaceAll(in: db, logger: .quiet()) }
        #expect(try await db.textRows("SELECT id, label FROM organisations ORDER BY id") == before)
        #expect(try await db.integer("SELECT COUNT(*) FROM stock") == boxes)
        await db.close()
    }

    @Test("The cron command runs a job and prints the route's message")
    func command() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let db = try await SQLiteDatabase.open(path: path, logger: .quiet())
        try await SchemaMigrator.migrate(db, logger: .quiet())
        try await Fixtures.load(into: db)
        _ = try await db.transaction { connection in
            _ = try await connection.execute(
                "UPDATE cms_users SET email = 'x@y.org.deleted.3.deleted.3' WHERE id = 3", [])
        }
        await db.close()
        let done = try CommandLineTests.run(["cron", "housekeeping", "--database", "sqlite:\(path)"])
        #expect(done.status == 0)
        #expect(done.output.contains("cleaned up 1 email addresses"))
        let refused = try CommandLineTests.run(["cron", "reseed-db", "--database", "sqlite:\(path)"])
        #expect(refused.status != 0)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        #expect(refused.output.contains("Reset of '\(name)' not permitted"))
        let unknown = try CommandLineTests.run(["cron", "backup", "--database", "sqlite:\(path)"])
        #expect(unknown.status != 0)
    }
}
