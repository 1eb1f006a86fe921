import BoxtributeDatabase
import BoxtributeDomain

/// SQL of `remove-base-access` (the reference's `cli/main.py` and `cli/remove_base_access.py`):
/// the base's description, what the removal would change, and the change itself in one
/// transaction.
public enum BaseAccessStore {
    /// The base to close and its organisation.
    public struct BaseSummary: Sendable, Equatable {
        public var baseId: Int
        public var baseName: String
        public var organisationId: Int
        public var organisationName: String
        /// Active (not deleted) bases of the organisation, this one included when active.
        public var activeBasesInOrganisation: Int
    }

    /// What the removal changes in the database.
    public struct Change: Sendable, Equatable {
        public var baseId: Int
        /// Ids of the base's Auth0 roles (`base_<id>_…`).
        public var roleIds: [String]
        /// `cms_users.id` of the users whose only base it is.
        public var singleBaseUserIds: [Int]

        public init(baseId: Int, roleIds: [String], singleBaseUserIds: [Int]) {
            self.baseId = baseId
            self.roleIds = roleIds
            self.singleBaseUserIds = singleBaseUserIds
        }
    }

    /// The rows a ``Change`` touches, for the dry run's log and the tests.
    public struct Preview: Sendable, Equatable {
        /// Whether the organisation is soft-deleted with its last active base.
        public var organisationDeleted: Bool
        /// Usergroups linked to this base only.
        public var singleBaseUsergroupIds: [Int]
        public var usergroupBaseRows: Int
        public var functionBaseRows: Int
        public var usergroupRoleRows: Int
        public var usergroupFunctionRows: Int
        /// Names of the users to anonymise.
        public var userNames: [String]

        public init(
            organisationDeleted: Bool, singleBaseUsergroupIds: [Int], usergroupBaseRows: Int, functionBaseRows: Int,
            usergroupRoleRows: Int, usergroupFunctionRows: Int, userNames: [String]
        ) {
            self.organisationDeleted = organisationDeleted
            self.singleBaseUsergroupIds = singleBaseUsergroupIds
            self.usergroupBaseRows = usergroupBaseRows
            self.functionBaseRows = functionBaseRows
            self.usergroupRoleRows = usergroupRoleRows
            self.usergroupFunctionRows = usergroupFunctionRows
            self.userNames = userNames
        }
    }

    /// The base, or `nil` when no base has `id`.
    public static func base(_ id: Int, in db: any SQLQuerying) async throws -> BaseSummary? {
        let rows = try await db.query(
            """
            SELECT c.id, c.name, o.id, o.label,
              (SELECT COUNT(*) FROM camps c2 WHERE c2.organisation_id = c.organisation_id AND \(SQL.notDeleted("c2.deleted")))
            FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?
            """, [.integer(id)]
        ) { row in
            BaseSummary(
                baseId: row.int(0) ?? id, baseName: row.string(1) ?? "", organisationId: row.int(2) ?? 0,
                organisationName: row.string(3) ?? "", activeBasesInOrganisation: row.int(4) ?? 0)
        }
        return rows.first
    }

    /// Usergroups linked to `baseId` and to no other base.
    public static func singleBaseUsergroups(of baseId: Int, in db: any SQLQuerying) async throws -> [Int] {
        try await db.query(
            """
            SELECT cuc.cms_usergroups_id FROM cms_usergroups_camps cuc
            WHERE cuc.cms_usergroups_id IN (SELECT cms_usergroups_id FROM cms_usergroups_camps WHERE camp_id = ?)
            GROUP BY cuc.cms_usergroups_id HAVING COUNT(*) = 1 ORDER BY cuc.cms_usergroups_id
            """, [.integer(baseId)]
        ) { row in row.int(0) }.compactMap { $0 }
    }

    /// What ``apply(_:now:in:)`` would change, read without changing anything.
    public static func preview(_ change: Change, in db: any SQLQuerying) async throws -> Preview {
        let base = [SQLValue.integer(change.baseId)]
        let groups = try await singleBaseUsergroups(of: change.baseId, in: db)
        let remainingActive = try await count(
            """
            SELECT COUNT(*) FROM camps c2 WHERE c2.organisation_id = (SELECT organisation_id FROM camps WHERE id = ?)
            AND c2.id <> ? AND \(SQL.notDeleted("c2.deleted"))
            """, base + base, in: db)
        let (roleCondition, roleBinds) = roleRowCondition(change)
        let usergroupBaseRows = try await count(
            "SELECT COUNT(*) FROM cms_usergroups_camps WHERE camp_id = ?", base, in: db)
        let functionBaseRows = try await count(
            "SELECT COUNT(*) FROM cms_functions_camps WHERE camps_id = ?", base, in: db)
        var roleRows = 0
        if let roleCondition {
            roleRows = try await count(
                "SELECT COUNT(*) FROM cms_usergroups_roles WHERE \(roleCondition)", roleBinds, in: db)
        }
        var functionRows = 0
        if !groups.isEmpty {
            functionRows = try await count(
                "SELECT COUNT(*) FROM cms_usergroups_functions WHERE cms_usergroups_id IN (\(SQL.placeholders(groups.count)))",
                groups.map { .integer($0) }, in: db)
        }
        var names: [String] = []
        if !change.singleBaseUserIds.isEmpty {
            names = try await db.query(
                "SELECT naam FROM cms_users WHERE id IN (\(SQL.placeholders(change.singleBaseUserIds.count))) ORDER BY id",
                change.singleBaseUserIds.map { .integer($0) }
            ) { row in row.string(0) ?? "" }
        }
        return Preview(
            organisationDeleted: remainingActive == 0, singleBaseUsergroupIds: groups,
            usergroupBaseRows: usergroupBaseRows, functionBaseRows: functionBaseRows, usergroupRoleRows: roleRows,
            usergroupFunctionRows: functionRows, userNames: names)
    }

