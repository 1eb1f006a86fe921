/// The rules of removing every user's access to one base (the reference's
/// `cli/remove_base_access.py` and `cli/service.py`): which Auth0 users lose the base, which
/// of them lose their account, and which Auth0 roles belong to the base.
public enum BaseAccessRemoval {
    /// An Auth0 user as the user search returns it.
    public struct Auth0User: Sendable, Hashable {
        /// `auth0|<cms_users.id>` for database users.
        public var userId: String
        public var name: String?
        /// `app_metadata.base_ids`, as strings (Auth0 holds them so).
        public var baseIds: [String]
        public var blocked: Bool

        public init(userId: String, name: String? = nil, baseIds: [String], blocked: Bool = false) {
            self.userId = userId
            self.name = name
            self.baseIds = baseIds
            self.blocked = blocked
        }

        /// The `cms_users.id` of an `auth0|<id>` user; `nil` for other identities.
        public var databaseId: Int? {
            guard userId.hasPrefix(Self.databasePrefix) else { return nil }
            return Int(userId.dropFirst(Self.databasePrefix.count))
        }

        static let databasePrefix = "auth0|"
    }

    /// An Auth0 role.
    public struct Auth0Role: Sendable, Hashable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The users of a base, split by whether it is their only base.
    public struct UserSplit: Sendable, Equatable {
        /// Users whose only base it is: blocked in Auth0, anonymised in the database.
        public var singleBase: [Auth0User] = []
        /// Users with other bases too: the base leaves their `app_metadata.base_ids`.
        public var multiBase: [Auth0User] = []
        /// Users the search returned although the base is not among their base ids.
        public var inconsistent: [Auth0User] = []
    }

    /// The Auth0 user search query of the users of `baseId`.
    public static func userQuery(baseId: Int) -> String { "app_metadata.base_ids:\"\(baseId)\"" }

    /// Splits the users of `baseId` into single-base and multi-base users.
    public static func split(_ users: [Auth0User], baseId: Int) -> UserSplit {
        let base = String(baseId)
        var split = UserSplit()
        for user in users {
            if !user.baseIds.contains(base) {
                split.inconsistent.append(user)
            } else if user.baseIds.count == 1 {
                split.singleBase.append(user)
            } else {
                split.multiBase.append(user)
            }
        }
        return split
    }

    /// The role-name prefix of the base's roles: `base_<id>_`.
    public static func rolePrefix(baseId: Int) -> String { "base_\(baseId)_" }

    /// The ids of the base's roles, sorted. Auth0's name filter matches substrings, so a
    /// filter of `base_1_` also returns `base_10_…`; only names starting with the exact prefix
    /// count.
    public static func roleIds(of roles: [Auth0Role], baseId: Int) -> [String] {
        let prefix = rolePrefix(baseId: baseId)
        return roles.filter { $0.name.hasPrefix(prefix) }.map(\.id).sorted()
    }

    /// A multi-base user's base ids without `baseId`.
    public static func baseIds(of user: Auth0User, without baseId: Int) -> [String] {
        user.baseIds.filter { $0 != String(baseId) }
    }
}
