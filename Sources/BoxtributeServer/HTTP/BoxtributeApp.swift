import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the HTTP application: the three GraphQL endpoints (each with its CORS policy; the two
/// protected ones behind ``AuthenticationMiddleware``), their explorer pages and `/health`.
/// `main` and the tests build the same application.
public enum BoxtributeApp {
    /// What the routes share.
    struct Services: Sendable {
        let configuration: ServerConfiguration
        let data: any DataSource
        let verifier: TokenVerifier
        let fullAPI: GraphQLAPI
        let queryAPI: GraphQLAPI
        let publicAPI: GraphQLAPI
    }

    /// Builds the router. Fails when the schema and the resolvers do not match. With `metrics`,
    /// requests are counted there, and `/metrics` is served unless `servesMetrics` is false
    /// (the metrics have a listener of their own).
    public static func buildRouter(
        configuration: ServerConfiguration, database: any Database, verifier: TokenVerifier,
        metrics: ServerMetrics? = nil, servesMetrics: Bool = true
    ) throws -> Router<BoxtributeRequestContext> {
        let services = Services(
            configuration: configuration, data: SQLDataSource(database: database), verifier: verifier,
            fullAPI: try GraphQLAPI(
                variant: .full, introspection: configuration.isDevelopment, limits: configuration.graphQL),
            queryAPI: try GraphQLAPI(variant: .query, limits: configuration.graphQL),
            publicAPI: try GraphQLAPI(variant: .public, limits: configuration.graphQL))
        let router = Router(context: BoxtributeRequestContext.self)
        // Before the routes: Hummingbird wraps each route in the middleware present when it is added.
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorBodyMiddleware())
        let authentication = AuthenticationMiddleware(verifier: verifier)
        let development = configuration.isDevelopment

        ObservabilityRoutes.addHealth(to: router, database: database)
        if let metrics, servesMetrics { ObservabilityRoutes.addMetrics(to: router, metrics: metrics) }
        ExplorerRoutes.add(to: router)
        DocsRoutes.add(to: router, development: development)
        for (path, api, cors, protected) in [
            ("/graphql", services.fullAPI, Optional(CORSPolicy.fullAPI(development: development)), true),
            ("/", services.queryAPI, nil, true),
            ("/public", services.publicAPI, Optional(CORSPolicy.publicAPI(development: development)), false),
        ] {
            // The full API answers introspection in development only; the others always.
            let page = ExplorerPage.html(endpoint: path, introspection: path != "/graphql" || development)
            router.get(RouterPath(path)) { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: page)))
            }
            let endpoint = router.group()
            if let cors { endpoint.add(middleware: CORSMiddleware(policy: cors)) }
            // Preflight requests are answered by the CORS middleware, never authenticated.
            endpoint.on(RouterPath(path), method: .options) { _, _ in Response(status: .ok) }
            let post = endpoint.group()
            if protected { post.add(middleware: authentication) }
            post.post(RouterPath(path)) { request, context in
                await handle(request, context: context, api: api, services: services)
            }
        }
        OperationsRoutes.add(to: router, database: database, configuration: configuration)
        return router
    }

    /// Reads the JSON body and runs the GraphQL request as the context's user (authentication
    /// has happened before, on the protected APIs).
    static func handle(
        _ request: Request, context: BoxtributeRequestContext, api: GraphQLAPI, services: Services
    ) async -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            return errorResponse(
                status: .unsupportedMediaType,
                message: "Unsupported Media Type: the request body must be application/json.")
        }
        let limit = services.configuration.maxRequestBytes
        // Refused before reading; the connection closes after the answer, the body unread.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return errorResponse(status: .contentTooLarge, message: "The request body is too large.")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            return errorResponse(status: .contentTooLarge, message: "The request body is too large.")
        }
        let graphQLRequest: GraphQLRequest
        do {
            graphQLRequest = try JSONDecoder().decode(GraphQLRequest.self, from: Data(body.readableBytesView))
        } catch {
            return errorResponse(status: .badRequest, message: "The request body is not valid JSON.")
        }
        let resolverContext = ResolverContext(
            user: context.user, session: services.data.openSession(),
            statistics: services.configuration.isProduction ? .production : .standard, logger: context.logger,
            clientIsGone: context.clientIsGone)
        let answer = await api.handle(graphQLRequest, context: resolverContext)
        context.logRecord.operationName = answer.operationName
        context.logRecord.statements = ObservabilityRoutes.statements(of: resolverContext.session)
        return jsonResponse(status: answer.kind.httpStatus, body: answer.body)
    }

    static func jsonResponse(status: HTTPResponse.Status, body: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A request-level failure, shaped as GraphQL errors: `{"errors":[{"message":...}]}`.
    static func errorResponse(status: HTTPResponse.Status, message: String) -> Response {
        jsonResponse(status: status, serializing: ["errors": [["message": message]]])
    }

    /// `object` (dictionaries, arrays, strings and numbers) as a JSON body.
    static func jsonResponse(status: HTTPResponse.Status, serializing object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return jsonResponse(status: status, body: Array(data))
    }

    /// The application serving `router` on `host:port` with the timeouts and connection limit
    /// of `configuration.http` (`registry` counts the connections; a new one by default).
    public static func buildApplication(
        router: Router<BoxtributeRequestContext>, configuration: ServerConfiguration, host: String, port: Int,
        registry: ConnectionRegistry? = nil, logger: Logger, onRunning: @escaping @Sendable () async -> Void = {}
    ) -> some ApplicationProtocol {
        let limits = configuration.http
        let registry = registry ?? ConnectionRegistry(limit: limits.maxConnections)
        let server = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(http1: HTTP1Channel(responder: responder), limits: limits, registry: registry)
        }
        return Application(
            router: router, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "boxtribute"),
            onServerRunning: { _ in await onRunning() }, logger: logger)
    }
}

extension GraphQLAnswer.Kind {
    /// A refused request is a client error; an operation that ran is answered 200, even when
    /// it failed, as GraphQL over HTTP with `application/json` does.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .executed: .ok
        case .refused: .badRequest
        }
    }
}
