import Foundation

/// `POST /auth0-slack-bridge`: forwards the events of Auth0's log stream to a Slack webhook,
/// one flat message per event (the reference's `bridges.py`).
public enum Auth0LogBridge {
    /// Link prefix of an event in the Auth0 dashboard.
    static let dashboardLogs = "https://manage.auth0.com/dashboard/eu/boxtribute-production/logs"

    /// The bridge's answer: HTTP status and JSON body.
    public struct Answer: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    /// One event of the stream: `{"log_id": ..., "data": {"description", "type", "log_id", ...}}`.
    struct Event: Decodable {
        struct Details: Decodable {
            var description: String?
            var type: String?
            var log_id: LooseString
        }
        var data: Details
    }

    /// The message posted for one event.
    struct Message: Encodable {
        var title: String
        var auth0_link: String
        var log_id: String
    }

    /// One post's result in the answer.
    struct PostEntry: Encodable {
        var response: String
        var code: Int?
        var log_id: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(response, forKey: .response)
            // `null` when there was no answer, as the reference reports it.
            try container.encode(code, forKey: .code)
            try container.encode(log_id, forKey: .log_id)
        }

        enum CodingKeys: String, CodingKey { case response, code, log_id }
    }

    /// Forwards the events of `payload` (a JSON array) to `webhookURL`. An empty payload is
    /// answered 200 `empty payload`; a payload that is not an array of events 400; 500 when no
    /// event could be posted.
    public static func forward(payload: [UInt8], webhookURL: String?, http: OutgoingHTTP) async -> Answer {
        let compact = String(decoding: payload, as: UTF8.self).filter { !$0.isWhitespace }
        if compact.isEmpty || ["null", "[]", "{}"].contains(compact) {
            return message(200, "empty payload")
        }
        guard let events = try? JSONDecoder().decode([Event].self, from: Data(payload)) else {
            return message(400, "the payload must be a JSON array of Auth0 log events")
        }
        guard let webhookURL else { return message(500, "SLACK_WEBHOOK_URL_FOR_AUTH0_STREAM is not set") }
        let webhook = SlackWebhook(url: webhookURL, http: http)
        var successes: [PostEntry] = []
        var failures: [PostEntry] = []
        for event in events {
            let id = event.data.log_id.value
            let post = Message(
                title: "\(event.data.description ?? "") [type: \(event.data.type ?? "")]",
                auth0_link: "\(dashboardLogs)/\(id)", log_id: id)
            let result = await webhook.post(post)
            let entry = PostEntry(response: result.response, code: result.code, log_id: id)
            if result.succeeded { successes.append(entry) } else { failures.append(entry) }
        }
        struct Body: Encodable {
            var failures: [PostEntry]
            var successes: [PostEntry]
        }
        let body = (try? OutgoingHTTP.encode(Body(failures: failures, successes: successes))) ?? Array("{}".utf8)
        return Answer(status: successes.isEmpty ? 500 : 200, body: body)
    }

    /// `{"message": text}` with `status`.
    public static func message(_ status: Int, _ text: String) -> Answer {
        Answer(status: status, body: (try? OutgoingHTTP.encode(["message": text])) ?? Array("{}".utf8))
    }

    /// Whether `token` is the configured log-stream token (compared in constant time); never
    /// when none is configured.
    public static func accepts(token: String, configured: String?) -> Bool {
        guard let configured else { return false }
        let given = Array(token.utf8)
        let expected = Array(configured.utf8)
        var difference = given.count ^ expected.count
        for index in 0..<expected.count {
            difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0))
        }
        return difference == 0
    }
}
