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

/// Builds the HTTP application: the three GraphQL endpoints, their explorer pages and `/health`.
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

    /// Builds the router. Fails when the schema and the resolvers do not match.
    public static func buildRouter(
        configuration: ServerConfiguration, database: any Database, verifier: TokenVerifier
    ) throws -> Router<BoxtributeRequestContext> {
        let services = Services(
            configuration: configuration, data: SQLDataSource(database: database), verifier: verifier,
            fullAPI: try GraphQLAPI(
                variant: .full, introspection: configuration.isDevelopment, limits: configuration.graphQL),
            queryAPI: try GraphQLAPI(variant: .query, limits: configuration.graphQL),
            publicAPI: try GraphQLAPI(variant: .public, limits: configuration.graphQL))
        let router = Router(context: BoxtributeRequestContext.self)
        // Before the routes: Hummingbird wraps each route in the middleware present when it is added.
        router.add(middleware: RequestLogMiddleware())
        let fullCORS = CORSPolicy.fullAPI(development: configuration.isDevelopment)
        let publicCORS = CORSPolicy.publicAPI(development: configuration.isDevelopment)

        router.get("/health") { _, _ in
            jsonResponse(status: .ok, body: Array(#"{"status":"ok"}"#.utf8))
        }
        for (path, api, cors, protected) in [
            ("/graphql", services.fullAPI, Optional(fullCORS), true),
            ("/", services.queryAPI, nil, true),
            ("/public", services.publicAPI, Optional(publicCORS), false),
        ] {
            router.get(RouterPath(path)) { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: ExplorerPage.html(endpoint: path))))
            }
            router.post(RouterPath(path)) { request, context in
                var response = await handle(
                    request, context: context, api: api, protected: protected, services: services)
                if let cors {
                    response.headers.append(
                        contentsOf: cors.responseHeaders(
                            origin: request.headers[.origin], requestedHeaders: nil, preflight: false))
                }
                return response
            }
            router.on(RouterPath(path), method: .options) { request, _ in
                var response = Response(status: .ok)
                if let cors {
                    response.headers.append(
                        contentsOf: cors.responseHeaders(
                            origin: request.headers[.origin],
                            requestedHeaders: request.headers[.accessControlRequestHeaders], preflight: true))
                }
                return response
            }
        }
        return router
    }

    /// Authenticates (protected APIs), reads the JSON body and runs the GraphQL request.
    static func handle(
        _ request: Request, context: BoxtributeRequestContext, api: GraphQLAPI, protected: Bool, services: Services
    ) async -> Response {
        var user: CurrentUser?
        if protected {
            switch await services.verifier.authenticate(authorization: request.headers[.authorization]) {
            case .success(let authenticated): user = authenticated
            case .failure(let failure):
                return jsonResponse(status: .init(code: failure.status), object: failure.body)
            }
        }
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
            user: user, session: services.data.openSession(), logger: context.logger, clientIsGone: context.clientIsGone
        )
        let answer = await api.handle(graphQLRequest, context: resolverContext)
        return jsonResponse(status: .init(code: answer.status), body: answer.body)
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

    static func jsonResponse(status: HTTPResponse.Status, object: [String: String]) -> Response {
        jsonResponse(status: status, serializing: object)
    }

    private static func jsonResponse(status: HTTPResponse.Status, serializing object: Any) -> Response {
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
