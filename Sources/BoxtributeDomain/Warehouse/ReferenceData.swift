/// A product category (`product_categories`).
public struct ProductCategory: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var parentId: Int?
    /// Categories below Clothing (id 12) distinguish genders.
    public var hasGender: Bool { parentId == 12 }
    public init(id: Int, name: String, parentId: Int?) {
        self.id = id
        self.name = name
        self.parentId = parentId
    }
}

/// A size range (`sizegroup`); ids 28 (Mass) and 29 (Volume) mark measure products.
public struct SizeRange: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A size (`sizes`).
public struct Size: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A unit of measure (`units`).
public struct MeasureUnit: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var symbol: String
    /// Units per base unit of the dimension (e.g. g → 1000).
    public var conversionFactor: Double
    public var dimensionId: Int
    public init(id: Int, name: String, symbol: String, conversionFactor: Double, dimensionId: Int) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.conversionFactor = conversionFactor
        self.dimensionId = dimensionId
    }
}
