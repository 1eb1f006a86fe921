import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// Fields of `Base`, `Organisation` and `User`.
enum CoreTypeResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Organisation", Organisation.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.legacyBatch("bases") { organisations, arguments, context in
                // Any base:read suffices: every organisation's bases are listed (spec 01 §4.4).
                try context.currentUser.authorize("base:read")
                let includeDeleted = arguments.object("filterInput")?.bool("includeDeleted") ?? false
                let bases = try await BaseStore.ofOrganisations(
                    organisations.map(\.id), includeDeleted: includeDeleted, in: context)
                return organisations.map { organisation in
                    .success(bases.filter { $0.organisationId == organisation.id })
                }
            }
        }

        registry.object("Base", Base.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("deletedOn") { $0.deletedOn }
            type.value("monetaryCurrencyCode") { $0.monetaryCurrencyCode }
            type.value("freeshopCurrencyName") { $0.freeshopCurrencyName }
            type.legacyRelated("organisation", permission: "organisation:read", id: \.organisationId) { ids, context in
                try await OrganisationStore.byIds(ids, in: context)
            }
            type.legacyBatch("locations") { bases, _, context in
                try await checkedLists(
                    bases, permission: "location:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await LocationStore.classic(ofBases: $0, in: context) }
            }
            type.legacyBatch("products") { bases, arguments, context in
                let input = arguments.object("filterInput")
                let kind: ProductFilter.Kind =
                    switch input?.string("type") {
                    case "Custom": .custom
                    case "StandardInstantiation": .standardInstantiation
                    default: .all
                    }
                let filter = ProductFilter(includeDeleted: input?.bool("includeDeleted") ?? false, kind: kind)
                return try await checkedLists(
                    bases, permission: "product:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await ProductStore.ofBases($0, filter: filter, in: context) }
            }
            type.legacyBatch("tags") { bases, arguments, context in
                let types: [TagType]? =
                    switch arguments.string("resourceType") {
                    case "Box": [.box, .all]
                    case "Beneficiary": [.beneficiary, .all]
                    default: nil
                    }
                return try await checkedLists(
                    bases, permission: "tag:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await TagStore.list(scope: .all, baseIds: $0, types: types, in: context) }
            }
            type.legacyBatchValues("instockBoxesCount") { bases, _, context in
                let totals = try await inStockTotals(bases, context: context)
                return bases.map { totals[$0.id]?.boxes ?? 0 }
            }
            type.legacyBatchValues("instockItemsCount") { bases, _, context in
                let totals = try await inStockTotals(bases, context: context)
                return bases.map { totals[$0.id]?.items ?? 0 }
            }
        }

        registry.object("User", User.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.legacyField("email") { user, _, context in
                try context.currentUser.authorize(userId: user.id)
                return user.email
            }
            type.value("validFirstDay") { $0.validFirstDay }
            type.value("validLastDay") { $0.validLastDay }
            type.value("lastLogin") { $0.lastLogin }
            type.value("lastAction") { $0.lastAction }
            type.legacyBatchValues("organisation") { users, _, context in
                let requester = try context.currentUser
                guard users.contains(where: { $0.id == requester.id }), let organisationId = requester.organisationId
                else { return users.map { _ in nil } }
                try requester.authorize("organisation:read")
                let organisation = try await OrganisationStore.byIds([organisationId], in: context)[organisationId]
                return users.map { $0.id == requester.id ? organisation : nil }
            }
            type.legacyBatch("bases") { users, _, context in
                let requester = try context.currentUser
                guard users.contains(where: { $0.id == requester.id }) else { return users.map { _ in .success(nil) } }
                let bases: [Base]
                do {
                    let scope = try requester.baseScope(for: "base:read")
                    bases = try await BaseStore.list(scope: scope, includeDeleted: true, in: context)
                } catch let forbidden as Forbidden {
                    return users.map { $0.id == requester.id ? .failure(forbidden) : .success(nil) }
                }
                return users.map { .success($0.id == requester.id ? bases : nil) }
            }
        }
    }

    /// In-stock totals per base, for the bases the user may read locations of.
    /// Requires `location:read` at all (spec 03 §1.1).
    private static func inStockTotals(
        _ bases: [Base], context: ResolverContext
    ) async throws
        -> [Int: (boxes: Int, items: Int)]
    {
        let user = try context.currentUser
        let scope = try user.baseScope(for: "location:read")
        let visible = bases.map(\.id).filter(scope.contains)
        return try await context.memoized("instock:" + visible.map(String.init).joined(separator: ",")) {
            try await BoxStore.inStockTotals(ofBases: visible, in: context)
        }
    }
}
