import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import BoxtributeTestSupport
import CryptoExtras
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Logging
import NIOCore

/// An RSA key standing in for an Auth0 tenant's signing key.
enum TenantKey {
    static let privateKey: JWTKit.Insecure.RSA.PrivateKey = {
        do { return try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048)) } catch {
            fatalError("cannot create a test key: \(error)")
        }
    }()
    static let otherKey: JWTKit.Insecure.RSA.PrivateKey = {
        do { return try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048)) } catch {
            fatalError("cannot create a test key: \(error)")
        }
    }()
}

/// Claims as an external Auth0 tenant would issue them, built as plain JSON.
struct ExternalClaims: JWTPayload {
    var fields: [String: ClaimValue]

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    init(_ fields: [String: ClaimValue]) { self.fields = fields }

    init(from decoder: any Decoder) throws { fields = try [String: ClaimValue](from: decoder) }
    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    /// A valid token body for the Lesvos coordinator, issued for `audience` by `domain`.
    static func coordinator(
        domain: String = "tenant.test", audience: String = "boxtribute-api", expiresIn: Double = 3600
    )
        -> ExternalClaims
    {
        let (user, base) = (Fixtures.UserID.lesvosCoordinator, Fixtures.BaseID.lesvos)
        return ExternalClaims([
            "sub": .string("auth0|\(user)"), "iss": .string("https://\(domain)/"), "aud": .strings([audience]),
            "exp": .number(Date().timeIntervalSince1970 + expiresIn), "iat": .number(Date().timeIntervalSince1970),
            "https://www.boxtribute.com/roles": .strings(["base_\(base)_coordinator"]),
            "https://www.boxtribute.com/permissions": .strings(["base_\(base)/base:read", "organisation:read"]),
            "https://www.boxtribute.com/base_ids": .strings(["\(base)"]),
            "https://www.boxtribute.com/organisation_id": .string("\(Fixtures.Org.aidA)"),
        ])
    }
}

enum ClaimValue: Codable, Sendable {
    case string(String), number(Double), strings([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .strings(try container.decode([String].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(Int(number))
        case .strings(let list): try container.encode(list)
        }
    }
}

/// Signs `claims` with `key` the way Auth0 does (RS256, with a key id the server does not know).
func externalToken(
    _ claims: ExternalClaims, key: JWTKit.Insecure.RSA.PrivateKey = TenantKey.privateKey
) async throws -> String {
    let keys = JWTKeyCollection()
    await keys.add(rsa: key, digestAlgorithm: .sha256, kid: "tenant-key-1")
    return try await keys.sign(claims, kid: "tenant-key-1")
}

/// Runs requests against the application built as `serve` builds it, over the fixture database.
struct ServerHarness {
    static let tenantConfiguration = ServerConfiguration(
        environment: "staging", auth0Domain: "tenant.test", auth0Audience: "boxtribute-api",
        auth0PublicKey: TenantKey.privateKey.publicKey.pemRepresentation, auth0DomainIsExplicit: true,
        maxRequestBytes: 64 * 1024)

    /// `.router` calls the routes directly; `.live` serves them on a loopback port, through the
    /// same HTTP server `serve` runs.
    static func withClient(
        configuration: ServerConfiguration = tenantConfiguration,
        developmentKey: JWTKit.Insecure.RSA.PrivateKey? = nil,
        mode: TestingSetup = .router,
        logger: Logger? = nil,
        database given: (any Database)? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let logger =
            logger
            ?? Logger.quiet()
        let database: any Database
        if let given { database = given } else { database = try await Fixtures.makeDatabase() }
        let verifier = try await TokenVerifier(
            configuration: configuration, developmentKey: developmentKey, logger: logger)
        let router = try BoxtributeApp.buildRouter(configuration: configuration, database: database, verifier: verifier)
        let app = BoxtributeApp.buildApplication(
            router: router, configuration: configuration, host: "127.0.0.1", port: 0, logger: logger)
        try await app.test(mode, body)
        if given == nil { await database.close() }
    }
}

extension TestClientProtocol {
    /// POSTs a GraphQL document as JSON.
    func graphQL(
        _ query: String, path: String = "/graphql", token: String? = nil, authorization: String? = nil,
        headers extra: HTTPFields = [:], _ check: @escaping @Sendable (TestResponse) async throws -> Void
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let authorization { headers[.authorization] = authorization }
        headers.append(contentsOf: extra)
        let body = try JSONSerialization.data(withJSONObject: ["query": query])
        _ = try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            try await check(response)
        }
    }
}

extension TestResponse {
    var json: JSONValue { JSONValue.parse(Array(body.readableBytesView)) ?? .null }
}
