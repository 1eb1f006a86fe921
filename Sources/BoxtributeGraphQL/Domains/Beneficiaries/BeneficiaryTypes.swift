import BoxtributeDomain

/// Fields of `Beneficiary` and `Transaction`, and the beneficiaries' fields of `Base` and `Tag`.
enum BeneficiaryTypeResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registerBeneficiary(in: &registry)
        registerTransaction(in: &registry)
        registerExtensions(in: &registry)
        registry.registerPage("BeneficiaryPage", of: Beneficiary.self)
    }

    private static func registerBeneficiary(in registry: inout ResolverRegistry) {
        registry.object("Beneficiary", Beneficiary.self) { type in
            type.value("id") { $0.id }
            type.value("firstName") { $0.firstName }
            type.value("lastName") { $0.lastName }
            type.value("dateOfBirth") { $0.dateOfBirth }
            type.value("age") { $0.ageToday }
            type.value("comment") { $0.comment }
            type.value("groupIdentifier") { $0.groupIdentifier }
            type.value("gender") { $0.gender }
            type.value("active") { $0.isActive }
            type.value("isVolunteer") { $0.isVolunteer }
            type.value("signed") { $0.signed }
            type.value("registered") { $0.registered }
            type.value("phoneNumber") { $0.phoneNumber }
            type.value("signature") { $0.signature }
            // A DATETIME column behind a `Date` field: the reference serialises the full
            // naive datetime (`2021-09-09T00:00:00`).
            type.value("dateOfSignature") { $0.dateOfSignature.map(naiveISO8601) }
            type.audit(\.audit)
            type.base(id: \.baseId)
            type.related("familyHead", id: \.familyHeadId) { ids, context in
                try await BeneficiaryService.beneficiaries(ids, in: context.readScope)
            }
            type.batchLists("languages") { beneficiaries, context in
                try await BeneficiaryService.languages(of: beneficiaries, in: context.readScope)
            }
            type.batch("tokens") { beneficiaries, context in
                try await BeneficiaryService.tokens(of: beneficiaries, in: context.readScope)
            }
            type.batchLists("transactions") { beneficiaries, context in
                try await BeneficiaryService.transactions(of: beneficiaries, in: context.readScope)
            }
            type.batchOutcomes("tags") { beneficiaries, context in
                outcomes(try await BeneficiaryService.tags(of: beneficiaries, in: context.readScope))
            }
        }
    }

    private static func registerTransaction(in registry: inout ResolverRegistry) {
        // The reference follows these foreign keys without authorization checks.
        registry.object("Transaction", Transaction.self) { type in
            type.value("id") { $0.id }
            type.value("count") { $0.count }
            type.value("tokens") { $0.tokens }
            type.value("description") { $0.description }
            type.value("createdOn") { $0.createdOn }
            type.related("beneficiary", id: \.beneficiaryId) { ids, context in
                try await BeneficiaryService.beneficiaries(ids, in: context.readScope)
            }
            type.related("product", id: \.productId) { ids, context in
                try await BeneficiaryService.products(ids, in: context.readScope)
            }
            type.related("createdBy", id: \.createdBy) { ids, context in
                try await BeneficiaryService.users(ids, in: context.readScope)
            }
        }
    }

    private static func registerExtensions(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self) { type in
            type.batchOutcomes("beneficiaries", BeneficiaryQueries.BeneficiariesArguments.self) {
                bases, arguments, context in
                let scope = try context.readScope
                return outcomes(
                    try await BeneficiaryService.beneficiaries(
                        ofBases: bases, filter: arguments.filter,
                        page: try arguments.paginationInput.pageRequest(in: context), in: scope))
            }
        }

        registry.object("Tag", Tag.self) { type in
            type.batchLists("taggedResources") { tags, context in
                try await BeneficiaryService.taggedResources(ofTags: tags, in: context.readScope).map { resources in
                    resources.map { resource -> any Sendable in
                        switch resource {
                        case .box(let box): box
                        case .beneficiary(let beneficiary): beneficiary
                        }
                    }
                }
            }
        }
    }

    /// Python's `datetime.isoformat()` of a naive value: `YYYY-MM-DDTHH:MM:SS`.
    static func naiveISO8601(_ timestamp: Timestamp) -> String {
        let text = timestamp.databaseText
        guard text.count >= 19 else { return String(text.prefix(10)) + "T00:00:00" }
        return String(text.prefix(10)) + "T" + String(text.dropFirst(11).prefix(8))
    }
}

extension Beneficiary: GraphQLObjectValue { public var graphQLTypeName: String { "Beneficiary" } }
extension HumanGender: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension Language: GraphQLEnumValue { public var graphQLName: String { code } }
