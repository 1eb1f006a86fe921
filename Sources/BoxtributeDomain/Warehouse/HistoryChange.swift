// Port of models/utils.py (create_history_entries) and the box field tracking of
// business_logic/warehouse/box/crud.py.

/// One row to write to `history`: what changed in one record (as `models/utils.py` of the reference writes them).
public struct HistoryChange: Sendable, Equatable {
    /// The `changes` column: a column name, a rendered text change, or `Record created`.
    public var changes: String
    public var fromInt: Int?
    public var toInt: Int?
    public var fromFloat: Double?
    public var toFloat: Double?

    public init(
        changes: String, fromInt: Int? = nil, toInt: Int? = nil, fromFloat: Double? = nil, toFloat: Double? = nil
    ) {
        self.changes = changes
        self.fromInt = fromInt
        self.toInt = toInt
        self.fromFloat = fromFloat
        self.toFloat = toFloat
    }

    public static let created = HistoryChange(changes: "Record created")
    public static let deleted = HistoryChange(changes: "Record deleted")
    public static let qrCodeAssigned = HistoryChange(changes: "New Qr-code assigned by pdf generation.")

    /// An integer or foreign-key column changed; `nil` when it did not.
    public static func integer(_ column: String, from old: Int?, to new: Int?) -> HistoryChange? {
        old == new ? nil : HistoryChange(changes: column, fromInt: old, toInt: new)
    }

    /// A column holding another row's id changed.
    public static func integer<Entity>(
        _ column: String, from old: Tagged<Entity, Int>, to new: Tagged<Entity, Int>
    ) -> HistoryChange? {
        integer(column, from: old.rawValue, to: new.rawValue)
    }

    /// A text column changed, rendered as the reference does (`None` for NULL).
    public static func text(_ column: String, from old: String?, to new: String?) -> HistoryChange? {
        old == new
            ? nil : HistoryChange(changes: "\(column) changed from \"\(old ?? "None")\" to \"\(new ?? "None")\";")
    }
}

/// The tracked fields of a box, in the order the reference writes their history.
public enum BoxField: Sendable, CaseIterable {
    case labelIdentifier, product, size, numberOfItems, location, comment, state, displayUnit, measureValue, weight
    case monetaryValue

    /// Fields `updateBox` tracks (all of them).
    public static let updatable: [BoxField] = allCases
    /// Fields `updateMarkedForShipmentBox` tracks.
    public static let markedForShipment: [BoxField] = [.labelIdentifier, .weight, .monetaryValue]
}

extension Box {
    /// History rows for the differences between `self` (before) and `new`, over `fields`.
    /// - Parameter units: units by id, to render weights and measures in their display unit.
    public func changes(to new: Box, fields: [BoxField], units: [Int: MeasureUnit]) -> [HistoryChange] {
        fields.compactMap { field -> HistoryChange? in
            switch field {
            case .labelIdentifier: .text("box_id", from: labelIdentifier, to: new.labelIdentifier)
            case .product: .integer("product_id", from: productId, to: new.productId)
            case .size: .integer("size_id", from: sizeId, to: new.sizeId)
            case .numberOfItems: .integer("items", from: numberOfItems, to: new.numberOfItems)
            case .location: .integer("location_id", from: locationId, to: new.locationId)
            case .comment: .text("comments", from: comment, to: new.comment)
            case .state: .integer("box_state_id", from: state.rawValue, to: new.state.rawValue)
            case .displayUnit: .integer("display_unit_id", from: displayUnitId, to: new.displayUnitId)
            case .measureValue:
                Self.quantityChange(
                    "changed units of measure", from: measureValue, unit: displayUnitId.flatMap { units[$0] },
                    to: new.measureValue, unit: new.displayUnitId.flatMap { units[$0] })
            case .weight:
                Self.quantityChange(
                    "changed weight", from: weight, unit: units[weightDisplayUnitId ?? 1], to: new.weight,
                    unit: units[new.weightDisplayUnitId ?? 1])
            case .monetaryValue:
                monetaryValue == new.monetaryValue
                    ? nil
                    : HistoryChange(
                        changes: "changed monetary value from \(Self.render(monetaryValue, suffix: "€")) to "
                            + Self.render(new.monetaryValue, suffix: "€"),
                        fromFloat: monetaryValue, toFloat: new.monetaryValue)
            }
        }
    }

    private static func quantityChange(
        _ prefix: String, from old: Double?, unit oldUnit: MeasureUnit?, to new: Double?, unit newUnit: MeasureUnit?
    ) -> HistoryChange? {
        guard old != new else { return nil }
        let oldText = render(old.map { $0 * (oldUnit?.conversionFactor ?? 1) }, suffix: oldUnit?.symbol ?? "")
        let newText = render(new.map { $0 * (newUnit?.conversionFactor ?? 1) }, suffix: newUnit?.symbol ?? "")
        return HistoryChange(changes: "\(prefix) from \(oldText) to \(newText)", fromFloat: old, toFloat: new)
    }

    /// Two decimals, rounded half to even, then the unit; `""` for NULL.
    static func render(_ value: Double?, suffix: String) -> String {
        guard let value else { return "\"\"" }
        let cents = Int((value * 100).rounded(.toNearestOrEven))
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)\(suffix)"
    }
}

extension Tag {
    /// History rows for the differences between `self` (before) and `new` (`updateTag`).
    public func changes(to new: Tag) -> [HistoryChange] {
        [
            HistoryChange.text("label", from: name, to: new.name),
            .text("description", from: description, to: new.description),
            .text("color", from: color, to: new.color),
            .text("type", from: type.databaseValue, to: new.type.databaseValue),
        ].compactMap { $0 }
    }
}

extension Product {
    /// History rows for the differences between `self` (before) and `new`, in the reference's
    /// order: category, size range, gender, name, price, comment, in-shop flag.
    public func changes(to new: Product) -> [HistoryChange] {
        [
            HistoryChange.integer("category_id", from: categoryId, to: new.categoryId),
            .integer("sizegroup_id", from: sizeRangeId, to: new.sizeRangeId),
            .integer("gender_id", from: gender?.rawValue, to: new.gender?.rawValue),
            .text("name", from: name, to: new.name),
            .integer("value", from: Int(price), to: Int(new.price)),
            .text("comments", from: comment, to: new.comment),
            .integer("stockincontainer", from: inShop ? 1 : 0, to: new.inShop ? 1 : 0),
        ].compactMap { $0 }
    }
}
