import BoxtributeDatabase
import BoxtributeDomain

/// ``BeneficiaryRepository`` in SQL (`people`, `transactions`).
struct SQLBeneficiaryRepository: BeneficiaryRepository {
    let db: any SQLQuerying
}
