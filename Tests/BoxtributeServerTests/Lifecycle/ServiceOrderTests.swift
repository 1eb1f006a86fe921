import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing

@testable import BoxtributeServer

/// `serve`'s services as one group: the order in which they stop.
@Suite("service order")
struct ServiceOrderTests {
    /// Log messages and the client's observations, in the order they happened.
    final class Events: Sendable {
        private let list = Mutex<[String]>([])
        var all: [String] { list.withLock { $0 } }
        func append(_ event: String) { list.withLock { $0.append(event) } }

        var logger: Logger {
            var logger = Logger(label: "boxtribute.tests.order") { _ in EventLogHandler(events: self) }
            logger.logLevel = .debug
            return logger
        }
    }

    struct EventLogHandler: LogHandler {
        let events: Events
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { events.append("log: \(event.message)") }
    }

    @Test(
        "on shutdown the server stops accepting and finishes the request in flight, then the background services and the metrics stop, and the database closes last"
    )
    func shutdownOrder() async throws {
        let events = Events()
        let logger = events.logger
        // SQLite whatever the engine of the run: the order does not depend on it, and closing a
        // MariaDB test database drops it, which may queue behind other tests' DDL for longer
        // than the group's shutdown bounds.
        let database = try await Fixtures.makeSQLiteDatabase()
        let configuration = ServerHarness.tenantConfiguration
        let verifier = try await TokenVerifier(configuration: configuration, developmentKey: nil, logger: .quiet())
        let metrics = ServerMetrics(database: database)
        let router = try BoxtributeApp.buildRouter(
            configuration: configuration, database: database, verifier: verifier, metrics: metrics,
            servesMetrics: false)
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (released, releaseContinuation) = AsyncStream<Void>.makeStream()
        router.get("/slow") { _, _ in
            startedContinuation.yield()
            // In flight until the client has seen new connections refused (at most 30 s), so
            // the order does not depend on how fast a loaded machine closes the listener.
            await withTaskGroup(of: Void.self) { wait in
                wait.addTask { for await _ in released { break } }
                wait.addTask { try? await Task.sleep(for: .seconds(30)) }
                await wait.next()
                wait.cancelAll()
            }
            events.append("handler: finished")
            return "finished"
        }
        let port = try await ServeLifecycleTests.freePort()
        let metricsPort = try await ServeLifecycleTests.freePort()
        let (running, runningContinuation) = AsyncStream<Void>.makeStream()
        let group = BoxtributeApp.serviceGroup(
            router: router, configuration: configuration, database: database, host: "127.0.0.1", port: port,
            metricsListener: MetricsListener(host: "127.0.0.1", port: metricsPort, metrics: metrics), signals: [],
            logger: logger, onRunning: { runningContinuation.yield() })
        let run = Task { try await group.run() }
        for await _ in running { break }

        // The metrics listener answers on its own port; the API's port does not serve /metrics.
        let scrape = try await RawConnection.connect(port: metricsPort).exchange(
            "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", within: .seconds(10))
        #expect(scrape.status == 200)
        #expect(scrape.body.contains("boxtribute_db_pool_size"))
        let notHere = try await RawConnection.connect(port: port).exchange(
            "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", within: .seconds(10))
        #expect(notHere.status == 404)

        let slow = Task {
            let received = try await RawConnection.connect(port: port).exchange(
                "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", within: .seconds(20))
            return received
        }
        for await _ in started { break }
        await group.triggerGracefulShutdown()
        // Not accepting any more, while the request in flight goes on: tried until refused
        // (at most 20 s); a connection still accepted meanwhile is closed properly, as an open
        // one dropped stops the test process (NIOAsyncWriter's deinit requires finish()).
        var refused = false
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            guard let accepted = try? await RawConnection.connect(port: port) else {
                refused = true
                break
            }
            _ = try? await accepted.withInbound { _ in }
            try await Task.sleep(for: .milliseconds(50))
        }
        events.append("client: new connection refused \(refused)")
        releaseContinuation.yield()
        let answer = try await slow.value
        try await run.value
        #expect(answer.status == 200)
        #expect(answer.body == "finished")

        let order = events.all
        func position(_ event: String) -> Int {
            guard let index = order.firstIndex(of: event) else {
                Issue.record("missing event \(event) in \(order)")
                return -1
            }
            return index
        }
        let sequence = [
            "log: shutting down: finishing accepted requests",
            "client: new connection refused true",
            "handler: finished",
            "log: HTTP server stopped",
            "log: box origin summaries stopped",
            "log: metrics listener stopped",
            "log: database closed",
        ].map(position)
        #expect(sequence == sequence.sorted(), "\(order)")
        #expect(!sequence.contains(-1))
    }
}
