import BoxtributeDatabase
import BoxtributeDomain

extension HistoryStore {
    /// Writes history rows for records of `table`, all stamped with the scope's user and time.
    /// One statement for any number of rows.
    static func record(
        _ entries: [(recordId: Int, change: HistoryChange)], table: String, in scope: SQLWriteContext
    )
        async throws
    {
        guard !entries.isEmpty else { return }
        var binds: [SQLValue] = []
        binds.reserveCapacity(entries.count * 9)
        for (recordId, change) in entries {
            binds += [
                .text(table), .integer(recordId), .text(change.changes), .integer(scope.user.id),
                .text(scope.now.databaseText), SQLValue(change.fromInt), SQLValue(change.toInt),
                SQLValue(change.fromFloat), SQLValue(change.toFloat),
            ]
        }
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
        try await scope.execute(
            """
            INSERT INTO history (tablename, record_id, changes, user_id, changedate, from_int, to_int, from_float, \
            to_float) VALUES \(Array(repeating: row, count: entries.count).joined(separator: ", "))
            """, binds)
    }

    /// Writes the same kind of history rows for one record.
    static func record(_ changes: [HistoryChange], table: String, recordId: Int, in scope: SQLWriteContext) async throws
    {
        try await record(changes.map { (recordId, $0) }, table: table, in: scope)
    }
}
