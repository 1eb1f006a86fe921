import BoxtributeDatabase
import BoxtributeDomain

/// SQL of share links (`shareable_link`).
enum ShareableLinkStore {
    /// The link of `code` (the caller lower-cases it) with its base's and organisation's names,
    /// which are nil when the base is gone. A `view` the enum does not know is an internal error,
    /// as in the reference.
    static func link(code: String, in db: any SQLQuerying) async throws -> ResolvedShareableLink? {
        let sql = """
            SELECT l.id, l.code, l.valid_until, l.view, l.base_id, l.url_parameters, l.created_on, l.created_by_id, c.name, o.label
            FROM shareable_link l LEFT JOIN camps c ON c.id = l.base_id LEFT JOIN organisations o ON o.id = c.organisation_id
            WHERE l.code = ?
            """
        return try await db.query(sql, [.text(code)]) { row in
            guard let view = row.string(3).flatMap(ShareableView.init(rawValue:)) else {
                throw DomainError.internalError("Invalid value for ShareableView")
            }
            let link = ShareableLink(
                id: row.int(0) ?? 0, code: row.string(1) ?? "", baseId: row.id(4), urlParameters: row.string(5),
                view: view, validUntil: row.timestamp(2),
                createdOn: try row.timestamp(6).orThrow(DomainError.databaseFailure), createdBy: row.int(7))
            return ResolvedShareableLink(link: link, baseName: row.string(8), organisationName: row.string(9))
        }.first
    }

    /// Inserts `link`; returns its id.
    static func insert(_ link: NewShareableLink, in context: SQLWriteContext) async throws -> Int {
        let inserted = try await context.execute(
            """
            INSERT INTO shareable_link (code, valid_until, view, base_id, url_parameters, created_on, created_by_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(link.code), .text(link.validUntil.databaseText), .text(link.view.rawValue), SQLValue(link.baseId),
                SQLValue(link.urlParameters), .text(link.createdOn.databaseText), .integer(link.createdBy),
            ])
        return inserted.lastInsertId
    }
}
