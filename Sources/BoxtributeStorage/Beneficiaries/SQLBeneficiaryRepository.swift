import BoxtributeDatabase
import BoxtributeDomain

/// ``BeneficiaryRepository`` in SQL (`people`, `transactions`).
struct SQLBeneficiaryRepository: BeneficiaryRepository {
    let db: any SQLQuerying

    func beneficiaries(_ ids: [Int]) async throws -> [Int: Beneficiary] {
        try await BeneficiaryStore.byIds(ids, in: db)
    }
}
