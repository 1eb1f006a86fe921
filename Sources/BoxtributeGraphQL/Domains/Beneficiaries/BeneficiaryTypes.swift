import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// Read resolvers of the beneficiary types (spec 05 part A, spec 03 §1.11 `Tag.taggedResources`).
enum BeneficiaryResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registerBeneficiary(in: &registry)
        registerTransaction(in: &registry)
        registerExtensions(in: &registry)
        registerQueries(in: &registry)
        registry.registerPage("BeneficiaryPage", of: Beneficiary.self)
    }

    private static func registerBeneficiary(in registry: inout ResolverRegistry) {
        registry.object("Beneficiary", Beneficiary.self) { type in
            type.value("id") { $0.id }
            type.value("firstName") { $0.firstName }
            type.value("lastName") { $0.lastName }
            type.value("dateOfBirth") { $0.dateOfBirth }
            type.value("age") { $0.age(today: String(UTCClock.now().prefix(10))) }
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
            type.legacyRelated("familyHead", permission: nil, id: \.familyHeadId) { ids, context in
                try await BeneficiaryStore.byIds(ids, in: context)
            }
            type.legacyBatchValues("languages") { beneficiaries, _, context in
                let languages = try await BeneficiaryStore.languages(
                    ofBeneficiaries: beneficiaries.map(\.id), in: context)
                return beneficiaries.map { languages[$0.id] ?? [] }
            }
            type.legacyBatchValues("tokens") { beneficiaries, _, context in
                try context.currentUser.authorize("transaction:read")
                let tokens = try await BeneficiaryStore.tokens(ofBeneficiaries: beneficiaries.map(\.id), in: context)
                return beneficiaries.map { tokens[$0.id] ?? 0 }
            }
            type.legacyBatchValues("transactions") { beneficiaries, _, context in
                try context.currentUser.authorize("transaction:read")
                let transactions = try await BeneficiaryStore.transactions(
                    ofBeneficiaries: beneficiaries.map(\.id), in: context)
                return beneficiaries.map { transactions[$0.id] ?? [] }
            }
            type.legacyBatch("tags") { beneficiaries, _, context in
                try await permittedPerBase(
                    beneficiaries, permission: "tag:read", context: context, baseId: \.baseId
                ) { permitted in
                    let tags = try await BeneficiaryStore.activeTags(ofBeneficiaries: permitted.map(\.id), in: context)
                    return { beneficiary in tags[beneficiary.id] ?? [] }
                }
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
            type.legacyRelated("beneficiary", permission: nil, id: \.beneficiaryId) { ids, context in
                try await BeneficiaryStore.byIds(ids, in: context)
            }
            type.legacyRelated("product", permission: nil, id: \.productId) { ids, context in
                try await ProductStore.byIds(ids, in: context)
            }
            type.legacyRelated("createdBy", permission: nil, id: \.createdBy) { ids, context in
                try await UserStore.byIds(ids, in: context)
            }
        }
    }

    private static func registerExtensions(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self) { type in
            type.legacyBatch("beneficiaries") { bases, arguments, context in
                let user = try context.currentUser
                let request = try pageRequest(arguments, context: context)
                let filter = beneficiaryFilter(arguments)
                var outcomes: [FieldOutcome] = []
                for base in bases {
                    do {
                        try user.authorize("beneficiary:read", baseId: base.id)
                        outcomes.append(
                            .success(
                                try await BeneficiaryStore.page(
                                    scope: .all, baseId: base.id, filter: filter, request: request, in: context)))
                    } catch {
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
        }

        registry.object("Tag", Tag.self) { type in
            type.legacyBatchValues("taggedResources") { tags, _, context in
                let user = try context.currentUser
                try user.authorize("tag_relation:read")
                let scope = try user.baseScope(for: "beneficiary:read")
                let resources = try await BeneficiaryStore.taggedResources(
                    ofTags: tags.map(\.id), beneficiaryScope: scope, in: context)
                return tags.map { tag in
                    (resources[tag.id] ?? []).map { resource -> any Sendable in
                        switch resource {
                        case .box(let box): box
                        case .beneficiary(let beneficiary): beneficiary
                        }
                    }
                }
            }
        }
    }

    private static func registerQueries(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("beneficiary") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let beneficiary = try await BeneficiaryStore.byIds([id], in: context)[id].orNotFound()
                try context.currentUser.authorize("beneficiary:read", baseId: beneficiary.baseId)
                return beneficiary
            }
            query.legacyRoot("beneficiaries") { arguments, context in
                let scope = try context.currentUser.baseScope(for: "beneficiary:read")
                return try await BeneficiaryStore.page(
                    scope: scope, filter: beneficiaryFilter(arguments),
                    request: try pageRequest(arguments, context: context), in: context
                )
            }
        }
    }

    /// Reads `FilterBeneficiaryInput`.
    static func beneficiaryFilter(_ arguments: Arguments) -> BeneficiaryFilter {
        guard let input = arguments.object("filterInput") else { return BeneficiaryFilter() }
        return BeneficiaryFilter(
            createdFrom: input.string("createdFrom"), createdUntil: input.string("createdUntil"),
            active: input.bool("active"), isVolunteer: input.bool("isVolunteer"), registered: input.bool("registered"),
            pattern: input.string("pattern"))
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
