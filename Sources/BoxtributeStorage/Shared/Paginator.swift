import BoxtributeDatabase
import BoxtributeDomain

/// Runs the reference's pagination over any filtered selection (`graph_ql/pagination.py`):
/// one statement for the page rows, one for the total and the "beyond" flag.
public struct Paginator: Sendable {
    /// `FROM ... [JOIN ...]`.
    public var from: String
    /// The row id column the cursor compares against.
    public var idColumn: String
    /// Filter conditions, AND-combined.
    public var conditions: [String]
    public var binds: [SQLValue]
    /// `ORDER BY` clause content.
    public var order: String
    /// A `FROM` clause for the page rows only, when their order deserves another join order
    /// than the count (which keeps `from`). Its tables are joined in the order written: write
    /// `CROSS JOIN` (SQLite); the statement carries ``SQL/joinInWrittenOrder`` (MySQL).
    public var pageFrom: String?

    public init(
        from: String, idColumn: String, conditions: [String], binds: [SQLValue], order: String, pageFrom: String? = nil
    ) {
        self.from = from
        self.pageFrom = pageFrom
        self.idColumn = idColumn
        self.conditions = conditions
        self.binds = binds
        self.order = order
    }

    public func page<Element: Sendable>(
        columns: String, request: PageRequest, in db: any SQLQuerying, decode: (SQLRow) -> Element,
        id: (Element) -> Int
    ) async throws -> Page<Element> {
        let filter = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        let cursorCondition = "\(idColumn) \(request.forward ? ">" : "<") ?"
        let rows = try await db.query(
            "SELECT \(pageFrom == nil ? "" : SQL.joinInWrittenOrder + " ")\(columns) \(pageFrom ?? from) WHERE \(filter) AND \(cursorCondition) ORDER BY \(order) LIMIT \(request.limit + 1)",
            binds + [.integer(request.cursor)], decode: decode)
        var total = 0
        var beyond = false
        if let boundary = Page.beyondBoundary(of: rows, request: request, id: id) {
            let counts = try await db.queryReusingUntilChange(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN \(idColumn) \(boundary.comparison) ? THEN 1 ELSE 0 END), 0) \(from) WHERE \(filter)",
                [.integer(boundary.id)] + binds)
            total = counts.first?.int(0) ?? 0
            beyond = (counts.first?.int(1) ?? 0) > 0
        } else {
            total =
                try await db.queryReusingUntilChange("SELECT COUNT(*) \(from) WHERE \(filter)", binds).first?.int(0)
                ?? 0
        }
        return Page.assemble(rows: rows, request: request, totalCount: total, id: id, hasRowsBeyond: beyond)
    }
}
