// Port of business_logic/beneficiary/{crud,mutations}.py: creating, changing and
// deactivating beneficiaries.

extension BeneficiaryService {
    /// Most rows one `createBeneficiaries` imports.
    public static let maxImportRows = 10_000
    /// Most rows one statement of a bulk import writes (the engines bind a limited number of
    /// values per statement).
    static let rowsPerStatement = 500

    /// `createBeneficiary`: the person, its languages and tags, and a `Record created` row.
    /// Beyond the reference, the signature text is stored, and the family head and the tags
    /// must belong to the beneficiary's base (tags: not deleted, applicable to people).
    public static func create(_ input: BeneficiaryCreation, in scope: MutationScope) async throws -> Beneficiary {
        try authorizeCreation(baseId: input.baseId, user: scope.user)
        try input.checkTextLengths()
        // The reference relies on foreign keys: an unknown base names no row.
        _ = try await scope.data.core.bases([input.baseId])[input.baseId].orNotFound()
        if let headId = input.familyHeadId {
            try await requireFamilyHeads([headId], baseId: input.baseId, in: scope) { _ in DomainError.notFound }
        }
        let tagIds = orderedUnique(input.tagIds ?? [])
        try await requirePeopleTags(tagIds, baseId: input.baseId, in: scope) { _ in DomainError.notFound }

        let writes = scope.writes.beneficiaryWrites
        let id = try await writes.insertBeneficiary(
            NewBeneficiary(
                firstName: input.firstName, lastName: input.lastName, baseId: input.baseId,
                groupIdentifier: input.groupIdentifier, dateOfBirth: input.dateOfBirth, comment: input.comment ?? "",
                gender: input.gender, familyHeadId: input.familyHeadId, isVolunteer: input.isVolunteer,
                registered: input.registered, signed: input.signature != nil, signature: input.signature,
                dateOfSignature: input.dateOfSignature, stampModified: true))
        try await writes.addLanguages(orderedUnique(input.languages ?? []).map { (id, $0) })
        try await scope.writes.warehouseWrites.assignTags(
            tagIds.map { TagAssignment(tagId: $0, objectId: id) }, type: .beneficiary)
        try await scope.writes.historyWrites.record([.created], table: "people", recordId: id)
        return try await scope.data.beneficiaries.beneficiaries([id])[id].orThrow(DomainError.databaseFailure)
    }

    /// `updateBeneficiary`: writes the given fields, one history row per changed column, and
    /// the modification stamps when a tracked column changed. A non-empty `languages` list
    /// replaces the languages (without history). Beyond the reference, the family head must
    /// belong to the beneficiary's base, and `seq` follows the family head.
    public static func update(_ input: BeneficiaryUpdate, in scope: MutationScope) async throws -> Beneficiary {
        let writes = scope.writes.beneficiaryWrites
        let old = try await writes.beneficiariesForUpdate([input.id])[input.id].orNotFound()
        try scope.user.authorize("beneficiary:edit", baseId: old.baseId)
        try scope.user.authorize("tag:read", baseId: old.baseId)
        try scope.user.authorize("beneficiary_language:assign")
        try scope.user.authorize("tag_relation:assign")
        try input.checkTextLengths()
        if let headId = input.familyHeadId {
            // Beyond the reference: nobody heads their own family.
            guard headId != old.id else { throw DomainError.ownFamilyHead }
            try await requireFamilyHeads([headId], baseId: old.baseId, in: scope) { _ in DomainError.notFound }
        }

        var new = old
        if let firstName = input.firstName { new.firstName = firstName }
        if let lastName = input.lastName { new.lastName = lastName }
        if let groupIdentifier = input.groupIdentifier { new.groupIdentifier = groupIdentifier }
        if let dateOfBirth = input.dateOfBirth { new.dateOfBirth = dateOfBirth }
        if let comment = input.comment { new.comment = comment }
        if let gender = input.gender { new.gender = gender }
        if let familyHeadId = input.familyHeadId { new.familyHeadId = familyHeadId }
        if let isVolunteer = input.isVolunteer { new.isVolunteer = isVolunteer }
        if let registered = input.registered { new.registered = registered }
        if let signature = input.signature {
            new.signature = signature
            new.signed = true
        }
        if let date = input.dateOfSignature { new.dateOfSignature = Timestamp(trustedText: date + " 00:00:00") }
        let changes = old.changes(to: new)
        if !changes.isEmpty {
            new.audit.lastModifiedOn = scope.now
            new.audit.lastModifiedBy = scope.user.id
        }
        if new != old { try await writes.saveBeneficiary(new) }
        if let languages = input.languages, !languages.isEmpty {
            try await writes.removeLanguages(ofBeneficiaries: [old.id])
            try await writes.addLanguages(orderedUnique(languages).map { (old.id, $0) })
        }
        try await scope.writes.historyWrites.record(changes, table: "people", recordId: old.id)
        return try await scope.data.beneficiaries.beneficiaries([old.id])[old.id].orThrow(DomainError.databaseFailure)
    }

