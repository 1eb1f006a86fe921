/// Reads of the change history (`history`).
public protocol HistoryRepository: Sendable {
    /// The history of each box, newest first, keyed by box id.
    func entries(ofBoxes boxes: [Box]) async throws -> [Box.ID: [HistoryEntry]]
}

/// Writes of the change history: rows stamped with the transaction's user and time.
public protocol HistoryWriteRepository: Sendable {
    /// Writes one row per entry for records of `table`, in one statement.
    func record(_ entries: [(recordId: Int, change: HistoryChange)], table: String) async throws
}

extension HistoryWriteRepository {
    /// Writes the changes of one record.
    public func record(_ changes: [HistoryChange], table: String, recordId: Int) async throws {
        try await record(changes.map { (recordId, $0) }, table: table)
    }
}
