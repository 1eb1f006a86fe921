import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeOperations
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `internal-stats` over ``Fixtures/InternalStats`` at its fixed time, posting to a fake Slack
/// webhook, with active users from a fake Auth0 tenant.
@Suite struct InternalStatsTests {
    static let now = Date(timeIntervalSince1970: 1_748_779_200)  // 2025-06-01 12:00:00 UTC

    /// Users with a login: two of organisation 1 (one in the last 30 days, one in the 30 before),
    /// one of organisation 2 (in the 30 days before), one without organisation.
    static let tenant = FakeAuth0(
        users: [
            .init(id: "auth0|1", name: "A", baseIds: ["1"], organisationId: 1, lastLogin: "2025-05-30T10:00:00.000Z"),
            .init(id: "auth0|2", name: "B", baseIds: ["2"], organisationId: 1, lastLogin: "2025-04-15T10:00:00.000Z"),
            .init(id: "auth0|3", name: "C", baseIds: ["3"], organisationId: 2, lastLogin: "2025-05-01T00:00:00.000Z"),
            .init(id: "auth0|4", name: "D", baseIds: [], lastLogin: "2025-05-31T00:00:00.000Z"),
        ], roles: [])

    static func runner(
        _ db: any Database, slack: String?, auth0: String?, environment: String = "development"
    ) -> CronRunner {
        var runner = CronRunner(
            database: db,
            configuration: OperationsConfiguration(
                environment: environment, internalStatsWebhook: slack.map { $0 + "/services/stats" },
                auth0Management: auth0.map { .init(domain: $0, clientId: "stats", clientSecret: "secret") },
                httpTimeout: .seconds(60)),
            logger: .quiet())
        runner.now = { now }
        return runner
    }

    /// The posted messages as (title, data).
    static func posts(_ server: FakeHTTPServer) -> [(title: String, data: String)] {
        server.calls.filter { $0.path == "/services/stats" }.map {
            ($0.json["title"] as? String ?? "", $0.json["data"] as? String ?? "")
        }
    }

