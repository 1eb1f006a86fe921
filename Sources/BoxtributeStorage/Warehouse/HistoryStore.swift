import BoxtributeDatabase
import BoxtributeDomain
import Foundation

/// Builds `Box.history` from `history` rows and tag assignments (the reference's
/// `business_logic/warehouse/box/fields.py`).
public enum HistoryStore {
    private struct RawEntry {
        var id: Int
        var changes: String
        var date: Timestamp?
        var userId: Int?
        var from: Int?
        var to: Int?
    }

    /// Lookups that turn integer changes into names, by `changes` column name.
    private static let lookups: [String: (table: String, column: String, message: String)] = [
        "location_id": ("locations", "label", "changed box location from %@ to %@"),
        "product_id": ("products", "name", "changed product type from %@ to %@"),
        "size_id": ("sizes", "label", "changed size from %@ to %@"),
        "display_unit_id": ("units", "symbol", "changed unit from %@ to %@"),
        "box_state_id": ("box_state", "label", "changed box state from %@ to %@"),
    ]

    /// The history of each box, newest first.
    public static func entries(ofBoxes boxes: [Box], in db: any SQLQuerying) async throws -> [Box.ID: [HistoryEntry]] {
        let boxIds = boxes.map(\.id.rawValue)
        guard !boxIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT id, record_id, changes, changedate, user_id, from_int, to_int FROM history \
            WHERE tablename = 'stock' AND record_id IN (\(SQL.placeholders(boxIds.count))) ORDER BY id DESC
            """, boxIds.map(SQLValue.init))
        var raw: [Int: [RawEntry]] = [:]
        var wanted: [String: Set<Int>] = [:]
        for row in rows {
            let entry = RawEntry(
                id: row.int(0) ?? 0, changes: row.string(2) ?? "", date: row.timestamp(3), userId: row.int(4),
                from: row.int(5), to: row.int(6))
            raw[row.int(1) ?? 0, default: []].append(entry)
            if lookups[entry.changes] != nil {
                for value in [entry.from, entry.to].compactMap({ $0 }) {
                    wanted[entry.changes, default: []].insert(value)
                }
            }
        }
        var names: [String: [Int: String]] = [:]
        for (change, ids) in wanted {
            guard let lookup = lookups[change] else { continue }
            let list = Array(ids)
            let found = try await db.query(
                "SELECT id, \(lookup.column) FROM \(lookup.table) WHERE id IN (\(SQL.placeholders(list.count)))",
                list.map(SQLValue.init))
            names[change] = Dictionary(
                found.map { ($0.int(0) ?? 0, $0.string(1) ?? "") }, uniquingKeysWith: { a, _ in a })
        }

        let relations = try await db.query(
            """
            SELECT tr.id, tr.object_id, t.label, tr.created_on, tr.created_by_id, tr.deleted_on, tr.deleted_by_id \
            FROM tags_relations tr JOIN tags t ON t.id = tr.tag_id \
            WHERE tr.object_type = 'Stock' AND tr.object_id IN (\(SQL.placeholders(boxIds.count))) ORDER BY tr.id
            """, boxIds.map(SQLValue.init))

        var result: [Box.ID: [HistoryEntry]] = [:]
        for box in boxes {
            var entries: [HistoryEntry] = []
            for entry in raw[box.id.rawValue] ?? [] {
                guard let message = message(for: entry, names: names) else { continue }
                entries.append(
                    HistoryEntry(id: String(entry.id), changes: message, changeDate: entry.date, userId: entry.userId))
            }
            var removals: [HistoryEntry] = []
            for relation in relations where relation.int(1) == box.id.rawValue {
                let label = relation.string(2) ?? ""
                if let created = relation.timestamp(3), created != box.audit.createdOn {
                    entries.append(
                        HistoryEntry(
                            id: "ta\(relation.int(0) ?? 0)", changes: "assigned tag '\(label)' to box",
                            changeDate: created,
                            userId: relation.int(4)))
                }
                if let deleted = relation.timestamp(5) {
                    removals.append(
                        HistoryEntry(
                            id: "tr\(relation.int(0) ?? 0)", changes: "removed tag '\(label)' from box",
                            changeDate: deleted, userId: relation.int(6)))
                }
            }
            entries += removals
            // Newest first; ties keep the group order (history, assignments, removals).
            let ordered = entries.enumerated().sorted { lhs, rhs in
                let left = lhs.element.changeDate?.databaseText ?? ""
                let right = rhs.element.changeDate?.databaseText ?? ""
                return left != right ? left > right : lhs.offset < rhs.offset
            }
            result[box.id] = ordered.map(\.element)
        }
        return result
    }

    /// The user-facing message of a `history` row; `nil` when a referenced row is gone
    /// (the reference then shows mismatched texts; we leave the entry out).
    private static func message(for entry: RawEntry, names: [String: [Int: String]]) -> String? {
        let changes = entry.changes
        if let lookup = lookups[changes] {
            guard let from = entry.from.flatMap({ names[changes]?[$0] }),
                let to = entry.to.flatMap({ names[changes]?[$0] })
            else { return nil }
            return lookup.message.replacingFirst("%@", with: from).replacingFirst("%@", with: to)
        }
        if changes == "items" {
            guard let from = entry.from, let to = entry.to else { return nil }
            return "changed the number of items from \(from) to \(to)"
        }
        if changes.hasPrefix("comments changed") {
            return "changed comments" + changes.dropFirst("comments changed".count)
        }
        if changes.hasPrefix("Record") { return String(changes.dropFirst(7)) + " box" }
        if changes == "New Qr-code assigned by pdf generation." { return "created QR code label for box" }
        return changes
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
