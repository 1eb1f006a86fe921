import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Names every request (`X-Request-Id`: the client's when short and printable, else a new one),
/// hands the handlers a logger carrying it (`request.id`), returns it as a response header, and
/// logs each request once when its answer is ready: method, path, GraphQL operation name,
/// status, duration. Never the query string (it may carry a token), the headers or the body.
/// With `metrics`, it also counts the request there (API, operation, status, latency, SQL
/// statements).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BoxtributeRequestContext

    var metrics: ServerMetrics?

    static var requestIdField: HTTPField.Name { RequestIdField.name }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let id = Self.requestId(request.headers[Self.requestIdField])
        var context = context
        context.logger[metadataKey: "request.id"] = .string(id)
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            log(request, status: 500, since: start, context: context)
            throw error
        }
        response.headers[Self.requestIdField] = id
        log(request, status: response.status.code, since: start, context: context)
        return response
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - start
        let statements = context.logRecord.statements
        metrics?.record(
            api: .of(path: request.uri.path, isPost: request.method == .post),
            operation: context.logRecord.operationName, ranGraphQL: statements != nil, status: status,
            duration: elapsed, statements: statements)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "http.method": .string(request.method.rawValue),
            "http.path": .string(request.uri.path),
            "http.status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ]
        if let operation = context.logRecord.operationName { metadata["graphql.operation"] = .string(operation) }
        if let statements { metadata["sql.statements"] = .stringConvertible(statements) }
        context.logger.info("request", metadata: metadata)
    }

    /// The client's id when it is 1 to 64 printable ASCII characters, else a new random one.
    static func requestId(_ incoming: String?) -> String {
        if let incoming, (1...64).contains(incoming.utf8.count),
            incoming.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        {
            return incoming
        }
        return String(format: "%016llx", UInt64.random(in: .min ... .max))
    }
}

/// The `X-Request-Id` header field.
enum RequestIdField {
    static let name: HTTPField.Name = {
        guard let name = HTTPField.Name("X-Request-Id") else {
            preconditionFailure("X-Request-Id is a valid field name")
        }
        return name
    }()
}
