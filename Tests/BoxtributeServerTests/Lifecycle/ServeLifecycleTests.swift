import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing

/// `boxtribute serve` as a process: a busy port, and SIGTERM while a large answer is in flight.
@Suite("serve lifecycle", .serialized)
struct ServeLifecycleTests {
    /// A running `serve` on a fresh, seeded SQLite database.
    struct Server {
        let process: Process
        let port: Int
        let directory: URL
        let database: String

        static func start(environment: [String: String] = [:], boxes: Int = 2000) async throws -> Server {
            let directory = try CommandLineTests.temporaryDirectory()
            let database = "sqlite:\(directory.path)/serve.sqlite3"
            let seeded = try CommandLineTests.run(["seed", "--database", database, "--boxes", String(boxes)])
            try #require(seeded.status == 0, "\(seeded.error)")
            let port = try await freePort()
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["serve", "--database", database, "--port", String(port)]
            process.environment = ProcessInfo.processInfo.environment.merging(
                environment.merging(["LOG_LEVEL": "warning"]) { $1 }
            ) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let server = Server(process: process, port: port, directory: directory, database: database)
            for _ in 0..<150 {
                if await server.isHealthy() { return server }
                try await Task.sleep(for: .milliseconds(200))
            }
            server.stop()
            Issue.record("serve did not start")
            throw CancellationError()
        }

        func isHealthy() async -> Bool {
            guard let connection = try? await RawConnection.connect(port: port) else { return false }
            let received = try? await connection.exchange(
                "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", within: .seconds(5))
            return received?.status == 200
        }

        func token() throws -> String {
            try CommandLineTests.run(["token", "--database", database, "--user", "2", "--base", "1"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits up to `limit` for the process to exit; its status, or `nil` if it is still running.
        func exitStatus(within limit: Duration) async throws -> Int32? {
            let deadline = ContinuousClock.now + limit
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
            return process.isRunning ? nil : process.terminationStatus
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    /// A query whose answer is several megabytes: the same page of boxes under many aliases.
    static func largeQuery(aliases: Int) -> String {
        let page =
            #"boxes(baseId: "1", paginationInput: {first: 1000}) { elements { id labelIdentifier comment numberOfItems state product { name } location { name } } }"#
        return "{ " + (0..<aliases).map { "a\($0): \(page)" }.joined(separator: " ") + " }"
    }

    static func request(_ query: String, token: String) throws -> String {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["query": query]), as: UTF8.self)
        return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer \(token)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    @Test("on SIGTERM a large answer in flight to a slow reader arrives whole, then serve exits 0")
    func drainsOnSigterm() async throws {
        let server = try await Server.start(environment: ["SHUTDOWN_DRAIN_SECONDS": "30"])
        defer { server.stop() }
        let request = try Self.request(Self.largeQuery(aliases: 24), token: try server.token())
        // A small receive window: most of the answer waits in the server while SIGTERM arrives.
        let connection = try await RawConnection.connect(port: server.port, receiveBuffer: 4096)
        let bytes = try await connection.withInbound { inbound in
            await connection.send(request)
            var iterator = inbound.makeAsyncIterator()
            var received = ByteBuffer()
            // The answer has started: the handler is done, its body is being written.
            if var first = try await iterator.next() { received.writeBuffer(&first) }
            kill(server.process.processIdentifier, SIGTERM)
            try await Task.sleep(for: .seconds(1))
            while var part = try await iterator.next() { received.writeBuffer(&part) }
            return received
        }
        let text = String(buffer: bytes)
        let split = try #require(text.range(of: "\r\n\r\n"))
        let head = text[..<split.lowerBound].lowercased()
        #expect(head.hasPrefix("http/1.1 200"))
        let lengthLine = try #require(head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") })
        let length = try #require(
            Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)))
        let body = Array(text[split.upperBound...].utf8)
        #expect(length > 2_000_000, "the answer should be large: \(length) bytes")
        #expect(body.count == length)
        let json = try #require(JSONValue.parse(body))
        #expect(json["errors"] == nil)
        #expect(json["data"]?["a23"]?["elements"]?.array?.isEmpty == false)
        #expect(try await server.exitStatus(within: .seconds(30)) == 0)
        // The database was closed with its write-ahead log checkpointed.
        let wal = server.directory.appendingPathComponent("serve.sqlite3-wal").path
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(walSize == 0)
    }

    @Test("a client that never reads cannot hold serve past the drain time")
    func drainTimeout() async throws {
        let server = try await Server.start(environment: ["SHUTDOWN_DRAIN_SECONDS": "1"])
        defer { server.stop() }
        let request = try Self.request(Self.largeQuery(aliases: 24), token: try server.token())
        let connection = try await RawConnection.connect(port: server.port, receiveBuffer: 4096)
        try await connection.withInbound { inbound in
            await connection.send(request)
            var iterator = inbound.makeAsyncIterator()
            _ = try await iterator.next()
            kill(server.process.processIdentifier, SIGTERM)
            // Never reads again.
            #expect(try await server.exitStatus(within: .seconds(15)) == 0)
        }
    }

    @Test("serve on a busy port fails at once with a clear message, before the banner and the database")
    func busyPort() async throws {
        let occupied = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(occupied.localAddress?.port)
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineTests.run([
            "serve", "--database", "sqlite:\(directory.path)/busy.sqlite3", "--port", String(port),
        ])
        try await occupied.close()
        #expect(run.status != 0)
        #expect(run.error.contains("127.0.0.1:\(port)"), "\(run.error)")
        #expect(run.error.contains("already in use"), "\(run.error)")
        #expect(!run.output.contains("Boxtribute API"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("busy.sqlite3").path))
    }
}
