import Testing

@testable import BoxtributeDomain

@Suite("History changes")
struct HistoryChangeTests {
    static let kilogram = MeasureUnit(id: 1, name: "Kilogram", symbol: "kg", conversionFactor: 1, dimensionId: 28)
    static let gram = MeasureUnit(id: 2, name: "Gram", symbol: "g", conversionFactor: 1000, dimensionId: 28)

    static let box = Box(
        id: 7, labelIdentifier: "12345678", productId: 1, sizeId: 2, numberOfItems: 10, locationId: 3,
        state: .inStock, qrId: nil, comment: nil, displayUnitId: nil, measureValue: nil, weight: 2,
        weightDisplayUnitId: 1, monetaryValue: nil, distributionEventId: nil, sourceBoxId: nil, deletedOn: nil,
        audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil))

    @Test("unchanged columns write no row; changed ones keep both values")
    func columns() {
        #expect(HistoryChange.integer("items", from: 3, to: 3) == nil)
        #expect(HistoryChange.integer("items", from: 3, to: 4) == HistoryChange(changes: "items", fromInt: 3, toInt: 4))
        #expect(HistoryChange.text("comments", from: "a", to: "a") == nil)
        #expect(
            HistoryChange.text("comments", from: nil, to: "new")?.changes
                == "comments changed from \"None\" to \"new\";")
    }

    @Test("a box's changes come in the reference's field order, with weights in their display unit")
    func boxChanges() {
        var new = Self.box
        new.comment = "checked"
        new.numberOfItems = 12
        new.state = .donated
        new.weight = 2.5
        new.weightDisplayUnitId = 2
        let changes = Self.box.changes(
            to: new, fields: BoxField.updatable, units: [1: Self.kilogram, 2: Self.gram])
        #expect(
            changes.map(\.changes) == [
                "items", "comments changed from \"None\" to \"checked\";", "box_state_id",
                "changed weight from 2.00kg to 2500.00g",
            ])
        #expect(changes[2].fromInt == BoxState.inStock.rawValue && changes[2].toInt == BoxState.donated.rawValue)
        #expect(changes[3].fromFloat == 2 && changes[3].toFloat == 2.5)
    }

    @Test("the marked-for-shipment update tracks only label, weight and monetary value")
    func markedForShipmentFields() {
        var new = Self.box
        new.comment = "ignored"
        new.monetaryValue = 12.345
        let changes = Self.box.changes(to: new, fields: BoxField.markedForShipment, units: [1: Self.kilogram])
        #expect(changes.map(\.changes) == ["changed monetary value from \"\" to 12.34€"])
    }
}
