import GraphQL
import OrderedCollections

/// The response keys of the objects of one batch, in selection order, and whether each is
/// non-null: shared by all objects of the batch.
final class FieldLayout: Sendable {
    let keys: [String]
    let nonNull: [Bool]

    init(keys: [String], nonNull: [Bool]) {
        self.keys = keys
        self.nonNull = nonNull
    }

    static let empty = FieldLayout(keys: [], nonNull: [])
}

/// A response object being filled in; values are appended in the order of its layout's keys.
final class ObjectNode {
    var layout = FieldLayout.empty
    var values: [ResultNode] = []

    var keys: [String] { layout.keys }

    func reserveCapacity(_ capacity: Int) { values.reserveCapacity(capacity) }

    func append(_ value: ResultNode) { values.append(value) }
}

/// A node of the response tree before null propagation.
enum ResultNode {
    case null
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([ResultNode], itemsNonNull: Bool)
    case object(ObjectNode)

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
        case .object(let node):
            for index in node.values.indices {
                let normalised = node.values[index].propagatingNulls()
                if node.layout.nonNull[index] && normalised.isNull { return .null }
                node.values[index] = normalised
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
        case .object(let node):
            .dictionary(.init(uniqueKeysWithValues: zip(node.keys, node.values.map(\.map))))
        }
    }
}

extension ResultNode {
    /// The path from this node to `target` (found by identity), `nil` when it is not below.
    /// Only errors need paths, so they are searched for instead of kept for every field.
    func path(to target: ObjectNode) -> [PathComponent]? {
        switch self {
        case .object(let node):
            if node === target { return [] }
            for (index, value) in node.values.enumerated() {
                if let rest = value.path(to: target) { return [.key(node.layout.keys[index])] + rest }
            }
            return nil
        case .list(let items, _):
            for (index, item) in items.enumerated() {
                if let rest = item.path(to: target) { return [.index(index)] + rest }
            }
            return nil
        default:
            return nil
        }
    }
}

/// One element of an error path.
public enum PathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)
}
