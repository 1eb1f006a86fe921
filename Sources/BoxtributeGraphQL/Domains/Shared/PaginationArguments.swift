import BoxtributeDomain

/// The `PaginationInput` input object.
struct PaginationInputArgument: Decodable, Sendable {
    var after: String?
    var first: Int?
    var before: String?
    var last: Int?

    /// The input as the domain reads it.
    var input: PaginationInput { PaginationInput(after: after, first: first, before: before, last: last) }
}

/// Arguments of a paginated field: `paginationInput` only.
struct PaginationArguments: Decodable, Sendable {
    var paginationInput: PaginationInputArgument?

    /// The page asked for; pages are at most the API's largest page size.
    func pageRequest(in context: ResolverContext) throws(DomainError) -> PageRequest {
        try paginationInput.pageRequest(in: context)
    }

    /// The input as given, for a service that interprets the page after its permission check.
    var input: PaginationInput? { paginationInput.input }
}

extension Optional where Wrapped == PaginationInputArgument {
    /// The page asked for; pages are at most the API's largest page size.
    func pageRequest(in context: ResolverContext) throws(DomainError) -> PageRequest {
        guard let input = self.input else { return try PageRequest(nil) }
        return try PageRequest(input, maximumLimit: context.limits.maxPageSize)
    }

    /// The input as given, for a service that checks its permission before it interprets the
    /// page (and so reports a missing permission before an invalid page).
    var input: PaginationInput? { self?.input }
}
