import GraphQL
import OrderedCollections

/// A response object being filled in; fields are appended in selection order.
final class ObjectNode {
    var keys: [String] = []
    var values: [ResultNode] = []
    var nonNull: [Bool] = []

    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        nonNull.reserveCapacity(capacity)
    }

    func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        nonNull.reserveCapacity(capacity)
    }

    func append(_ key: String, _ value: ResultNode, nonNull isNonNull: Bool) {
        keys.append(key)
        values.append(value)
        nonNull.append(isNonNull)
    }
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
                if node.nonNull[index] && normalised.isNull { return .null }
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

/// A position in the response, for error paths.
final class ResponsePath {
    let parent: ResponsePath?
    let key: String?
    let index: Int

    init(parent: ResponsePath?, key: String) {
        self.parent = parent
        self.key = key
        self.index = 0
    }

    init(parent: ResponsePath?, index: Int) {
        self.parent = parent
        self.key = nil
        self.index = index
    }

    var components: [PathComponent] {
        var result: [PathComponent] = []
        var node: ResponsePath? = self
        while let current = node {
            result.append(current.key.map(PathComponent.key) ?? .index(current.index))
            node = current.parent
        }
        return result.reversed()
    }
}

/// One element of an error path.
public enum PathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)
}
