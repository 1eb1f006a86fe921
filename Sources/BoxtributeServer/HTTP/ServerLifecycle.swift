import BoxtributeDatabase
import BoxtributeStorage
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The HTTP server as a service. On graceful shutdown it stops accepting connections, lets every
/// accepted request finish, its answer written to the socket, and returns; when the drain time is
/// over it closes the connections left and returns even if a request handler never does.
struct HTTPServerService<App: ApplicationProtocol>: Service {
    let app: App
    let registry: ConnectionRegistry
    let drainTimeout: Duration
    let logger: Logger

    func run() async throws {
        let outcome = Outcome()
        // Unstructured, so a handler that never returns cannot keep `run` from returning; it
        // inherits the graceful-shutdown context of this task.
        let server = Task {
            do {
                try await app.run()
                outcome.finish(nil)
            } catch {
                outcome.finish(error)
            }
        }
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await outcome.wait()
                logger.info("HTTP server stopped")
            } onCancel: {
                server.cancel()
                outcome.finish(CancellationError())
            }
        } onGracefulShutdown: { [registry, drainTimeout, logger] in
            logger.info(
                "shutting down: finishing accepted requests",
                metadata: ["connections": "\(registry.count)", "drain_seconds": "\(drainTimeout)"])
            Task {
                try? await Task.sleep(for: drainTimeout)
                guard !outcome.isFinished else { return }
                let closed = registry.closeAll()
                logger.warning("drain time over: connections closed", metadata: ["connections": "\(closed)"])
                // Handlers see their connection closed; those that still do not return are left.
                try? await Task.sleep(for: .seconds(1))
                outcome.finish(nil)
            }
        }
    }

    /// The first of: the server returned, the drain time ran out, the task was cancelled.
    final class Outcome: Sendable {
        private struct State {
            var result: Result<Void, any Error>?
            var waiter: CheckedContinuation<Void, any Error>?
        }
        private let state = Mutex(State())

        var isFinished: Bool { state.withLock { $0.result != nil } }

        func finish(_ error: (any Error)?) {
            let waiter: CheckedContinuation<Void, any Error>? = state.withLock { state in
                guard state.result == nil else { return nil }
                let result: Result<Void, any Error> = error.map { .failure($0) } ?? .success(())
                state.result = result
                defer { state.waiter = nil }
                return state.waiter
            }
            if let waiter { waiter.resume(with: error.map { .failure($0) } ?? .success(())) }
        }

        func wait() async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let result: Result<Void, any Error>? = state.withLock { state in
                    if let result = state.result { return result }
                    state.waiter = continuation
                    return nil
                }
                if let result { continuation.resume(with: result) }
            }
        }
    }
}

/// Closes the database once the services started after it (the HTTP server) have stopped;
/// SQLite's last connection checkpoints its write-ahead log as it closes.
struct DatabaseService: Service {
    let database: any Database
    let logger: Logger

    func run() async throws {
        // Returns on graceful shutdown, throws on cancellation: either way the database closes.
        try? await gracefulShutdown()
        await database.close()
        logger.info("database closed")
    }
}

/// Adds the settled boxes to `box_origins` when the server starts, beside its first requests,
/// and then every ``standardInterval``, so that the created-boxes
/// statistics work out only the last minutes' boxes from the history, however long the server
/// runs. A failed round (another instance summarising at the same time) is logged and the next
/// one tries again.
struct BoxOriginService: Service {
    /// The settling time of a box: a round adds about that much time's boxes.
    static let standardInterval = Duration.seconds(BoxOriginStore.settlingTime)

    let database: any Database
    let logger: Logger
    var interval = standardInterval

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                do {
                    let added = try await BoxOriginStore.refresh(in: database)
                    if added > 0 { logger.info("summarised box origins", metadata: ["boxes": "\(added)"]) }
                } catch {
                    logger.warning("could not summarise box origins", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
        logger.debug("box origin summaries stopped")
    }
}

/// The address `serve` cannot listen on.
public struct ListenError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let reason: String

    public var description: String { "cannot listen on \(host):\(port): \(reason)" }
}

extension BoxtributeApp {
    /// Fails when `host:port` cannot be listened on (in use, not an address of this machine), so
    /// `serve` stops before touching the database.
    public static func checkCanListen(host: String, port: Int) async throws(ListenError) {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ListenError(
                host: host, port: port, reason: "the port is already in use (is another server running on it?)")
        } catch {
            throw ListenError(host: host, port: port, reason: "\(error)")
        }
    }

    /// Serves `router` on `host:port` (and `/metrics` on `metricsListener`, if any) until
    /// SIGTERM or SIGINT, then drains (see ``ServerConfiguration/HTTPLimits``) and closes
    /// `database`. `onRunning` runs once the server listens.
    public static func serve(
        router: Router<BoxtributeRequestContext>, configuration: ServerConfiguration, database: any Database,
        host: String,
        port: Int, metricsListener: MetricsListener? = nil, logger: Logger,
        onRunning: @escaping @Sendable () async -> Void = {}
    ) async throws {
        try await serviceGroup(
            router: router, configuration: configuration, database: database, host: host, port: port,
            metricsListener: metricsListener, signals: [.sigterm, .sigint], logger: logger, onRunning: onRunning
        ).run()
    }

    /// The services of `serve`, as one group. They start in this order and stop in the reverse
    /// one: the database, the metrics listener, the box-origin summaries, the HTTP server. So
    /// on SIGTERM/SIGINT (`signals`) the server stops accepting and finishes the requests in
    /// flight, then the background services stop, and the database closes last.
    static func serviceGroup(
        router: Router<BoxtributeRequestContext>, configuration: ServerConfiguration, database: any Database,
        host: String, port: Int, metricsListener: MetricsListener?, signals: [UnixSignal], logger: Logger,
        onRunning: @escaping @Sendable () async -> Void
    ) -> ServiceGroup {
        let registry = ConnectionRegistry(limit: configuration.http.maxConnections)
        let app = buildApplication(
            router: router, configuration: configuration, host: host, port: port, registry: registry, logger: logger,
            onRunning: onRunning)
        let drain = configuration.http.drainTimeout
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: DatabaseService(database: database, logger: logger))
        ]
        if let metricsListener {
            services.append(.init(service: MetricsService(listener: metricsListener, logger: logger)))
        }
        services += [
            .init(service: BoxOriginService(database: database, logger: logger)),
            .init(service: HTTPServerService(app: app, registry: registry, drainTimeout: drain, logger: logger)),
        ]
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger)
        // A backstop: the server service returns after the drain time by itself.
        group.maximumGracefulShutdownDuration = drain + .seconds(10)
        group.maximumCancellationDuration = .seconds(5)
        return ServiceGroup(configuration: group)
    }
}
