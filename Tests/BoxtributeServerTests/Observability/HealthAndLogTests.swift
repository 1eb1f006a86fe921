import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

@testable import BoxtributeServer

/// A database that never answers, as a hung server would not.
final class HangingDatabase: Database {
    let dialect = SQLDialect.sqlite
    let statements = Atomic<Int>(0)

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        statements.add(1, ordering: .relaxed)
        try await Task.sleep(for: .seconds(600))
        return []
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        throw DatabaseError(kind: .unavailable, message: "hung")
    }

    func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        throw DatabaseError(kind: .unavailable, message: "hung")
    }

    func close() async {}
}

@Suite("health and logs")
struct HealthAndLogTests {
    @Test("/health answers 200 while the database answers, 503 with a JSON body once it is closed")
    func healthFollowsTheDatabase() async throws {
        let database = try await Fixtures.makeDatabase()
        try await ServerHarness.withClient(database: database) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json == ["status": "ok"])
            }
            await database.close()
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.json["status"] == "unavailable")
                #expect(response.json["errors"]?[0]?["message"] == "The database is not answering.")
            }
        }
    }

    @Test("/health gives up on a database that does not answer within its timeout, and shares one probe")
    func healthTimesOut() async throws {
        let database = HangingDatabase()
        let router = Router(context: BoxtributeRequestContext.self)
        ObservabilityRoutes.addHealth(to: router, database: database, timeout: .milliseconds(300))
        let app = Application(router: router)
        try await app.test(.router) { client in
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await client.execute(uri: "/health", method: .get) { response in
                            #expect(response.status == .serviceUnavailable)
                        }
                    }
                }
                try await group.waitForAll()
            }
            // A stall bound, not a speed measure: the answers come long before the 10-minute hang
            // ends, however busy the machine (the whole suite in parallel kept them 47 s once).
            #expect(ContinuousClock.now - started < .seconds(180))
        }
        #expect(database.statements.load(ordering: .relaxed) == 1)
    }

    @Test("JSON log lines: one object per line with the fields in order, credentials redacted")
    func jsonLines() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "boxtribute.test") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "request.id"] = "abc"
        logger.info(
            "request \"quoted\"\nsecond line",
            metadata: ["http.status": "401", "token": "eyJsecret", "db_password": "pw", "list": ["a", "1"]])
        logger.debug("not logged at info")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(!line.contains("\n"))
        #expect(!line.contains("eyJsecret"))
        #expect(!line.contains("\"pw\""))
        #expect(line.hasPrefix(#"{"timestamp":""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "boxtribute.test")
        #expect(object["message"] as? String == "request \"quoted\"\nsecond line")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["request.id"] as? String == "abc")
        #expect(metadata["http.status"] as? String == "401")
        #expect(metadata["token"] as? String == "[redacted]")
        #expect(metadata["db_password"] as? String == "[redacted]")
        #expect(metadata["list"] as? [String] == ["a", "1"])
        let timestamp = try #require(object["timestamp"] as? String)
        #expect(timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
    }

    @Test("the timestamp is UTC with milliseconds")
    func timestamp() {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 1_765_000_000.25)) == "2025-12-06T05:46:40.250Z")
        #expect(LogFormat.fromEnvironment(["LOG_FORMAT": "JSON"]) == .json)
        #expect(LogFormat.fromEnvironment([:]) == .text)
    }
}
