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

/// A response object being filled in; values are appended in the order of its layout's keys.
final class ObjectNode {
    var layout = FieldLayout.empty
    var values: [ResultNode] = []
    /// The node this one shows instead of its own (an object shared by identity that appeared
    /// earlier in the same batch); it is never itself an alias.
    var canonical: ObjectNode?

    /// The node whose values this one shows.
    var resolved: ObjectNode { canonical ?? self }

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
        case .object(let shown):
            let node = shown.resolved
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
        case .object(let shown):
            .dictionary(.init(uniqueKeysWithValues: zip(shown.resolved.keys, shown.resolved.values.map(\.map))))
        }
    }
}

extension ResultNode {
    /// Appends to `paths` every path from this node to `target` (by identity), each after
    /// `prefix`. Only errors need paths, so they are searched for instead of kept for every
    /// field; an object shared by identity has one path per place it appears.
    func collectPaths(to target: ObjectNode, prefix: [PathComponent], into paths: inout [[PathComponent]]) {
        switch self {
        case .object(let shown):
            let node = shown.resolved
            if node === target {
                paths.append(prefix)
                return
            }
            for (index, value) in node.values.enumerated() {
                value.collectPaths(to: target, prefix: prefix + [.key(node.layout.keys[index])], into: &paths)
            }
        case .list(let items, _):
            for (index, item) in items.enumerated() {
                item.collectPaths(to: target, prefix: prefix + [.index(index)], into: &paths)
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
