import BoxtributeDatabase
import BoxtributeDomain

extension BeneficiaryFilter {
    /// SQL conditions over `people b`, with their binds.
    /// Adds the filter's conditions over `people b`.
    func addConditions(to filter: inout SQLConditions) {
        if let createdFrom { filter.add("b.created >= ?", [.text(createdFrom + " 00:00:00")]) }
        // The reference compares with midnight at the start of that day.
        if let createdUntil { filter.add("b.created <= ?", [.text(createdUntil + " 00:00:00")]) }
        if let active { filter.add(active ? SQL.notDeleted("b.deleted") : "NOT \(SQL.notDeleted("b.deleted"))") }
        if let isVolunteer { filter.add(isVolunteer ? "b.volunteer <> 0" : "b.volunteer = 0") }
        if let registered { filter.add(registered ? "b.notregistered = 0" : "b.notregistered <> 0") }
        if let pattern {
            // As the reference, `%` and `_` in the pattern act as wildcards.
            let like = SQLValue.text("%" + pattern.lowercased() + "%")
            filter.add(
                "(LOWER(b.lastname) LIKE ? OR LOWER(b.firstname) LIKE ? OR LOWER(b.comments) LIKE ? OR b.container = ?)",
                [like, like, like, .text(pattern)])
        }
    }
}

/// SQL for beneficiaries (`people`) and their languages, transactions and tags.
public enum BeneficiaryStore {
    static let columns = """
        b.id, b.firstname, b.lastname, b.date_of_birth, b.comments, b.camp_id, b.container, b.gender, b.parent_id, \
        b.deleted, b.volunteer, b.approvalsigned, b.notregistered, b.phone, b.signaturefield, b.date_of_signature, \
        b.created, b.created_by, b.modified, b.modified_by
        """
    /// Number of entries in ``columns``.
    static let columnCount = 20

