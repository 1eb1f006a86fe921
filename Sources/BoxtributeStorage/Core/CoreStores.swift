import BoxtributeDatabase
import BoxtributeDomain

/// SQL for bases (`camps`).
public enum BaseStore {
    static let columns = "c.id, c.name, c.organisation_id, c.deleted, c.currencyname, c.monetary_currency_code"

    static func decode(_ row: SQLRow) -> Base {
        Base(
            id: row.id(0) ?? 0, name: row.string(1), organisationId: row.int(2) ?? 0, deletedOn: row.timestamp(3),
            freeshopCurrencyName: row.string(4), monetaryCurrencyCode: row.string(5) ?? "")
    }

    /// Bases by id, keyed by id.
    public static func byIds(_ ids: [Base.ID], in db: any SQLQuerying) async throws -> [Base.ID: Base] {
        try await db.rowsById(
            columns: columns, from: "camps c", idColumn: "c.id", ids: ids, decode: decode, id: \.id)
    }

    /// Bases visible in `scope`, id order; deleted ones only when asked.
    public static func list(scope: BaseScope, includeDeleted: Bool, in db: any SQLQuerying) async throws -> [Base] {
        var filter = SQLConditions()
        filter.restrict("c.id", to: scope)
        if !includeDeleted { filter.add(SQL.notDeleted("c.deleted")) }
        return try await db.query(
            "SELECT \(columns) FROM camps c\(filter.whereClause) ORDER BY c.id", filter.binds, decode: decode)
    }

    /// Bases of the organisations `organisationIds`, id order.
    public static func ofOrganisations(
        _ organisationIds: [Int], includeDeleted: Bool, in db: any SQLQuerying
    )
        async throws -> [Base]
    {
        guard !organisationIds.isEmpty else { return [] }
        let deleted = includeDeleted ? "" : " AND " + SQL.notDeleted("c.deleted")
        return try await db.query(
            "SELECT \(columns) FROM camps c WHERE c.organisation_id IN (\(SQL.placeholders(organisationIds.count)))\(deleted) ORDER BY c.id",
            organisationIds.map(SQLValue.init), decode: decode)
    }
}

/// SQL for organisations.
public enum OrganisationStore {
    static func decode(_ row: SQLRow) -> Organisation { Organisation(id: row.int(0) ?? 0, name: row.string(1) ?? "") }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: Organisation] {
        try await db.rowsById(
            columns: "id, label", from: "organisations", idColumn: "id", ids: ids, decode: decode, id: \.id)
    }

    /// Organisations not deleted, id order.
    public static func all(in db: any SQLQuerying) async throws -> [Organisation] {
        try await db.query("SELECT id, label FROM organisations WHERE deleted IS NULL ORDER BY id", [], decode: decode)
    }
}

/// SQL for users (`cms_users`).
public enum UserStore {
    static let columns = "id, naam, email, valid_firstday, valid_lastday, lastlogin, lastaction"

    static func decode(_ row: SQLRow) -> User {
        User(
            id: row.int(0) ?? 0, name: row.string(1), email: row.string(2), validFirstDay: row.timestamp(3),
            validLastDay: row.timestamp(4), lastLogin: row.timestamp(5), lastAction: row.timestamp(6))
    }

    public static func byIds(_ ids: [Int], in db: any SQLQuerying) async throws -> [Int: User] {
        try await db.rowsById(
            columns: columns, from: "cms_users", idColumn: "id", ids: ids, decode: decode, id: \.id)
    }

    public static func all(in db: any SQLQuerying) async throws -> [User] {
        try await db.query("SELECT \(columns) FROM cms_users ORDER BY id", [], decode: decode)
    }
}
