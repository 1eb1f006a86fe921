import BoxtributeDatabase
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HummingbirdTesting
import NIOCore
import Testing

/// What slow, idle, greedy or malformed clients get from the live server, over real sockets.
/// Timeouts are short here (1 s); each "within" bound only detects a hang.
@Suite("Connection hardening")
struct ConnectionHardeningTests {
    /// The harness configuration with `limits` for the HTTP server.
    static func configuration(
        header: Duration = .seconds(30), body: Duration = .seconds(30), idle: Duration = .seconds(30),
        maxConnections: Int = 64
    ) -> ServerConfiguration {
        var configuration = ServerHarness.tenantConfiguration
        configuration.http = .init(
            headerTimeout: header, bodyTimeout: body, idleTimeout: idle, maxConnections: maxConnections)
        return configuration
    }

    /// Serves on a loopback port and hands `body` the port.
    static func live(
        _ configuration: ServerConfiguration, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        try await ServerHarness.withClient(configuration: configuration, mode: .live) { client in
            try await body(try #require(client.port))
        }
    }

    /// Sends `head`, then `piece(n)` every 200 ms (40 at most), and expects the server to close
    /// the connection within 6 seconds.
    static func expectClosedWhileTrickling(
        _ port: Int, head: String, piece: @escaping @Sendable (Int) -> String
    ) async throws {
        let connection = try await RawConnection.connect(port: port)
        let received = try await connection.withInbound { inbound in
            await connection.send(head)
            let trickle = Task {
                for index in 0..<40 {
                    try await Task.sleep(for: .milliseconds(200))
                    guard await connection.send(piece(index)) else { return }
                }
            }
            defer { trickle.cancel() }
            return await connection.readUntilClosed(within: .seconds(6), reading: inbound)
        }
        #expect(received.closedByServer)
    }

    @Test("a client that sends its headers slowly is closed after the header timeout")
    func slowHeaders() async throws {
        try await Self.live(Self.configuration(header: .seconds(1))) { port in
            // One header line every 200 ms: activity, but the headers never end.
            try await Self.expectClosedWhileTrickling(
                port, head: "POST /public HTTP/1.1\r\nHost: localhost\r\n", piece: { "X-Slow-\($0): x\r\n" })
        }
    }

    @Test("a body that trickles is cut after the body timeout")
    func slowBody() async throws {
        try await Self.live(Self.configuration(body: .seconds(1))) { port in
            try await Self.expectClosedWhileTrickling(
                port,
                head:
                    "POST /public HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
                piece: { _ in " " })
        }
    }

    @Test("an idle connection is closed after the idle timeout, also after an answer (keep-alive)")
    func idle() async throws {
        try await Self.live(Self.configuration(idle: .seconds(1))) { port in
            let silent = try await RawConnection.connect(port: port)
            let nothing = try await silent.exchange(within: .seconds(6))
            #expect(nothing.closedByServer)
            #expect(nothing.text.isEmpty)
        }
        // Long enough that the request goes out before the timeout even when the suites keep
        // both cores busy for seconds: the client's send is what must not be late here.
        try await Self.live(Self.configuration(idle: .seconds(5))) { port in
            let kept = try await RawConnection.connect(port: port)
            let answered = try await kept.exchange(
                "GET /public HTTP/1.1\r\nHost: localhost\r\n\r\n", within: .seconds(20))
            #expect(answered.status == 200)
            #expect(answered.closedByServer)
        }
    }

    // The requests of these tests ask for the public explorer page, which needs no database:
    // `/health` answers 503 when the database is slow, which a loaded test machine can be.
    @Test("connections beyond the limit are answered 503 and closed at once; a freed slot serves again")
    func connectionLimit() async throws {
        // Three: the harness's own client holds one connection.
        try await Self.live(Self.configuration(maxConnections: 3)) { port in
            let first = try await RawConnection.connect(port: port)
            let second = try await RawConnection.connect(port: port)
            // Both are accepted before the third arrives.
            try await Task.sleep(for: .milliseconds(300))
            let third = try await RawConnection.connect(port: port)
            let refused = try await third.exchange(within: .seconds(5))
            #expect(refused.closedByServer)
            #expect(refused.status == 503)

            try? await first.channel.channel.close()
            try await Task.sleep(for: .milliseconds(300))
            let fourth = try await RawConnection.connect(port: port)
            let served = try await fourth.exchange(
                "GET /public HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", within: .seconds(5))
            #expect(served.status == 200, "\(served)")
            try? await second.channel.channel.close()
        }
    }

    @Test("a chunk size of ffffffffffffffff is not waited for: the answer is an error or the connection closes")
    func hugeChunkSize() async throws {
        try await Self.live(Self.configuration(body: .seconds(1))) { port in
            // The chunk never comes: cut by the body timeout.
            let stalled = try await RawConnection.connect(port: port)
            let cut = try await stalled.exchange(
                "POST /public HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{\"query\":", within: .seconds(6))
            #expect(cut.closedByServer)
        }
        // The chunk keeps coming: refused at the body limit. A body timeout long enough that
        // the flood reaches the limit first, even when the suites share two busy cores.
        try await Self.live(Self.configuration(body: .seconds(30))) { port in
            let flooding = try await RawConnection.connect(port: port)
            let refused = try await flooding.withInbound { inbound in
                await flooding.send(
                    "POST /public HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n")
                let flood = Task {
                    for _ in 0..<64 {
                        guard await flooding.send(String(repeating: "x", count: 16 * 1024)) else { return }
                    }
                }
                defer { flood.cancel() }
                return await flooding.readUntilClosed(within: .seconds(6), reading: inbound)
            }
            #expect(refused.closedByServer)
            #expect(refused.status == 413)
        }
    }

    @Test("HTTP/1.0 answers close the connection unless the client asked for keep-alive")
    func http10() async throws {
        try await Self.live(Self.configuration()) { port in
            let plain = try await RawConnection.connect(port: port)
            let closed = try await plain.exchange("GET /public HTTP/1.0\r\n\r\n", within: .seconds(5))
            #expect(closed.status == 200)
            #expect(closed.closedByServer)
            #expect(closed.text.lowercased().contains("connection: close"))
            #expect(closed.body.contains("<title>boxtribute API</title>"))

            let keepAlive = try await RawConnection.connect(port: port)
            let open = try await keepAlive.exchange(
                "GET /public HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", within: .seconds(1))
            #expect(open.status == 200)
            #expect(!open.closedByServer)
        }
    }

    @Test("a 100 MB body is refused with 413 before it is read, declared or chunked")
    func hugeBody() async throws {
        try await Self.live(Self.configuration()) { port in
            let declared = try await RawConnection.connect(port: port)
            let refused = try await declared.exchange(
                "POST /public HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 104857600\r\n\r\n{\"query\": \"", within: .seconds(5))
            #expect(refused.status == 413)
            #expect(refused.closedByServer)
            #expect(refused.body == #"{"errors":[{"message":"The request body is too large."}]}"#)

            let chunked = try await RawConnection.connect(port: port)
            let cut = try await chunked.withInbound { inbound in
                await chunked.send(
                    "POST /public HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n")
                let chunk = "4000\r\n" + String(repeating: " ", count: 0x4000) + "\r\n"
                let flood = Task {
                    // Up to 100 MB, stopped when the server closes.
                    for _ in 0..<6400 { guard await chunked.send(chunk) else { return } }
                }
                defer { flood.cancel() }
                return await chunked.readUntilClosed(within: .seconds(10), reading: inbound)
            }
            #expect(cut.status == 413)
            #expect(cut.closedByServer)
        }
    }
}
