import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// The connections the server holds open: it refuses connections beyond its limit, and closes
/// those left when a shutdown's drain time is over.
public final class ConnectionRegistry: Sendable {
    /// Most connections open at once.
    public let limit: Int
    private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

    public init(limit: Int) {
        self.limit = limit
    }

    /// Connections open now.
    public var count: Int { open.withLock { $0.count } }

    /// Registers `channel` until it closes; `false` when the limit is reached.
    func admit(_ channel: any Channel) -> Bool {
        let key = ObjectIdentifier(channel)
        let admitted = open.withLock { open in
            guard open.count < limit else { return false }
            open[key] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in _ = open.withLock { $0.removeValue(forKey: key) } }
        }
        return admitted
    }

    /// Closes every open connection at once, answers in flight included; returns how many.
    @discardableResult
    func closeAll() -> Int {
        let channels = open.withLock { Array($0.values) }
        for channel in channels { channel.pipeline.fireUserInboundEventTriggered(ConnectionCloser.CloseNow()) }
        return channels.count
    }
}

/// The HTTP/1 server `serve` runs: Hummingbird's HTTP/1 channel, with a connection limit,
/// header, body and idle timeouts, HTTP/1.0 and early answers closing their connection, and
/// connections closed only once their answer is written.
struct GuardedHTTP1Channel: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let channel: any Channel
        /// `nil` when the connection was refused.
        let http: HTTP1Channel.Value?
    }

    let http1: HTTP1Channel
    let limits: ServerConfiguration.HTTPLimits
    let registry: ConnectionRegistry

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard registry.admit(channel) else {
            return channel.eventLoop.makeSucceededFuture(Value(channel: channel, http: nil))
        }
        let (limits, http1) = (limits, http1)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ConnectionCloser())
        }.flatMap {
            http1.setup(channel: channel, logger: logger)
        }.flatMapThrowing { http in
            // Between the HTTP/1 decoder and Hummingbird's codec, where the request's version
            // and keep-alive are still known.
            let operations = channel.pipeline.syncOperations
            let closer = try operations.handler(type: ConnectionCloser.self)
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(HTTPRequestGuard(limits: limits, closer: closer), position: .after(decoder))
            return Value(channel: channel, http: http)
        }
    }

    func handle(value: Value, logger: Logger) async {
        guard let http = value.http else {
            logger.warning("connection refused: too many open connections", metadata: ["limit": "\(registry.limit)"])
            let refusal = ByteBuffer(
                string: "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            try? await value.channel.writeAndFlush(refusal)
            try? await value.channel.close()
            return
        }
        await http1.handle(value: http, logger: logger)
    }
}

/// First handler of a connection (next to the socket). A close waits until everything written
/// before it has reached the socket: NIO drops writes still pending when a channel closes, which
/// truncated large answers when a graceful shutdown closed their connection. `CloseNow` closes
/// at once (drain time over).
final class ConnectionCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Closes the connection without waiting for pending writes.
    struct CloseNow: Sendable {}

    /// Told when bytes arrive (the request guard times a request from its first byte).
    weak var requestGuard: HTTPRequestGuard?
    private var pendingWrites = 0
    private var deferredClose: (mode: CloseMode, promise: EventLoopPromise<Void>?)?
    private var context: ChannelHandlerContext?

    /// Whether written data has not reached the socket yet.
    var hasPendingWrites: Bool { pendingWrites > 0 }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let close = deferredClose {
            deferredClose = nil
            close.promise?.fail(ChannelError.ioOnClosedChannel)
        }
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        requestGuard?.bytesReceived()
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is CloseNow {
            let promise = deferredClose?.promise
            deferredClose = nil
            context.close(promise: promise)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        pendingWrites += 1
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.assumeIsolated().whenComplete { [self] _ in
            pendingWrites -= 1
            closeIfDeferredAndWritten()
        }
        context.write(data, promise: written)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard pendingWrites > 0 else {
            context.close(mode: mode, promise: promise)
            return
        }
        if let earlier = deferredClose {
            // One close for both; closing everything wins over closing the output.
            var combined = earlier.promise
            if let promise {
                if let combined { combined.futureResult.cascade(to: promise) } else { combined = promise }
            }
            deferredClose = (earlier.mode == .all || mode == .all ? .all : mode, combined)
        } else {
            deferredClose = (mode, promise)
        }
        context.flush()
    }

    private func closeIfDeferredAndWritten() {
        guard pendingWrites == 0, let close = deferredClose, let context else { return }
        deferredClose = nil
        context.close(mode: close.mode, promise: close.promise)
    }
}

/// Times each request and closes connections that answered early or must not be kept alive:
/// - waiting for a request: closed after the idle timeout; once its first byte arrived, the
///   headers must be complete within the header timeout;
/// - the body must be complete within the body timeout from the end of the headers;
/// - an HTTP/1.0 request without `Connection: keep-alive` (or one with `Connection: close`),
///   and a request answered before its body was read (413, 401…), get `Connection: close` and
///   the connection closes after the answer.
final class HTTPRequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let limits: ServerConfiguration.HTTPLimits
    private let closer: ConnectionCloser
    private var context: ChannelHandlerContext?
    /// Requests whose head was read and whose answer is not fully written.
    private var requestsOpen = 0
    /// A request's head was read, its end not yet.
    private var readingBody = false
    /// Bytes of a next request arrived (its headers are being read).
    private var headerStarted = false
    private var closeAfterResponse = false
    /// Inbound parts are dropped once the connection is to close.
    private var discarding = false
    private var timer: Scheduled<Void>?

    init(limits: ServerConfiguration.HTTPLimits, closer: ConnectionCloser) {
        self.limits = limits
        self.closer = closer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        closer.requestGuard = self
        if context.channel.isActive { waitForRequest() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        waitForRequest()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    /// Called by the closer for every read from the socket.
    func bytesReceived() {
        guard requestsOpen == 0, !headerStarted else { return }
        headerStarted = true
        arm(limits.headerTimeout)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if discarding { return }
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            requestsOpen += 1
            readingBody = true
            headerStarted = false
            if !head.isKeepAlive { closeAfterResponse = true }
            arm(limits.bodyTimeout)
        case .body:
            break
        case .end:
            readingBody = false
            // The handler runs now; the answer is not timed (a shutdown's drain time bounds it).
            cancelTimer()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if readingBody { closeAfterResponse = true }
            if closeAfterResponse {
                head.headers.replaceOrAdd(name: "connection", value: "close")
                context.write(wrapOutboundOut(.head(head)), promise: promise)
            } else {
                context.write(data, promise: promise)
            }
        case .body:
            context.write(data, promise: promise)
        case .end:
            requestsOpen = max(0, requestsOpen - 1)
            if readingBody { closeAfterResponse = true }
            context.write(data, promise: promise)
            if closeAfterResponse {
                discarding = true
                cancelTimer()
                context.flush()
                context.close(promise: nil)
            } else if requestsOpen == 0 {
                waitForRequest()
            }
        }
    }

    private func waitForRequest() {
        headerStarted = false
        arm(limits.idleTimeout)
    }

    private func arm(_ timeout: Duration) {
        cancelTimer()
        guard let context else { return }
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) {
            [self] in
            timer = nil
            timedOut()
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    private func timedOut() {
        guard let context else { return }
        if requestsOpen == 0, !headerStarted, closer.hasPendingWrites {
            // The last answer is still being read by the client: not idle yet.
            arm(limits.idleTimeout)
            return
        }
        discarding = true
        context.close(promise: nil)
    }
}
