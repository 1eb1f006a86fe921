/// The authorization checks of the reference (`authorize`, `authorized_bases_filter`),
/// in one place. Every resolver goes through these.
extension CurrentUser {
    /// Requires a base-agnostic permission granted for at least one base.
    public func authorize(_ permission: String) throws(Forbidden) {
        if isGod { return }
        guard let bases = permissions[permission] else { throw Forbidden(.permission(permission)) }
        if bases.isEmpty { throw Forbidden(.resource("user", nil)) }
    }

    /// Requires `permission` for `baseId`.
    public func authorize(_ permission: String, baseId: Base.ID) throws(Forbidden) {
        if isGod { return }
        guard let bases = permissions[permission] else { throw Forbidden(.permission(permission)) }
        if !bases.contains(baseId) { throw Forbidden(.resource("base", String(baseId.rawValue))) }
    }

    /// Requires `permission` for any of `baseIds`.
    public func authorize(_ permission: String, anyOf baseIds: [Base.ID]) throws(Forbidden) {
        if isGod { return }
        guard let bases = permissions[permission] else { throw Forbidden(.permission(permission)) }
        if !baseIds.contains(where: bases.contains) {
            throw Forbidden(.resource("bases", "[" + baseIds.map { String($0.rawValue) }.joined(separator: ", ") + "]"))
        }
    }

    /// Requires the user to be `userId`.
    public func authorize(userId: Int) throws(Forbidden) {
        if isGod { return }
        if id != userId { throw Forbidden(.resource("user", String(userId))) }
    }

    /// Requires the user to belong to `organisationId`.
    public func authorize(organisationId: Int) throws(Forbidden) {
        if isGod { return }
        if self.organisationId != organisationId {
            throw Forbidden(.resource("organisation", String(organisationId)))
        }
    }

    /// The bases a list query may show for `permission`; throws when the permission is missing.
    public func baseScope(for permission: String) throws(Forbidden) -> BaseScope {
        if isGod { return .all }
        guard let bases = permissions[permission] else { throw Forbidden(.permission(permission)) }
        return .only(bases.sorted())
    }

    /// Whether the user holds `permission` for `baseId`, without throwing.
    public func can(_ permission: String, baseId: Base.ID) -> Bool {
        isGod || (permissions[permission]?.contains(baseId) ?? false)
    }

    /// Whether the user holds `permission` at all.
    public func holds(_ permission: String) -> Bool {
        isGod || permissions[permission] != nil
    }
}
