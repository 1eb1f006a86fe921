import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the public API's numbers (the reference's `public_api` queries over
/// `metrics/crud.py`). Each counts distinct ids whose event falls in [from, to], both ends
/// included; `excludingOrganisation` leaves one organisation's rows out, while rows whose base
/// is unknown (people hard-deleted since) always count.
enum PublicNumbersStore {
    /// Boxes whose `created` falls in the span.
    static func createdBoxes(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int {
        let sql = """
            SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id JOIN camps c ON c.id = l.camp_id
            WHERE s.created >= ? AND s.created <= ?\(excludingOrganisation == nil ? "" : " AND (c.organisation_id IS NULL OR c.organisation_id <> ?)")
            """
        return try await count(sql, spans: 1, from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    /// People with a `Record created` history row or a `created` date in the span.
    static func registeredBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int {
        let sql = """
            SELECT COUNT(*) FROM (\(registeredIds)) registered
            LEFT JOIN people p ON p.id = registered.id
            LEFT JOIN camps c ON c.id = p.camp_id\(exclusion(excludingOrganisation))
            """
        return try await count(
            sql, spans: registeredSpans, from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    /// People edited (other than deleted), created, checked out, whose family head checked
    /// out, served, or tagged in the span.
    static func reachedBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int {
        let sql = """
            SELECT COUNT(*) FROM (\(reachedIds)) reached
            LEFT JOIN people p ON p.id = reached.id
            LEFT JOIN camps c ON c.id = p.camp_id\(exclusion(excludingOrganisation))
            """
        return try await count(
            sql, spans: reachedSpans, from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    /// The ids of the people registered in a span (binds: from, to twice), as a derived table's
    /// body with the column `id`.
    static let registeredIds = """
        SELECT h.record_id AS id FROM history h
        WHERE h.tablename = 'people' AND h.changes = 'Record created' AND h.changedate >= ? AND h.changedate <= ?
        UNION
        SELECT p.id FROM people p WHERE p.created >= ? AND p.created <= ?
        """
    /// Spans bound by ``registeredIds``.
    static let registeredSpans = 2

    /// The ids of the people reached in a span (binds: from, to six times), as a derived
    /// table's body with the column `id`.
    static let reachedIds = """
        SELECT h.record_id AS id FROM history h
        WHERE h.tablename = 'people' AND h.changedate >= ? AND h.changedate <= ? AND h.changes NOT LIKE 'Record deleted%'
        UNION
        SELECT p.id FROM people p WHERE p.created >= ? AND p.created <= ?
        UNION
        SELECT t.people_id FROM transactions t
        WHERE t.transaction_date >= ? AND t.transaction_date <= ? AND t.count > 0 AND t.people_id IS NOT NULL
        UNION
        SELECT member.id FROM people member
        WHERE member.id <> member.parent_id AND EXISTS (
            SELECT 1 FROM transactions t WHERE t.people_id = member.parent_id
              AND t.transaction_date >= ? AND t.transaction_date <= ? AND t.count > 0)
        UNION
        SELECT sr.people_id FROM services_relations sr WHERE sr.created >= ? AND sr.created <= ?
        UNION
        SELECT tr.object_id FROM tags_relations tr
        WHERE tr.object_type = 'People' AND tr.created_on >= ? AND tr.created_on <= ?
        """
    /// Spans bound by ``reachedIds``.
    static let reachedSpans = 6

    /// The outer filter of the people counts: none without an organisation to leave out.
    private static func exclusion(_ organisation: Int?) -> String {
        organisation == nil ? "" : "\nWHERE c.organisation_id IS NULL OR c.organisation_id <> ?"
    }

    /// Runs a count whose binds are `spans` pairs of (from, to), then the organisation if any.
    private static func count(
        _ sql: String, spans: Int, from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> Int {
        let pair: [SQLValue] = [.text(from.databaseText), .text(to.databaseText)]
        let binds =
            Array(repeating: pair, count: spans).flatMap { $0 } + (excludingOrganisation.map { [.integer($0)] } ?? [])
        return try await db.query(sql, binds) { row in row.int(0) ?? 0 }.first ?? 0
    }
}
