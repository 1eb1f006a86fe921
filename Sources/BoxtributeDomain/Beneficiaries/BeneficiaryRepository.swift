/// Reads of beneficiaries and their transactions. Look-ups by id take a batch of ids and
/// return the rows found, keyed by id.
public protocol BeneficiaryRepository: Sendable {
    func beneficiaries(_ ids: [Int]) async throws -> [Int: Beneficiary]
    /// A page of the beneficiaries (active and inactive) of the bases in `scope`, id order.
    func beneficiaries(
        in scope: BaseScope, filter: BeneficiaryFilter, page: PageRequest
    ) async throws
        -> Page<Beneficiary>
    /// A page of the beneficiaries (active and inactive) of one base, id order.
    func beneficiaries(
        ofBase baseId: Base.ID, filter: BeneficiaryFilter, page: PageRequest
    ) async throws
        -> Page<Beneficiary>
    /// The languages of each beneficiary in language order, keyed by beneficiary id.
    func languages(ofBeneficiaries ids: [Int]) async throws -> [Int: [Language]]
    /// The sum of the transactions' tokens per beneficiary (absent when there are none).
    func tokens(ofBeneficiaries ids: [Int]) async throws -> [Int: Int]
    /// The transactions of each beneficiary in id order, keyed by beneficiary id.
    func transactions(ofBeneficiaries ids: [Int]) async throws -> [Int: [Transaction]]
    /// The tags of the active assignments of each beneficiary (deleted tags included), keyed by
    /// beneficiary id.
    func activeTags(ofBeneficiaries ids: [Int]) async throws -> [Int: [Tag]]
    /// The boxes (all of them) and the beneficiaries of the bases in `beneficiaryScope` that
    /// each tag is actively assigned to, in resource id order, keyed by tag id.
    func taggedResources(
        ofTags tagIds: [Tag.ID], beneficiaryScope: BaseScope
    ) async throws -> [Tag.ID: [TaggedResource]]
}

/// Changes of beneficiaries in one transaction; rows are stamped with the transaction's user
/// and time. Reads of the same transaction go through ``BeneficiaryRepository``.
public protocol BeneficiaryWriteRepository: Sendable {
    /// Beneficiaries by id, locked for the rest of the transaction where the engine needs it.
    func beneficiariesForUpdate(_ ids: [Int]) async throws -> [Int: Beneficiary]
    /// Inserts a beneficiary created now by the user, active; returns its id.
    func insertBeneficiary(_ beneficiary: NewBeneficiary) async throws -> Int
    /// Writes the changeable columns of `beneficiary`, its modification stamps as given.
    func saveBeneficiary(_ beneficiary: Beneficiary) async throws
    /// Adds language rows (`x_people_languages`); each pair must be new.
    func addLanguages(_ languages: [(beneficiaryId: Int, language: Language)]) async throws
    /// Removes every language of the beneficiaries.
    func removeLanguages(ofBeneficiaries ids: [Int]) async throws
    /// The ids of the active beneficiaries whose family head is `headId`, in id order, locked.
    func activeMembers(ofFamilyHead headId: Int) async throws -> [Int]
    /// Deactivates the beneficiaries: `deleted` = now.
    func deactivate(_ ids: [Int]) async throws
}
