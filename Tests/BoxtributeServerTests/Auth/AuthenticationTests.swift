import BoxtributeDatabase
import BoxtributeServer
import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import JWTKit
import Testing

@Suite("Authentication of the protected APIs")
struct AuthenticationTests {
    static let query = "{ organisations { name } bases { id name } }"

    @Test("a token minted elsewhere with the reference's claims is accepted (AUTH0_PUBLIC_KEY)")
    func externalToken() async throws {
        let token = try await BoxtributeServerTests.externalToken(.coordinator())
        try await ServerHarness.withClient { client in
            try await client.graphQL(Self.query, token: token) { response in
                #expect(response.status == .ok)
                #expect(
                    response.json
                        == [
                            "data": [
                                "organisations": [["name": "Aid Org A"], ["name": "Aid Org B"]],
                                "bases": [["id": "1", "name": "Lesvos"]],
                            ]
                        ])
            }
            // The query-only API authenticates the same way.
            try await client.graphQL(Self.query, path: "/", token: token) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// `json` is the reference's refusal body (`code`, `description`) plus the `errors` entry
    /// every error body of ours has.
    static func expectRefused(
        _ json: JSONValue, code: String, description: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected: JSONValue = [
            "code": .string(code), "description": .string(description),
            "errors": [
                ["message": .string(description), "extensions": ["code": "UNAUTHENTICATED", "reason": .string(code)]]
            ],
        ]
        #expect(json == expected, sourceLocation: sourceLocation)
    }

    @Test("header problems answer 401 with the reference's codes")
    func headerProblems() async throws {
        try await ServerHarness.withClient { client in
            try await client.graphQL(Self.query) { response in
                #expect(response.status == .unauthorized)
                Self.expectRefused(
                    response.json, code: "authorization_header_missing", description: "Authorization header is expected"
                )
            }
            try await client.graphQL(Self.query, authorization: "Token abc") { response in
                Self.expectRefused(
                    response.json, code: "invalid_header", description: "Authorization header must start with Bearer")
            }
            try await client.graphQL(Self.query, authorization: "bearer") { response in
                Self.expectRefused(response.json, code: "invalid_header", description: "Token not found")
            }
            try await client.graphQL(Self.query, authorization: "Bearer a b") { response in
                Self.expectRefused(
                    response.json, code: "invalid_header", description: "Authorization header must be Bearer token")
            }
        }
    }

    @Test("expired tokens answer token_expired")
    func expired() async throws {
        let token = try await BoxtributeServerTests.externalToken(.coordinator(expiresIn: -60))
        try await ServerHarness.withClient { client in
            try await client.graphQL(Self.query, token: token) { response in
                #expect(response.status == .unauthorized)
                Self.expectRefused(response.json, code: "token_expired", description: "token is expired")
            }
        }
    }

    @Test("wrong audience, issuer, signature or algorithm answer invalid_claims")
    func invalidTokens() async throws {
        let wrongAudience = try await BoxtributeServerTests.externalToken(.coordinator(audience: "other-api"))
        let wrongIssuer = try await BoxtributeServerTests.externalToken(.coordinator(domain: "evil.test"))
        let wrongKey = try await BoxtributeServerTests.externalToken(.coordinator(), key: TenantKey.otherKey)
        let unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhdXRoMHwyIn0."
        try await ServerHarness.withClient { client in
            for token in [wrongAudience, wrongIssuer, wrongKey, unsigned, "not-a-jwt"] {
                try await client.graphQL(Self.query, token: token) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.json["code"] == "invalid_claims")
                    #expect(response.json["description"] == "incorrect claims, please check the audience and issuer")
                }
            }
        }
    }

    @Test("tokens without the Boxtribute claims answer missing_claims")
    func missingClaims() async throws {
        var claims = ExternalClaims.coordinator()
        claims.fields["https://www.boxtribute.com/permissions"] = nil
        claims.fields["https://www.boxtribute.com/organisation_id"] = nil
        let token = try await BoxtributeServerTests.externalToken(claims)
        try await ServerHarness.withClient { client in
            try await client.graphQL(Self.query, token: token) { response in
                #expect(response.status == .unauthorized)
                Self.expectRefused(
                    response.json, code: "missing_claims",
                    description: "Missing custom claims in JWT: permissions, organisation_id. Please check Auth0.")
            }
        }
    }

    @Test("development tokens work outside production and are refused in production")
    func developmentTokens() async throws {
        let key = TenantKey.otherKey
        var development = ServerConfiguration()
        development.auth0PublicKey = nil
        var request = DevelopmentTokens.Request()
        request.userId = Fixtures.UserID.lesvosCoordinator
        let token = try await DevelopmentTokens.mint(request, key: key, configuration: development)
        try await ServerHarness.withClient(configuration: development, developmentKey: key) { client in
            try await client.graphQL("{ bases { name } }", token: token) { response in
                #expect(response.json == ["data": ["bases": [["name": "Lesvos"]]]])
            }
        }
        var production = development
        production.environment = "production"
        try await ServerHarness.withClient(configuration: production, developmentKey: key) { client in
            try await client.graphQL("{ bases { name } }", token: token) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("a development key that cannot be written is an error, not a key tokens cannot be checked against")
    func unwritableDevelopmentKey() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("missing-\(UUID().uuidString)/boxtribute-dev-key.pem").path
        #expect(throws: DevelopmentTokens.KeyFileError.self) { try DevelopmentTokens.loadOrCreateKey(at: path) }
    }

    @Test("god tokens see every base")
    func godToken() async throws {
        var claims = ExternalClaims.coordinator()
        claims.fields["https://www.boxtribute.com/roles"] = .strings(["boxtribute_god"])
        let token = try await BoxtributeServerTests.externalToken(claims)
        try await ServerHarness.withClient { client in
            try await client.graphQL("{ bases { id } }", token: token) { response in
                #expect(response.json["data"]?["bases"]?.array?.count == 3)
            }
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("a one-line AUTH0_PUBLIC_KEY, as Boxtribute's .env files carry it, is accepted")
    func oneLinePEM() async throws {
        let pem = TenantKey.privateKey.publicKey.pemRepresentation
        let oneLine = pem.split(separator: "\n").joined()
        var configuration = ServerHarness.tenantConfiguration
        configuration.auth0PublicKey = oneLine
        let token = try await externalToken(.coordinator())
        try await ServerHarness.withClient(configuration: configuration) { client in
            try await client.graphQL("{ bases { id } }", token: token) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("environment variables with Boxtribute's names")
    func environment() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "ENVIRONMENT": "staging", "AUTH0_DOMAIN": "tenant.eu.auth0.com", "AUTH0_AUDIENCE": "api",
            "MYSQL_HOST": "db", "MYSQL_PORT": "3307", "MYSQL_USER": "u", "MYSQL_PASSWORD": "p w", "MYSQL_DB": "dropapp",
        ])
        #expect(configuration.issuer == "https://tenant.eu.auth0.com/")
        #expect(configuration.databaseURL == "mysql://u:p%20w@db:3307/dropapp")
        #expect(!configuration.isDevelopment)
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.fromEnvironment(["ENVIRONMENT": "production"])
        }
        let defaults = try ServerConfiguration.fromEnvironment([:])
        #expect(defaults.isDevelopment)
        #expect(defaults.databaseURL == nil)
    }
}
