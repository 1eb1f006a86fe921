import BoxtributeDatabase
import BoxtributeDomain

extension BeneficiaryStore {
    /// The zero date, which the legacy `people` columns hold for "none".
    static let zeroDate = "0000-00-00 00:00:00"

    /// Beneficiaries by id through the mutation's connection, locked where the engine needs it.
    static func byIdsForUpdate(_ ids: [Int], in scope: SQLWriteContext) async throws -> [Int: Beneficiary] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await scope.connection.query(
            "SELECT \(columns) FROM people b WHERE b.id IN (\(SQL.placeholders(unique.count)))\(scope.forUpdate)",
            unique.map(SQLValue.init))
        return Dictionary(rows.map(decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Inserts an active beneficiary created now by the scope's user; returns its id. Fills
    /// the legacy NOT NULL columns the API does not expose (`seq`, `family_id`, the ban
    /// comments, `deleted`).
    static func insert(_ new: NewBeneficiary, in scope: SQLWriteContext) async throws -> Int {
        let now = SQLValue.text(scope.now.databaseText)
        let modifiedBy: SQLValue = new.stampModified ? .integer(scope.user.id) : .null
        let inserted = try await scope.execute(
            """
            INSERT INTO people (parent_id, seq, firstname, lastname, date_of_birth, gender, family_id, container, \
            comments, phone, camp_id, deleted, notregistered, volunteer, approvalsigned, signaturefield, \
            date_of_signature, bicyclebancomment, workshopbancomment, created, created_by, modified, modified_by) \
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?)
            """,
            [
                SQLValue(new.familyHeadId), .integer(new.sequence), .text(new.firstName), .text(new.lastName),
                SQLValue(new.dateOfBirth), .text(new.gender.databaseValue), .text(new.groupIdentifier),
                .text(new.comment), SQLValue(new.phoneNumber), SQLValue(new.baseId), .text(zeroDate),
                SQLValue(!new.registered), SQLValue(new.isVolunteer), SQLValue(new.signed), SQLValue(new.signature),
                .text(new.dateOfSignature.map { $0 + " 00:00:00" } ?? zeroDate), now, .integer(scope.user.id),
                new.stampModified ? now : .null, modifiedBy,
            ])
        return inserted.lastInsertId
    }

    /// Writes the changeable columns and the modification stamps of `beneficiary`; `seq`
    /// follows its family head.
    static func save(_ beneficiary: Beneficiary, in scope: SQLWriteContext) async throws {
        try await scope.execute(
            """
            UPDATE people SET firstname = ?, lastname = ?, date_of_birth = ?, comments = ?, container = ?, gender = ?, \
            parent_id = ?, seq = ?, volunteer = ?, notregistered = ?, approvalsigned = ?, signaturefield = ?, \
            date_of_signature = ?, modified = ?, modified_by = ? WHERE id = ?
            """,
            [
                .text(beneficiary.firstName), .text(beneficiary.lastName), SQLValue(beneficiary.dateOfBirth),
                SQLValue(beneficiary.comment), .text(beneficiary.groupIdentifier),
                .text(beneficiary.gender.databaseValue), SQLValue(beneficiary.familyHeadId),
                .integer(beneficiary.familyHeadId == nil ? 1 : 2), SQLValue(beneficiary.isVolunteer),
                SQLValue(!beneficiary.registered), SQLValue(beneficiary.signed), SQLValue(beneficiary.signature),
                .text(beneficiary.dateOfSignature?.databaseText ?? zeroDate),
                SQLValue(beneficiary.audit.lastModifiedOn?.databaseText), SQLValue(beneficiary.audit.lastModifiedBy),
                .integer(beneficiary.id),
            ])
    }

    /// Inserts language rows, one statement.
    static func addLanguages(
        _ languages: [(beneficiaryId: Int, language: Language)], in scope: SQLWriteContext
    ) async throws {
        guard !languages.isEmpty else { return }
        try await scope.execute(
            """
            INSERT INTO x_people_languages (people_id, language_id) VALUES \
            \(Array(repeating: "(?, ?)", count: languages.count).joined(separator: ", "))
            """, languages.flatMap { [SQLValue.integer($0.beneficiaryId), .integer($0.language.rawValue)] })
    }

    /// Deletes every language row of the beneficiaries.
    static func removeLanguages(ofBeneficiaries ids: [Int], in scope: SQLWriteContext) async throws {
        guard !ids.isEmpty else { return }
        try await scope.execute(
            "DELETE FROM x_people_languages WHERE people_id IN (\(SQL.placeholders(ids.count)))",
            ids.map(SQLValue.init))
    }

    /// The active members of a family head, id order, locked where the engine needs it.
    static func activeMembers(ofFamilyHead headId: Int, in scope: SQLWriteContext) async throws -> [Int] {
        try await scope.connection.query(
            "SELECT b.id FROM people b WHERE b.parent_id = ? AND \(SQL.notDeleted("b.deleted")) ORDER BY b.id\(scope.forUpdate)",
            [.integer(headId)]
        ).compactMap { $0.int(0) }
    }

    /// Sets `deleted` to now.
    static func deactivate(_ ids: [Int], in scope: SQLWriteContext) async throws {
        guard !ids.isEmpty else { return }
        try await scope.execute(
            "UPDATE people SET deleted = ? WHERE id IN (\(SQL.placeholders(ids.count)))",
            [.text(scope.now.databaseText)] + ids.map(SQLValue.init))
    }
}

/// ``BeneficiaryWriteRepository`` in SQL, on one transaction's connection.
struct SQLBeneficiaryWriteRepository: BeneficiaryWriteRepository {
    let context: SQLWriteContext

    func beneficiariesForUpdate(_ ids: [Int]) async throws -> [Int: Beneficiary] {
        try await BeneficiaryStore.byIdsForUpdate(ids, in: context)
    }

    func insertBeneficiary(_ beneficiary: NewBeneficiary) async throws -> Int {
        try await BeneficiaryStore.insert(beneficiary, in: context)
    }

    func saveBeneficiary(_ beneficiary: Beneficiary) async throws {
        try await BeneficiaryStore.save(beneficiary, in: context)
    }

    func addLanguages(_ languages: [(beneficiaryId: Int, language: Language)]) async throws {
        try await BeneficiaryStore.addLanguages(languages, in: context)
    }

    func removeLanguages(ofBeneficiaries ids: [Int]) async throws {
        try await BeneficiaryStore.removeLanguages(ofBeneficiaries: ids, in: context)
    }

    func activeMembers(ofFamilyHead headId: Int) async throws -> [Int] {
        try await BeneficiaryStore.activeMembers(ofFamilyHead: headId, in: context)
    }

    func deactivate(_ ids: [Int]) async throws {
        try await BeneficiaryStore.deactivate(ids, in: context)
    }
}
