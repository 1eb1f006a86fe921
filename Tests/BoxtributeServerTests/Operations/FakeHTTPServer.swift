import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A throw-away HTTP server on a loopback port that records every call and answers from a
/// handler: it stands in for Auth0's Management API and Slack's webhooks.
final class FakeHTTPServer: Sendable {
    /// One recorded request.
    struct Call: Sendable, Equatable {
        var method: String
        var path: String
        var query: [String: String]
        var body: String
        var authorization: String?

        /// The body as a JSON object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// An answer: status and JSON text.
    struct Reply: Sendable {
        var status: Int
        var body: String
        init(_ status: Int = 200, _ body: String = "{}") {
            self.status = status
            self.body = body
        }
        /// `object` serialised.
        static func json(_ object: Any, status: Int = 200) -> Reply {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return Reply(status, String(decoding: data, as: UTF8.self))
        }
    }

    typealias Handler = @Sendable (Call) -> Reply

    private let recorded = Mutex<[Call]>([])
    private let handler: Mutex<Handler>

    private init(handler: @escaping Handler) { self.handler = Mutex(handler) }

    /// The calls so far, in order.
    var calls: [Call] { recorded.withLock { $0 } }

    /// Replaces the handler (e.g. to end a simulated outage).
    func answer(with handler: @escaping Handler) { self.handler.withLock { $0 = handler } }

    /// Runs `body` with a server answering through `handler`, then stops it.
    static func with<T: Sendable>(
        _ handler: @escaping Handler, _ body: (FakeHTTPServer, _ baseURL: String) async throws -> T
    ) async throws -> T {
        let server = FakeHTTPServer(handler: handler)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let call = Call(
                method: request.method.rawValue, path: request.uri.path.removingPercentEncoding ?? request.uri.path,
                query: query,
                body: String(buffer: body), authorization: request.headers[.authorization])
            server.recorded.withLock { $0.append(call) }
            let reply = server.handler.withLock { $0 }(call)
            return Response(
                status: HTTPResponse.Status(code: reply.status), headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        }
        var logger = Logger(label: "fake-http")
        logger.logLevel = .critical
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        do {
            let result = try await body(server, "http://127.0.0.1:\(port)")
            running.cancel()
            _ = await running.result
            return result
        } catch {
            running.cancel()
            _ = await running.result
            throw error
        }
    }
}

/// A fake Auth0 tenant: the token endpoint, the user search (paged as Auth0 pages), the roles
/// list (filtered by substring, as Auth0 filters), `PATCH` of users and `DELETE` of roles.
struct FakeAuth0: Sendable {
    struct User: Sendable {
        var id: String
        var name: String
        var baseIds: [String]
        var organisationId: Int? = nil
        var lastLogin: String? = nil
        var blocked = false
    }

    var users: [User]
    var roles: [(id: String, name: String)]
    /// Roles whose deletion answers 404 (already gone).
    var missingRoles: Set<String> = []
    /// Users whose `PATCH` fails with 500.
    var failingUsers: Set<String> = []
    var pageSize = 100

    static let token = "fake-management-token"

    /// Auth0's role name filter: a substring match in which `_` matches any one character (so
    /// `base_1_` also matches `base_10_coordinator`).
    static func like(_ name: String, _ filter: String) -> Bool {
        let pattern = Array(filter)
        let text = Array(name)
        guard pattern.count <= text.count else { return pattern.isEmpty }
        for start in 0...(text.count - pattern.count) {
            if pattern.indices.allSatisfy({ pattern[$0] == "_" || pattern[$0] == text[start + $0] }) { return true }
        }
        return false
    }

    /// The answers of the tenant. Users and roles are fixed: the tests check the calls.
    func handler() -> FakeHTTPServer.Handler {
        { call in
            // Slack's webhooks, when the tests serve both from one server.
            if call.path.hasPrefix("/services/") { return FakeHTTPServer.Reply(200, "ok") }
            if call.method == "POST" && call.path == "/oauth/token" {
                return .json(["access_token": Self.token, "token_type": "Bearer"])
            }
            guard call.authorization == "Bearer \(Self.token)" else {
                return .json(["error": "unauthorized"], status: 401)
            }
            let page = Int(call.query["page"] ?? "0") ?? 0
            let perPage = Int(call.query["per_page"] ?? "50") ?? 50
            switch (call.method, call.path) {
            case ("GET", "/api/v2/users"):
                let query = call.query["q"] ?? ""
                let matching = users.filter { user in
                    if query.hasPrefix("app_metadata.base_ids:") {
                        let base = query.dropFirst("app_metadata.base_ids:".count).trimmingCharacters(
                            in: CharacterSet(charactersIn: "\""))
                        return user.baseIds.contains(base)
                    }
                    return user.lastLogin != nil
                }
                let slice = Array(matching.dropFirst(page * perPage).prefix(min(perPage, pageSize)))
                return .json([
                    "users": slice.map { user -> [String: Any] in
                        var metadata: [String: Any] = ["base_ids": user.baseIds]
                        if let organisation = user.organisationId { metadata["organisation_id"] = organisation }
                        var object: [String: Any] = [
                            "user_id": user.id, "name": user.name, "blocked": user.blocked, "app_metadata": metadata,
                        ]
                        if let login = user.lastLogin { object["last_login"] = login }
                        return object
                    },
                    "total": matching.count, "start": page * perPage, "limit": perPage, "length": slice.count,
                ])
            case ("GET", "/api/v2/roles"):
                let filter = call.query["name_filter"] ?? ""
                let matching = roles.filter { Self.like($0.name, filter) }
                let slice = Array(matching.dropFirst(page * perPage).prefix(perPage))
                return .json([
                    "roles": slice.map { ["id": $0.id, "name": $0.name, "description": ""] },
                    "total": matching.count, "start": page * perPage, "limit": perPage,
                ])
            case ("PATCH", let path) where path.hasPrefix("/api/v2/users/"):
                let id = String(path.dropFirst("/api/v2/users/".count)).removingPercentEncoding ?? ""
                if failingUsers.contains(id) { return .json(["message": "internal error"], status: 500) }
                return .json(["user_id": id])
            case ("DELETE", let path) where path.hasPrefix("/api/v2/roles/"):
                let id = String(path.dropFirst("/api/v2/roles/".count))
                if missingRoles.contains(id) { return .json(["message": "The role does not exist."], status: 404) }
                return FakeHTTPServer.Reply(204, "")
            default:
                return .json(["error": "not found"], status: 404)
            }
        }
    }
}
