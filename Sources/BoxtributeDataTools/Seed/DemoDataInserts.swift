import BoxtributeDatabase

/// One prepared statement with its binds.
struct DemoStatement: Sendable {
    let sql: String
    let binds: [SQLValue]
}

/// Collects rows of one table and turns them into multi-row `INSERT ... VALUES (?, ...), (...)`
/// statements: plain, portable SQL (SQLite and MySQL) with at most 30 000 binds per statement
/// (SQLite allows 32 766, MySQL 65 535).
struct DemoInsertBuffer: Sendable {
    let table: String
    let columns: [String]
    let rowsPerStatement: Int
    /// Rows added over the buffer's lifetime.
    private(set) var totalRows = 0
    private var pending: [SQLValue] = []
    private var pendingRows = 0
    private var ready: [DemoStatement] = []
    private let fullStatementSQL: String

    init(_ table: String, _ columns: [String], maxRowsPerStatement: Int = 1000) {
        self.table = table
        self.columns = columns
        rowsPerStatement = max(1, min(maxRowsPerStatement, 30_000 / columns.count))
        fullStatementSQL = Self.sql(table: table, columns: columns, rows: rowsPerStatement)
        pending.reserveCapacity(rowsPerStatement * columns.count)
    }

    static func sql(table: String, columns: [String], rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }

    /// Adds one row; `values` must match `columns`.
    mutating func add(_ values: [SQLValue]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        pending.append(contentsOf: values)
        pendingRows += 1
        totalRows += 1
        if pendingRows == rowsPerStatement {
            ready.append(DemoStatement(sql: fullStatementSQL, binds: pending))
            pending.removeAll(keepingCapacity: true)
            pendingRows = 0
        }
    }

    /// The statements for every row added since the last call.
    mutating func drain() -> [DemoStatement] {
        if pendingRows > 0 {
            let sql =
                pendingRows == rowsPerStatement
                ? fullStatementSQL : Self.sql(table: table, columns: columns, rows: pendingRows)
            ready.append(DemoStatement(sql: sql, binds: pending))
            pending.removeAll(keepingCapacity: true)
            pendingRows = 0
        }
        defer { ready = [] }
        return ready
    }
}

extension SQLValue {
    /// Shorthand for the generator's many integer and text columns.
    static func int(_ value: Int) -> SQLValue { .integer(value) }
    static func opt(_ value: Int?) -> SQLValue { value.map { .integer($0) } ?? .null }
    static func opt(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    static func opt(_ value: Double?) -> SQLValue { value.map { .real($0) } ?? .null }
    /// A timestamp column from Unix seconds.
    static func time(_ seconds: Int) -> SQLValue { .text(DemoClock.text(seconds)) }
    static func time(_ seconds: Int?) -> SQLValue { seconds.map { .text(DemoClock.text($0)) } ?? .null }
}
