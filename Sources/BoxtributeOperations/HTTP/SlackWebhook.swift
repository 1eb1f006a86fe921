import Foundation
import NIOHTTP1

/// Posts JSON messages to a Slack workflow webhook (the reference's `internal_stats.py` and
/// `bridges.py`).
public struct SlackWebhook: Sendable {
    /// One post's outcome: the answer's text and status, or why there was none (`code` nil).
    public struct PostResult: Sendable, Equatable {
        public var succeeded: Bool
        public var response: String
        public var code: Int?
    }

    public let url: String
    public let http: OutgoingHTTP

    public init(url: String, http: OutgoingHTTP) {
        self.url = url
        self.http = http
    }

    /// Posts `message` as JSON; any status outside 2xx, or no answer, is a failure.
    public func post(_ message: some Encodable) async -> PostResult {
        do {
            let response = try await http.send(.POST, url, json: try OutgoingHTTP.encode(message))
            return PostResult(succeeded: response.isSuccess, response: response.text, code: response.status)
        } catch {
            return PostResult(succeeded: false, response: "\(error)", code: nil)
        }
    }
}
