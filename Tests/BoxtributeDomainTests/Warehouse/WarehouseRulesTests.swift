import Testing

@testable import BoxtributeDomain

@Suite("Warehouse rules")
struct WarehouseRulesTests {
    @Test("colours are #rgb or #rrggbb in hexadecimal digits of either case")
    func colours() {
        for valid in ["#fff", "#A0b1C2", "#000000"] { #expect(WarehouseRules.isValidColor(valid), "\(valid)") }
        for invalid in ["fff", "#ffff", "#ggg", "#12345", "#1234567", "", "#"] {
            #expect(!WarehouseRules.isValidColor(invalid), "\(invalid)")
        }
    }

    @Test("random colours and labels have the shape the rules accept")
    func randomValues() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let color = WarehouseRules.randomColor(using: &generator)
            #expect(color.utf8.count == 7 && WarehouseRules.isValidColor(color), "\(color)")
            let label = WarehouseRules.randomLabel(using: &generator)
            #expect(label.utf8.count == 8 && label.allSatisfy(\.isASCIIDigit), "\(label)")
        }
    }

    @Test("products of the Mass and Volume size ranges are counted by measure")
    func measureProducts() {
        #expect(WarehouseRules.isMeasureProduct(sizeRangeId: 28))
        #expect(WarehouseRules.isMeasureProduct(sizeRangeId: 29))
        #expect(!WarehouseRules.isMeasureProduct(sizeRangeId: 1))
    }

    @Test("only boxes in InStock, Lost, Donated or Scrap are in the warehouse")
    func warehouseStates() {
        #expect(WarehouseRules.warehouseStates == [.inStock, .lost, .donated, .scrap])
        #expect(!WarehouseRules.warehouseStates.contains(.markedForShipment))
    }

    @Test("a bulk import's size name is read as a measure when it is a number and a unit symbol")
    func measures() throws {
        let kilograms = try #require(WarehouseRules.parseMeasure(" 1.5KG "))
        #expect(kilograms.value == 1.5 && kilograms.symbol == "kg")
        let millilitres = try #require(WarehouseRules.parseMeasure("300 ml"))
        #expect(millilitres.value == 300 && millilitres.symbol == "ml")
        let leadingPoint = try #require(WarehouseRules.parseMeasure(".5l"))
        #expect(leadingPoint.value == 0.5 && leadingPoint.symbol == "l")
        for notAMeasure in ["M", "kg", "1.2.3kg", "one kg", ".kg", "12"] {
            #expect(WarehouseRules.parseMeasure(notAMeasure) == nil, "\(notAMeasure)")
        }
    }
}
