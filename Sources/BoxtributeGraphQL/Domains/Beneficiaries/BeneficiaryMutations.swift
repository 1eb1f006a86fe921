import BoxtributeDomain

/// The root `Mutation` fields of the beneficiaries domain: decode the arguments, call the
/// service in one transaction.
enum BeneficiaryMutations {
    struct CreateArguments: Decodable {
        struct Input: Decodable {
            var firstName: String
            var lastName: String
            var baseId: Base.ID
            var groupIdentifier: String
            var dateOfBirth: String
            var comment: String?
            var gender: EnumArgument<HumanGender>
            var languages: [EnumArgument<Language>]?
            var familyHeadId: Int?
            var isVolunteer: Bool
            var registered: Bool
            var signature: String?
            var dateOfSignature: String?
            var tagIds: [Tag.ID]?

            var creation: BeneficiaryCreation {
                var creation = BeneficiaryCreation(
                    firstName: firstName, lastName: lastName, baseId: baseId, groupIdentifier: groupIdentifier,
                    dateOfBirth: dateOfBirth, gender: gender.value, isVolunteer: isVolunteer, registered: registered)
                creation.comment = comment
                creation.languages = languages?.values()
                creation.familyHeadId = familyHeadId
                creation.signature = signature
                creation.dateOfSignature = dateOfSignature
                creation.tagIds = tagIds
                return creation
            }
        }
        var creationInput: Input?
    }

    struct UpdateArguments: Decodable {
        struct Input: Decodable {
            var id: IDArgument
            var firstName: String?
            var lastName: String?
            var groupIdentifier: String?
            var dateOfBirth: String?
            var comment: String?
            var gender: EnumArgument<HumanGender>?
            var languages: [EnumArgument<Language>]?
            var familyHeadId: Int?
            var isVolunteer: Bool?
            var registered: Bool?
            var signature: String?
            var dateOfSignature: String?

            var update: BeneficiaryUpdate {
                var update = BeneficiaryUpdate(id: id.value)
                update.firstName = firstName
                update.lastName = lastName
                update.groupIdentifier = groupIdentifier
                update.dateOfBirth = dateOfBirth
                update.comment = comment
                update.gender = gender?.value
                update.languages = languages?.values()
                update.familyHeadId = familyHeadId
                update.isVolunteer = isVolunteer
                update.registered = registered
                update.signature = signature
                update.dateOfSignature = dateOfSignature
                return update
            }
        }
        var updateInput: Input?
    }

    struct IdArguments: Decodable { var id: IDArgument }

    struct BulkArguments: Decodable {
        struct Row: Decodable {
            var firstName: String
            var lastName: String?
            var groupIdentifier: String
            var dateOfBirth: String?
            var comment: String?
            var gender: EnumArgument<HumanGender>?
            var languages: [EnumArgument<Language>]?
            var familyHeadId: Int?
            var phoneNumber: String?
            var isVolunteer: Bool?
            var registered: Bool?
            var tagIds: [Tag.ID]?

            var row: BeneficiaryBulkCreation {
                var row = BeneficiaryBulkCreation(firstName: firstName, groupIdentifier: groupIdentifier)
                row.lastName = lastName
                row.dateOfBirth = dateOfBirth
                row.comment = comment
                row.gender = gender?.value
                row.languages = languages?.values()
                row.familyHeadId = familyHeadId
                row.phoneNumber = phoneNumber
                row.isVolunteer = isVolunteer
                row.registered = registered
                row.tagIds = tagIds
                return row
            }
        }
        struct Input: Decodable {
            var baseId: Base.ID
            var beneficiaryData: [Row]
        }
        var creationInput: Input?
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("BeneficiariesResult", BeneficiariesResult.self) {
            $0.fields(["results": { $0.results }])
        }
        registry.object("Mutation", RootValue.self) { mutation in
            mutation.mutation("createBeneficiary", CreateArguments.self) { arguments, context in
                let creation = try arguments.creationInput.required("creationInput").creation
                return try await context.mutate { try await BeneficiaryService.create(creation, in: $0) }
            }
            mutation.mutation("updateBeneficiary", UpdateArguments.self) { arguments, context in
                let update = try arguments.updateInput.required("updateInput").update
                return try await context.mutate { try await BeneficiaryService.update(update, in: $0) }
            }
            mutation.mutation("deactivateBeneficiary", IdArguments.self) { arguments, context in
                let id = arguments.id.value
                return try await context.mutate { try await BeneficiaryService.deactivate(id: id, in: $0) }
            }
            mutation.mutation("createBeneficiaries", BulkArguments.self) { arguments, context in
                let input = try arguments.creationInput.required("creationInput")
                let rows = input.beneficiaryData.map(\.row)
                return try await context.unionMutation {
                    try await BeneficiaryService.createMany(baseId: input.baseId, rows: rows, in: $0)
                }
            }
        }
    }
}

extension BeneficiariesResult: GraphQLObjectValue { public var graphQLTypeName: String { "BeneficiariesResult" } }
