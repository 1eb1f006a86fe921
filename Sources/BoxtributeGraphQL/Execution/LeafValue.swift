import BoxtributeDomain

/// A scalar or enum value as a resolver returns it, before it is serialised for the field's type.
public enum LeafValue: Sendable {
    case null
    case int(Int)
    case string(String)
    case double(Double)
    case bool(Bool)
    case timestamp(Timestamp)
    case enumName(String)

    /// The value as the general completion path takes it (`nil` for null).
    var boxed: (any Sendable)? {
        switch self {
        case .null: nil
        case .int(let value): value
        case .string(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .timestamp(let value): value
        case .enumName(let value): value
        }
    }
}

/// A Swift value that a scalar or enum field returns as it is.
public protocol LeafRepresentable: Sendable {
    var leafValue: LeafValue { get }
}

extension Int: LeafRepresentable { public var leafValue: LeafValue { .int(self) } }
extension String: LeafRepresentable { public var leafValue: LeafValue { .string(self) } }
extension Double: LeafRepresentable { public var leafValue: LeafValue { .double(self) } }
extension Bool: LeafRepresentable { public var leafValue: LeafValue { .bool(self) } }
extension Timestamp: LeafRepresentable { public var leafValue: LeafValue { .timestamp(self) } }
extension Tagged: LeafRepresentable where RawValue: LeafRepresentable {
    public var leafValue: LeafValue { rawValue.leafValue }
}
extension Optional: LeafRepresentable where Wrapped: LeafRepresentable {
    public var leafValue: LeafValue { self?.leafValue ?? .null }
}

/// A Swift value exposed as a GraphQL enum value.
public protocol GraphQLEnumValue: LeafRepresentable {
    var graphQLName: String { get }
}

extension GraphQLEnumValue {
    public var leafValue: LeafValue { .enumName(graphQLName) }
}
