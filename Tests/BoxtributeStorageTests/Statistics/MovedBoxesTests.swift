import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// movedBoxes of the statistics fixtures, hand-checked (the same on both engines): donations
/// and take-backs rebuilt from history, deletions, losses, shipments sent and received.
@Suite("Stock statistics: moved boxes")
struct MovedBoxesTests {
    static let men = ProductGender.men, noGender = ProductGender.none

    static func moved(
        _ day: String, _ target: MovedBoxesTarget, _ category: Int, _ name: String, _ gender: ProductGender,
        size: Int?, measure: Double? = nil, dimension: Int? = nil, tags: [TagID] = [], organisation: String? = nil,
        boxes: Int, items: Int
    ) -> MovedBoxesFact {
        MovedBoxesFact(
            movedOn: day, target: target, categoryId: category, productName: name, gender: gender, sizeId: size,
            dimensionId: dimension, absoluteMeasureValue: measure, organisationName: organisation, tagIds: tags,
            itemsCount: items, boxesCount: boxes)
    }

    static let shop = MovedBoxesTarget.location(Fixtures.Statistics.LocationID.freeShopLesvos)
    static let toThessaloniki = MovedBoxesTarget.outgoingShipment(baseName: "Thessaloniki")

    /// The facts of Lesvos with the standard settings, in the cube's order.
    static let lesvos: [MovedBoxesFact] = [
        // Box 203, deleted with its 3 items.
        moved("2024-03-20", .boxState("Deleted"), 2, "jeans", men, size: 1, boxes: 1, items: 3),
        // Box 202, InStock → Lost, with its only (deleted) tag.
        moved("2024-03-15", .boxState("Lost"), 2, "jeans", men, size: 2, tags: [4], boxes: 1, items: 4),
        // Box 200 taken back from the shop: its location then is rebuilt from the next
        // location change (from_int 1), and the move counts negative.
        moved(
            "2024-03-06", .location(Fixtures.LocationID.lesvosWarehouse), 2, "jeans", men, size: 1, tags: [1, 3],
            boxes: -1, items: -6),
        moved("2024-03-05", shop, 2, "jeans", men, size: 1, tags: [1, 3], boxes: 1, items: 6),
        moved("2024-03-07", shop, 2, "jeans", men, size: 1, tags: [1, 3], boxes: 1, items: 6),
        // Box 201, created Donated: 2.345 kg rounded to 2.35.
        moved("2024-03-10", shop, 11, "rice", noGender, size: nil, measure: 2.35, dimension: 28, boxes: 1, items: 1),
        // Shipment 2: boxes 7 and 3; its removed box 1 does not count.
        moved(
            "2024-02-02", .outgoingShipment(baseName: "Samos"), 2, "jeans", men, size: 1, organisation: "Aid Org A",
            boxes: 2, items: 8),
        moved("2024-01-20", toThessaloniki, 2, "jeans", men, size: 2, organisation: "Aid Org B", boxes: 1, items: 8),
        // Box 205 with its source product, size and quantity.
        moved("2024-02-15", toThessaloniki, 2, "jeans", men, size: 1, organisation: "Aid Org B", boxes: 1, items: 9),
    ]

    @Test("movedBoxes answers the same facts on a database without the statistics' history indexes")
    func withoutStatisticsIndexes() async throws {
        let database = try await Fixtures.Statistics.makeDatabase()
        let dropIndex: (String) -> String =
            switch database.dialect {
            case .sqlite: { "DROP INDEX \($0)" }
            case .mysql: { "DROP INDEX \($0) ON history" }
            }
        for index in ["history_record_changes", "history_changes_from"] {
            _ = try await database.query(dropIndex(index), [])
        }
        let session = SQLDataSource(database: database).openSession()
        let cube = try await StockStatisticsService.movedBoxes(
            ofBase: Fixtures.BaseID.lesvos, settings: .standard, in: ReadScope(user: Fixtures.god, session: session))
        #expect(cube.facts == Self.lesvos)
    }

