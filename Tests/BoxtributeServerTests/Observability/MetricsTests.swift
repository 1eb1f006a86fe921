import BoxtributeDatabase
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// `/metrics`: what it counts, how it bounds the operation labels, the connection pools.
@Suite("metrics")
struct MetricsTests {
    /// The sample of `name` whose labels include all of `labels`, from Prometheus' text format.
    static func sample(_ text: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let series = line[..<space]
            let seriesName = series.split(separator: "{", maxSplits: 1).first.map(String.init) ?? ""
            guard seriesName == name else { continue }
            let labelText = series.contains("{") ? String(series.split(separator: "{", maxSplits: 1)[1].dropLast()) : ""
            var found: [String: String] = [:]
            for pair in labelText.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                found[String(parts[0])] = String(parts[1].dropFirst().dropLast())
            }
            if labels.allSatisfy({ found[$0.key] == $0.value }), found.count == labels.count {
                return Double(line[line.index(after: space)...])
            }
        }
        return nil
    }

    /// Runs `body` against the router `serve` builds, with metrics.
    static func withMetricsClient(
        database given: (any Database)? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let database: any Database
        if let given { database = given } else { database = try await Fixtures.makeDatabase() }
        let configuration = ServerHarness.tenantConfiguration
        let verifier = try await TokenVerifier(configuration: configuration, developmentKey: nil, logger: .quiet())
        let router = try BoxtributeApp.buildRouter(
            configuration: configuration, database: database, verifier: verifier,
            metrics: ServerMetrics(database: database))
        let app = BoxtributeApp.buildApplication(
            router: router, configuration: configuration, host: "127.0.0.1", port: 0, logger: .quiet())
        try await app.test(.router, body)
        if given == nil { await database.close() }
    }

    static func scrape(_ client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return String(buffer: response.body)
        }
    }

    @Test("requests are counted by API, operation and status, with their latency and SQL statements")
    func countsRequests() async throws {
        let token = try await externalToken(.coordinator())
        try await Self.withMetricsClient { client in
            // Refused before any GraphQL: no operation, no statements.
            try await client.graphQL("query BaseNames { bases { name } }") { #expect($0.status == .unauthorized) }
            // One statement: the user's bases.
            try await client.graphQL("query BaseNames { bases { name } }", token: token) { #expect($0.status == .ok) }
            // Two: the bases, then their organisations in one batch.
            try await client.graphQL("{ bases { name organisation { name } } }", token: token) {
                #expect($0.status == .ok)
            }
            try await client.graphQL("{ newlyCreatedBoxNumbers }", path: "/public") { #expect($0.status == .ok) }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            let text = try await Self.scrape(client)
            let requests = "boxtribute_http_requests_total"
            #expect(Self.sample(text, requests, ["api": "full", "operation": "_none", "status": "401"]) == 1)
            #expect(Self.sample(text, requests, ["api": "full", "operation": "BaseNames", "status": "200"]) == 1)
            #expect(Self.sample(text, requests, ["api": "full", "operation": "_anonymous", "status": "200"]) == 1)
            #expect(Self.sample(text, requests, ["api": "public", "operation": "_anonymous", "status": "200"]) == 1)
            #expect(Self.sample(text, requests, ["api": "other", "operation": "_none", "status": "200"]) == 1)
            let latency = "boxtribute_http_request_duration_seconds"
            #expect(Self.sample(text, latency + "_count", ["api": "full"]) == 3)
            #expect(Self.sample(text, latency + "_count", ["api": "public"]) == 1)
            #expect(Self.sample(text, latency + "_bucket", ["api": "full", "le": "+Inf"]) == 3)
            let statements = "boxtribute_sql_statements_per_request"
            #expect(Self.sample(text, statements + "_count", ["api": "full"]) == 2)
            #expect(Self.sample(text, statements + "_sum", ["api": "full"]) == 3)
            #expect(Self.sample(text, statements + "_bucket", ["api": "full", "le": "1.0"]) == 1)
            #expect(Self.sample(text, statements + "_bucket", ["api": "full", "le": "2.0"]) == 2)
            // The scrape itself is counted once it is answered.
            let again = try await Self.scrape(client)
            #expect(Self.sample(again, requests, ["api": "other", "operation": "_none", "status": "200"]) == 2)
        }
    }

    @Test("operation labels are bounded: invalid names and names beyond the cap share one label")
    func boundedOperations() {
        let metrics = ServerMetrics(database: nil, maxOperations: 2)
        for name in ["First", "Second", "Third", "has space", String(repeating: "a", count: 101), "First"] {
            metrics.record(
                api: .full, operation: name, ranGraphQL: true, status: 200, duration: .milliseconds(3), statements: 1)
        }
        metrics.record(api: .full, operation: nil, ranGraphQL: true, status: 200, duration: .zero, statements: 0)
        let text = String(decoding: metrics.render(), as: UTF8.self)
        let requests = "boxtribute_http_requests_total"
        #expect(Self.sample(text, requests, ["api": "full", "operation": "First", "status": "200"]) == 2)
        #expect(Self.sample(text, requests, ["api": "full", "operation": "Second", "status": "200"]) == 1)
        #expect(Self.sample(text, requests, ["api": "full", "operation": "_other", "status": "200"]) == 3)
        #expect(Self.sample(text, requests, ["api": "full", "operation": "_anonymous", "status": "200"]) == 1)
        #expect(!text.contains("Third"))
        #expect(!text.contains("has space"))
    }

    @Test("the SQLite writer's waits and the readers in use are sampled at each scrape")
    func sqlitePools() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await SQLiteDatabase.open(
            path: directory.appendingPathComponent("pools.sqlite3").path, readers: 3, logger: .quiet())
        let metrics = ServerMetrics(database: database)
        var text = String(decoding: metrics.render(), as: UTF8.self)
        #expect(Self.sample(text, "boxtribute_db_pool_size", ["pool": "sqlite_readers"]) == 3)
        #expect(Self.sample(text, "boxtribute_db_pool_size", ["pool": "sqlite_writer"]) == 1)
        #expect(Self.sample(text, "boxtribute_db_pool_waits_total", ["pool": "sqlite_writer"]) == 0)
        // A read session holds a reader; a second transaction waits for the first.
        let session = try #require(database.openReadSession())
        _ = try await session.query("SELECT 1", [])
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await database.transaction { _ in
                enteredContinuation.yield()
                try await Task.sleep(for: .milliseconds(300))
            }
        }
        for await _ in entered { break }
        try await database.transaction { _ in }
        try await first.value
        text = String(decoding: metrics.render(), as: UTF8.self)
        #expect(Self.sample(text, "boxtribute_db_pool_in_use", ["pool": "sqlite_readers"]) == 1)
        #expect(Self.sample(text, "boxtribute_db_pool_waits_total", ["pool": "sqlite_writer"]) == 1)
        let waited = try #require(Self.sample(text, "boxtribute_db_pool_wait_seconds_total", ["pool": "sqlite_writer"]))
        #expect(waited > 0)
        session.close()
        // Counters keep their totals: a scrape without new waits adds nothing.
        text = String(decoding: metrics.render(), as: UTF8.self)
        #expect(Self.sample(text, "boxtribute_db_pool_waits_total", ["pool": "sqlite_writer"]) == 1)
        #expect(Self.sample(text, "boxtribute_db_pool_in_use", ["pool": "sqlite_readers"]) == 0)
        await database.close()
    }

    @Test("the in-memory SQLite database of the tests reports its one connection, the writer")
    func memoryPools() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: .quiet())
        let text = String(decoding: ServerMetrics(database: database).render(), as: UTF8.self)
        #expect(Self.sample(text, "boxtribute_db_pool_size", ["pool": "sqlite_writer"]) == 1)
        #expect(Self.sample(text, "boxtribute_db_pool_size", ["pool": "sqlite_readers"]) == nil)
        await database.close()
    }

    #if MySQL
        @Test(
            "MySQL: the pool's size, connections in use and waits", .enabled(if: MySQLTestServer.isConfigured))
        func mysqlPool() async throws {
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: 1)
            let metrics = ServerMetrics(database: database)
            var text = String(decoding: metrics.render(), as: UTF8.self)
            #expect(Self.sample(text, "boxtribute_db_pool_size", ["pool": "mysql"]) == 1)
            #expect(Self.sample(text, "boxtribute_db_pool_waits_total", ["pool": "mysql"]) == 0)
            // The one connection is held by a transaction; a read waits for it.
            let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
            let transaction = Task {
                try await database.transaction { _ in
                    enteredContinuation.yield()
                    try await Task.sleep(for: .milliseconds(300))
                }
            }
            for await _ in entered { break }
            text = String(decoding: metrics.render(), as: UTF8.self)
            #expect(Self.sample(text, "boxtribute_db_pool_in_use", ["pool": "mysql"]) == 1)
            _ = try await database.query("SELECT 1", [])
            try await transaction.value
            text = String(decoding: metrics.render(), as: UTF8.self)
            #expect(Self.sample(text, "boxtribute_db_pool_waits_total", ["pool": "mysql"]) == 1)
            #expect(Self.sample(text, "boxtribute_db_pool_in_use", ["pool": "mysql"]) == 0)
            #expect(Self.sample(text, "boxtribute_db_pool_timeouts_total", ["pool": "mysql"]) == 0)
            let waited = try #require(Self.sample(text, "boxtribute_db_pool_wait_seconds_total", ["pool": "mysql"]))
            #expect(waited > 0)
            await database.close()
        }
    #endif
}
