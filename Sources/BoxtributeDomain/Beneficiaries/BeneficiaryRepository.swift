/// Reads of beneficiaries and their transactions. Look-ups by id take a batch of ids and
/// return the rows found, keyed by id.
public protocol BeneficiaryRepository: Sendable {
    func beneficiaries(_ ids: [Int]) async throws -> [Int: Beneficiary]
}