    /// Closes the base in the database, in one transaction: the base is soft-deleted (its
    /// organisation too when no active base is left); its rows in `cms_usergroups_camps` and
    /// `cms_functions_camps` go; `cms_usergroups_roles` loses the base's roles and the rows of
    /// the single-base users' usergroups; the single-base usergroups lose their functions and
    /// are soft-deleted; the single-base users are anonymised. A repeated run keeps the first
    /// run's deletion times, so a re-run after a failed Auth0 step changes nothing twice.
    public static func apply(_ change: Change, now: Timestamp, in database: any Database) async throws {
        guard change.roleIds.count <= SQL.maxIdsPerStatement, change.singleBaseUserIds.count <= SQL.maxIdsPerStatement
        else { throw DatabaseError(kind: .other, message: "too many roles or users for one statement") }
        let time = SQLValue.text(now.databaseText)
        let base = SQLValue.integer(change.baseId)
        try await database.transaction { connection in
            let groups = try await singleBaseUsergroups(of: change.baseId, in: connection)
            _ = try await connection.execute(
                "UPDATE camps SET deleted = ? WHERE id = ? AND \(SQL.notDeleted("deleted"))", [time, base])
            _ = try await connection.execute(
                """
                UPDATE organisations SET deleted = ?
                WHERE id = (SELECT organisation_id FROM camps WHERE id = ?) AND \(SQL.notDeleted("deleted"))
                AND NOT EXISTS (
                    SELECT 1 FROM camps c2 WHERE c2.organisation_id = organisations.id AND \(SQL.notDeleted("c2.deleted")))
                """, [time, base])
            _ = try await connection.execute("DELETE FROM cms_usergroups_camps WHERE camp_id = ?", [base])
            _ = try await connection.execute("DELETE FROM cms_functions_camps WHERE camps_id = ?", [base])
            // Both kinds of rows before the users lose their usergroup: the base's roles, and
            // every role (`administrator` too) of the single-base users' usergroups.
            let (roleCondition, roleBinds) = roleRowCondition(change)
            if let roleCondition {
                _ = try await connection.execute("DELETE FROM cms_usergroups_roles WHERE \(roleCondition)", roleBinds)
            }
            if !groups.isEmpty {
                let binds = groups.map { SQLValue.integer($0) }
                let list = SQL.placeholders(groups.count)
                _ = try await connection.execute(
                    "DELETE FROM cms_usergroups_functions WHERE cms_usergroups_id IN (\(list))", binds)
                _ = try await connection.execute(
                    "UPDATE cms_usergroups SET deleted = ? WHERE id IN (\(list)) AND \(SQL.notDeleted("deleted"))",
                    [time] + binds)
            }
            if !change.singleBaseUserIds.isEmpty {
                _ = try await connection.execute(
                    """
                    UPDATE cms_users SET cms_usergroups_id = NULL,
                      deleted = CASE WHEN \(SQL.notDeleted("deleted")) THEN ? ELSE deleted END,
                      naam = 'Deleted user', is_admin = 0, pass = 'Deleted password',
                      created = NULL, created_by = NULL, modified = NULL, modified_by = NULL, resetpassword = NULL,
                      language = NULL, valid_firstday = NULL, lastlogin = '1970-01-01 00:00:00',
                      lastaction = '1970-01-01 00:00:00', email = NULL
                    WHERE id IN (\(SQL.placeholders(change.singleBaseUserIds.count)))
                    """, [time] + change.singleBaseUserIds.map { .integer($0) })
            }
        }
    }

    /// The `cms_usergroups_roles` rows to delete: the base's roles, and the rows of the
    /// single-base users' usergroups; `nil` when there are neither.
    private static func roleRowCondition(_ change: Change) -> (String?, [SQLValue]) {
        var parts: [String] = []
        var binds: [SQLValue] = []
        if !change.roleIds.isEmpty {
            parts.append("auth0_role_id IN (\(SQL.placeholders(change.roleIds.count)))")
            binds += change.roleIds.map { .text($0) }
        }
        if !change.singleBaseUserIds.isEmpty {
            parts.append(
                """
                cms_usergroups_id IN (SELECT DISTINCT u.cms_usergroups_id FROM cms_users u
                  WHERE u.cms_usergroups_id IS NOT NULL AND u.id IN (\(SQL.placeholders(change.singleBaseUserIds.count))))
                """)
            binds += change.singleBaseUserIds.map { .integer($0) }
        }
        return (parts.isEmpty ? nil : parts.joined(separator: " OR "), binds)
    }

    private static func count(_ sql: String, _ binds: [SQLValue], in db: any SQLQuerying) async throws -> Int {
        try await db.query(sql, binds) { row in row.int(0) ?? 0 }.first ?? 0
    }
}
