/// Reading beneficiaries (`people`), their languages, transactions and tags.
public enum BeneficiaryService {
    /// One beneficiary. Existence is checked before the permission, which needs the
    /// beneficiary's base.
    public static func beneficiary(id: Int, in scope: some ServiceScope) async throws -> Beneficiary {
        let beneficiary = try await scope.data.beneficiaries.beneficiaries([id])[id].orNotFound()
        try scope.user.authorize("beneficiary:read", baseId: beneficiary.baseId)
        return beneficiary
    }

    /// A page of the beneficiaries of every base the user may read beneficiaries of. The
    /// pagination input is read (`page`) only after the permission check, as the reference does:
    /// the order decides which error a client sees.
    public static func beneficiaries(
        filter: BeneficiaryFilter, page: () throws -> PageRequest, in scope: some ServiceScope
    ) async throws -> Page<Beneficiary> {
        let visible = try scope.user.baseScope(for: "beneficiary:read")
        return try await scope.data.beneficiaries.beneficiaries(in: visible, filter: filter, page: try page())
    }

    /// A page of the beneficiaries of each base (`Base.beneficiaries`): `beneficiary:read` for
    /// that base, else `Forbidden` for that base. One page query per permitted base.
    public static func beneficiaries(
        ofBases bases: [Base], filter: BeneficiaryFilter, page: PageRequest, in scope: some ServiceScope
    ) async throws -> [PerItem<Page<Beneficiary>>] {
        try await scope.perBase(bases, permission: "beneficiary:read", baseId: \.id) { permitted in
            var pages: [Base.ID: Page<Beneficiary>] = [:]
            for base in permitted {
                pages[base.id] = try await scope.data.beneficiaries.beneficiaries(
                    ofBase: base.id, filter: filter, page: page)
            }
            return { pages[$0.id] }
        }
    }

    /// Beneficiaries by id, without a permission check: the reference follows `familyHead` and
    /// `Transaction.beneficiary` so.
    public static func beneficiaries(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: Beneficiary] {
        try await scope.data.beneficiaries.beneficiaries(ids)
    }

    /// The languages of each beneficiary, in order; readable with the beneficiary.
    public static func languages(
        of beneficiaries: [Beneficiary], in scope: some ServiceScope
    ) async throws -> [[Language]] {
        let languages = try await scope.data.beneficiaries.languages(ofBeneficiaries: beneficiaries.map(\.id))
        return beneficiaries.map { languages[$0.id] ?? [] }
    }

    /// The token balance of each beneficiary (0 without transactions); `transaction:read`.
    public static func tokens(of beneficiaries: [Beneficiary], in scope: some ServiceScope) async throws -> [Int] {
        try scope.user.authorize("transaction:read")
        let tokens = try await scope.data.beneficiaries.tokens(ofBeneficiaries: beneficiaries.map(\.id))
        return beneficiaries.map { tokens[$0.id] ?? 0 }
    }

    /// The transactions of each beneficiary, in order; `transaction:read`.
    public static func transactions(
        of beneficiaries: [Beneficiary], in scope: some ServiceScope
    ) async throws -> [[Transaction]] {
        try scope.user.authorize("transaction:read")
        let transactions = try await scope.data.beneficiaries.transactions(ofBeneficiaries: beneficiaries.map(\.id))
        return beneficiaries.map { transactions[$0.id] ?? [] }
    }

    /// The tags assigned to each beneficiary: `tag:read` for its base, else `Forbidden` for it.
    public static func tags(
        of beneficiaries: [Beneficiary], in scope: some ServiceScope
    ) async throws -> [PerItem<[Tag]>] {
        try await scope.perBase(beneficiaries, permission: "tag:read", baseId: \.baseId) { permitted in
            let tags = try await scope.data.beneficiaries.activeTags(ofBeneficiaries: permitted.map(\.id))
            return { tags[$0.id] ?? [] }
        }
    }

    /// The boxes and beneficiaries each tag is assigned to (`Tag.taggedResources`), in
    /// resource id order: `tag_relation:read`, and only the beneficiaries of the bases the user
    /// may read beneficiaries of.
    public static func taggedResources(
        ofTags tags: [Tag], in scope: some ServiceScope
    ) async throws -> [[TaggedResource]] {
        try scope.user.authorize("tag_relation:read")
        let visible = try scope.user.baseScope(for: "beneficiary:read")
        let resources = try await scope.data.beneficiaries.taggedResources(
            ofTags: tags.map(\.id), beneficiaryScope: visible)
        return tags.map { resources[$0.id] ?? [] }
    }
}

extension BeneficiaryService {
    // The reference follows these foreign keys of a transaction without authorization checks.

    /// Products by id, for `Transaction.product`, without a permission check.
    public static func products(_ ids: [Product.ID], in scope: some ServiceScope) async throws -> [Product.ID: Product]
    {
        try await scope.data.warehouse.products(ids)
    }

    /// Users by id, for `Transaction.createdBy`, without a permission check.
    public static func users(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: User] {
        try await scope.data.core.users(ids)
    }
}
