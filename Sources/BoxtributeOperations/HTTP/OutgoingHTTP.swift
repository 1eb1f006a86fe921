import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Outgoing HTTP of the operations jobs: every call has a deadline and reads at most
/// `maxResponseBytes` of the answer, so a slow or chatty peer cannot hold a job.
public struct OutgoingHTTP: Sendable {
    /// An answer of the peer, whatever its status.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
        public var isSuccess: Bool { (200..<300).contains(status) }
    }

    public var client: HTTPClient
    /// Deadline of one call, from connecting to the last byte of the answer.
    public var timeout: Duration
    /// Largest answer read; a longer one fails the call.
    public var maxResponseBytes: Int

    public init(client: HTTPClient = .shared, timeout: Duration = .seconds(30), maxResponseBytes: Int = 4 << 20) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends a request; `json` becomes the body with `Content-Type: application/json`.
    /// - Throws: when the peer cannot be reached, the deadline passes or the answer is too large.
    public func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], json: [UInt8]? = nil
    ) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let seconds = timeout.components.seconds
        let milliseconds = seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let deadline = TimeAmount.milliseconds(max(1, milliseconds))
        let response = try await client.execute(request, timeout: deadline)
        let body = try await response.body.collect(upTo: maxResponseBytes)
        return Response(status: Int(response.status.code), body: Array(body.readableBytesView))
    }

    /// Encodes `value` as JSON.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
