import Hummingbird
import NIOCore

/// The request context of our routes: Hummingbird's basic one, plus the request's channel,
/// so a GraphQL request can stop its work once the client has closed the connection.
public struct BoxtributeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// `nil` when the request did not arrive over a connection.
    let channel: (any Channel)?

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
