import BoxtributeDomain
import CryptoExtras
import Foundation
import JWTKit
import Logging
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Why a request was not authenticated: the HTTP status and the reference's JSON body.
public struct AuthenticationFailure: Error, Sendable, Equatable {
    public let status: Int
    public let code: String
    public let description: String
    public let message: String?

    static func unauthorized(_ code: String, _ description: String, message: String? = nil) -> Self {
        AuthenticationFailure(status: 401, code: code, description: description, message: message)
    }

    static let headerMissing = unauthorized("authorization_header_missing", "Authorization header is expected")
    static let expired = unauthorized("token_expired", "token is expired")
    static func invalidClaims(_ message: String) -> Self {
        unauthorized("invalid_claims", "incorrect claims, please check the audience and issuer", message: message)
    }
    static func internalError(_ message: String) -> Self {
        AuthenticationFailure(
            status: 500, code: "internal_server_error", description: "The server could not process the request.",
            message: message)
    }

    /// The JSON body: the reference's keys (`code`, `description`, and `message` when there is
    /// one), and the `errors` list every error body of ours has, whose entry carries the
    /// description and the code.
    public var body: [String: Any] {
        var body: [String: Any] = ["code": code, "description": description]
        if let message { body["message"] = message }
        let extensionCode = status == 401 ? "UNAUTHENTICATED" : "INTERNAL_SERVER_ERROR"
        body["errors"] = [["message": description, "extensions": ["code": extensionCode, "reason": code]]]
        return body
    }
}

/// Verifies bearer tokens exactly as the reference: RS256 signature, issuer, audience and
/// expiry, then the Boxtribute claims. Verified tokens are cached until they expire.
public final class TokenVerifier: Sendable {
    private let configuration: ServerConfiguration
    private let keys: JWTKeyCollection
    private let remoteKeysLoaded = Mutex(false)
    private let cache = Mutex<[TokenKey: (user: CurrentUser, expires: Date)]>([:])
    private let logger: Logger

    /// The `kid` of development tokens minted by `boxtribute token`.
    public static let developmentKeyId = "boxtribute-dev"

    /// - Parameter developmentKey: the local signing key, trusted outside production.
    public init(
        configuration: ServerConfiguration, developmentKey: JWTKit.Insecure.RSA.PrivateKey?, logger: Logger
    ) async throws {
        self.configuration = configuration
        self.logger = logger
        keys = JWTKeyCollection()
        if let configured = configuration.auth0PublicKey {
            let pem = PEMText.normalized(configured)
            let key: JWTKit.Insecure.RSA.PublicKey
            if pem.contains("CERTIFICATE") {
                key = try JWTKit.Insecure.RSA.PublicKey(certificatePEM: pem)
            } else {
                key = try JWTKit.Insecure.RSA.PublicKey(pem: pem)
            }
            await keys.add(rsa: key, digestAlgorithm: .sha256)
        }
        if let developmentKey, !configuration.isProduction {
            await keys.add(
                rsa: developmentKey.publicKey, digestAlgorithm: .sha256,
                kid: JWKIdentifier(string: Self.developmentKeyId))
        }
    }

    /// Authenticates the `Authorization` header value.
    public func authenticate(authorization header: String?) async -> Result<CurrentUser, AuthenticationFailure> {
        let token: String
        switch Self.bearerToken(header) {
        case .success(let value): token = value
        case .failure(let failure): return .failure(failure)
        }
        let key = TokenKey(token)
        if let cached = cache.withLock({ $0[key] }), cached.expires > Date() { return .success(cached.user) }
        do {
            let user = try await verify(token)
            cache.withLock { cache in
                if cache.count >= 10_000 { cache.removeAll(keepingCapacity: true) }
                cache[key] = (user.user, user.expires)
            }
            return .success(user.user)
        } catch let failure as AuthenticationFailure {
            return .failure(failure)
        } catch {
            // The answer carries a fixed text: error descriptions may quote the token.
            logger.error("token verification failed unexpectedly", metadata: ["error.type": "\(type(of: error))"])
            return .failure(.internalError("The token could not be verified."))
        }
    }