    @Test("Six tables are posted, with per-base trends and the TOTAL row", arguments: Engine.available)
    func sixTables(engine: Engine) async throws {
        let db = try await engine.internalStatsDatabase()
        try await FakeHTTPServer.with(Self.tenant.handler()) { server, url in
            let outcome = await Self.runner(db, slack: url, auth0: url).run(.internalStats)
            #expect(outcome == CronOutcome(.done, "posted 6 stats, 0 failure(s)"))
            let posts = Self.posts(server)
            #expect(
                posts.map(\.title) == [
                    "All time created boxes/items", "All time registered beneficiaries", "Newly created boxes",
                    "Newly registered beneficiaries", "Reached beneficiaries", "Unique active users",
                ])
            #expect(
                posts[0].data.components(separatedBy: "\n") == [
                    "Organisation | Base   | boxes (all time) | items (all time)",
                    "-------------+--------+------------------+-----------------",
                    "Alpha Aid    | Athens |        2 ( n/a ) |        8 ( n/a )",
                    "Zeta Aid     | Lesvos |        2 ( n/a ) |       10 ( n/a )",
                    "             | Samos  |        1 ( n/a ) |        5 ( n/a )",
                    "-------------+--------+------------------+-----------------",
                    "TOTAL        |        |        5 ( n/a ) |       23 ( n/a )",
                ])
            // 30 days: Lesvos 1 (1 before), Samos 1 (0 before); 90 days: Lesvos 2, Samos 1 (Athens 1
            // before); 365 days: Lesvos 2, Samos 1, Athens 1 (Athens 1 before).
            #expect(
                posts[2].data.components(separatedBy: "\n") == [
                    "Organisation | Base   |     30 days |     90 days |    365 days",
                    "-------------+--------+-------------+-------------+------------",
                    "Alpha Aid    | Athens |   0 ( n/a ) |   0 ( n/a ) |   1 (+0.0%)",
                    "Zeta Aid     | Lesvos |   1 (+0.0%) |   2 ( n/a ) |   2 ( n/a )",
                    "             | Samos  |   1 ( n/a ) |   1 ( n/a ) |   1 ( n/a )",
                    "-------------+--------+-------------+-------------+------------",
                    "TOTAL        |        | 2 (+100.0%) | 3 (+200.0%) | 4 (+300.0%)",
                ])
            // Reached in the last 30 days: Aisha (registered) and Omar (checked out).
            #expect(
                posts[4].data.components(separatedBy: "\n").last
                    == "TOTAL        |        | 2 ( n/a ) | 2 ( n/a ) | 2 ( n/a )")
            // Active users per organisation, named by its bases.
            #expect(
                posts[5].data.components(separatedBy: "\n") == [
                    "Organisation | Base         |     30 days |   90 days |  365 days",
                    "-------------+--------------+-------------+-----------+----------",
                    "Alpha Aid    | Athens       | 0 (-100.0%) | 1 ( n/a ) | 1 ( n/a )",
                    "Zeta Aid     | Lesvos,Samos |   1 (+0.0%) | 2 ( n/a ) | 2 ( n/a )",
                    "-------------+--------------+-------------+-----------+----------",
                    "TOTAL        |              |  1 (-50.0%) | 3 ( n/a ) | 3 ( n/a )",
                ])
            let search = try #require(server.calls.first { $0.path == "/api/v2/users" })
            #expect(search.query["q"] == "last_login:[2023-06-02 TO *]")
        }
        await db.close()
    }

    @Test("Production leaves organisation 1 out", arguments: Engine.available)
    func production(engine: Engine) async throws {
        let db = try await engine.internalStatsDatabase()
        try await FakeHTTPServer.with(Self.tenant.handler()) { server, url in
            _ = await Self.runner(db, slack: url, auth0: url, environment: "production").run(.internalStats)
            let posts = Self.posts(server)
            #expect(posts.count == 6)
            for post in posts { #expect(!post.data.contains("Zeta Aid"), "\(post.title)") }
            #expect(
                posts[0].data.components(separatedBy: "\n").last
                    == "TOTAL        |        |        2 ( n/a ) |        8 ( n/a )")
        }
        await db.close()
    }

    @Test("Without Auth0 the active users table is empty and the job goes on", arguments: Engine.available)
    func auth0Down(engine: Engine) async throws {
        let db = try await engine.internalStatsDatabase()
        try await FakeHTTPServer.with({ call in
            call.path == "/oauth/token"
                ? FakeHTTPServer.Reply.json(["error": "access_denied"], status: 403) : FakeHTTPServer.Reply(200, "ok")
        }) { server, url in
            let outcome = await Self.runner(db, slack: url, auth0: url).run(.internalStats)
            #expect(outcome == CronOutcome(.done, "posted 6 stats, 0 failure(s)"))
            #expect(Self.posts(server).last?.data.components(separatedBy: "\n").count == 4)
        }
        await db.close()
    }

    @Test("When no post succeeds the route answers 500 with the counts", arguments: Engine.available)
    func slackDown(engine: Engine) async throws {
        let db = try await engine.internalStatsDatabase()
        try await FakeHTTPServer.with({ _ in FakeHTTPServer.Reply.json(["error": "no_service"], status: 500) }) {
            server, url in
            let configuration = CronRoutesTests.configuration(
                OperationsConfiguration(internalStatsWebhook: url + "/services/stats", httpTimeout: .seconds(60)))
            try await ServerHarness.withClient(configuration: configuration, database: db) { client in
                try await client.execute(uri: "/cron/internal-stats", method: .get, headers: CronRoutesTests.cron) {
                    #expect($0.status == .internalServerError)
                    #expect($0.json == ["message": "posted 0 stats, 6 failure(s)"])
                }
            }
            #expect(Self.posts(server).count == 6)
        }
        await db.close()
    }
}

/// `POST /auth0-slack-bridge`.
@Suite struct Auth0SlackBridgeTests {
    static func configuration(webhook: String?) -> ServerConfiguration {
        CronRoutesTests.configuration(
            OperationsConfiguration(
                auth0StreamWebhook: webhook.map { $0 + "/services/auth0" }, auth0LogStreamToken: "stream-token",
                httpTimeout: .seconds(60)))
    }

