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

/// What a handler tells the request log about its request: the GraphQL operation it ran.
/// A reference, because Hummingbird hands each middleware and the handler its own copy of the
/// context.
final class RequestLogRecord: Sendable {
    private let operation = Mutex<String?>(nil)

    /// The name of the GraphQL operation the request ran (already bounded in length).
    var operationName: String? {
        get { operation.withLock { $0 } }
        set { operation.withLock { $0 = newValue } }
    }
}
