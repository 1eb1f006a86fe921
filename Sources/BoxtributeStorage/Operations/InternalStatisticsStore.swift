import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the `internal-stats` cron job: the public numbers (``PublicNumbersStore``'s
/// counted sets) grouped per organisation and base (the reference's `metrics/crud.py`).
/// Spans include both ends; `excludingOrganisation` leaves one organisation out (production's
/// test organisation) while people without a base always count.
public enum InternalStatisticsStore {
    public typealias BaseCount = InternalStatistics.BaseCount

    /// Boxes created in the span, per base of their location.
    public static func createdBoxes(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        try await boxes("COUNT(s.id)", from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    /// Items of the boxes created in the span (boxes without a count count 0).
    public static func itemsInCreatedBoxes(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        try await boxes(
            "COALESCE(SUM(s.items), 0)", from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    /// People registered in the span, per base.
    public static func registeredBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        try await people(
            PublicNumbersStore.registeredIds, spans: PublicNumbersStore.registeredSpans, from: from, to: to,
            excludingOrganisation: excludingOrganisation, in: db)
    }

    /// People reached in the span, per base.
    public static func reachedBeneficiaries(
        from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        try await people(
            PublicNumbersStore.reachedIds, spans: PublicNumbersStore.reachedSpans, from: from, to: to,
            excludingOrganisation: excludingOrganisation, in: db)
    }

    /// For each of `organisationIds`, a row (number 0) naming the organisation, its smallest
    /// base id and its bases' names comma-joined by id, counting the bases active or deleted
    /// since `activeSince`. An organisation without any base has a row without a base; one
    /// whose bases were all deleted before `activeSince` has none.
    public static func organisationBases(
        _ organisationIds: [Int], activeSince: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        let ids = Array(Set(organisationIds).filter { $0 != excludingOrganisation }).sorted()
        guard !ids.isEmpty else { return [] }
        var result: [BaseCount] = []
        for chunk in stride(from: 0, to: ids.count, by: SQL.maxIdsPerStatement) {
            let part = Array(ids[chunk..<min(ids.count, chunk + SQL.maxIdsPerStatement)])
            let rows = try await db.query(
                """
                SELECT o.id, o.label, c.id, c.name, \(SQL.notDeleted("c.deleted")), c.deleted FROM organisations o
                LEFT JOIN camps c ON c.organisation_id = o.id
                WHERE o.id IN (\(SQL.placeholders(part.count)))
                ORDER BY o.id, c.id
                """, part.map { .integer($0) }
            ) { row in
                (
                    organisation: row.int(0), organisationName: row.string(1), base: row.int(2), name: row.string(3),
                    active: (row.int(4) ?? 0) != 0, deleted: row.timestamp(5)
                )
            }
            var index: [Int: Int] = [:]
            for row in rows {
                guard let organisation = row.organisation else { continue }
                let counts: Bool
                if row.base == nil {
                    counts = true
                } else if row.active {
                    counts = true
                } else {
                    counts = row.deleted.map { $0.databaseText >= activeSince.databaseText } ?? true
                }
                guard counts else { continue }
                if let position = index[organisation] {
                    if let base = row.base {
                        let names = [result[position].baseName, row.name ?? ""].compactMap { $0 }
                        result[position].baseName = names.joined(separator: ",")
                        result[position].baseId = min(result[position].baseId ?? base, base)
                    }
                } else {
                    index[organisation] = result.count
                    result.append(
                        BaseCount(
                            organisationId: organisation, organisationName: row.organisationName, baseId: row.base,
                            baseName: row.base == nil ? nil : (row.name ?? ""), number: 0))
                }
            }
        }
        return result
    }

    private static func boxes(
        _ aggregate: String, from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        let sql = """
            SELECT o.id, o.label, c.id, c.name, \(aggregate) FROM stock s
            JOIN locations l ON l.id = s.location_id JOIN camps c ON c.id = l.camp_id
            JOIN organisations o ON o.id = c.organisation_id
            WHERE s.created >= ? AND s.created <= ?\(excludingOrganisation == nil ? "" : " AND o.id <> ?")
            GROUP BY o.id, o.label, c.id, c.name ORDER BY o.id, c.id
            """
        return try await grouped(
            sql, spans: 1, from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    private static func people(
        _ ids: String, spans: Int, from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        let sql = """
            SELECT o.id, o.label, c.id, c.name, COUNT(counted.id) FROM (\(ids)) counted
            LEFT JOIN people p ON p.id = counted.id
            LEFT JOIN camps c ON c.id = p.camp_id
            LEFT JOIN organisations o ON o.id = c.organisation_id\(excludingOrganisation == nil ? "" : "\nWHERE o.id IS NULL OR o.id <> ?")
            GROUP BY o.id, o.label, c.id, c.name ORDER BY o.id, c.id
            """
        return try await grouped(
            sql, spans: spans, from: from, to: to, excludingOrganisation: excludingOrganisation, in: db)
    }

    private static func grouped(
        _ sql: String, spans: Int, from: Timestamp, to: Timestamp, excludingOrganisation: Int?, in db: any SQLQuerying
    ) async throws -> [BaseCount] {
        let pair: [SQLValue] = [.text(from.databaseText), .text(to.databaseText)]
        let binds =
            Array(repeating: pair, count: spans).flatMap { $0 } + (excludingOrganisation.map { [.integer($0)] } ?? [])
        return try await db.query(sql, binds) { row in
            BaseCount(
                organisationId: row.int(0), organisationName: row.string(1), baseId: row.int(2),
                baseName: row.string(3), number: row.int(4) ?? 0)
        }
    }
}
