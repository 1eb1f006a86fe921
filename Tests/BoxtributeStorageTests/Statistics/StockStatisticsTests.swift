import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// createdBoxes, stockOverview and topProductsDonated of the statistics fixtures, hand-checked
/// (the same on both engines).
@Suite("Stock statistics: created boxes, stock overview, top products donated")
struct StockStatisticsTests {
    typealias Box = Fixtures.Statistics.BoxID
    static let jeans: Product.ID = 1, rice: Product.ID = 2, blanket: Product.ID = 5
    static let men = ProductGender.men, noGender = ProductGender.none

    static func created(
        _ day: String, _ category: Int, _ product: Product.ID, _ gender: ProductGender?, _ tags: [TagID],
        boxes: Int, items: Int?
    ) -> CreatedBoxesFact {
        CreatedBoxesFact(
            createdOn: day, categoryId: category, productId: product, gender: gender, tagIds: tags,
            boxesCount: boxes, itemsCount: items)
    }

    @Test("createdBoxes of Lesvos: initial base, product and items from history; deleted boxes count")
    func createdBoxesLesvos() async throws {
        let cube = try await StockStatisticsService.createdBoxes(
            ofBase: Fixtures.BaseID.lesvos, in: try await statisticsScope())
        #expect(
            cube.facts == [
                // Box 1 (initial items 12) and box 204 (7): tags 1 and 4, 4 being deleted but listed.
                Self.created("2024-01-01", 2, Self.jeans, Self.men, [1, 4], boxes: 2, items: 19),
                Self.created("2024-01-02", 11, Self.rice, Self.noGender, [1, 3], boxes: 1, items: nil),
                Self.created("2024-01-03", 2, Self.jeans, Self.men, [], boxes: 1, items: 5),
                Self.created("2024-01-04", 2, Self.jeans, Self.men, [], boxes: 1, items: 2),
                Self.created("2024-01-06", 2, Self.jeans, Self.men, [], boxes: 1, items: 8),
                // Box 205, now in Thessaloniki as product 61 with 7 items.
                Self.created("2024-02-10", 2, Self.jeans, Self.men, [], boxes: 1, items: 9),
                Self.created("2024-03-01", 2, Self.jeans, Self.men, [1, 3], boxes: 1, items: 6),
                Self.created("2024-03-10", 11, Self.rice, Self.noGender, [], boxes: 1, items: 1),
                Self.created("2024-03-12", 2, Self.jeans, Self.men, [4], boxes: 1, items: 4),
                Self.created("2024-03-18", 2, Self.jeans, Self.men, [], boxes: 1, items: 3),
            ])
        #expect(
            cube.dimensions.products == [
                ProductDimension(id: Self.jeans, name: "Jeans", gender: .men),
                ProductDimension(id: Self.rice, name: "Rice", gender: ProductGender.none),
            ])
        #expect(cube.dimensions.categories.map(\.id) == allCategoryIds)
        #expect(cube.dimensions.tags == [TagDimensions.winter, TagDimensions.urgent, TagDimensions.old])
    }

    @Test("createdBoxes of Thessaloniki leaves out the box shipped there from Lesvos")
    func createdBoxesThessaloniki() async throws {
        let cube = try await StockStatisticsService.createdBoxes(
            ofBase: Fixtures.BaseID.thessaloniki, in: try await statisticsScope())
        #expect(
            cube.facts == [Self.created("2024-01-05", 13, Self.blanket, Self.noGender, [5], boxes: 1, items: 20)])
        #expect(cube.dimensions.products.map(\.id) == [Self.blanket])
        #expect(cube.dimensions.tags.map(\.id) == [5])
    }

    static func stock(
        _ location: Location.ID, _ state: BoxState, _ category: Int, _ name: String, size: Int?, measure: Double?,
        dimension: Int?, _ gender: ProductGender, _ tags: [TagID], boxes: Int, items: Int
    ) -> StockOverviewFact {
        StockOverviewFact(
            categoryId: category, productName: name, gender: gender, sizeId: size, dimensionId: dimension,
            absoluteMeasureValue: measure, tagIds: tags, locationId: location, boxState: state, itemsCount: items,
            boxesCount: boxes)
    }

    static let lesvosStock: [StockOverviewFact] = {
        let warehouse = Fixtures.LocationID.lesvosWarehouse, lost = Fixtures.LocationID.lesvosLost
        let shop = Fixtures.Statistics.LocationID.freeShopLesvos
        return [
            // Boxes 1 and 204: the deleted tag 4 is dropped, so they group together.
            stock(
                warehouse, .inStock, 2, "jeans", size: 2, measure: nil, dimension: nil, men, [1], boxes: 2, items: 17),
            // Box 2: items NULL counts as 0.
            stock(
                warehouse, .inStock, 11, "rice", size: nil, measure: 1.5, dimension: 28, noGender, [1, 3], boxes: 1,
                items: 0),
            // Box 202, whose only tag is deleted: kept, untagged.
            stock(warehouse, .lost, 2, "jeans", size: 2, measure: nil, dimension: nil, men, [], boxes: 1, items: 4),
            stock(
                warehouse, .inTransit, 2, "jeans", size: 2, measure: nil, dimension: nil, men, [], boxes: 1, items: 8),
            stock(lost, .lost, 2, "jeans", size: 1, measure: nil, dimension: nil, men, [], boxes: 1, items: 5),
            stock(shop, .donated, 2, "jeans", size: 1, measure: nil, dimension: nil, men, [1, 3], boxes: 1, items: 6),
            // 2.345 kg rounded half up to three significant digits.
            stock(
                shop, .donated, 11, "rice", size: nil, measure: 2.35, dimension: 28, noGender, [], boxes: 1, items: 1),
        ]
    }()

    @Test("stockOverview of Lesvos: live boxes of every state; deleted tags dropped, not the boxes")
    func stockOverviewLesvos() async throws {
        let cube = try await StockStatisticsService.stockOverview(
            ofBase: Fixtures.BaseID.lesvos, in: try await statisticsScope())
        #expect(cube.facts == Self.lesvosStock)
        #expect(cube.dimensions.sizes == [NamedDimension(id: 1, name: "S"), NamedDimension(id: 2, name: "M")])
        #expect(
            cube.dimensions.locations == [
                NamedDimension(id: 1, name: "WH Lesvos"), NamedDimension(id: 2, name: "Lost Lesvos"),
                NamedDimension(id: 200, name: "Free shop Lesvos"),
            ])
        #expect(cube.dimensions.tags == [TagDimensions.winter, TagDimensions.urgent])
        #expect(cube.dimensions.measures == measureDimensions)
        #expect(cube.dimensions.categories.map(\.id) == allCategoryIds)
    }

    @Test("stockOverview of Thessaloniki")
    func stockOverviewThessaloniki() async throws {
        let cube = try await StockStatisticsService.stockOverview(
            ofBase: Fixtures.BaseID.thessaloniki, in: try await statisticsScope())
        let warehouse = Fixtures.LocationID.thessalonikiWarehouse
        #expect(
            cube.facts == [
                Self.stock(
                    warehouse, .inStock, 3, "t-shirt", size: 1, measure: nil, dimension: nil, .unisexAdult, [],
                    boxes: 1, items: 7),
                Self.stock(
                    warehouse, .inStock, 13, "blanket", size: 1, measure: nil, dimension: nil, Self.noGender, [5],
                    boxes: 1, items: 20),
            ])
        #expect(cube.dimensions.locations == [NamedDimension(id: 5, name: "WH Thessaloniki")])
        #expect(cube.dimensions.sizes.map(\.id) == [1])
    }

    @Test("stockOverview tag filters: included tags drop untagged boxes, excluded ones keep them")
    func stockOverviewFilters() async throws {
        let scope = try await statisticsScope()
        func facts(include: [TagID], exclude: [TagID]) async throws -> [StockOverviewFact] {
            try await StockStatisticsService.stockOverviewCube(
                ofBase: Fixtures.BaseID.lesvos, filter: StockTagFilter(include: include, exclude: exclude),
                data: scope.data
            ).facts
        }
        let all = Self.lesvosStock
        #expect(try await facts(include: [], exclude: []) == all)
        #expect(try await facts(include: [1, 3], exclude: []) == [all[0], all[1], all[5]])
        #expect(try await facts(include: [1], exclude: [3]) == [all[0]])
        #expect(try await facts(include: [], exclude: [1]) == [all[2], all[3], all[4], all[6]])
        // A deleted tag matches nothing: box 202's tag 4 neither includes nor excludes it.
        #expect(try await facts(include: [4], exclude: []) == [])
        #expect(try await facts(include: [], exclude: [4]) == all)
        // Repeated ids are bound once.
        #expect(try await facts(include: [3, 3, 1, 3], exclude: []) == [all[0], all[1], all[5]])
    }

    @Test("topProductsDonated of Lesvos: each InStock→Donated change once, with the box's current values")
    func topProductsDonatedLesvos() async throws {
        let cube = try await StockStatisticsService.topProductsDonated(
            ofBase: Fixtures.BaseID.lesvos, in: try await statisticsScope())
        #expect(
            cube.facts == [
                TopProductsDonatedFact(
                    createdOn: "2024-03-01", donatedOn: "2024-03-05", sizeId: 1, productId: Self.jeans, categoryId: 2,
                    rank: 1, itemsCount: 6),
                TopProductsDonatedFact(
                    createdOn: "2024-03-01", donatedOn: "2024-03-07", sizeId: 1, productId: Self.jeans, categoryId: 2,
                    rank: 1, itemsCount: 6),
            ])
        #expect(cube.dimensions.sizes == [NamedDimension(id: 1, name: "S")])
        #expect(cube.dimensions.products == [ProductDimension(id: Self.jeans, name: "Jeans", gender: .men)])
        #expect(cube.dimensions.categories.map(\.id) == allCategoryIds)
    }

    @Test("topProductsDonated of Thessaloniki")
    func topProductsDonatedThessaloniki() async throws {
        let cube = try await StockStatisticsService.topProductsDonated(
            ofBase: Fixtures.BaseID.thessaloniki, in: try await statisticsScope())
        #expect(
            cube.facts == [
                TopProductsDonatedFact(
                    createdOn: "2024-01-05", donatedOn: "2024-04-10", sizeId: 1, productId: Self.blanket,
                    categoryId: 13, rank: 1, itemsCount: 20)
            ])
        #expect(cube.dimensions.products.map(\.id) == [Self.blanket])
    }

    @Test("a base without boxes has empty cubes and no dimension statements for empty id lists")
    func emptyBase() async throws {
        let scope = try await statisticsScope()
        let created = try await StockStatisticsService.createdBoxes(ofBase: Fixtures.BaseID.closed, in: scope)
        #expect(created.facts.isEmpty && created.dimensions.products.isEmpty && created.dimensions.tags.isEmpty)
        #expect(created.dimensions.categories.map(\.id) == allCategoryIds)
        let stock = try await StockStatisticsService.stockOverview(ofBase: Fixtures.BaseID.closed, in: scope)
        #expect(stock.facts.isEmpty && stock.dimensions.locations.isEmpty && stock.dimensions.sizes.isEmpty)
        #expect(stock.dimensions.measures == measureDimensions)
    }
}
