import BoxtributeDatabase
import BoxtributeDomain

// PLACEHOLDER: the public numbers' SQL is being written; these answer 0.

/// SQL of the public API's numbers.
enum PublicNumbersStore {
    static func createdBoxes(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int { 0 }

    static func registeredBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int { 0 }

    static func reachedBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int { 0 }
}
