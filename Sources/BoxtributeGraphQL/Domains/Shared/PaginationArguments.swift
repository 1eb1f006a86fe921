import BoxtributeDomain

/// The `PaginationInput` input object.
struct PaginationInputArgument: Decodable, Sendable {
    var after: String?
    var first: Int?
    var before: String?
    var last: Int?
}

/// Arguments of a paginated field: `paginationInput` only.
struct PaginationArguments: Decodable, Sendable {
    var paginationInput: PaginationInputArgument?

    /// The page asked for; pages are at most the API's largest page size.
    func pageRequest(in context: ResolverContext) throws(DomainError) -> PageRequest {
        try paginationInput.pageRequest(in: context)
    }
}

extension Optional where Wrapped == PaginationInputArgument {
    /// The page asked for; pages are at most the API's largest page size.
    func pageRequest(in context: ResolverContext) throws(DomainError) -> PageRequest {
        guard let input = self else { return try PageRequest(nil) }
        return try PageRequest(
            PaginationInput(after: input.after, first: input.first, before: input.before, last: input.last),
            maximumLimit: context.limits.maxPageSize)
    }
}
