import BoxtributeDatabase
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

/// The server under the probe's attacks at once, over real sockets: held connections and
/// hostile documents are dealt with while an ordinary request is answered quickly.
@Suite("Attacks while serving")
struct AttackLoadTests {
    /// Hostile documents from the probe, each refused before it costs anything.
    static let hostileDocuments: [String] = {
        var fragments = "{ ...F0 }\n"
        for level in 0..<30 { fragments += "fragment F\(level) on Query { ...F\(level + 1) ...F\(level + 1) }\n" }
        fragments += "fragment F30 on Query { __typename }"
        return [
            "schema { query: Query }",
            String(repeating: "{ a ", count: 2600) + String(repeating: "}", count: 2600),
            "{ __typename @include(if: " + String(repeating: "{a:", count: 40) + "1" + String(repeating: "}", count: 40)
                + ") }",
            fragments,
        ]
    }()

    @Test("with 100 slow-header and 300 idle connections held and hostile documents sent, a request is answered")
    func servesUnderAttack() async throws {
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient(mode: .live) { client in
            let port = try #require(client.port)
            let memoryBefore = ProcessMemory.residentBytes()
            // Plain channels: nothing reads from them, and they are closed at the end.
            var held: [any Channel] = []
            for index in 0..<400 {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port).get()
                if index < 100 {
                    try await channel.writeAndFlush(
                        ByteBuffer(string: "POST /public HTTP/1.1\r\nHost: localhost\r\nX-Slow: "))
                }
                held.append(channel)
            }
            // One after another: the test client keeps one connection. The bounds catch a stall,
            // not slowness: beside the whole suite on two cores an answer can wait seconds.
            let stall = Duration.seconds(30)
            for _ in 0..<5 {
                for document in Self.hostileDocuments {
                    let started = ContinuousClock.now
                    // The public API: no token to refuse first, so each document is read and refused.
                    try await client.graphQL(document, path: "/public") { response in
                        #expect(response.status == .badRequest)
                    }
                    #expect(ContinuousClock.now - started < stall)
                }
            }
            let started = ContinuousClock.now
            try await client.graphQL("{ bases { name } }", token: token) { response in
                #expect(response.status == .ok)
                #expect(response.json["data"]?["bases"]?.array?.isEmpty == false)
            }
            #expect(ContinuousClock.now - started < stall)
            #expect(ProcessMemory.residentBytes() - memoryBefore < 256 << 20)
            for channel in held { try? await channel.close() }
        }
    }
}
