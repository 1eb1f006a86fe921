import JWTKit

/// The JWT payload Boxtribute's Auth0 tenant issues.
struct BoxtributeClaims: JWTPayload {
    static let namespace = "https://www.boxtribute.com/"

    var sub: SubjectClaim
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var exp: ExpirationClaim?
    var iat: IssuedAtClaim?
    var roles: [String]?
    var permissions: [String]?
    var baseIds: [FlexibleInt]?
    var organisationId: FlexibleInt?
    var betaUser: FlexibleInt?
    var timezone: String?
    var email: String?

    enum CodingKeys: String, CodingKey {
        case sub, iss, aud, exp, iat
        case roles = "https://www.boxtribute.com/roles"
        case permissions = "https://www.boxtribute.com/permissions"
        case baseIds = "https://www.boxtribute.com/base_ids"
        case organisationId = "https://www.boxtribute.com/organisation_id"
        case betaUser = "https://www.boxtribute.com/beta_user"
        case timezone = "https://www.boxtribute.com/timezone"
        case email = "https://www.boxtribute.com/email"
    }

    /// Signature checks happen in the key collection; claims are checked by ``TokenVerifier``
    /// so that expiry and other failures map to the reference's distinct 401 bodies.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// An integer claim that Auth0 may send as a number or as a numeric string.
struct FlexibleInt: Codable, Sendable, Equatable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            value = int
        } else if let text = try? container.decode(String.self), let int = Int(text) {
            value = int
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an integer")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
