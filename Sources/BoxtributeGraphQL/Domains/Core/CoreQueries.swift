import BoxtributeDomain

/// The root `Query` fields of the core domain: bases, organisations, users.
enum CoreQueries {
    struct BasesArguments: Decodable {
        struct FilterInput: Decodable { var includeDeleted: Bool? }
        var filterInput: FilterInput?
    }

    struct IdArguments: Decodable { var id: IDArgument }

    struct OptionalIdArguments: Decodable { var id: IDArgument? }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("bases", BasesArguments.self) { arguments, context in
                try await BaseService.bases(
                    includeDeleted: arguments.filterInput?.includeDeleted ?? false, in: context.readScope)
            }
            query.query("base", EntityIDArguments<Base.ID>.self) { arguments, context in
                try await BaseService.base(id: arguments.id, in: context.readScope)
            }
            query.readQuery("organisations", OrganisationService.organisations(in:))
            query.query("organisation", IdArguments.self) { arguments, context in
                try await OrganisationService.organisation(id: arguments.id.value, in: context.readScope)
            }
            query.query("user", OptionalIdArguments.self) { arguments, context in
                try await UserService.user(id: arguments.id?.value, in: context.readScope)
            }
            query.readQuery("users", UserService.users(in:))
        }
    }
}
