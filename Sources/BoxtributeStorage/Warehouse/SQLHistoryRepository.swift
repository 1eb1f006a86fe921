import BoxtributeDatabase
import BoxtributeDomain

/// ``HistoryRepository`` in SQL (`history`).
struct SQLHistoryRepository: HistoryRepository {
    let db: any SQLQuerying

    func entries(ofBoxes boxes: [Box]) async throws -> [Box.ID: [HistoryEntry]] {
        try await HistoryStore.entries(ofBoxes: boxes, in: db)
    }
}

/// ``HistoryWriteRepository`` in SQL: rows stamped with the transaction's user and time.
struct SQLHistoryWriteRepository: HistoryWriteRepository {
    let context: SQLWriteContext

    func record(_ entries: [(recordId: Int, change: HistoryChange)], table: String) async throws {
        try await HistoryStore.record(entries, table: table, in: context)
    }
}