    @Test("A missing or malformed header, or a wrong token, is answered 401")
    func authentication() async throws {
        try await ServerHarness.withClient(configuration: Self.configuration(webhook: nil)) { client in
            let cases: [(HTTPFields, JSONValue)] = [
                (
                    [:],
                    [
                        "details": [
                            "code": "authorization_header_missing", "description": "Authorization header is expected",
                        ]
                    ]
                ),
                (
                    [.authorization: "Basic abc"],
                    [
                        "details": [
                            "code": "invalid_header", "description": "Authorization header must start with Bearer",
                        ]
                    ]
                ),
                (
                    [.authorization: "Bearer"],
                    ["details": ["code": "invalid_header", "description": "Token not found"]]
                ),
                ([.authorization: "Bearer other-token"], ["message": "invalid token"]),
            ]
            for (headers, expected) in cases {
                try await client.execute(
                    uri: "/auth0-slack-bridge", method: .post, headers: headers, body: ByteBuffer(string: "[]")
                ) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.json == expected)
                }
            }
        }
    }

    @Test("Unset AUTH0_LOG_STREAM_TOKEN refuses every token")
    func noToken() async throws {
        try await ServerHarness.withClient(configuration: CronRoutesTests.configuration()) { client in
            try await client.execute(
                uri: "/auth0-slack-bridge", method: .post, headers: [.authorization: "Bearer anything"],
                body: ByteBuffer(string: "[]")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.json == ["message": "invalid token"])
            }
        }
    }

    @Test("Each event is posted flat to Slack; the answer lists the posts")
    func forwarding() async throws {
        try await FakeHTTPServer.with({ call in
            call.body.contains("\"log_id\":\"bad\"") ? FakeHTTPServer.Reply(500, "no") : FakeHTTPServer.Reply(200, "ok")
        }) { server, url in
            try await ServerHarness.withClient(configuration: Self.configuration(webhook: url)) { client in
                let auth: HTTPFields = [.authorization: "Bearer stream-token", .contentType: "application/json"]
                try await client.execute(
                    uri: "/auth0-slack-bridge", method: .post, headers: auth, body: ByteBuffer(string: "[]")
                ) {
                    #expect($0.status == .ok)
                    #expect($0.json == ["message": "empty payload"])
                }
                let events = """
                    [{"log_id": "90020", "data": {"description": "Wrong password", "type": "fp", "log_id": "90020"}},
                     {"log_id": "bad", "data": {"description": "Blocked account", "type": "limit_wc", "log_id": "bad"}}]
                    """
                try await client.execute(
                    uri: "/auth0-slack-bridge", method: .post, headers: auth, body: ByteBuffer(string: events)
                ) {
                    #expect($0.status == .ok)
                    #expect(
                        $0.json == [
                            "successes": [["response": "ok", "code": 200, "log_id": "90020"]],
                            "failures": [["response": "no", "code": 500, "log_id": "bad"]],
                        ])
                }
            }
            let posts = server.calls.filter { $0.path == "/services/auth0" }
            #expect(posts.count == 2)
            #expect(posts.first?.json["title"] as? String == "Wrong password [type: fp]")
            #expect(
                posts.first?.json["auth0_link"] as? String
                    == "https://manage.auth0.com/dashboard/eu/boxtribute-production/logs/90020")
            #expect(posts.first?.json["log_id"] as? String == "90020")
        }
    }

    @Test("No successful post is answered 500")
    func allFailed() async throws {
        try await FakeHTTPServer.with({ _ in FakeHTTPServer.Reply(500, "down") }) { _, url in
            try await ServerHarness.withClient(configuration: Self.configuration(webhook: url)) { client in
                let events = #"[{"data": {"description": "x", "type": "s", "log_id": "1"}}]"#
                try await client.execute(
                    uri: "/auth0-slack-bridge", method: .post, headers: [.authorization: "Bearer stream-token"],
                    body: ByteBuffer(string: events)
                ) {
                    #expect($0.status == .internalServerError)
                    #expect(
                        $0.json == ["successes": [], "failures": [["response": "down", "code": 500, "log_id": "1"]]])
                }
            }
        }
    }
}
