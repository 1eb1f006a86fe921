import BoxtributeDomain

/// Fields of `Organisation`, `Base` and `User`.
enum CoreTypeResolvers {
    struct BasesFilterArguments: Decodable {
        struct FilterInput: Decodable { var includeDeleted: Bool? }
        var filterInput: FilterInput?
        var includeDeleted: Bool { filterInput?.includeDeleted ?? false }
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Organisation", Organisation.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.batch("bases", BasesFilterArguments.self) { organisations, arguments, context in
                try await BaseService.bases(
                    ofOrganisations: organisations, includeDeleted: arguments.includeDeleted, in: context.readScope)
            }
        }

        registry.object("Base", Base.self, sharedBy: \.id) { type in
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "deletedOn": .leaf { $0.deletedOn },
                "monetaryCurrencyCode": .leaf { $0.monetaryCurrencyCode },
                "freeshopCurrencyName": .leaf { $0.freeshopCurrencyName },
            ])
            type.related("organisation", id: \.organisationId) { ids, context in
                try await OrganisationService.organisations(ids, in: context.readScope)
            }
        }

        registry.object("User", User.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.batchOutcomes("email") { users, context in
                let scope = try context.readScope
                return users.map { user in outcome { try UserService.email(of: user, in: scope) } }
            }
            type.values([
                "validFirstDay": .leaf { $0.validFirstDay }, "validLastDay": .leaf { $0.validLastDay },
                "lastLogin": .leaf { $0.lastLogin }, "lastAction": .leaf { $0.lastAction },
            ])
            type.readBatch("organisation", OrganisationService.organisations(ofUsers:in:))
            type.batchOutcomes("bases") { users, context in
                try await BaseService.bases(ofUsers: users, in: context.readScope).map { result in
                    result.map { $0 as (any Sendable)? }.mapError { $0 as any Error }
                }
            }
        }
    }
}
