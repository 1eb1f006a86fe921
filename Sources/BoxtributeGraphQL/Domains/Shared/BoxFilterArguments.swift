import BoxtributeDomain

/// The `FilterBoxInput` input object.
struct BoxFilterInputArgument: Decodable, Sendable {
    var states: [EnumArgument<BoxState>]?
    var lastModifiedFrom: String?
    var lastModifiedUntil: String?
    var productGender: EnumArgument<ProductGender>?
    var productGenders: [EnumArgument<ProductGender>]?
    var productCategoryId: Int?
    var productCategoryIds: [Int]?
    var productId: Product.ID?
    var productIds: [Product.ID]?
    var sizeId: Int?
    var tagIds: [Tag.ID]?
    var locationIds: [Location.ID]?

    var filter: BoxFilter {
        var filter = BoxFilter()
        filter.states = states?.values()
        filter.lastModifiedFrom = lastModifiedFrom
        filter.lastModifiedUntil = lastModifiedUntil
        filter.productGender = productGender?.value
        filter.productGenders = productGenders?.values()
        filter.productCategoryId = productCategoryId
        filter.productCategoryIds = productCategoryIds
        filter.productId = productId
        filter.productIds = productIds
        filter.sizeId = sizeId
        filter.tagIds = tagIds
        filter.locationIds = locationIds
        return filter
    }
}

/// Arguments of a page of boxes: `paginationInput` and `filterInput`.
struct BoxPageArguments: Decodable, Sendable {
    var paginationInput: PaginationInputArgument?
    var filterInput: BoxFilterInputArgument?

    var filter: BoxFilter { filterInput?.filter ?? BoxFilter() }

    /// The page asked for; pages are at most the API's largest page size.
    func pageRequest(in context: ResolverContext) throws(DomainError) -> PageRequest {
        try paginationInput.pageRequest(in: context)
    }
}
