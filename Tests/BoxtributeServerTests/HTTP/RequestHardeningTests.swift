import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import BoxtributeServer

/// Answers carry no internal detail; every request is named and logged once, never with its token.
@Suite("Request hardening")
struct RequestHardeningTests {
    static let query = "{ bases { id } }"

    @Test("malformed tokens answer 401 in the reference's shape with a fixed message, no Swift detail")
    func malformedTokens() async throws {
        let header = Data(#"{"alg":"RS256","typ":"JWT","kid":"tenant-key-1"}"#.utf8).base64EncodedString()
        let payload = Data(#"{"sub": 12, "exp": "soon", "aud": {"x": 1}}"#.utf8).base64EncodedString()
        let badPayload = "\(header).\(payload).c2lnbmF0dXJl"
        let notJSON = "\(header).\(Data("not json".utf8).base64EncodedString()).c2ln"
        let wrongKey = try await externalToken(.coordinator(), key: TenantKey.otherKey)
        try await ServerHarness.withClient { client in
            for token in [badPayload, notJSON, "a.b.c", "not-a-jwt", wrongKey] {
                try await client.graphQL(Self.query, token: token) { response in
                    #expect(response.status == .unauthorized)
                    let body = String(buffer: response.body)
                    for leak in ["DecodingError", "Debug", "Swift", "JWTKit", "JWTError", "CodingKeys", "typeMismatch"]
                    {
                        #expect(!body.contains(leak), "\(body)")
                    }
                    let json = response.json
                    #expect(json["code"] == "invalid_claims")
                    #expect(json["description"] == "incorrect claims, please check the audience and issuer")
                    guard case .object(let fields) = json else {
                        Issue.record("not an object: \(body)")
                        return
                    }
                    #expect(Set(fields.keys).isSubset(of: ["code", "description", "message", "errors"]))
                    #expect(json["errors"]?[0]?["message"] == "incorrect claims, please check the audience and issuer")
                }
            }
            try await client.graphQL(Self.query, token: wrongKey) { response in
                #expect(response.json["message"] == "Signature verification failed.")
            }
        }
    }

    @Test("request errors share one shape: 415 and 413 answer {errors: [{message}]}")
    func requestErrorShape() async throws {
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: [.authorization: "Bearer \(token)"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(
                    response.json == [
                        "errors": [["message": "Unsupported Media Type: the request body must be application/json."]]
                    ])
            }
            let huge = "{\"query\": \"" + String(repeating: " ", count: 100_000) + "{ bases { id } }\"}"
            try await client.execute(
                uri: "/public", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: huge)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.json == ["errors": [["message": "The request body is too large."]]])
            }
        }
    }

    @Test("an address no route serves answers 404 with the same error shape, and says where the APIs are")
    func notFoundShape() async throws {
        try await ServerHarness.withClient { client in
            for (uri, method) in [("/nothing", HTTPRequest.Method.get), ("/graphql", .put), ("/public/x", .post)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(response.json == ["errors": [["message": .string(ErrorBodyMiddleware.notFoundMessage)]]])
                }
            }
        }
    }

    @Test("each request gets an id (the client's when short and printable) and one log line, 401s included")
    func requestLog() async throws {
        let logs = CapturedLogs()
        let token = try await externalToken(.coordinator())
        let requestId = HTTPField.Name("X-Request-Id")!
        try await ServerHarness.withClient(logger: logs.logger) { client in
            try await client.graphQL(Self.query, headers: [requestId: "client-id-1"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[requestId] == "client-id-1")
            }
            try await client.graphQL(Self.query, token: token, headers: [requestId: "has space"]) { response in
                #expect(response.status == .ok)
                let generated = try #require(response.headers[requestId])
                #expect(generated != "has space")
                #expect(generated.count == 16)
            }
            try await client.graphQL(
                Self.query, headers: [requestId: String(repeating: "x", count: 200)]
            ) { response in
                #expect(response.headers[requestId]?.count == 16)
            }
            try await client.execute(uri: "/health?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[requestId] != nil)
            }
        }
        let lines = logs.all.filter { $0.message == "request" }
        #expect(lines.count == 4)
        let unauthorized = try #require(lines.first)
        #expect(unauthorized.metadata["request.id"] == "client-id-1")
        #expect(unauthorized.metadata["http.status"] == "401")
        #expect(unauthorized.metadata["http.method"] == "POST")
        #expect(unauthorized.metadata["http.path"] == "/graphql")
        #expect(unauthorized.metadata["duration_ms"] != nil)
        #expect(lines.last?.metadata["http.path"] == "/health")
        for record in logs.all {
            let text = record.message + record.metadata.values.joined(separator: " ")
            #expect(!text.contains(token))
            #expect(!text.contains("bases"))
        }
    }

    @Test("the request's log line names the GraphQL operation it ran, and no other part of the document")
    func requestLogNamesOperation() async throws {
        let logs = CapturedLogs()
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient(logger: logs.logger) { client in
            try await client.graphQL("query BaseNames { bases { name } }", token: token) { response in
                #expect(response.status == .ok)
            }
            try await client.graphQL("{ bases { id } }", token: token) { response in
                #expect(response.status == .ok)
            }
        }
        let lines = logs.all.filter { $0.message == "request" }
        #expect(lines.count == 2)
        #expect(lines.first?.metadata["graphql.operation"] == "BaseNames")
        #expect(lines.first?.metadata["http.status"] == "200")
        #expect(lines.last?.metadata["graphql.operation"] == nil)
        for record in lines { #expect(!record.metadata.values.joined(separator: " ").contains("bases")) }
    }

    @Test("a database failure is answered with a stable message and logged once, with the request id and operation")
    func databaseFailureLogged() async throws {
        let logs = CapturedLogs()
        let token = try await externalToken(.coordinator())
        let requestId = HTTPField.Name("X-Request-Id")!
        let database = try await Fixtures.makeDatabase()
        // A database that fails every statement, as one that went away does.
        await database.close()
        try await ServerHarness.withClient(logger: logs.logger, database: database) { client in
            try await client.graphQL(
                "query BasesOfUser { bases { name } a: bases { id } }", token: token,
                headers: [requestId: "failing-1"]
            ) { response in
                #expect(response.status == .ok)
                let error = try #require(response.json["errors"]?[0])
                let code = error["extensions"]?["code"]?.string
                #expect(code == "DATABASE_UNAVAILABLE" || code == "INTERNAL_SERVER_ERROR")
                let text = "\(response.json)"
                #expect(!text.contains("SQLite") && !text.contains("database error"))
            }
        }
        let failures = logs.all.filter { $0.message == "request failed" }
        // Two fields failed for the same cause: one line.
        #expect(failures.count == 1)
        let failure = try #require(failures.first)
        #expect(failure.level == .error)
        #expect(failure.metadata["request.id"] == "failing-1")
        #expect(failure.metadata["graphql.operation"] == "BasesOfUser")
        #expect(failure.metadata["error.cause"]?.contains("database error") == true)
        #expect(!(failure.metadata.values.joined().contains(token)))
    }
}
