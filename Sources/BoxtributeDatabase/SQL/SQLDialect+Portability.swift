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
}

extension SQL {
    /// Written right after `SELECT`: MySQL joins the tables in the order the `FROM` clause
    /// lists them (`STRAIGHT_JOIN`), as SQLite does for `CROSS JOIN`; SQLite reads it as a
    /// comment. For walks along an index of the first table that must not become a sort.
    public static let joinInWrittenOrder = "/*!STRAIGHT_JOIN*/"
}
