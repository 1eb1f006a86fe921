import BoxtributeDatabase
import BoxtributeDomain

/// ``BeneficiaryRepository`` in SQL (`people`, `transactions`).
struct SQLBeneficiaryRepository: BeneficiaryRepository {
    let db: any SQLQuerying

    func beneficiaries(_ ids: [Int]) async throws -> [Int: Beneficiary] {
        try await BeneficiaryStore.byIds(ids, in: db)
    }

    func beneficiaries(
        in scope: BaseScope, filter: BeneficiaryFilter, page: PageRequest
    ) async throws
        -> Page<Beneficiary>
    {
        try await BeneficiaryStore.page(scope: scope, filter: filter, request: page, in: db)
    }

    func beneficiaries(
        ofBase baseId: Base.ID, filter: BeneficiaryFilter, page: PageRequest
    ) async throws
        -> Page<Beneficiary>
    {
        try await BeneficiaryStore.page(scope: .all, baseId: baseId, filter: filter, request: page, in: db)
    }

    func languages(ofBeneficiaries ids: [Int]) async throws -> [Int: [Language]] {
        try await BeneficiaryStore.languages(ofBeneficiaries: ids, in: db)
    }

    func tokens(ofBeneficiaries ids: [Int]) async throws -> [Int: Int] {
        try await BeneficiaryStore.tokens(ofBeneficiaries: ids, in: db)
    }

    func transactions(ofBeneficiaries ids: [Int]) async throws -> [Int: [Transaction]] {
        try await BeneficiaryStore.transactions(ofBeneficiaries: ids, in: db)
    }

    func activeTags(ofBeneficiaries ids: [Int]) async throws -> [Int: [Tag]] {
        try await BeneficiaryStore.activeTags(ofBeneficiaries: ids, in: db)
    }

    func taggedResources(
        ofTags tagIds: [Tag.ID], beneficiaryScope: BaseScope
    ) async throws -> [Tag.ID: [TaggedResource]] {
        try await BeneficiaryStore.taggedResources(ofTags: tagIds, beneficiaryScope: beneficiaryScope, in: db)
    }
}
