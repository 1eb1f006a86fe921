import BoxtributeDatabase
import CoreMetrics
import Metrics
import Prometheus
import Synchronization

/// The server's metrics, served at `/metrics` in Prometheus' text format: requests by API,
/// GraphQL operation and status, their latency and SQL statements per API, and the use of the
/// database's connections. The metrics go through swift-metrics' API into a Prometheus registry
/// of this instance's own (no process-wide bootstrap, so several servers, the tests', can run
/// in one process).
///
/// Operation names come from clients, so they are bounded: a name that is not a GraphQL name
/// or is longer than ``maxOperationNameLength`` counts as ``otherOperation``, as does every new
/// name once ``maxOperations`` distinct names have been seen. No other label takes a
/// client's text: the API is one of four, the status one of HTTP's.
public final class ServerMetrics: Sendable {
    /// The API a request went to: the path of a GraphQL `POST`; anything else is `other`
    /// (explorer pages, `/health`, `/metrics`, preflights, unknown paths).
    public enum API: String, Sendable, CaseIterable {
        case full, query, `public`, other

        /// The API of a request to `path` with `method`.
        static func of(path: String, isPost: Bool) -> API {
            guard isPost else { return .other }
            switch path {
            case "/graphql": return .full
            case "/": return .query
            case "/public": return .public
            default: return .other
            }
        }
    }

    /// The label of requests that ran no GraphQL operation (refused before, or not GraphQL).
    public static let noOperation = "_none"
    /// The label of an operation without a name.
    public static let anonymousOperation = "_anonymous"
    /// The label of every name beyond the cap, and of names that are not GraphQL names.
    public static let otherOperation = "_other"
    /// Longest operation name with a label of its own.
    public static let maxOperationNameLength = 100
    /// Distinct operation names with a label of their own, by default (Boxtribute's front-end
    /// has about 130 operations).
    public static let defaultMaxOperations = 250

    /// The latency buckets (seconds) of `boxtribute_http_request_duration_seconds`.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(30),
    ]
    /// The buckets of `boxtribute_sql_statements_per_request`.
    static let statementBuckets: [Double] = [0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000]

    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    /// Distinct operation names with a label of their own.
    public let maxOperations: Int
    private let factory: PrometheusMetricsFactory
    private let database: (any Database)?
    private let latency: [API: CoreMetrics.Timer]
    private let statements: [API: CoreMetrics.Recorder]
    private let state = Mutex(State())

    private struct State {
        var operations: Set<String> = []
        var requests: [RequestKey: CoreMetrics.Counter] = [:]
        /// The pools' totals at the last scrape, to add only what grew since.
        var poolTotals: [String: ConnectionPoolStatistics] = [:]
    }

    private struct RequestKey: Hashable {
        let api: API
        let operation: String
        let status: Int
    }

    /// Metrics of a server on `database` (whose connections are sampled at each scrape; `nil`:
    /// none), with at most `maxOperations` operation labels.
    public init(database: (any Database)?, maxOperations: Int = defaultMaxOperations) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["boxtribute_http_request_duration_seconds"] = Self.latencyBuckets
        factory.valueHistogramBuckets["boxtribute_sql_statements_per_request"] = Self.statementBuckets
        self.registry = registry
        self.factory = factory
        self.database = database
        self.maxOperations = max(0, maxOperations)
        var latency: [API: CoreMetrics.Timer] = [:]
        var statements: [API: CoreMetrics.Recorder] = [:]
        for api in API.allCases {
            latency[api] = CoreMetrics.Timer(
                label: "boxtribute_http_request_duration_seconds", dimensions: [("api", api.rawValue)],
                factory: factory)
            statements[api] = CoreMetrics.Recorder(
                label: "boxtribute_sql_statements_per_request", dimensions: [("api", api.rawValue)],
                factory: factory)
        }
        self.latency = latency
        self.statements = statements
    }

    /// Records one answered request: its API, the operation it ran (`nil` with `ranGraphQL`:
    /// an anonymous one), its status, how long it took and the SQL statements it ran (`nil`:
    /// it reached no database).
    public func record(
        api: API, operation: String?, ranGraphQL: Bool, status: Int, duration: Duration, statements: Int?
    ) {
        let key = RequestKey(
            api: api, operation: ranGraphQL ? operationLabel(operation) : Self.noOperation, status: status)
        let counter = state.withLock { state -> CoreMetrics.Counter in
            if let counter = state.requests[key] { return counter }
            let counter = CoreMetrics.Counter(
                label: "boxtribute_http_requests_total",
                dimensions: [("api", key.api.rawValue), ("operation", key.operation), ("status", String(status))],
                factory: factory)
            state.requests[key] = counter
            return counter
        }
        counter.increment()
        latency[api]?.recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        if let statements { self.statements[api]?.record(statements) }
    }

    /// The label of an operation name: its own while it is a GraphQL name among the first
    /// ``maxOperations`` seen, else ``otherOperation``.
    func operationLabel(_ name: String?) -> String {
        guard let name else { return Self.anonymousOperation }
        guard Self.isGraphQLName(name) else { return Self.otherOperation }
        return state.withLock { state in
            if state.operations.contains(name) { return name }
            guard state.operations.count < maxOperations else { return Self.otherOperation }
            state.operations.insert(name)
            return name
        }
    }

    /// `[_A-Za-z][_0-9A-Za-z]*`, at most ``maxOperationNameLength`` characters.
    static func isGraphQLName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= maxOperationNameLength else { return false }
        func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
        return isLetter(first) && bytes.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) }
    }

    /// The metrics in Prometheus' text format, the connection pools sampled now.
    public func render() -> [UInt8] {
        samplePools()
        return registry.emitToBuffer()
    }

    /// Sets the pools' gauges and adds to their counters what grew since the last scrape.
    private func samplePools() {
        guard let database else { return }
        for pool in database.poolStatistics() {
            let dimensions = [("pool", pool.pool)]
            CoreMetrics.Gauge(label: "boxtribute_db_pool_size", dimensions: dimensions, factory: factory).record(
                pool.size)
            CoreMetrics.Gauge(label: "boxtribute_db_pool_in_use", dimensions: dimensions, factory: factory).record(
                pool.inUse)
            let previous = state.withLock { state in
                defer { state.poolTotals[pool.pool] = pool }
                return state.poolTotals[pool.pool]
            }
            let waits = CoreMetrics.Counter(
                label: "boxtribute_db_pool_waits_total", dimensions: dimensions, factory: factory)
            let timeouts = CoreMetrics.Counter(
                label: "boxtribute_db_pool_timeouts_total", dimensions: dimensions, factory: factory)
            let waitSeconds = CoreMetrics.FloatingPointCounter(
                label: "boxtribute_db_pool_wait_seconds_total", dimensions: dimensions, factory: factory)
            waits.increment(by: max(0, pool.waits - (previous?.waits ?? 0)))
            timeouts.increment(by: max(0, pool.timeouts - (previous?.timeouts ?? 0)))
            waitSeconds.increment(by: max(0, pool.waitSeconds - (previous?.waitSeconds ?? 0)))
        }
    }
}
