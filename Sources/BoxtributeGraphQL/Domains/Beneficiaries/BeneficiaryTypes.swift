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
            type.values([
                "id": .leaf { $0.id }, "firstName": .leaf { $0.firstName }, "lastName": .leaf { $0.lastName },
                "dateOfBirth": .leaf { $0.dateOfBirth }, "age": .leaf { $0.ageToday }, "comment": .leaf { $0.comment },
                "groupIdentifier": .leaf { $0.groupIdentifier }, "gender": .leaf { $0.gender },
                "active": .leaf { $0.isActive }, "isVolunteer": .leaf { $0.isVolunteer }, "signed": .leaf { $0.signed },
                "registered": .leaf { $0.registered }, "phoneNumber": .leaf { $0.phoneNumber },
                "signature": .leaf { $0.signature },
            ])
            // A DATETIME column behind a `Date` field: the reference serialises the full
            // naive datetime (`2021-09-09T00:00:00`).
            type.value("dateOfSignature") { $0.dateOfSignature.map(naiveISO8601) }
            type.audit(\.audit)
            type.base(id: \.baseId)
            type.related("familyHead", id: \.familyHeadId) { ids, context in
                try await BeneficiaryService.beneficiaries(ids, in: context.readScope)
            }
            type.readLists("languages", BeneficiaryService.languages(of:in:))
            type.batch("tokens") { beneficiaries, context in
                try await BeneficiaryService.tokens(of: beneficiaries, in: context.readScope)
            }
            type.readLists("transactions", BeneficiaryService.transactions(of:in:))
            type.readOutcomes("tags", BeneficiaryService.tags(of:in:))
        }
    }

    private static func registerTransaction(in registry: inout ResolverRegistry) {
        // The reference follows these foreign keys without authorization checks.
        registry.object("Transaction", Transaction.self) { type in
            type.values([
                "id": .leaf { $0.id }, "count": .leaf { $0.count }, "tokens": .leaf { $0.tokens },
                "description": .leaf { $0.description }, "createdOn": .leaf { $0.createdOn },
            ])
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