    /// `deactivateBeneficiary`: a family head's active members first (one level), then the
    /// person, each with a `Record deleted` row. An inactive person is deactivated again, as
    /// in the reference.
    public static func deactivate(id: Int, in scope: MutationScope) async throws -> Beneficiary {
        let writes = scope.writes.beneficiaryWrites
        let person = try await writes.beneficiariesForUpdate([id])[id].orNotFound()
        try scope.user.authorize("beneficiary:delete", baseId: person.baseId)
        let members = person.familyHeadId == nil ? try await writes.activeMembers(ofFamilyHead: id) : []
        let deactivated = members.filter { $0 != id } + [id]
        try await writes.deactivate(deactivated)
        try await scope.writes.historyWrites.record(deactivated.map { ($0, HistoryChange.deleted) }, table: "people")
        return try await scope.data.beneficiaries.beneficiaries([id])[id].orThrow(DomainError.databaseFailure)
    }

    /// `createBeneficiaries`: imports rows into one base in one transaction, reads them back
    /// and compares them with the input (an ``ImportMismatch`` undoes everything), then writes
    /// a `Record created` row and the tags of each. Beyond the reference, the family head and
    /// the languages are stored, and the tags and family heads are checked as in ``create(_:in:)``.
    public static func createMany(
        baseId: Base.ID, rows: [BeneficiaryBulkCreation], in scope: MutationScope
    ) async throws -> BeneficiariesResult {
        try authorizeCreation(baseId: baseId, user: scope.user)
        guard !rows.isEmpty else { return BeneficiariesResult(results: []) }
        guard rows.count <= maxImportRows else {
            throw DomainError.badUserInput(
                "Invalid input: at most \(maxImportRows) beneficiaries can be created at once.")
        }
        let base = try await scope.data.core.bases([baseId])[baseId].orThrow(UserError.missing("Base", id: baseId))
        if base.deletedOn != nil { throw UserError.deletedBase(name: base.name ?? "") }
        for row in rows { try row.checkTextLengths() }
        let rowTagIds = rows.map { orderedUnique($0.tagIds ?? []) }
        try await requirePeopleTags(orderedUnique(rowTagIds.flatMap { $0 }), baseId: baseId, in: scope) {
            UserError.missing("Tag", id: $0)
        }
        try await requireFamilyHeads(orderedUnique(rows.compactMap(\.familyHeadId)), baseId: baseId, in: scope) {
            UserError.missing("Beneficiary", id: $0)
        }

        let writes = scope.writes.beneficiaryWrites
        let newRows = rows.map { row in
            NewBeneficiary(
                firstName: row.firstName, lastName: row.lastName ?? "", baseId: baseId,
                groupIdentifier: row.groupIdentifier, dateOfBirth: row.dateOfBirth, comment: row.comment ?? "",
                gender: row.gender ?? .diverse, familyHeadId: row.familyHeadId, isVolunteer: row.isVolunteer ?? false,
                registered: row.registered ?? true, phoneNumber: row.phoneNumber, stampModified: false)
        }
        var ids: [Int] = []
        ids.reserveCapacity(newRows.count)
        for row in newRows { ids.append(try await writes.insertBeneficiary(row)) }
        let languages = zip(ids, rows).flatMap { id, row in orderedUnique(row.languages ?? []).map { (id, $0) } }
        for chunk in chunks(languages) { try await writes.addLanguages(chunk) }

        let stored = try await scope.data.beneficiaries.beneficiaries(ids)
        var mismatches: [(row: Int, fields: [ImportMismatch.Field])] = []
        var results: [Beneficiary] = []
        for (index, (id, input)) in zip(ids, newRows).enumerated() {
            guard let beneficiary = stored[id] else {
                mismatches.append((index, [ImportMismatch.Field(name: "id", input: .integer(id), stored: .null)]))
                continue
            }
            let fields = beneficiary.importMismatches(with: input)
            if !fields.isEmpty { mismatches.append((index, fields)) }
            results.append(beneficiary)
        }
        guard mismatches.isEmpty else { throw ImportMismatch(invalidFields: mismatches) }

        for chunk in chunks(ids) {
            try await scope.writes.historyWrites.record(chunk.map { ($0, HistoryChange.created) }, table: "people")
        }
        let assignments = zip(ids, rowTagIds).flatMap { id, tagIds in
            tagIds.map { TagAssignment(tagId: $0, objectId: id) }
        }
        for chunk in chunks(assignments) {
            try await scope.writes.warehouseWrites.assignTags(chunk, type: .beneficiary)
        }
        return BeneficiariesResult(results: results)
    }

