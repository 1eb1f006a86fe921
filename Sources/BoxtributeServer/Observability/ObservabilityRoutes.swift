import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `/health` and `/metrics`.
public enum ObservabilityRoutes {
    /// `GET /health`: `200 {"status":"ok"}` when the database answers `SELECT 1` within
    /// ``HealthCheck/defaultTimeout``, else `503` with `{"status":"unavailable","errors":[…]}`.
    static func addHealth(
        to router: Router<BoxtributeRequestContext>, database: any Database,
        timeout: Duration = HealthCheck.defaultTimeout
    ) {
        let check = HealthCheck(database: database, timeout: timeout)
        router.get("/health") { _, context in
            guard await check.databaseAnswers() else {
                context.logger.warning("health check: the database did not answer")
                return BoxtributeApp.jsonResponse(status: .serviceUnavailable, body: unavailableBody)
            }
            return BoxtributeApp.jsonResponse(status: .ok, body: Array(#"{"status":"ok"}"#.utf8))
        }
    }

    static let unavailableBody = Array(
        #"{"errors":[{"message":"The database is not answering."}],"status":"unavailable"}"#.utf8)

    /// `GET /metrics`: the metrics in Prometheus' text format.
    static func addMetrics<Context: RequestContext>(to router: Router<Context>, metrics: ServerMetrics) {
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
    }

    /// The router of a listener serving only `/metrics` (`serve --metrics-port`).
    public static func metricsRouter(metrics: ServerMetrics) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        addMetrics(to: router, metrics: metrics)
        return router
    }

    /// The SQL statements a request's session ran: its reads and its transactions' statements.
    static func statements(of session: any DataSession) -> Int {
        guard let session = session as? SQLRequestSession else { return session.statementCount }
        return session.statementCount + session.transactionStatementCount
    }
}
