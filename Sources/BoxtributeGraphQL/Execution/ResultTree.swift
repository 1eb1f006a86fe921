import GraphQL
import OrderedCollections

/// The response keys of the objects of one batch, in selection order, and whether each is
/// non-null: shared by all objects of the batch.
final class FieldLayout: Sendable {
    let keys: [String]
    let nonNull: [Bool]
    /// Each key as the JSON writer puts it before the value: `"key":`, with a leading comma
    /// after the first. Encoded once per layout instead of once per object.
    let jsonKeys: [[UInt8]]

    init(keys: [String], nonNull: [Bool]) {
        self.keys = keys
        self.nonNull = nonNull
        jsonKeys = keys.enumerated().map { index, key in
            var writer = JSONWriter(capacity: key.utf8.count + 4)
            if index > 0 { writer.raw(",") }
            writer.string(key)
            writer.raw(":")
            return writer.bytes
        }
    }

    static let empty = FieldLayout(keys: [], nonNull: [])
}

/// The response objects of one batch, filled in field by field: one array per selected field
/// holds that field's value for every object, so a batch of 50 boxes costs one array per
/// field instead of one node and one array per box.
final class ObjectBatch {
    var layout = FieldLayout.empty
    /// Per field of the layout, in order, the values of the batch's objects by row. Fields not
    /// yet resolved have no column.
    var columns: [[ResultNode]] = []
    /// Per object in the order the parents appended them, its row; `nil` when every object has
    /// a row of its own. Objects shared by identity share the row of their first occurrence.
    var rows: [Int]?

    /// The row that object `index` (in appending order) shows.
    func row(of index: Int) -> Int { rows?[index] ?? index }
}

/// A node of the response tree before null propagation.
enum ResultNode {
    case null
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([ResultNode], itemsNonNull: Bool)
    /// Object `index` (in appending order) of a batch.
    case object(ObjectBatch, index: Int)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Applies GraphQL null propagation: a null in a non-null position nulls the
    /// nearest nullable ancestor. Returns `.null` when this node itself must be null.
    func propagatingNulls() -> ResultNode {
        switch self {
        case .list(let items, let itemsNonNull):
            var result: [ResultNode] = []
            result.reserveCapacity(items.count)
            for item in items {
                let normalised = item.propagatingNulls()
                if itemsNonNull && normalised.isNull { return .null }
                result.append(normalised)
            }
            return .list(result, itemsNonNull: itemsNonNull)
        case .object(let batch, let index):
            let row = batch.row(of: index)
            for field in batch.columns.indices {
                let normalised = batch.columns[field][row].propagatingNulls()
                if batch.layout.nonNull[field] && normalised.isNull { return .null }
                batch.columns[field][row] = normalised
            }
            return self
        default:
            return self
        }
    }

    /// Converts to GraphQLSwift's `Map` (tests compare against its executor).
    var map: Map {
        switch self {
        case .null: .null
        case .string(let value): .string(value)
        case .int(let value): .number(Number(value))
        case .double(let value): .number(Number(value))
        case .bool(let value): .bool(value)
        case .list(let items, _): .array(items.map(\.map))
        case .object(let batch, let index):
            .dictionary(
                .init(
                    uniqueKeysWithValues: batch.columns.indices.map { field in
                        (batch.layout.keys[field], batch.columns[field][batch.row(of: index)].map)
                    }))
        }
    }
}

extension ResultNode {
    /// Appends to `paths` every path from this node to row `row` of `target`, each after
    /// `prefix`. Only errors need paths, so they are searched for instead of kept for every
    /// field; an object shared by identity has one path per place it appears.
    func collectPaths(
        to target: ObjectBatch, row: Int, prefix: [PathComponent], into paths: inout [[PathComponent]]
    ) {
        switch self {
        case .object(let batch, let index):
            let shownRow = batch.row(of: index)
            if batch === target && shownRow == row {
                paths.append(prefix)
                return
            }
            for field in batch.columns.indices {
                batch.columns[field][shownRow].collectPaths(
                    to: target, row: row, prefix: prefix + [.key(batch.layout.keys[field])], into: &paths)
            }
        case .list(let items, _):
            for (index, item) in items.enumerated() {
                item.collectPaths(to: target, row: row, prefix: prefix + [.index(index)], into: &paths)
            }
        default:
            return
        }
    }
}

/// One element of an error path.
public enum PathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)
}
