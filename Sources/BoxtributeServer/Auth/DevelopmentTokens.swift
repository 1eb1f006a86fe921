import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import CryptoExtras
import Foundation
import JWTKit

/// The local key pair that signs development tokens, and the tokens themselves.
///
/// The key is created once and kept beside the database (`boxtribute-dev-key.pem`), so the
/// server and `boxtribute token` agree on it without configuration. Never used in production.
public enum DevelopmentTokens {

    /// What a development token says about its user.
    public struct Request: Sendable {
        public var userId: Int = 1
        public var isGod = false
        public var organisationId: Int = 1
        public var baseIds: [Int] = [1]
        public var permissions: [String] = PermissionCatalogue.all
        public var betaLevel: Int = 99
        public var expiresIn: Int = 24 * 3600
        public init() {}
    }

    /// Where the key lives for a database: beside a database file, else in the working directory.
    public static func keyPath(for location: DatabaseLocation) -> String {
        if case .sqlite(let path) = location, path != ":memory:" {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            return directory + "/boxtribute-dev-key.pem"
        }
        return FileManager.default.currentDirectoryPath + "/boxtribute-dev-key.pem"
    }

    /// Loads the key at `path`, creating it (readable by the owner only) when missing.
    public static func loadOrCreateKey(at path: String) throws -> JWTKit.Insecure.RSA.PrivateKey {
        if let pem = try? String(contentsOfFile: path, encoding: .utf8) {
            return try JWTKit.Insecure.RSA.PrivateKey(pem: pem)
        }
        let key = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        // Tokens minted later are checked against this file, so a key that cannot be kept is an error.
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600])
        else { throw KeyFileError(path: path) }
        return key
    }

    /// The development key could not be written beside the database.
    public struct KeyFileError: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write the development key to \(path)" }
    }

    /// Mints a token with the reference's claim structure, signed with `key`.
    public static func mint(
        _ request: Request, key: JWTKit.Insecure.RSA.PrivateKey, configuration: ServerConfiguration, now: Date = Date()
    ) async throws -> String {
        let baseIds = request.baseIds
        let prefix = baseIds.isEmpty ? "" : "base_" + baseIds.map(String.init).joined(separator: "-") + "/"
        let claims = BoxtributeClaims(
            sub: SubjectClaim(value: "auth0|\(request.userId)"), iss: IssuerClaim(value: configuration.issuer),
            aud: AudienceClaim(value: [configuration.auth0Audience]),
            exp: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(request.expiresIn))),
            iat: IssuedAtClaim(value: now),
            roles: request.isGod ? ["boxtribute_god"] : baseIds.map { "base_\($0)_coordinator" },
            permissions: request.permissions.map { $0.contains("/") ? $0 : prefix + $0 },
            baseIds: baseIds.map(FlexibleInt.init), organisationId: FlexibleInt(request.organisationId),
            betaUser: FlexibleInt(request.betaLevel), timezone: nil, email: nil)
        let keys = JWTKeyCollection()
        await keys.add(
            rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: TokenVerifier.developmentKeyId))
        return try await keys.sign(claims, kid: JWKIdentifier(string: TokenVerifier.developmentKeyId))
    }
}
