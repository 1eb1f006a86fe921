import BoxtributeDomain

/// The public API (`/public`): share links and public numbers, without a user.
enum PublicResolvers {
    struct CodeArguments: Decodable { var code: String }

    /// A time span: two of start, end and a duration in days, or one of them with now.
    struct TimeSpanArguments: Decodable {
        /// UTC database text of the `Datetime` inputs.
        var start: String?
        var end: String?
        var duration: Int?

        var span: TimeSpanRequest {
            TimeSpanRequest(
                start: start.map(Timestamp.init(trustedText:)), end: end.map(Timestamp.init(trustedText:)),
                durationDays: duration)
        }
    }

    /// An unknown link's code, as the client sent it (`UnknownLinkError`).
    struct UnknownLink: GraphQLObjectValue {
        let code: String
        var graphQLTypeName: String { "UnknownLinkError" }
    }

    /// An expired link (`ExpiredLinkError`).
    struct ExpiredLink: GraphQLObjectValue {
        let validUntil: Timestamp
        var graphQLTypeName: String { "ExpiredLinkError" }
    }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("standardProducts") { context in
                try await ProductService.publicStandardProducts(in: context.session)
            }
            query.query("resolveLink", CodeArguments.self) { arguments, context in
                switch try await ShareableLinkService.resolve(
                    code: arguments.code, now: context.environment.now(), in: context.session)
                {
                case .resolved(let link): link
                case .expired(let validUntil): ExpiredLink(validUntil: validUntil)
                case .unknown(let code): UnknownLink(code: code)
                }
            }
            query.query("newlyRegisteredBeneficiaryNumbers", TimeSpanArguments.self) { arguments, context in
                try await PublicNumbersService.newlyRegisteredBeneficiaries(
                    arguments.span, now: context.environment.now(), settings: context.statistics, in: context.session)
            }
            query.query("newlyCreatedBoxNumbers", TimeSpanArguments.self) { arguments, context in
                try await PublicNumbersService.newlyCreatedBoxes(
                    arguments.span, now: context.environment.now(), settings: context.statistics, in: context.session)
            }
            query.query("reachedBeneficiariesNumbers", TimeSpanArguments.self) { arguments, context in
                try await PublicNumbersService.reachedBeneficiaries(
                    arguments.span, now: context.environment.now(), settings: context.statistics, in: context.session)
            }
        }
        registerLinkTypes(in: &registry)
        registry.object("StandardProductInfo", StandardProductListing.self) { type in
            type.value("id") { $0.product.id }
            type.value("name") { $0.product.name }
            type.value("categoryName") { $0.categoryName }
            type.value("sizeRangeName") { $0.sizeRangeName }
            type.value("gender") { $0.product.gender }
            type.value("version") { $0.product.version }
        }
    }

    private static func registerLinkTypes(in registry: inout ResolverRegistry) {
        registry.object("ResolvedLink", ResolvedShareableLink.self) { type in
            type.values([
                "id": .leaf { $0.link.id }, "code": .leaf { $0.link.code },
                "urlParameters": .leaf { $0.link.urlParameters }, "view": .leaf { $0.link.view },
                "validUntil": .leaf { $0.link.validUntil },
            ])
            // A link whose base is gone has no names: an error on the field, as the reference's
            // non-null field gives.
            type.batch("baseName") { links, _ in try links.map { try $0.baseName.orNotFound() } }
            type.batch("organisationName") { links, _ in try links.map { try $0.organisationName.orNotFound() } }
            // Computed only when selected; the link's code is the authorization.
            type.batchLists("data") { links, context in
                var lists: [[any Sendable]?] = []
                for link in links {
                    let cubes = try await ShareableLinkService.data(
                        of: link, now: context.environment.now(), settings: context.statistics, in: context.session)
                    lists.append(cubes.map(\.value))
                }
                return lists
            }
        }
        registry.object("UnknownLinkError", UnknownLink.self) { $0.value("code") { $0.code } }
        registry.object("ExpiredLinkError", ExpiredLink.self) { $0.value("validUntil") { $0.validUntil } }
    }
}

extension ResolvedShareableLink: GraphQLObjectValue { public var graphQLTypeName: String { "ResolvedLink" } }
