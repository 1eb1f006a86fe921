/// The few places where the SQL of the stores differs between SQLite and MySQL. Everything
/// else is written once, in the subset both engines run the same way.
extension SQLDialect {
    /// Appended to a `SELECT` inside a transaction to lock the rows it reads until the
    /// transaction ends (read-then-write without lost updates): ` FOR UPDATE` on MySQL,
    /// nothing on SQLite, whose single writer already runs write transactions one at a time.
    public var forUpdate: String {
        switch self {
        case .sqlite: ""
        case .mysql: " FOR UPDATE"
        }
    }

    /// `expression` rounded to three significant digits, half up as `DECIMAL` arithmetic
    /// rounds; NULL for NULL, zero or negative values (the reference's
    /// `ROUND(x, 3 - FLOOR(LOG10(x) + 1))`, `statistics/sql.py`). SQLite calls the function
    /// every connection registers (`bx_significant3`).
    public func threeSignificantDigits(_ expression: String) -> String {
        switch self {
        // The guard also keeps MariaDB from warning "Division by 0" for LOG10(0).
        case .mysql: "CASE WHEN \(expression) > 0 THEN ROUND(\(expression), 3 - FLOOR(LOG10(\(expression)) + 1)) END"
        case .sqlite: "bx_significant3(\(expression))"
        }
    }

    /// Written right after a table's alias: the engine reads the table through index `name`
    /// (`FORCE INDEX` on MySQL, `INDEXED BY` on SQLite; both refuse a statement whose index is
    /// missing, so only for indexes our migrations create). For look-ups whose best index the
    /// planners miss without statistics.
    public func usingIndex(_ name: String) -> String {
        switch self {
        case .mysql: "FORCE INDEX (\(name))"
        case .sqlite: "INDEXED BY \(name)"
        }
    }

    /// Full years from `birthDate` to `today`, both `YYYY-MM-DD` expressions (an age).
    public func fullYears(from birthDate: String, to today: String) -> String {
        switch self {
        case .mysql: "TIMESTAMPDIFF(YEAR, \(birthDate), \(today))"
        case .sqlite:
            "(CAST(substr(\(today), 1, 4) AS INTEGER) - CAST(substr(\(birthDate), 1, 4) AS INTEGER)"
                + " - (substr(\(today), 6, 5) < substr(\(birthDate), 6, 5)))"
        }
    }
}

extension SQL {
    /// Written right after `SELECT`: MySQL joins the tables in the order the `FROM` clause
    /// lists them (`STRAIGHT_JOIN`), as SQLite does for `CROSS JOIN`; SQLite reads it as a
    /// comment. For walks along an index of the first table that must not become a sort.
    public static let joinInWrittenOrder = "/*!STRAIGHT_JOIN*/"
}
