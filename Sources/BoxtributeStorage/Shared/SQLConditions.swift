import BoxtributeDatabase
import BoxtributeDomain

/// The conditions of a `WHERE` clause, AND-combined, and their binds, built one at a time.
struct SQLConditions {
    var conditions: [String] = []
    var binds: [SQLValue] = []

    init(_ conditions: [String] = [], binds: [SQLValue] = []) {
        self.conditions = conditions
        self.binds = binds
    }

    /// Adds `condition`, whose placeholders take `binds`.
    mutating func add(_ condition: String, _ binds: [SQLValue] = []) {
        conditions.append(condition)
        self.binds += binds
    }

    /// Adds `column IN (...)` over `values`.
    mutating func add(_ column: String, in values: [SQLValue]) {
        add("\(column) IN (\(SQL.placeholders(values.count)))", values)
    }

    /// Keeps the rows whose base `column` is among the bases of `scope` (no condition for all).
    mutating func restrict(_ column: String, to scope: BaseScope) {
        if case .only(let ids) = scope { add(column, in: ids.map(SQLValue.init)) }
    }

    /// `" WHERE a AND b"`, or nothing without conditions.
    var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    /// `" AND a AND b"`, to follow a clause's own condition, or nothing.
    var andClause: String { conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ") }
}
