import BoxtributeDomain

/// The root `Query` fields of the beneficiaries domain.
enum BeneficiaryQueries {
    struct IdArguments: Decodable { var id: IDArgument }

    /// Arguments of the beneficiary lists (`Query.beneficiaries`, `Base.beneficiaries`).
    struct BeneficiariesArguments: Decodable {
        /// `FilterBeneficiaryInput`.
        struct FilterInput: Decodable {
            var createdFrom: String?
            var createdUntil: String?
            var active: Bool?
            var isVolunteer: Bool?
            var registered: Bool?
            var pattern: String?
        }

        var paginationInput: PaginationInputArgument?
        var filterInput: FilterInput?

        var filter: BeneficiaryFilter {
            guard let input = filterInput else { return BeneficiaryFilter() }
            return BeneficiaryFilter(
                createdFrom: input.createdFrom, createdUntil: input.createdUntil, active: input.active,
                isVolunteer: input.isVolunteer, registered: input.registered, pattern: input.pattern)
        }
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("beneficiary", IdArguments.self) { arguments, context in
                try await BeneficiaryService.beneficiary(id: arguments.id.value, in: context.readScope)
            }
            query.query("beneficiaries", BeneficiariesArguments.self) { arguments, context in
                try await BeneficiaryService.beneficiaries(
                    filter: arguments.filter, page: { try arguments.paginationInput.pageRequest(in: context) },
                    in: context.readScope)
            }
        }
    }
}
