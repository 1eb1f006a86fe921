/// The answer for one item of a batch whose items are guarded one by one: its value (or `nil`),
/// or the authorization failure for its base.
public typealias PerItem<Value> = Result<Value?, Forbidden>

extension ServiceScope {
    /// One result per item, each guarded by `permission` for its base: `Forbidden` where the
    /// user lacks it. `load` runs once, with the permitted items only, and returns how each of
    /// them gets its value, so a batch costs one load whatever the mix of bases.
    public func perBase<Item, Value>(
        _ items: [Item], permission: String, baseId: (Item) -> Int,
        load: ([Item]) async throws -> (Item) -> Value?
    ) async throws -> [PerItem<Value>] {
        let permitted = items.filter { user.can(permission, baseId: baseId($0)) }
        let value = permitted.isEmpty ? { _ in nil } : try await load(permitted)
        return items.map { item in
            do throws(Forbidden) {
                try user.authorize(permission, baseId: baseId(item))
                return .success(value(item))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Lists of rows per item, each item guarded by `permission` for its base: rows are loaded
    /// in one call for the permitted items' keys and grouped by `rowKey`.
    public func listsPerBase<Item, Row>(
        _ items: [Item], permission: String, baseId: (Item) -> Int, key: @escaping (Item) -> Int,
        rowKey: (Row) -> Int?, load: ([Int]) async throws -> [Row]
    ) async throws -> [PerItem<[Row]>] {
        try await perBase(items, permission: permission, baseId: baseId) { permitted in
            var byKey: [Int: [Row]] = [:]
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
        ofItemsIn baseIds: [Int], in scope: some ServiceScope
    ) async throws -> [PerItem<Base>] {
        try await scope.perBase(baseIds, permission: "base:read", baseId: { $0 }) { permitted in
            let bases = try await scope.data.core.bases(permitted)
            return { bases[$0] }
        }
    }
}