    /// Splits `Bearer <token>` as the reference does.
    static func bearerToken(_ header: String?) -> Result<String, AuthenticationFailure> {
        guard let header, !header.isEmpty else { return .failure(.headerMissing) }
        // Bytes, not Characters: tokens are long ASCII and grapheme splitting is costly.
        let parts = header.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { String(decoding: $0, as: UTF8.self) }
        guard let first = parts.first, first.lowercased() == "bearer" else {
            return .failure(.unauthorized("invalid_header", "Authorization header must start with Bearer"))
        }
        if parts.count == 1 { return .failure(.unauthorized("invalid_header", "Token not found")) }
        if parts.count > 2 {
            return .failure(.unauthorized("invalid_header", "Authorization header must be Bearer token"))
        }
        return .success(String(parts[1]))
    }

    private func verify(_ token: String) async throws -> (user: CurrentUser, expires: Date) {
        try await loadRemoteKeysIfNeeded()
        let claims: BoxtributeClaims
        do {
            claims = try await keys.verify(token, as: BoxtributeClaims.self)
        } catch {
            throw AuthenticationFailure.invalidClaims(Self.describe(error))
        }
        guard let expiry = claims.exp?.value else { throw AuthenticationFailure.invalidClaims("missing expiration") }
        if expiry <= Date() { throw AuthenticationFailure.expired }
        guard claims.aud?.value.contains(configuration.auth0Audience) == true else {
            throw AuthenticationFailure.invalidClaims("Invalid audience")
        }
        guard claims.iss?.value == configuration.issuer else {
            throw AuthenticationFailure.invalidClaims("Invalid issuer")
        }

        var missing: [String] = []
        if claims.roles == nil { missing.append("roles") }
        if claims.permissions == nil { missing.append("permissions") }
        if claims.baseIds == nil { missing.append("base_ids") }
        if claims.organisationId == nil { missing.append("organisation_id") }
        guard missing.isEmpty, let organisationId = claims.organisationId else {
            throw AuthenticationFailure.unauthorized(
                "missing_claims",
                "Missing custom claims in JWT: \(missing.joined(separator: ", ")). Please check Auth0.")
        }
        do {
            let user = try CurrentUser(
                subject: claims.sub.value, roles: claims.roles ?? [], rawPermissions: claims.permissions ?? [],
                baseIds: (claims.baseIds ?? []).map { Base.ID($0.value) }, organisationId: organisationId.value,
                betaLevel: claims.betaUser?.value, timezone: claims.timezone)
            return (user, expiry)
        } catch {
            throw AuthenticationFailure.invalidClaims("Invalid subject")
        }
    }

    /// Fetches the tenant's published keys once, when no key was configured explicitly.
    private func loadRemoteKeysIfNeeded() async throws {
        guard configuration.auth0PublicKey == nil, configuration.auth0DomainIsExplicit,
            !remoteKeysLoaded.withLock({ $0 })
        else { return }
        guard let url = URL(string: "https://\(configuration.auth0Domain)/.well-known/jwks.json") else {
            throw AuthenticationFailure.internalError("invalid AUTH0_DOMAIN")
        }
        do {
            let (data, _) = try await URLSession.shared.data(from: url)
            try await keys.add(jwksJSON: String(decoding: data, as: UTF8.self))
            remoteKeysLoaded.withLock { $0 = true }
            logger.info(
                "loaded signing keys of the Auth0 tenant", metadata: ["auth0.domain": "\(configuration.auth0Domain)"])
        } catch {
            logger.error("could not load the Auth0 tenant's signing keys", metadata: ["error": "\(error)"])
            throw AuthenticationFailure.internalError("could not load the signing keys of the Auth0 tenant")
        }
    }

    /// A fixed, human message for a token JWTKit refused. Never the library's own text: it
    /// may carry decoder debug descriptions, Swift type names or parts of the token.
    static func describe(_ error: any Error) -> String {
        guard let jwtError = error as? JWTError else { return "The token could not be decoded." }
        switch jwtError.errorType {
        case .signatureVerificationFailed: return "Signature verification failed."
        case .signingAlgorithmFailure, .unsupportedAlgorithm, .unsupportedCurve:
            return "The token's signing algorithm is not allowed."
        case .missingKIDHeader, .unknownKID, .noKeyProvided, .invalidJWK, .missingX5CHeader, .invalidX5CChain:
            return "No key is known for the token's signature."
        case .claimVerificationFailure: return "The token's claims are not valid."
        default: return "The token could not be decoded."
        }
    }
}

/// A token as a cache key: hashed and compared as raw bytes, which is much cheaper than
/// Unicode-aware `String` hashing for kilobyte-long tokens.
struct TokenKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ token: String) { bytes = Array(token.utf8) }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
