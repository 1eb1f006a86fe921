import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the beneficiary statistics (`people`, `transactions`, `history`, `tags_relations`,
/// `services_relations`): one statement per cube, figure set or metric.
enum BeneficiaryStatisticsStore {
    /// The people of a base, active and deactivated, grouped by gender (`M`, `F`, anything
    /// else `D`), age on `today` (`YYYY-MM-DD`), the days they were created and deleted, and
    /// their sorted tag list. Ordered by creation day, gender, age, deletion day, tags.
    ///
    /// The tag list is sorted before grouping, so identical tag sets always share a fact; the
    /// reference grouped on unsorted concatenations (`statistics/crud.py`).
    static func demographics(
        ofBase baseId: Base.ID, today: String, in db: any SQLQuerying
    ) async throws -> [BeneficiaryDemographicsFact] {
        let sql = """
            WITH params AS (SELECT ? AS today),
            people_of_base AS (
                SELECT
                    CASE WHEN p.gender IN ('M', 'F') THEN p.gender ELSE 'D' END AS gender,
                    CASE WHEN p.date_of_birth > '0000-00-00' THEN \(db.dialect.fullYears(from: "p.date_of_birth", to: "params.today")) END AS age,
                    DATE(p.created) AS created_on,
                    CASE WHEN \(SQL.notDeleted("p.deleted")) THEN NULL ELSE DATE(p.deleted) END AS deleted_on,
                    \(activeTagList(of: "p.id")) AS tag_ids
                FROM people p CROSS JOIN params
                WHERE p.camp_id = ?
            )
            SELECT gender, age, created_on, deleted_on, tag_ids, COUNT(*) AS beneficiaries
            FROM people_of_base
            GROUP BY gender, age, created_on, deleted_on, tag_ids
            ORDER BY created_on, gender, age, deleted_on, tag_ids
            """
        return try await db.query(sql, [.text(today), .integer(baseId.rawValue)]) { row in
            BeneficiaryDemographicsFact(
                age: row.int(1), gender: HumanGender(databaseValue: row.string(0)), createdOn: row.day(2),
                deletedOn: row.day(3), tagIds: row.tagIds(4), count: row.int(5) ?? 0)
        }
    }

    /// Every day a person of the base was reached since `since`, by kind of event: created or
    /// edited (history rows other than deletions, one per timestamp), a checkout (one per
    /// timestamp; family members through their head's checkout), a service used (each relation
    /// counts), a tag applied (one per timestamp). Ordered by reach type, day, beneficiary id,
    /// as the reference's tests expect (`statistics/sql.py`).
    static func reach(
        ofBase baseId: Base.ID, since: Timestamp, in db: any SQLQuerying
    ) async throws -> [BeneficiaryReachFact] {
        let sql = """
            SELECT DATE(events.reached_on) AS reached_on, events.beneficiary_id, events.reach_type, COUNT(*) AS events
            FROM (
                SELECT h.changedate AS reached_on, h.record_id AS beneficiary_id, 'CreatedOrEdited' AS reach_type
                FROM history h JOIN people p ON p.id = h.record_id
                WHERE h.tablename = 'people' AND p.camp_id = ? AND h.changedate >= ? AND h.changes NOT LIKE 'Record deleted%'
                GROUP BY h.changedate, h.record_id
                UNION ALL
                SELECT t.transaction_date, t.people_id, 'Checkout'
                FROM transactions t JOIN people p ON p.id = t.people_id
                WHERE p.camp_id = ? AND t.transaction_date >= ? AND t.product_id IS NOT NULL
                GROUP BY t.transaction_date, t.people_id
                UNION ALL
                SELECT t.transaction_date, member.id, 'Checkout'
                FROM transactions t JOIN people p ON p.id = t.people_id JOIN people member ON member.parent_id = t.people_id
                WHERE p.camp_id = ? AND t.transaction_date >= ? AND t.product_id IS NOT NULL
                GROUP BY t.transaction_date, member.id
                UNION ALL
                SELECT sr.created, sr.people_id, 'ServiceUsed'
                FROM services_relations sr JOIN people p ON p.id = sr.people_id
                WHERE p.camp_id = ? AND sr.created >= ?
                UNION ALL
                SELECT tr.created_on, tr.object_id, 'TagApplied'
                FROM tags_relations tr JOIN people p ON p.id = tr.object_id
                WHERE tr.object_type = 'People' AND p.camp_id = ? AND tr.created_on >= ?
                GROUP BY tr.created_on, tr.object_id
            ) events
            GROUP BY DATE(events.reached_on), events.beneficiary_id, events.reach_type
            ORDER BY events.reach_type, DATE(events.reached_on), events.beneficiary_id
            """
        let part: [SQLValue] = [.integer(baseId.rawValue), .text(since.databaseText)]
        let binds = Array([[SQLValue]](repeating: part, count: 5).joined())
        let facts = try await db.query(sql, binds) { row -> BeneficiaryReachFact? in
            guard let day = row.day(0), let id = row.int(1),
                let type = row.string(2).flatMap(BeneficiaryReachType.init(rawValue:))
            else { return nil }
            return BeneficiaryReachFact(reachedOn: day, beneficiaryId: id, reachType: type, count: row.int(3) ?? 0)
        }
        return facts.compactMap { $0 }
    }

    /// People by id, with their date of birth, gender and sorted active tags; ascending id.
    static func beneficiaryDimensions(_ ids: [Int], in db: any SQLQuerying) async throws -> [BeneficiaryDimensionRow] {
        try await db.rows(
            columns: "p.id, p.date_of_birth, p.gender, \(activeTagList(of: "p.id"))", from: "people p",
            idColumn: "p.id", ids: ids
        ) { row in
            BeneficiaryDimensionRow(
                id: row.int(0) ?? 0, dateOfBirth: row.day(1), gender: HumanGender(databaseValue: row.string(2)),
                tagIds: row.tagIds(3))
        }.sorted { $0.id < $1.id }
    }

    /// Items of each product of the base checked out per day, whoever checked them out,
    /// ranked by items (ties share a rank, the next rank skips). Within a rank: product,
    /// category, day, which is what MySQL gave the reference's tests.
    static func topProductsCheckedOut(
        ofBase baseId: Base.ID, in db: any SQLQuerying
    ) async throws -> [TopProductsCheckedOutFact] {
        let sql = """
            SELECT checked_out_on, product_id, category_id, items, RANK() OVER (ORDER BY items DESC) AS item_rank
            FROM (
                SELECT DATE(t.transaction_date) AS checked_out_on, p.id AS product_id, p.category_id, SUM(t.count) AS items
                FROM transactions t JOIN products p ON p.id = t.product_id
                WHERE p.camp_id = ?
                GROUP BY p.id, p.category_id, DATE(t.transaction_date)
            ) groups
            ORDER BY item_rank, product_id, category_id, checked_out_on
            """
        return try await db.query(sql, [.integer(baseId.rawValue)]) { row in
            TopProductsCheckedOutFact(
                checkedOutOn: row.day(0), productId: row.id(1) ?? 0, categoryId: row.int(2) ?? 0,
                rank: row.int(4) ?? 0, itemsCount: row.int(3))
        }
    }

    /// The counts behind a base's figures, in one statement: family heads by gender (neither
    /// `M` nor `F` is diverse), people, people created since `registeredSince`, family heads
    /// without a checkout of items after `visitedAfter`, and the visits (a person's checkouts
    /// of items at one time) with their visitors and items.
    static func figureCounts(
        ofBase baseId: Base.ID, registeredSince: Timestamp, visitedAfter: Timestamp, in db: any SQLQuerying
    ) async throws -> BeneficiaryFigureCounts {
        let sql = """
            SELECT
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ? AND p.parent_id IS NULL AND p.gender = 'M') AS male_heads,
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ? AND p.parent_id IS NULL AND p.gender = 'F') AS female_heads,
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ? AND p.parent_id IS NULL AND p.gender NOT IN ('M', 'F')) AS diverse_heads,
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ?) AS beneficiaries,
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ? AND p.created >= ?) AS new_registrations,
                (SELECT COUNT(*) FROM people p WHERE p.camp_id = ? AND p.parent_id IS NULL AND NOT EXISTS (
                    SELECT 1 FROM transactions t WHERE t.people_id = p.id AND t.count > 0 AND t.transaction_date > ?)) AS heads_without_visit,
                visits.visit_count, visits.visitor_count, visits.items
            FROM (
                SELECT COUNT(*) AS visit_count, COUNT(DISTINCT v.people_id) AS visitor_count, COALESCE(SUM(v.items), 0) AS items
                FROM (
                    SELECT t.people_id, SUM(t.count) AS items FROM transactions t JOIN people p ON p.id = t.people_id
                    WHERE p.camp_id = ? AND t.count > 0
                    GROUP BY t.people_id, t.transaction_date
                ) v
            ) visits
            """
        let base = SQLValue.integer(baseId.rawValue)
        let binds: [SQLValue] = [
            base, base, base, base, base, .text(registeredSince.databaseText), base, .text(visitedAfter.databaseText),
            base,
        ]
        let rows = try await db.query(sql, binds) { row in
            BeneficiaryFigureCounts(
                maleHeads: row.int(0) ?? 0, femaleHeads: row.int(1) ?? 0, diverseHeads: row.int(2) ?? 0,
                beneficiaries: row.int(3) ?? 0, newRegistrations: row.int(4) ?? 0,
                headsWithoutRecentVisit: row.int(5) ?? 0, visits: row.int(6) ?? 0, visitors: row.int(7) ?? 0,
                visitItems: row.int(8) ?? 0)
        }
        return rows.first ?? BeneficiaryFigureCounts()
    }

    /// People of the organisation's bases with a checkout of items in `range`.
    static func familiesServed(
        organisationId: Int, range: TransactionDateRange, in db: any SQLQuerying
    ) async throws -> Int {
        let condition = rangeCondition(range)
        let sql = """
            SELECT COUNT(DISTINCT t.people_id) FROM transactions t JOIN people p ON p.id = t.people_id JOIN camps c ON c.id = p.camp_id
            WHERE c.organisation_id = ? AND t.count > 0\(condition.sql)
            """
        return try await db.query(sql, [.integer(organisationId)] + condition.binds).first?.int(0) ?? 0
    }

    /// Items of the transactions of the organisation's people in `range` whose tokens are not
    /// negative. The reference keeps this `drops >= 0` filter (`metrics/crud.py`), though
    /// purchases carry negative tokens; it is for the product owner to decide.
    static func sales(organisationId: Int, range: TransactionDateRange, in db: any SQLQuerying) async throws -> Int {
        let condition = rangeCondition(range)
        let sql = """
            SELECT COALESCE(SUM(t.count), 0) FROM transactions t JOIN people p ON p.id = t.people_id JOIN camps c ON c.id = p.camp_id
            WHERE c.organisation_id = ? AND t.drops >= 0\(condition.sql)
            """
        return try await db.query(sql, [.integer(organisationId)] + condition.binds).first?.int(0) ?? 0
    }

    /// The transaction-date condition of a metric, each date as midnight: both dates
    /// `BETWEEN`, only `after` strictly after, only `before` strictly before, none: all time
    /// (`metrics/crud.py`).
    private static func rangeCondition(_ range: TransactionDateRange) -> (sql: String, binds: [SQLValue]) {
        func midnight(_ date: String) -> SQLValue { .text(date + " 00:00:00") }
        switch (range.after, range.before) {
        case (let after?, let before?):
            return (" AND t.transaction_date BETWEEN ? AND ?", [midnight(after), midnight(before)])
        case (let after?, nil): return (" AND t.transaction_date > ?", [midnight(after)])
        case (nil, let before?): return (" AND t.transaction_date < ?", [midnight(before)])
        case (nil, nil): return ("", [])
        }
    }

    /// The sorted ids of the active tags of person `personId` (an SQL expression), comma
    /// separated; NULL without tags.
    private static func activeTagList(of personId: String) -> String {
        """
        (SELECT GROUP_CONCAT(tr.tag_id ORDER BY tr.tag_id) FROM tags_relations tr \
        WHERE tr.object_type = 'People' AND tr.object_id = \(personId) AND tr.deleted_on IS NULL)
        """
    }
}