    // MARK: - Rules

    /// The permissions both creation mutations check, in the reference's order.
    private static func authorizeCreation(baseId: Base.ID, user: CurrentUser) throws(Forbidden) {
        try user.authorize("beneficiary:create", baseId: baseId)
        try user.authorize("tag:read", baseId: baseId)
        try user.authorize("beneficiary_language:assign")
        try user.authorize("tag_relation:assign")
    }

    /// Beyond the reference (which relies on a foreign key): a family head is a beneficiary of
    /// the same base; else `missing(id)` is thrown. A family head of another base would
    /// otherwise be readable through `familyHead`.
    private static func requireFamilyHeads(
        _ ids: [Int], baseId: Base.ID, in scope: MutationScope, missing: (Int) -> any Error
    ) async throws {
        guard !ids.isEmpty else { return }
        let heads = try await scope.data.beneficiaries.beneficiaries(ids)
        for id in ids where heads[id]?.baseId != baseId { throw missing(id) }
    }

    /// Beyond the reference: tags given on creation exist (else `missing(id)` is thrown),
    /// belong to the beneficiary's base, are not deleted, and apply to people (type
    /// Beneficiary or All).
    private static func requirePeopleTags(
        _ ids: [Tag.ID], baseId: Base.ID, in scope: MutationScope, missing: (Tag.ID) -> any Error
    ) async throws {
        guard !ids.isEmpty else { return }
        let tags = try await scope.data.warehouse.tags(ids)
        for id in ids.sorted() {
            guard let tag = tags[id] else { throw missing(id) }
            guard tag.baseId == baseId else { throw DomainError.resourceTagBaseMismatch }
            guard tag.deletedOn == nil else { throw DomainError.deletedTagNotApplicable(id) }
            guard tag.type != .box else {
                throw DomainError.incompatibleTag(id: id, type: tag.type, resource: .beneficiary)
            }
        }
    }

    /// `values` in pieces of at most ``rowsPerStatement``.
    private static func chunks<T>(_ values: [T]) -> [[T]] {
        stride(from: 0, to: values.count, by: rowsPerStatement).map {
            Array(values[$0..<min($0 + rowsPerStatement, values.count)])
        }
    }
}

extension DomainError {
    /// Beyond the reference: a beneficiary is not their own family head.
    public static let ownFamilyHead = invalidInput("a beneficiary cannot be their own 'familyHeadId'")

    /// Beyond the reference: a deleted tag is not given to a new beneficiary.
    public static func deletedTagNotApplicable(_ id: Tag.ID) -> DomainError {
        .badUserInput("The tag with ID \(id) is deleted and cannot be applied to beneficiaries")
    }
}
