extension CurrentUser {
    /// The bases a list may show for `permission`, as the reference's `authorized_bases_filter`:
    /// `Forbidden` when the permission is missing or granted for no base.
    func listScope(for permission: String) throws(Forbidden) -> BaseScope {
        try authorize(permission)
        return try baseScope(for: permission)
    }
}

extension ServiceScope {
    /// For each item, the row its `id` names, guarded by `permission` for any of the item's
    /// bases (`Forbidden` for the items whose bases the user holds it for none of); rows are
    /// loaded in one call for the permitted items.
    func relatedForAnyBase<Item, Row, ID: Hashable>(
        _ items: [Item], permission: String, baseIds: (Item) -> [Base.ID], id: @escaping (Item) -> ID?,
        load: ([ID]) async throws -> [ID: Row]
    ) async throws -> [PerItem<Row>] {
        let user = user
        return try await perItem(
            items, check: { item throws(Forbidden) in try user.authorize(permission, anyOf: baseIds(item)) }
        ) { permitted in
            let rows = try await load(permitted.compactMap(id))
            return { item in id(item).flatMap { rows[$0] } }
        }
    }
}
