import BoxtributeDomain
import Hummingbird
import NIOCore
import Synchronization

/// The request context of our routes: Hummingbird's basic one, plus the authenticated user, the
/// request's channel (so a GraphQL request can stop its work once the client has gone) and
/// what the request log reports about the request.
public struct BoxtributeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` on the protected APIs; `nil` on the public one.
    public var user: CurrentUser?
    /// `nil` when the request did not arrive over a connection.
    let channel: (any Channel)?
    /// Shared by every copy of this context: the handler writes, the request log reads.
    let logRecord = RequestLogRecord()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Whether the client has closed the connection. A request that did not arrive over an
    /// open connection (the router tests' channel) never counts as abandoned.
    var clientIsGone: @Sendable () -> Bool {
        guard let channel, channel.isActive else { return { false } }
        return { !channel.isActive }
    }
}

/// What a handler tells the request log (and the metrics) about its request: the GraphQL
/// operation it ran and the SQL statements that took. A reference, because Hummingbird hands
/// each middleware and the handler its own copy of the context.
final class RequestLogRecord: Sendable {
    private struct Entry {
        var operationName: String?
        var statements: Int?
    }
    private let entry = Mutex(Entry())

    /// The name of the GraphQL operation the request ran (already bounded in length).
    var operationName: String? {
        get { entry.withLock { $0.operationName } }
        set { entry.withLock { $0.operationName = newValue } }
    }

    /// The SQL statements the request's GraphQL operation ran; `nil` when it ran none (no
    /// GraphQL request reached the API).
    var statements: Int? {
        get { entry.withLock { $0.statements } }
        set { entry.withLock { $0.statements = newValue } }
    }
}