    static func decode(_ row: SQLRow) -> Beneficiary {
        Beneficiary(
            id: row.int(0) ?? 0, firstName: row.string(1) ?? "", lastName: row.string(2) ?? "",
            dateOfBirth: row.timestamp(3)?.datePart, comment: row.string(4), baseId: row.id(5) ?? 0,
            groupIdentifier: row.string(6) ?? "", gender: HumanGender(databaseValue: row.string(7)),
            familyHeadId: row.int(8), deletedOn: row.timestamp(9), isVolunteer: row.bool(10), signed: row.bool(11),
            registered: !row.bool(12), phoneNumber: row.string(13), signature: row.string(14),
            dateOfSignature: row.timestamp(15),
            audit: row.auditStamps(from: 16))
    }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: Beneficiary] {
        try await db.rowsById(
            columns: columns, from: "people b", idColumn: "b.id", ids: ids, decode: decode, id: \.id)
    }

    /// A page of the beneficiaries (active and inactive) of the bases in `scope`, or of one base, by id.
    public static func page(
        scope: BaseScope, baseId: Base.ID? = nil, filter: BeneficiaryFilter, request: PageRequest,
        in db: any SQLQuerying
    ) async throws -> Page<Beneficiary> {
        var conditions = SQLConditions()
        conditions.restrict("b.camp_id", to: scope)
        if let baseId { conditions.add("b.camp_id = ?", [SQLValue(baseId)]) }
        filter.addConditions(to: &conditions)
        let paginator = Paginator(
            from: "FROM people b", idColumn: "b.id", conditions: conditions.conditions, binds: conditions.binds,
            order: "b.id")
        return try await paginator.page(columns: columns, request: request, in: db, decode: decode, id: \.id)
    }

    /// The languages of each beneficiary, keyed by beneficiary id.
    public static func languages(ofBeneficiaries ids: [Int], in db: any SQLQuerying) async throws -> [Int: [Language]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        // The table has no id; MySQL reads it through its (people_id, language_id) key, in language order.
        let rows = try await db.query(
            """
            SELECT people_id, language_id FROM x_people_languages \
            WHERE people_id IN (\(SQL.placeholders(unique.count))) ORDER BY people_id, language_id
            """, unique.map(SQLValue.init))
        var result: [Int: [Language]] = [:]
        for row in rows {
            guard let language = row.int(1).flatMap(Language.init(rawValue:)) else { continue }
            result[row.int(0) ?? 0, default: []].append(language)
        }
        return result
    }

    /// The sum of the transactions' tokens per beneficiary (absent when there are none).
    public static func tokens(ofBeneficiaries ids: [Int], in db: any SQLQuerying) async throws -> [Int: Int] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT people_id, COALESCE(SUM(drops), 0) FROM transactions \
            WHERE people_id IN (\(SQL.placeholders(unique.count))) GROUP BY people_id
            """, unique.map(SQLValue.init))
        var result: [Int: Int] = [:]
        for row in rows { result[row.int(0) ?? 0] = row.int(1) ?? 0 }
        return result
    }

    /// The transactions of each beneficiary in id order, keyed by beneficiary id.
    public static func transactions(
        ofBeneficiaries ids: [Int], in db: any SQLQuerying
    ) async throws
        -> [Int: [Transaction]]
    {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT id, people_id, product_id, count, drops, description, user_id, transaction_date FROM transactions \
            WHERE people_id IN (\(SQL.placeholders(unique.count))) ORDER BY id
            """, unique.map(SQLValue.init))
        var result: [Int: [Transaction]] = [:]
        for row in rows {
            let transaction = Transaction(
                id: row.int(0) ?? 0, beneficiaryId: row.int(1), productId: row.id(2), count: row.int(3) ?? 0,
                tokens: row.int(4) ?? 0, description: row.string(5) ?? "", createdBy: row.int(6),
                createdOn: row.timestamp(7))
            result[transaction.beneficiaryId ?? 0, default: []].append(transaction)
        }
        return result
    }

    /// Tags of the active assignments of each beneficiary (deleted tags included), keyed by beneficiary id.
    public static func activeTags(ofBeneficiaries ids: [Int], in db: any SQLQuerying) async throws -> [Int: [Tag]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT tr.object_id, \(TagStore.columns) FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id \
            WHERE tr.object_type = 'People' AND tr.object_id IN (\(SQL.placeholders(unique.count))) \
            AND tr.deleted_on IS NULL ORDER BY tr.object_id, tr.id
            """, unique.map(SQLValue.init))
        var result: [Int: [Tag]] = [:]
        for row in rows {
            let tag = TagStore.decode(SQLRow(columns: row.columns, values: Array(row.values.dropFirst())))
            result[row.int(0) ?? 0, default: []].append(tag)
        }
        return result
    }

    /// The boxes (all of them) and the beneficiaries of the bases in `beneficiaryScope` that
    /// each tag is actively assigned to, in resource id order, keyed by tag id.
    public static func taggedResources(
        ofTags tagIds: [Tag.ID], beneficiaryScope: BaseScope, in db: any SQLQuerying
    ) async throws -> [Tag.ID: [TaggedResource]] {
        let unique = Array(Set(tagIds))
        guard !unique.isEmpty else { return [:] }
        let tagBinds = unique.map(SQLValue.init)
        // (tag id, relation id, resource)
        var found: [(tag: Tag.ID, relation: Int, resource: TaggedResource)] = []
        let boxRows = try await db.query(
            """
            SELECT tr.tag_id, tr.id, \(BoxStore.columns) FROM tags_relations tr JOIN stock s ON s.id = tr.object_id \
            WHERE tr.object_type = 'Stock' AND tr.tag_id IN (\(SQL.placeholders(unique.count))) AND tr.deleted_on IS NULL
            """, tagBinds)
        for row in boxRows {
            let box = BoxStore.decode(SQLRow(columns: row.columns, values: Array(row.values.dropFirst(2))))
            found.append((row.id(0) ?? 0, row.int(1) ?? 0, .box(box)))
        }
        var scopeFilter = SQLConditions()
        scopeFilter.restrict("b.camp_id", to: beneficiaryScope)
        let beneficiaryRows = try await db.query(
            """
            SELECT tr.tag_id, tr.id, \(columns) FROM tags_relations tr JOIN people b ON b.id = tr.object_id \
            WHERE tr.object_type = 'People' AND tr.tag_id IN (\(SQL.placeholders(unique.count))) \
            AND tr.deleted_on IS NULL\(scopeFilter.andClause)
            """, tagBinds + scopeFilter.binds)
        for row in beneficiaryRows {
            let beneficiary = decode(SQLRow(columns: row.columns, values: Array(row.values.dropFirst(2))))
            found.append((row.id(0) ?? 0, row.int(1) ?? 0, .beneficiary(beneficiary)))
        }
        found.sort { ($0.resource.id, $0.relation) < ($1.resource.id, $1.relation) }
        var result: [Tag.ID: [TaggedResource]] = [:]
        for entry in found { result[entry.tag, default: []].append(entry.resource) }
        return result
    }
}
