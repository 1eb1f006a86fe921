import BoxtributeDatabase
import BoxtributeDomain

/// SQL of the `housekeeping` cron job (the reference's `cron/housekeeping.py`).
public enum HousekeepingStore {
    /// Repairs the e-mail addresses that carry the `.deleted.<id>` suffix more than once
    /// (``DeletedEmailRepair``), in one transaction. Returns the number of addresses changed.
    public static func repairDeletedEmails(in database: any Database) async throws -> Int {
        try await database.transaction { connection in
            // A cheap pre-filter; the rule itself decides (the `LIKE` is case-insensitive on both engines).
            let candidates = try await connection.query(
                "SELECT id, email FROM cms_users WHERE email LIKE '%.deleted.%.deleted.%'", []
            ) { row in (id: row.int(0), email: row.string(1)) }
            var repaired = 0
            for candidate in candidates {
                guard let id = candidate.id, let email = candidate.email,
                    let fixed = DeletedEmailRepair.repaired(email), fixed != email
                else { continue }
                _ = try await connection.execute(
                    "UPDATE cms_users SET email = ? WHERE id = ?", [.text(fixed), .integer(id)])
                repaired += 1
            }
            return repaired
        }
    }
}
