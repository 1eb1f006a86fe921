/// The stock statistics of a base: created, donated, moved boxes and the stock overview.
/// Users of a partner organisation read them through an accepted transfer agreement.
///
/// Each cube costs one statement for its facts and one per non-empty dimension list.
public enum StockStatisticsService {
    /// Boxes created in the base, by day, product and tags (`statistics/crud.py`
    /// `compute_created_boxes`).
    public static func createdBoxes(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> CreatedBoxesCube {
        try await StatisticsAccess.authorizeAcrossOrganisations(
            ["stock", "product", "product_category"], baseId: baseId, in: scope)
        try await requireBase(baseId, in: scope)
        return try await createdBoxesCube(ofBase: baseId, data: scope.data)
    }

    /// Items of the base's products donated from stock, ranked (`statistics/crud.py`
    /// `compute_top_products_donated`).
    public static func topProductsDonated(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> TopProductsDonatedCube {
        try await StatisticsAccess.authorizeAcrossOrganisations(
            ["stock", "product", "product_category", "history", "size"], baseId: baseId, in: scope)
        try await requireBase(baseId, in: scope)
        let data = scope.data.statistics
        let facts = try await data.topProductsDonated(ofBase: baseId)
        let sizes = try await data.sizeDimensions(sortedUnique(facts.compactMap(\.sizeId)))
        let products = try await data.productDimensions(sortedUnique(facts.map(\.productId)))
        let categories = try await data.productCategories()
        return TopProductsDonatedCube(
            facts: facts, dimensions: TopProductsDimensions(sizes: sizes, products: products, categories: categories))
    }

    /// Boxes donated, taken back, deleted, lost, scrapped, shipped and received
    /// (`statistics/crud.py` `compute_moved_boxes`).
    public static func movedBoxes(
        ofBase baseId: Base.ID, settings: StatisticsSettings, in scope: some ServiceScope
    ) async throws -> MovedBoxesCube {
        try await StatisticsAccess.authorizeAcrossOrganisations(
            ["stock", "product", "product_category", "location", "history", "size"], baseId: baseId, in: scope)
        try await requireBase(baseId, in: scope)
        return try await movedBoxesCube(ofBase: baseId, settings: settings, data: scope.data)
    }

    /// The live boxes of the base, grouped (`statistics/crud.py` `compute_stock_overview`).
    public static func stockOverview(
        ofBase baseId: Base.ID, in scope: some ServiceScope
    ) async throws -> StockOverviewCube {
        try await StatisticsAccess.authorizeAcrossOrganisations(
            ["stock", "size", "location", "product", "product_category", "tag_relation"], baseId: baseId, in: scope)
        try await requireBase(baseId, in: scope)
        return try await stockOverviewCube(ofBase: baseId, filter: StockTagFilter(), data: scope.data)
    }

    /// The created-boxes cube without authorization (share links).
    static func createdBoxesCube(ofBase baseId: Base.ID, data: any Repositories) async throws -> CreatedBoxesCube {
        let statistics = data.statistics
        let facts = try await statistics.createdBoxes(ofBase: baseId)
        let products = try await statistics.productDimensions(sortedUnique(facts.map(\.productId)))
        let categories = try await statistics.productCategories()
        let tags = try await statistics.tagDimensions(sortedUnique(facts.flatMap(\.tagIds)))
        return CreatedBoxesCube(
            facts: facts, dimensions: .init(products: products, categories: categories, tags: tags))
    }

    /// The moved-boxes cube without authorization (share links).
    static func movedBoxesCube(
        ofBase baseId: Base.ID, settings: StatisticsSettings, data: any Repositories
    ) async throws -> MovedBoxesCube {
        let statistics = data.statistics
        let facts = try await statistics.movedBoxes(ofBase: baseId, firstHistoryId: settings.movedBoxesFirstHistoryId)
        let categories = try await statistics.productCategories()
        let sizes = try await statistics.sizeDimensions(sortedUnique(facts.compactMap(\.sizeId)))
        let tags = try await statistics.tagDimensions(sortedUnique(facts.flatMap(\.tagIds)))
        let locationIds = sortedUnique(
            facts.compactMap { fact -> Location.ID? in
                if case .location(let id) = fact.target { return id }
                return nil
            })
        let locations = try await statistics.locationDimensions(locationIds)
        let measures = try await statistics.measureDimensions()
        return MovedBoxesCube(
            facts: facts,
            dimensions: .init(
                categories: categories, sizes: sizes, tags: tags,
                targets: targets(of: facts, locations: locations), measures: measures))
    }

    /// The stock-overview cube without authorization (share links), optionally limited to
    /// boxes with or without certain tags.
    static func stockOverviewCube(
        ofBase baseId: Base.ID, filter: StockTagFilter, data: any Repositories
    ) async throws -> StockOverviewCube {
        let statistics = data.statistics
        let facts = try await statistics.stockOverview(ofBase: baseId, filter: filter)
        let categories = try await statistics.productCategories()
        let sizes = try await statistics.sizeDimensions(sortedUnique(facts.compactMap(\.sizeId)))
        let tags = try await statistics.tagDimensions(sortedUnique(facts.flatMap(\.tagIds)))
        let locations = try await statistics.locationDimensions(sortedUnique(facts.map(\.locationId)))
        let measures = try await statistics.measureDimensions()
        return StockOverviewCube(
            facts: facts,
            dimensions: .init(
                categories: categories, sizes: sizes, tags: tags,
                locations: locations.map { NamedDimension(id: $0.id.rawValue, name: $0.name) }, measures: measures))
    }

    /// The targets of the facts, by type in ``TargetType``'s order; within a type, locations by
    /// id and the others by their id text. A location target carries the location's label and
    /// deletion day; a shipment target its base's name; a state its name.
    static func targets(of facts: [MovedBoxesFact], locations: [LocationDimension]) -> [TargetDimension] {
        let locationsById = Dictionary(locations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = Set(facts.map(\.target))
        return TargetType.allCases.flatMap { type -> [TargetDimension] in
            let ofType = targets.filter { $0.type == type }
            if type == .outgoingLocation {
                return ofType.compactMap { target -> Location.ID? in
                    if case .location(let id) = target { return id }
                    return nil
                }.sorted().map { id in
                    let location = locationsById[id]
                    return TargetDimension(
                        id: String(id.rawValue), name: location?.name, type: type, deletedOn: location?.deletedOn)
                }
            }
            return ofType.map { target -> TargetDimension in
                let name: String
                switch target {
                case .outgoingShipment(let baseName), .incomingShipment(let baseName): name = baseName
                case .boxState(let state): name = state
                case .location(let id): name = String(id.rawValue)
                }
                return TargetDimension(id: target.id, name: name, type: type, deletedOn: nil)
            }.sorted { $0.id < $1.id }
        }
    }

    /// An unknown base is `notFound`. Only a god user gets this far with one: the access check
    /// has already looked the base up for everyone else.
    private static func requireBase(_ baseId: Base.ID, in scope: some ServiceScope) async throws {
        guard scope.user.isGod else { return }
        _ = try await scope.data.core.bases([baseId])[baseId].orNotFound()
    }

    private static func sortedUnique<T: Hashable & Comparable>(_ values: [T]) -> [T] {
        Set(values).sorted()
    }
}
