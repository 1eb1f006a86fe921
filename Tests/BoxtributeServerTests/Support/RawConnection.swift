import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A plain TCP connection to the server, for what an HTTP client library would not send:
/// slow headers, trickled bodies, HTTP/1.0, broken chunk sizes. Everything is bounded in time.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Connects to the loopback `port`; `receiveBuffer` shrinks the socket's receive buffer
    /// (a slow reader).
    static func connect(port: Int, receiveBuffer: Int? = nil) async throws -> RawConnection {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(
                ChannelOptions.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        return RawConnection(channel: channel)
    }

    /// Sends `text`; `false` when the server has closed the connection already.
    @discardableResult
    func send(_ text: String) async -> Bool {
        await send(ByteBuffer(string: text))
    }

    @discardableResult
    func send(_ bytes: ByteBuffer) async -> Bool {
        do {
            try await channel.channel.writeAndFlush(bytes)
            return true
        } catch {
            return false
        }
    }

    struct Received {
        let text: String
        /// The server closed the connection (rather than the time running out).
        let closedByServer: Bool
        let elapsed: Duration

        /// The status code of the first answer, if one arrived.
        var status: Int? {
            guard text.hasPrefix("HTTP/1.") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }

        /// The first answer's body (after the blank line).
        var body: String {
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[range.upperBound...])
        }
    }

    /// Reads until the server closes the connection or `limit` has passed (then closes it).
    func readUntilClosed(
        within limit: Duration, reading inbound: NIOAsyncChannelInboundStream<ByteBuffer>
    )
        async -> Received
    {
        let start = ContinuousClock.now
        let timedOut = Mutex(false)
        let channel = channel.channel
        let timer = Task {
            try await Task.sleep(for: limit)
            timedOut.withLock { $0 = true }
            try? await channel.close()
        }
        var text = ""
        do {
            for try await buffer in inbound { text += String(buffer: buffer) }
        } catch {}
        timer.cancel()
        return Received(
            text: text, closedByServer: !timedOut.withLock { $0 }, elapsed: ContinuousClock.now - start)
    }

    /// Sends `text` (nothing when `nil`), reads until the server closes the connection or
    /// `limit` has passed, then closes it.
    func exchange(_ text: String? = nil, within limit: Duration) async throws -> Received {
        try await withInbound { inbound in
            if let text { await send(text) }
            return await readUntilClosed(within: limit, reading: inbound)
        }
    }

    /// Runs `body` with the connection's inbound stream, then closes the connection.
    func withInbound<T: Sendable>(
        _ body: (NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> T
    ) async throws -> T {
        try await channel.executeThenClose { inbound, _ in try await body(inbound) }
    }
}

/// Log records kept for assertions.
final class CapturedLogs: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) { records.withLock { $0.append(record) } }

    /// A logger writing here, at every level.
    var logger: Logger {
        var logger = Logger(label: "boxtribute.tests.captured") { _ in CapturingLogHandler(logs: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        for (key, value) in event.metadata ?? [:] { all[key] = value }
        logs.append(
            .init(
                level: event.level, message: "\(event.message)",
                metadata: all.mapValues { "\($0)" }))
    }
}
