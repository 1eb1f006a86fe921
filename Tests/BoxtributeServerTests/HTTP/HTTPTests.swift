import BoxtributeDatabase
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("HTTP behaviour of the endpoints")
struct HTTPTests {
    @Test("GET on each GraphQL path serves the explorer page")
    func explorer() async throws {
        try await ServerHarness.withClient { client in
            for path in ["/graphql", "/", "/public"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("<title>boxtribute API</title>"))
                }
            }
        }
    }

    @Test("health answers without authentication")
    func health() async throws {
        try await ServerHarness.withClient { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json == ["status": "ok"])
            }
        }
    }

    @Test("the public API needs no token")
    func publicAPI() async throws {
        try await ServerHarness.withClient { client in
            try await client.graphQL("{ standardProducts { name } }", path: "/public") { response in
                #expect(response.status == .ok)
                #expect(response.json["data"]?["standardProducts"]?.array?.count == 3)
            }
        }
    }

    @Test("a mutation on the query-only API answers 200 with data null")
    func mutationOnQueryAPI() async throws {
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient { client in
            try await client.graphQL("mutation { createQrCode { id } }", path: "/", token: token) { response in
                #expect(response.status == .ok)
                #expect(
                    response.json
                        == [
                            "data": nil,
                            "errors": [["message": "Schema is not configured to execute mutation operation."]],
                        ])
            }
        }
    }

    @Test("validation errors answer 400, resolver errors 200")
    func statuses() async throws {
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient { client in
            try await client.graphQL("{ bases { nope } }", token: token) { response in
                #expect(response.status == .badRequest)
                #expect(response.json["data"] == nil)
            }
            try await client.graphQL(#"{ base(id: "\#(Fixtures.BaseID.thessaloniki)") { name } }"#, token: token) {
                response in
                #expect(response.status == .ok)
                #expect(response.json["errors"]?[0]?["extensions"]?["code"] == "FORBIDDEN")
            }
        }
    }

    @Test("bodies that are not JSON, not parseable or too large are refused")
    func badBodies() async throws {
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient { client in
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            var plain = auth
            plain[.contentType] = "text/plain"
            try await client.execute(
                uri: "/graphql", method: .post, headers: plain, body: ByteBuffer(string: "{ bases { id } }")
            ) {
                #expect($0.status == .unsupportedMediaType)
            }
            var json = auth
            json[.contentType] = "application/json"
            try await client.execute(
                uri: "/graphql", method: .post, headers: json, body: ByteBuffer(string: "{not json")
            ) {
                #expect($0.status == .badRequest)
            }
            let huge = "{\"query\": \"" + String(repeating: " ", count: 100_000) + "{ bases { id } }\"}"
            try await client.execute(uri: "/graphql", method: .post, headers: json, body: ByteBuffer(string: huge)) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "/graphql", method: .post, headers: json, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .badRequest)
                #expect($0.json == ["errors": [["message": "The query must be a string."]]])
            }
        }
    }

    @Test("CORS: allowed origins are echoed on /graphql and /public, never on /")
    func cors() async throws {
        try await ServerHarness.withClient { client in
            let preflight: HTTPFields = [
                .origin: "http://localhost:5173", .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "content-type, authorization, x-evil",
            ]
            try await client.execute(uri: "/graphql", method: .options, headers: preflight) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:5173")
                #expect(response.headers[.accessControlAllowMethods] == "POST")
                #expect(response.headers[.accessControlAllowHeaders] == "content-type, authorization")
            }
            try await client.execute(
                uri: "/public", method: .options, headers: [.origin: "https://shared.boxtribute.org"]
            ) {
                #expect($0.headers[.accessControlAllowOrigin] == "https://shared.boxtribute.org")
            }
            try await client.execute(uri: "/graphql", method: .options, headers: [.origin: "https://evil.example"]) {
                #expect($0.status == .ok)
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/", method: .options, headers: [.origin: "http://localhost:5173"]) {
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.graphQL(
                "{ standardProducts { name } }", path: "/public", headers: [.origin: "http://localhost:3000"]
            ) {
                #expect($0.headers[.accessControlAllowOrigin] == "http://localhost:3000")
            }
        }
    }

    @Test("the live server answers many connections at once, reads and writes alike")
    func liveConnections() async throws {
        var claims = ExternalClaims.coordinator()
        claims.fields["https://www.boxtribute.com/permissions"] = .strings([
            "base_1/base:read", "base_1/stock:read", "base_1/stock:write", "base_1/tag_relation:assign",
            "organisation:read",
        ])
        let token = try await externalToken(claims)
        try await ServerHarness.withClient(mode: .live) { client in
            let port = try #require(client.port)
            // Eight connections at once: reads share the reader connections while the writes
            // queue for the writer, over real sockets and the server `serve` runs. An answer may
            // wait its turn for long beside the whole suite on MariaDB: the client waits 2 minutes,
            // not the test client's default 15 s.
            let patient = TestClient.Configuration(timeout: .seconds(120))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for connectionNumber in 0..<8 {
                    group.addTask {
                        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) {
                            connection in
                            for round in 0..<5 {
                                let page = try await connection.graphQL(
                                    #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)", paginationInput: {first: 2}) { totalCount elements { id } } }"#,
                                    token: token)
                                #expect(page["data"]?["boxes"]?["elements"]?.array?.count == 2)
                                let comment = "connection \(connectionNumber) round \(round)"
                                let update = try await connection.graphQL(
                                    #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", comment: "\#(comment)"}) { comment } }"#,
                                    token: token)
                                #expect(update["data"]?["updateBox"]?["comment"] == .string(comment), "\(update)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}

extension TestClient {
    /// POSTs a GraphQL document on this connection; the answer must be 200.
    func graphQL(_ query: String, token: String) async throws -> JSONValue {
        let body = try JSONSerialization.data(withJSONObject: ["query": query])
        let response = try await post(
            "/graphql", headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
            body: ByteBuffer(bytes: body))
        #expect(response.status == .ok)
        return response.body.flatMap { JSONValue.parse(Array($0.readableBytesView)) } ?? .null
    }
}
