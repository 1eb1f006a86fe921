/// The answer for one item of a batch whose items are guarded one by one: its value (or `nil`),
/// or the authorization failure for its base.
public typealias PerItem<Value> = Result<Value?, Forbidden>

extension ServiceScope {
    /// One result per item, each guarded by `permission` for its base: `Forbidden` where the
    /// user lacks it. `load` runs once, with the permitted items only, and returns how each of
    /// them gets its value, so a batch costs one load whatever the mix of bases.
    public func perBase<Item, Value>(
        _ items: [Item], permission: String, baseId: (Item) -> Base.ID,
        load: ([Item]) async throws -> (Item) -> Value?
    ) async throws -> [PerItem<Value>] {
        try await perItem(
            items, check: { item throws(Forbidden) in try user.authorize(permission, baseId: baseId(item)) }, load: load
        )
    }

    /// One result per item, each guarded by `check`: the `Forbidden` it throws for that item.
    /// `load` runs once, with the permitted items only (not at all when there are none), and
    /// returns how each of them gets its value.
    public func perItem<Item, Value>(
        _ items: [Item], check: (Item) throws(Forbidden) -> Void,
        load: ([Item]) async throws -> (Item) -> Value?
    ) async throws -> [PerItem<Value>] {
        let failures = items.map { item -> Forbidden? in
            do throws(Forbidden) {
                try check(item)
                return nil
            } catch {
                return error
            }
        }
        let permitted = zip(items, failures).compactMap { item, failure in failure == nil ? item : nil }
        let value = permitted.isEmpty ? { _ in nil } : try await load(permitted)
        return zip(items, failures).map { item, failure in
            if let failure { return .failure(failure) }
            return .success(value(item))
        }
    }

    /// Lists of rows per item, each item guarded by `permission` for its base: rows are loaded
    /// in one call for the permitted items' keys and grouped by `rowKey`.
    public func listsPerBase<Item, Row, Key: Hashable>(
        _ items: [Item], permission: String, baseId: (Item) -> Base.ID, key: @escaping (Item) -> Key,
        rowKey: (Row) -> Key?, load: ([Key]) async throws -> [Row]
    ) async throws -> [PerItem<[Row]>] {
        try await perBase(items, permission: permission, baseId: baseId) { permitted in
            var byKey: [Key: [Row]] = [:]
            for row in try await load(permitted.map(key)) {
                if let value = rowKey(row) { byKey[value, default: []].append(row) }
            }
            return { item in byKey[key(item)] ?? [] }
        }
    }
}

extension BaseService {
    /// The base of each item (`base` fields): `base:read` for that base, else `Forbidden` for
    /// that item.
    public static func bases(
        ofItemsIn baseIds: [Base.ID], in scope: some ServiceScope
    ) async throws -> [PerItem<Base>] {
        try await scope.perBase(baseIds, permission: "base:read", baseId: { $0 }) { permitted in
            let bases = try await scope.data.core.bases(permitted)
            return { bases[$0] }
        }
    }
}
