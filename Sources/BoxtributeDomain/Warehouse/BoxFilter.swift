/// The `FilterBoxInput` of the `boxes` queries.
public struct BoxFilter: Sendable, Equatable {
    public var states: [BoxState]?
    /// Database text `YYYY-MM-DD` (compared as midnight).
    public var lastModifiedFrom: String?
    public var lastModifiedUntil: String?
    public var productGender: ProductGender?
    public var productGenders: [ProductGender]?
    public var productCategoryId: Int?
    public var productCategoryIds: [Int]?
    public var productId: Product.ID?
    public var productIds: [Product.ID]?
    public var sizeId: Int?
    public var tagIds: [Tag.ID]?
    public var locationIds: [Location.ID]?

    public init() {}
}