    @Test("movedBoxes of Lesvos with the standard settings")
    func lesvosStandard() async throws {
        let cube = try await StockStatisticsService.movedBoxes(
            ofBase: Fixtures.BaseID.lesvos, settings: .standard, in: try await statisticsScope())
        #expect(cube.facts == Self.lesvos)
        #expect(
            cube.dimensions.targets == [
                TargetDimension(id: "going-to-Samos", name: "Samos", type: .outgoingShipment, deletedOn: nil),
                TargetDimension(
                    id: "going-to-Thessaloniki", name: "Thessaloniki", type: .outgoingShipment, deletedOn: nil),
                TargetDimension(id: "1", name: "WH Lesvos", type: .outgoingLocation, deletedOn: nil),
                TargetDimension(id: "200", name: "Free shop Lesvos", type: .outgoingLocation, deletedOn: nil),
                TargetDimension(id: "Deleted", name: "Deleted", type: .boxState, deletedOn: nil),
                TargetDimension(id: "Lost", name: "Lost", type: .boxState, deletedOn: nil),
            ])
        #expect(cube.dimensions.sizes == [NamedDimension(id: 1, name: "S"), NamedDimension(id: 2, name: "M")])
        #expect(cube.dimensions.tags == [TagDimensions.winter, TagDimensions.urgent, TagDimensions.old])
        #expect(cube.dimensions.measures == measureDimensions)
        #expect(cube.dimensions.categories.map(\.id) == allCategoryIds)
    }

    @Test("movedBoxes of Lesvos in production: history-based moves start at history row 1,324,559")
    func lesvosProduction() async throws {
        let cube = try await StockStatisticsService.movedBoxes(
            ofBase: Fixtures.BaseID.lesvos, settings: .production, in: try await statisticsScope())
        // The loss and the shipments do not depend on the cut.
        #expect(cube.facts == [Self.lesvos[1], Self.lesvos[6], Self.lesvos[7], Self.lesvos[8]])
        #expect(cube.dimensions.targets.map(\.id) == ["going-to-Samos", "going-to-Thessaloniki", "Lost"])
        #expect(cube.dimensions.tags.map(\.id) == [4])
    }

    @Test("movedBoxes of Thessaloniki: a received shipment, and a box donated to a deleted shop and back")
    func thessaloniki() async throws {
        let cube = try await StockStatisticsService.movedBoxes(
            ofBase: Fixtures.BaseID.thessaloniki, settings: .standard, in: try await statisticsScope())
        let shop = MovedBoxesTarget.location(Fixtures.Statistics.LocationID.shopThessaloniki)
        #expect(
            cube.facts == [
                Self.moved(
                    "2024-02-19", .incomingShipment(baseName: "Lesvos"), 3, "t-shirt", .unisexAdult, size: 1,
                    organisation: "Aid Org A", boxes: 1, items: 7),
                Self.moved(
                    "2024-04-20", .location(Fixtures.LocationID.thessalonikiWarehouse), 13, "blanket", Self.noGender,
                    size: 1, tags: [5], boxes: -1, items: -20),
                Self.moved("2024-04-10", shop, 13, "blanket", Self.noGender, size: 1, tags: [5], boxes: 1, items: 20),
            ])
        #expect(
            cube.dimensions.targets == [
                TargetDimension(id: "sent-from-Lesvos", name: "Lesvos", type: .incomingShipment, deletedOn: nil),
                TargetDimension(id: "5", name: "WH Thessaloniki", type: .outgoingLocation, deletedOn: nil),
                TargetDimension(
                    id: "201", name: "Shop Thessaloniki", type: .outgoingLocation, deletedOn: "2024-05-01"),
            ])
    }

    @Test("targets are ordered by type, then by location id as a number or by id text")
    func targetOrder() {
        func fact(_ target: MovedBoxesTarget) -> MovedBoxesFact {
            Self.moved("2024-01-01", target, 1, "x", .women, size: nil, boxes: 1, items: 1)
        }
        let facts = [
            fact(.boxState("Scrap")), fact(.location(10)), fact(.incomingShipment(baseName: "B")),
            fact(.location(9)), fact(.boxState("Lost")), fact(.outgoingShipment(baseName: "A")),
            fact(.location(10)),
        ]
        let locations = [
            LocationDimension(id: 9, name: "Nine", deletedOn: nil),
            LocationDimension(id: 10, name: "Ten", deletedOn: "2024-01-02"),
        ]
        let targets = StockStatisticsService.targets(of: facts, locations: locations)
        #expect(targets.map(\.id) == ["going-to-A", "sent-from-B", "9", "10", "Lost", "Scrap"])
        #expect(targets.map(\.name) == ["A", "B", "Nine", "Ten", "Lost", "Scrap"])
        #expect(targets[3].deletedOn == "2024-01-02")
    }
}
