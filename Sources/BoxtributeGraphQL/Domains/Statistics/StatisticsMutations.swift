import BoxtributeDomain

/// `createShareableLink` and the `ShareableLink` it returns.
enum StatisticsMutations {
    struct CreateLinkArguments: Decodable {
        /// `LinkCreationInput`.
        struct Input: Decodable {
            var baseId: Base.ID
            /// UTC database text of the `Datetime` input.
            var validUntil: String?
            var urlParameters: String?
            var view: EnumArgument<ShareableView>
        }
        var creationInput: Input?
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Mutation", RootValue.self) { mutation in
            mutation.mutation("createShareableLink", CreateLinkArguments.self) { arguments, context in
                let input = try arguments.creationInput.required("creationInput")
                let request = ShareableLinkInput(
                    baseId: input.baseId, view: input.view.value,
                    validUntil: input.validUntil.map(Timestamp.init(trustedText:)), urlParameters: input.urlParameters)
                return try await context.unionMutation { scope in
                    try await ShareableLinkService.create(request, in: scope)
                }
            }
        }
        registry.object("ShareableLink", ShareableLink.self) { type in
            type.values([
                "id": .leaf { $0.id }, "code": .leaf { $0.code }, "urlParameters": .leaf { $0.urlParameters },
                "view": .leaf { $0.view }, "validUntil": .leaf { $0.validUntil }, "createdOn": .leaf { $0.createdOn },
            ])
            // The reference follows both keys without a permission check.
            type.related("base", id: \.baseId) { ids, context in
                try await ShareableLinkService.bases(ids, in: context.readScope)
            }
            type.related("createdBy", id: \.createdBy) { ids, context in
                try await ShareableLinkService.creators(ids, in: context.readScope)
            }
        }
        // Only this API has the mutation whose union holds the error.
        registry.object("InvalidDateError", UserErrorValue.self) { $0.field("date") { $0.fieldValue } }
    }
}

extension ShareableLink: GraphQLObjectValue { public var graphQLTypeName: String { "ShareableLink" } }
