// Port of the validation helpers of business_logic/warehouse/box/crud.py and
// business_logic/tag/crud.py.

/// The rules of the warehouse domain that need no database.
public enum WarehouseRules {
    /// Boxes in these states are in the warehouse and may be edited, moved, tagged or deleted.
    public static let warehouseStates: Set<BoxState> = [.inStock, .lost, .donated, .scrap]

    /// Size ranges 28 (Mass) and 29 (Volume) mark products counted by measure, not by size.
    public static func isMeasureProduct(sizeRangeId: Int) -> Bool { sizeRangeId == 28 || sizeRangeId == 29 }

    /// Box states that keep a product in use (it cannot be deleted or disabled).
    public static let statesHoldingProduct: [BoxState] = [.inStock, .markedForShipment, .inTransit, .receiving]

    /// `#rgb` or `#rrggbb`.
    public static func isValidColor(_ color: String) -> Bool {
        let bytes = Array(color.utf8)
        guard bytes.count == 4 || bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// A random tag colour, `#rrggbb`.
    public static func randomColor(using generator: inout some RandomNumberGenerator) -> String {
        let value = Int.random(in: 0..<0x100_0000, using: &generator)
        let hex = String(value, radix: 16)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// A box label: eight decimal digits, leading zeros allowed.
    public static func randomLabel(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<8).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// Attempts at a unique label before creation fails.
    public static let labelAttempts = 10
}

extension DomainError {
    static func invalidInput(_ text: String) -> DomainError { .badUserInput("Invalid input: \(text)") }

    /// A negative `numberOfItems`, `weight`, `monetaryValue` or `measureValue`.
    public static func negativeValue(_ field: String) -> DomainError { invalidInput("negative value for '\(field)'") }
    public static let sizeOrMeasureRequired = invalidInput("either 'sizeId' or 'displayUnitId'+'measureValue' required")
    public static let displayUnitProductMismatch = invalidInput(
        "dimensions of 'displayUnit' and 'product' not matching")
    public static let productLocationBaseMismatch = invalidInput("bases of 'location' and 'product' not matching")
    public static let locationBaseMismatch = invalidInput("bases of old and new location not matching")
    public static let locationTagBaseMismatch = invalidInput("bases of 'location' and 'tag' not matching")
    public static let tagBaseMismatch = invalidInput("bases of tags not matching")
    /// Beyond the reference: a tag's base differs from the base of the resource it is applied to.
    public static let resourceTagBaseMismatch = invalidInput("bases of 'tag' and the tagged resource not matching")
    public static let boxCreationFailed = DomainError.internalError("The box could not be added to the database.")
    public static let qrCodeAlreadyAssigned = DomainError.badUserInput(
        "The QR code is already assigned to another box.")

    public static func fieldMustBeNone(_ field: String) -> DomainError {
        .badUserInput("Input field '\(field)' must be None")
    }
    public static func missingField(_ field: String) -> DomainError { .badUserInput("Input field '\(field)' missing") }

    public static func boxDeleted(_ label: String) -> DomainError {
        .badUserInput("Box with label identifier '\(label)' is deleted and cannot be updated")
    }

    public static func boxNotInWarehouse(_ label: String, state: BoxState) -> DomainError {
        .badUserInput(
            "Box with label identifier '\(label)' is in state '\(state.name)' and cannot be updated. "
                + "Only boxes in states InStock, Donated, Scrap, or Lost can be updated")
    }

    public static func incompatibleTag(id: Tag.ID, type: TagType, resource: TaggableResourceType) -> DomainError {
        .badUserInput(
            "The tag with ID \(id) and type '\(type.rawValue)' cannot be applied to the resource of type '\(resource.rawValue)'"
        )
    }

    /// Beyond the reference: boxes are not put into deleted locations.
    public static func locationDeleted(_ name: String) -> DomainError {
        .badUserInput("Location '\(name)' is deleted and cannot hold boxes")
    }

    /// Beyond the reference: deleted tags and tags for beneficiaries are not put on boxes.
    public static func tagNotApplicableToBoxes(_ id: Tag.ID) -> DomainError {
        .badUserInput("The tag with ID \(id) is deleted or not a box tag and cannot be applied to boxes")
    }
}

extension DomainError {
    /// Beyond the reference: `updateBox` does not put boxes into shipment states.
    public static func stateNotSettable(_ state: BoxState) -> DomainError {
        invalidInput("boxes cannot be set to state '\(state.name)' directly")
    }
}

extension WarehouseRules {
    /// A measure read from a bulk import's size name (`1.5kg`, ` 300 ML`): number and unit
    /// symbol, or `nil` when the text is not one.
    public static func parseMeasure(_ sizeName: String) -> (value: Double, symbol: String)? {
        let text = sizeName.lowercased().trimmingSpaces
        let symbols = ["kg", "mg", "ml", "lb", "oz", "g", "l", "t"]
        guard let symbol = symbols.first(where: { text.hasSuffix($0) }) else { return nil }
        let number = String(text.dropLast(symbol.count)).trimmingSpaces
        let digits = number.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), number.filter({ $0 == "." }).count <= 1,
            number.first != "." || number.count > 1, let value = Double(number.hasPrefix(".") ? "0" + number : number)
        else { return nil }
        return (value, symbol)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Without leading and trailing white space.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
