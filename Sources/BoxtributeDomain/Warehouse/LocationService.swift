/// Reading the classic (warehouse) locations of bases.
public enum LocationService {
    /// One classic location: its existence first, then `location:read` for its base; `nil` for
    /// a distribution spot.
    public static func location(id: Location.ID, in scope: some ServiceScope) async throws -> Location? {
        let location = try await scope.data.warehouse.locations([id])[id].orNotFound()
        guard location.isClassic else { return nil }
        try scope.user.authorize("location:read", baseId: location.baseId)
        return location
    }

    /// The classic locations of every base the user may read locations of, deleted ones included.
    public static func locations(in scope: some ServiceScope) async throws -> [Location] {
        let visible = try scope.user.baseScope(for: "location:read")
        return try await scope.data.warehouse.classicLocations(in: visible)
    }

    /// The non-deleted classic locations of each base: `location:read` for that base, else
    /// `Forbidden` for that base.
    public static func locations(
        ofBases bases: [Base], in scope: some ServiceScope
    ) async throws -> [PerItem<[Location]>] {
        try await scope.listsPerBase(bases, permission: "location:read", baseId: \.id, key: \.id, rowKey: \.baseId) {
            try await scope.data.warehouse.classicLocations(ofBases: $0)
        }
    }

    /// The number of in-stock boxes and their items of each base the user may read locations
    /// of (requires `location:read` at all); computed once per request for the same bases.
    public static func inStockTotals(
        ofBases bases: [Base], in scope: ReadScope
    ) async throws -> [Base.ID: (boxes: Int, items: Int)] {
        let visible = try scope.user.baseScope(for: "location:read")
        let baseIds = bases.map(\.id).filter(visible.contains)
        return try await scope.session.memoized("instock:" + baseIds.map { String($0.rawValue) }.joined(separator: ","))
        {
            try await scope.data.warehouse.inStockTotals(ofBases: baseIds)
        }
    }
}
