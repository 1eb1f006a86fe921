/// The authenticated user of one request, built from the JWT's Boxtribute claims.
///
/// God users pass every check; everyone else holds resource-based permissions,
/// each scoped to a set of base ids.
public struct CurrentUser: Sendable, Equatable {
    public let id: Int
    public let isGod: Bool
    /// `nil` for god users.
    public let organisationId: Int?
    public let maxBetaLevel: Int
    public let timezone: String?
    /// Permission name (`resource:method`) → base ids it is granted for. Empty for god users.
    public let permissions: [String: Set<Base.ID>]

    public init(
        id: Int,
        isGod: Bool = false,
        organisationId: Int?,
        maxBetaLevel: Int = 0,
        timezone: String? = nil,
        permissions: [String: Set<Base.ID>] = [:]
    ) {
        self.id = id
        self.isGod = isGod
        self.organisationId = isGod ? nil : organisationId
        self.maxBetaLevel = maxBetaLevel
        self.timezone = timezone
        self.permissions = isGod ? [:] : permissions
    }

    /// Builds the user the way the reference does from the raw claim values.
    ///
    /// - Parameters:
    ///   - subject: the `sub` claim, `auth0|<id>`.
    ///   - roles: role names; `boxtribute_god` marks a god user.
    ///   - rawPermissions: entries like `base_1-2/stock:write` or `stock:write`.
    ///   - baseIds: the user's bases, used for entries without a base prefix.
    public init(
        subject: String,
        roles: [String],
        rawPermissions: [String],
        baseIds: [Base.ID],
        organisationId: Int,
        betaLevel: Int?,
        timezone: String?
    ) throws(InvalidSubject) {
        let digits = subject.hasPrefix("auth0|") ? String(subject.dropFirst(6)) : subject
        guard let id = Int(digits) else { throw InvalidSubject(subject: subject) }
        let isGod = roles.contains("boxtribute_god")
        self.init(
            id: id,
            isGod: isGod,
            organisationId: organisationId,
            maxBetaLevel: betaLevel ?? 0,
            timezone: timezone,
            permissions: isGod ? [:] : Self.permissionMap(rawPermissions, baseIds: baseIds)
        )
    }

    /// Parses the permissions claim into permission → base ids, as the reference does:
    /// a `base_<ids>/` prefix scopes an entry to those bases, otherwise the user's
    /// `base_ids` apply; write-like methods imply `read` on the same resource.
    public static func permissionMap(_ raw: [String], baseIds: [Base.ID]) -> [String: Set<Base.ID>] {
        var map: [String: Set<Base.ID>] = [:]
        for entry in raw {
            var permission = entry
            var ids = baseIds
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].count > 5 {
                let idText = parts[0].dropFirst(5).split(separator: "-", omittingEmptySubsequences: false)
                let parsed = idText.compactMap { Int($0).map(Base.ID.init(rawValue:)) }
                if parsed.count == idText.count {
                    permission = String(parts[1])
                    ids = parsed
                }
            }
            map[permission, default: []].formUnion(ids)
            let pieces = permission.split(separator: ":", maxSplits: 1)
            if pieces.count == 2, ["write", "create", "edit", "delete"].contains(pieces[1]) {
                map["\(pieces[0]):read", default: []].formUnion(ids)
            }
        }
        return map
    }
}

/// The `sub` claim did not carry a numeric user id.
public struct InvalidSubject: Error, Equatable {
    public let subject: String
}
