/// Reading the reference data of the catalogue: product categories, size ranges, sizes, units.
public enum ReferenceDataService {
    /// `productCategory(id:)`.
    public static func productCategory(id: Int, in scope: some ServiceScope) async throws -> ProductCategory {
        try scope.user.authorize("product_category:read")
        return try await scope.data.warehouse.productCategories([id])[id].orNotFound()
    }

    /// `productCategories`: every category, id order.
    public static func productCategories(in scope: some ServiceScope) async throws -> [ProductCategory] {
        try scope.user.authorize("product_category:read")
        return try await scope.data.warehouse.allProductCategories()
    }

    /// Categories by id (a product's `category`).
    public static func productCategories(
        _ ids: [Int], in scope: some ServiceScope
    ) async throws -> [Int: ProductCategory] {
        try scope.user.authorize("product_category:read")
        return try await scope.data.warehouse.productCategories(ids)
    }

    /// `sizeRanges`: every size range, id order.
    public static func sizeRanges(in scope: some ServiceScope) async throws -> [SizeRange] {
        try scope.user.authorize("size_range:read")
        return try await scope.data.warehouse.allSizeRanges()
    }

    /// Size ranges by id (a product's `sizeRange`).
    public static func sizeRanges(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: SizeRange] {
        try scope.user.authorize("size_range:read")
        return try await scope.data.warehouse.sizeRanges(ids)
    }

    /// Sizes by id (`Box.size`, a shipment detail's `sourceSize`/`targetSize`).
    public static func sizes(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: Size] {
        try scope.user.authorize("size:read")
        return try await scope.data.warehouse.sizes(ids)
    }

    /// Units by id (`Box.displayUnit`, `Box.weightDisplayUnit`).
    public static func units(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: MeasureUnit] {
        try scope.user.authorize("unit:read")
        return try await scope.data.warehouse.units(ids)
    }

    /// `SizeRange.sizes`: the sizes of each range in their order within it.
    public static func sizes(ofRanges ranges: [SizeRange], in scope: some ServiceScope) async throws -> [[Size]] {
        try scope.user.authorize("size:read")
        let sizes = try await scope.data.warehouse.sizes(ofRanges: ranges.map(\.id))
        return ranges.map { sizes[$0.id] ?? [] }
    }

    /// `SizeRange.units`: the units of the dimension a measure range stands for (the range's
    /// id is the dimension's); readable by anyone who reads the range.
    public static func units(ofRanges ranges: [SizeRange], in scope: some ServiceScope) async throws -> [[MeasureUnit]]
    {
        let units = try await scope.data.warehouse.units(ofDimensions: ranges.map(\.id))
        return ranges.map { range in units.filter { $0.dimensionId == range.id } }
    }
}
