import Hummingbird
import Logging
import ServiceLifecycle

/// Where `serve --metrics-port` serves `/metrics`: a listener of its own, loopback by default,
/// so the metrics stay inside the machine (or the pod) while the API is public.
public struct MetricsListener: Sendable {
    public var host: String
    public var port: Int
    public var metrics: ServerMetrics

    public init(host: String, port: Int, metrics: ServerMetrics) {
        self.host = host
        self.port = port
        self.metrics = metrics
    }
}

/// The `/metrics` listener as a service: it starts after the database and stops before it,
/// once the API's server has stopped (so the last scrape can still see the last requests).
struct MetricsService: Service {
    let listener: MetricsListener
    let logger: Logger

    func run() async throws {
        let app = Application(
            router: ObservabilityRoutes.metricsRouter(metrics: listener.metrics),
            configuration: .init(
                address: .hostname(listener.host, port: listener.port), serverName: "boxtribute-metrics"),
            logger: logger)
        // Stops accepting and returns on graceful shutdown, as the API's server does.
        try await app.run()
        logger.info("metrics listener stopped")
    }
}
